"""Find typed values in a sentence: numbers, counts, money, percentages, durations, dates.

One scan per kind, most specific first; each scan claims the characters it read, so a later,
more general scan cannot read them again ("Dec 26, 2024" is a date, not the numbers 26 and
2024; "COVID-19" and "Section 230" are names, not numbers). Every pattern is linear-time.

Conventions (the comparison relies on them):

- ``low == high`` for an exact value; a range ("between 10 and 12") has ``low < high``.
- A bound ("over 20 years") keeps ``low == high == 20`` and says ``bound="more_than"``.
- Durations keep their unit (years, months, weeks, days, hours, minutes, seconds); decades
  and centuries become years.
- Dates are ordinals (``date.toordinal()``); ``unit`` is the granularity: day, week, month,
  year, decade or interval. A year alone is the interval 1 Jan - 31 Dec. Dates read from
  relative words ("on Friday", "later this year") have ``relative=True`` and are only
  produced when the publication date is known.
- Money is in the currency's unit (USD, EUR, GBP, INR, JPY, CNY, ...), scales applied.
- Percentages and fractions ("two-thirds") are ``percent`` with unit "%";
  percentage points are unit "pp".
- Counts carry their noun, plural and lower-case, as unit ("members", "people", "votes").
- Votes ("by a vote of 120 to 40") give one ``count`` per side, unit "votes", with
  ``role`` "for", "against" or "abstain".
- Ages ("33-year-old") are ``quantity`` with unit "years old"; measures are ``quantity``
  with a short unit (km, mi, kg, t, m, ft, ha, acres, degrees, ...).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .dates import (
    DATE_DMY,
    DATE_ISO,
    DATE_MDY,
    DATE_SLASH,
    DECADE,
    FUTURE,
    MONTH_ALONE,
    MONTH_YEAR,
    RELATIVE,
    YEAR_RANGE,
    month_end,
    month_number,
    resolve_relative,
    safe_date,
)
from .numbers import (
    DIGITS,
    FRACTIONS,
    SCALE_SUFFIXES,
    UNITS,
    WORD_NUMBER,
    parse_digits,
    parse_words,
)
from .resources import COUNT_ADJECTIVES, NOT_COUNT_NOUNS
from .types import Bound, Value, ValueKind
from .units import (
    BOUND_WORDS,
    COUNT_STATES,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    DATE_BOUNDS,
    DURATION_UNITS,
    QUANTITY_UNITS,
    is_plural,
    plural,
)

# --------------------------------------------------------------------------- patterns

_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?(?!\w)|hrs\b|h\b)|"
                   r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b)",
                   re.IGNORECASE)
_PHONE = re.compile(r"\+\d{1,3}[\s.\-]?(?:\(\d{1,4}\)[\s.\-]?)?\d{2,4}(?:[\s.\-]\d{2,4}){1,4}|"
                    r"\(\d{3}\)\s*\d{3}[\s.\-]\d{4}|\b\d{3}[.\-]\d{3}[.\-]\d{4}\b")
_IDENT = re.compile(
    r"\b(?:Sections?|Articles?|Art\.|Sec\.|Chapter|Clause|Rule|Resolution|Paragraph|Para|"
    r"Amendment|Title|Flight|Route|Highway|Interstate|No\.|Number|Nos\.|Room|Unit|Page|Pages|"
    r"Vol\.|Volume|Episode|Season|Level|Category|Grade|Platform|Gate|Terminal|Ward|District|"
    r"Precinct|Block|Apollo|Windows|iPhone|Galaxy|Boeing|Airbus|Proposition|Prop\.|Item|"
    r"Exhibit|Table|Figure|Fig\.|Line|Channel|Bus|Train|Form|Annex|Appendix|Part|Book|Tier|"
    r"Model|Version|Bill|Act|Lot|Suite|Studio|Apartment|Apt\.|Street|St\.|Avenue|Ave\.|"
    r"Road|Rd\.|Camp|Pier|Berth|Hangar|Site|Zone|Sector|Phase|Stage|Round|Game|Match|"
    r"Week|Day|Verse|Psalm|Gospel|Opus|Op\.|Symphony|Super Bowl|WrestleMania)"
    r"\s+\d+[A-Za-z]?(?:\([a-z0-9]+\))*(?:\s*(?:and|or|to|-|–)\s*\d+[A-Za-z]?)?")
# Not before a dash and a number: "beat the Chiefs 20 - 13" is a score, not a name.
_NAME_NUMBER = re.compile(r"(?<=[a-z,;:] )([A-Z][A-Za-z]+) (\d+[A-Za-z]?)\b(?![.,]\d|\s*[-–]\s*\d)"
                          r"(?!\s+(?:people|children|men|women|police|"
                          r"(?!has\b|was\b|is\b|does\b|says\b)[a-z]+s)\b)")
_NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday usd eur gbp inr rs us uk""".split())
_URL = re.compile(r"https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|#\w+|@\w+")

_NUM_DIGITS = re.compile(
    rf"(?<![\w.,/\-:#@'’])({DIGITS})"
    r"(?:(bn|mn|mln|tn|m|k|b|km|kg|mm|cm|ml|mph|kph|ft|lbs?|gw|mw|kw|kwh)(?![A-Za-z0-9])|"
    r"(?![A-Za-z0-9]|\.\d|/\d))", re.IGNORECASE)
_NUM_WORDS = re.compile(r"(?<![\-])" + WORD_NUMBER, re.IGNORECASE)
_NUM_WORDS_LOWER = re.compile(r"(?<![\-])" + WORD_NUMBER)
_DIGIT = re.compile(r"\d")
_PHONE_HINT = re.compile(r"\d{3}[.\-]\d{3}")
_TIME_HINT = re.compile(r"\d[:.]\d|\d\s?[ap]\.?m", re.IGNORECASE)
_IDENT_HINT = re.compile(r"[A-Z][A-Za-z.]* \d")
_MON_HINT = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_MONTH_HINT = re.compile(r"January|February|March|April|May|June|July|August|September|"
                         r"October|November|December")
_FRACTION_HINTS = ("half", "third", "quarter", "fourth", "fifth", "sixth", "seventh",
                   "eighth", "ninth", "tenth")
_A_UNIT_HINTS = ("a decade", "a century", "a year", "a month", "a week", "a day", "an hour")
_VAGUE_HINTS = ("dozens", "hundreds", "thousands", "millions", "billions")
_VOTE_HINTS = ("vot", "favo", "against", "abstain")
_RELATIVE_HINTS = ("day", "week", "month", "year", "night", "tomorrow", "morning", "end of")
_A_NUMBER = re.compile(r"\b(an?)\s+$", re.IGNORECASE)

_CUR_PREFIX = re.compile(
    r"(US\$|AU\$|CA\$|HK\$|NZ\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₩|₽|₦|\bRs\.?|\bINR|\bUSD|\bEUR|"
    r"\bGBP|\bJPY|\bCHF|\bCNY|\bRMB)\s?$")
_BOUND_PREFIX = re.compile(
    r"\b(" + "|".join(re.escape(b) for b in sorted(BOUND_WORDS, key=len, reverse=True))
    + r")\s+$", re.IGNORECASE)
# A conversion in brackets keeps the bound of what it converts: "less than 50 km (30 miles)".
_CONVERTED_BOUND_PREFIX = re.compile(
    r"\b(" + "|".join(re.escape(b) for b in sorted(BOUND_WORDS, key=len, reverse=True))
    + r")\s+\d[\d.,]*\s*[^\W\d_]{0,12}\.?\s*\(\s*$", re.IGNORECASE)
DATE_BOUND_PREFIX = re.compile(r"\b(" + "|".join(DATE_BOUNDS) + r")\s+(?:the\s+)?$",
                                re.IGNORECASE)
_RANGE_PREFIX = re.compile(r"\b(between|from)\s+(?:US\$|\$|€|£|₹|Rs\.?\s?)?$", re.IGNORECASE)
# "$143-billion" too: a hyphen joins the scale in some newsrooms' style.
_SCALE = re.compile(
    r"(?:\s?-\s?|\s?)(million|billion|trillion|thousand|lakhs?|crores?|bn|mn|mln|tn)\b",
    re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s\-]$", re.IGNORECASE)
_PLUS = re.compile(r"\+(?!\d)|-plus\b|(-odd\b)", re.IGNORECASE)
_PAIR_NEXT = re.compile(r"\s?[-–]\s?\d")
_A_UNIT = re.compile(r"\b(an?)\s+(decade|century|year|month|week|day|hour)\b(\s+ago\b)?",
                     re.IGNORECASE)
AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
# A mixed number: "4½ months", "2 1/2 hours".
_MIXED_FRACTION = re.compile(r"\s?([½¼¾])|[\s-]([13])/([24])(?![\d/])")
_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_RANGE_NEXT = re.compile(
    rf"\s*(?:(-|–|—)|\s(to|and)\s)\s*(?:US\$|\$|€|£|₹|Rs\.?\s?)?({DIGITS}|{WORD_NUMBER})"
    r"(bn|mn|tn|m|k)?(?![A-Za-z0-9])", re.IGNORECASE)
_PERCENT = re.compile(r"\s?(%|percent\b|per\s?cent\b|pc\b|percentage\s+points?\b|"
                      r"points?\b(?=\s+(?:higher|lower|ahead|behind|lead)))", re.IGNORECASE)
_CUR_SUFFIX = re.compile(
    r"\s+(" + "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))
    + r")\b", re.IGNORECASE)
_DURATION = re.compile(
    r"(?:\s+|-)(years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|"
    r"decades?|century|centuries)\b(-old\b|\s+old\b|\s+of\s+age\b|\s+ago\b)?", re.IGNORECASE)
_QUANTITY = re.compile(
    r"(?:\s*|-)(" + "|".join(sorted((re.escape(u) for u in QUANTITY_UNITS), key=len,
                                      reverse=True)) + r")(?![A-Za-z0-9])", re.IGNORECASE)
_COUNT_NOUN = re.compile(r"(?:\s+|-)([A-Za-z][a-z'’\-]*[a-z])(?:\s+([a-z][a-z'’\-]*[a-z]))?")
_OF_NOUN = re.compile(r"\s+of\s+(?:the|its|their|his|her|these|those|our|my|your|them)\s+"
                      r"(?:([a-z]+|\d[\d,]*)\s+)?([a-z][a-z\-]*s|people|children|men|women)\b")
_SUFFIX_BOUND = re.compile(r"(\+|-plus\b|\s+or\s+more\b|\s+or\s+so\b|\s+and\s+(?:above|over|"
                           r"up)\b|\s+or\s+(?:less|fewer)\b|\s+plus\b)", re.IGNORECASE)
_VOTE_PAIR = re.compile(
    r"\bvot(?:e[sd]?|ing)\s+(?:of\s+|was\s+|by\s+)?(\d+)\s*(?:-|–|to)\s*(\d+)|"
    r"\b(\d+)\s*(?:-|–)\s*(\d+)\s+vote\b|"
    r"\b(\d+)\s+votes?\s+(?:to|against)\s+(\d+)", re.IGNORECASE)
_VOTE_SIDE = re.compile(
    r"\b(\d+)\s+(?:votes?\s+|countries\s+|members\s+|states\s+)?(?:were\s+|voted\s+)?"
    r"(in\s+favou?r|against|abstentions?|abstained|abstaining)\b|"
    r"\bwith\s+(\d+)\s+(abstentions?|abstaining)\b", re.IGNORECASE)
_FRACTION = re.compile(
    r"\b(?:(" + "|".join(UNITS) + r")[\s\-](halves|thirds|quarters|fourths|fifths|sixths|"
    r"sevenths|eighths|ninths|tenths)|(one|a)[\s\-](half|third|quarter|fourth|fifth|tenth)"
    r"(?=\s+of\b)|one-(half|third|quarter|fourth|fifth|tenth)|"
    r"(?<!first )(?<!second )(?<!latter )(?<!other )(?<!the )"
    r"(half)(?=\s+(?:of\s+)?(?:the|all|its|their|his|her)\b))\b", re.IGNORECASE)
_VAGUE = re.compile(
    r"\b(?:(tens|hundreds)\s+of\s+)?(dozens|hundreds|thousands|millions|billions)\s+of\s+"
    r"(?:[a-z]+\s+)?([a-z][a-z\-]*s|people)\b", re.IGNORECASE)
_VAGUE_RANGE = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
                "millions": (2e6, 999e6), "billions": (2e9, 999e9)}
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the|in|since|of|by|from|until|its|their|his|her|"
                                r"this|that|last|next|early|late|mid|'s|’s)\s+$",
                                re.IGNORECASE)


class _Scan:
    """The state of one ``find_values`` call: text, claimed characters, values found."""

    def __init__(self, text: str, offset: int, published: date | None) -> None:
        self.text = text
        self.offset = offset
        self.published = published
        self.mask = bytearray(len(text))
        self.values: list[Value] = []
        self.low = text.lower()
        self.has_digit = _DIGIT.search(text) is not None
        self._future: bool | None = None

    @property
    def future(self) -> bool:
        """Return True when the sentence speaks of the future ("will meet on Friday")."""
        if self._future is None:
            self._future = bool(FUTURE.search(self.text))
        return self._future

    def free(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) == -1

    def take(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def add(self, kind: ValueKind, low: float, high: float, unit: str, start: int, end: int,
            *, bound: Bound = "exactly", role: str = "", relative: bool = False) -> None:
        self.take(start, end)
        self.values.append(Value(kind, float(low), float(high), unit, bound,
                                 self.text[start:end], self.offset + start, self.offset + end,
                                 role=role, relative=relative))

    def add_dates(self, first: date, last: date, unit: str, start: int, end: int, *,
                  relative: bool = False) -> None:
        bound: Bound = "exactly"
        m = DATE_BOUND_PREFIX.search(self.text, max(0, start - 12), start)
        if m:
            bound = DATE_BOUNDS[m.group(1).lower()]
        self.add("date", first.toordinal(), last.toordinal(), unit, start, end, bound=bound,
                 relative=relative)

    # ------------------------------------------------------------------ passes

    def block(self) -> None:
        """Claim times, phone numbers, URLs and identifiers so no value is read in them."""
        text = self.text
        # Each pattern runs only when a cheap test says it can match.
        patterns = [_URL] if ("@" in text or "#" in text or "www" in self.low
                              or "http" in self.low) else []
        if self.has_digit:
            if "+" in text or "(" in text or _PHONE_HINT.search(text):
                patterns.append(_PHONE)
            if _TIME_HINT.search(text):
                patterns.append(_TIME)
            if _IDENT_HINT.search(text):
                patterns.append(_IDENT)
        for rx in patterns:
            for m in rx.finditer(text):
                self.take(m.start(), m.end())
        if self.has_digit:
            # A number right after a capitalised word inside a sentence names a thing:
            # "the Curve 8900", "a Boeing 737", "Vision 2030".
            for start, end in name_numbers(self.text):
                self.take(start, end)

    def dates(self) -> None:
        """Read absolute dates: day dates, month-year, ISO, decades, years ranges."""
        text = self.text
        year_now = self.published.year if self.published else None
        if not self.has_digit:
            if _MONTH_HINT.search(text):
                self._months_alone(year_now)
            return
        with_month = _MON_HINT.search(text) is not None
        for rx, order in ((DATE_DMY, "dmy"), (DATE_MDY, "mdy")) if with_month else ():
            for m in rx.finditer(text):
                if not self.free(m.start(), m.end()):
                    continue
                if order == "dmy":
                    day, mon, year = m.group(1), m.group(2), m.group(3)
                else:
                    mon, day, year = m.group(1), m.group(2), m.group(3)
                y = int(year) if year else year_now
                if y is None:
                    self.take(m.start(), m.end())
                    continue
                d = safe_date(y, month_number(mon), int(day))
                if d is None:
                    continue
                self.add_dates(d, d, "day", m.start(), m.end(), relative=not year)
        for m in DATE_ISO.finditer(text) if "-" in text else ():
            if self.free(m.start(), m.end()):
                d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                if d:
                    self.add_dates(d, d, "day", m.start(), m.end())
        for m in DATE_SLASH.finditer(text) if "/" in text else ():
            if not self.free(m.start(), m.end()):
                continue
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            # Only unambiguous day/month orders; "03/04/2024" is left alone.
            dm = (a, b) if a > 12 >= b else (b, a) if b > 12 >= a else None
            self.take(m.start(), m.end())
            if dm:
                d = safe_date(y, dm[1], dm[0])
                if d:
                    self.add_dates(d, d, "day", m.start(), m.end())
        for m in MONTH_YEAR.finditer(text) if with_month else ():
            if self.free(m.start(), m.end()):
                first = date(int(m.group(2)), month_number(m.group(1)), 1)
                self.add_dates(first, month_end(first), "month", m.start(), m.end())
        if with_month:
            self._months_alone(year_now)
        self._decades_and_year_ranges()

    def _months_alone(self, year_now: int | None) -> None:
        for m in MONTH_ALONE.finditer(self.text):
            s = m.start(1)
            if self.free(s, m.end()):
                if year_now is None:
                    self.take(s, m.end())
                    continue
                first = date(year_now, month_number(m.group(1)), 1)
                self.add_dates(first, month_end(first), "month", s, m.end(), relative=True)

    def _decades_and_year_ranges(self) -> None:
        text = self.text
        for m in DECADE.finditer(text):
            if self.free(m.start(), m.end()):
                y0 = int(m.group(1))
                span = 100 if y0 % 100 == 0 and "century" in text[m.end():m.end() + 9] else 10
                self.add_dates(date(y0, 1, 1), date(y0 + span - 1, 12, 31), "decade",
                               m.start(), m.end())
        for m in YEAR_RANGE.finditer(text):
            if not self.free(m.start(), m.end()):
                continue
            joiner = m.group(4)
            if joiner and joiner.lower() == "and" and not m.group(1):
                continue
            if joiner and joiner.lower() == "to" and not m.group(1):
                continue
            y1 = int(m.group(2))
            tail = m.group(5)
            y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
            if not y1 < y2 <= y1 + 200:
                continue
            self.add_dates(date(y1, 1, 1), date(y2, 12, 31), "interval", m.start(), m.end())

    def relative(self) -> None:
        """Resolve relative dates ("on Friday", "later this year") against publication."""
        pub = self.published
        for m in RELATIVE.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            if pub is None:
                continue
            span = resolve_relative(m, pub, lambda: self.future)
            if span is None:
                continue
            first, last, unit = span
            start = m.start()
            if m.group(7) and m.group(7).lower() == "on":
                start = m.start(8)  # keep "on" out of the value's text
            elif m.group(9):
                # "by the end of the year": leave "by" outside, where it reads as a bound
                start = m.start() + m.group().lower().find("the end")
            self.add_dates(first, last, unit, start, m.end(), relative=True)

    def votes(self) -> None:
        """Read votes: "by a vote of 120 to 40", "120 in favour, 40 against"."""
        for m in _VOTE_PAIR.finditer(self.text):
            groups = [i for i in (1, 3, 5) if m.group(i)]
            if not groups:
                continue
            i = groups[0]
            for g, role in ((i, "for"), (i + 1, "against")):
                s, e = m.start(g), m.end(g)
                if self.free(s, e):
                    n = int(m.group(g))
                    self.add("count", n, n, "votes", s, e, role=role)
            self.take(m.start(), m.end())
        for m in _VOTE_SIDE.finditer(self.text):
            g = 1 if m.group(1) else 3
            s, e = m.start(g), m.end(g)
            if not self.free(s, e):
                continue
            side = (m.group(2) or m.group(4)).lower()
            role = "for" if side.startswith("in") else "against" if side == "against" else (
                "abstain")
            n = int(m.group(g))
            self.add("count", n, n, "votes", s, m.end(), role=role)

    def fractions(self) -> None:
        """Read fractions ("two-thirds", "a quarter of", "half the") as percentages."""
        for m in _FRACTION.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            if m.group(1):
                num, den = UNITS[m.group(1).lower()], FRACTIONS[m.group(2).lower()]
            elif m.group(3):
                num, den = 1, FRACTIONS[m.group(4).lower()]
            elif m.group(5):
                num, den = 1, FRACTIONS[m.group(5).lower()]
            else:
                num, den = 1, 2
            pct = round(100.0 * num / den, 2)
            bound, start = self._bound_before(m.start())
            self.add("percent", pct, pct, "%", start, m.end(), bound=bound)

    def a_unit(self) -> None:
        """Read "over a decade", "nearly a year", "a year ago": one unit with a bound."""
        for m in _A_UNIT.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            unit, factor = DURATION_UNITS[m.group(2).lower()]
            if m.group(3):
                if self.published is not None:
                    self._ago(1, unit, factor, m.start(), m.end())
                continue
            bound, start = self._bound_before(m.start())
            if bound != "exactly":
                self.add("duration", factor, factor, unit, start, m.end(), bound=bound)

    def vague(self) -> None:
        """Read "hundreds of people" and the like as an approximate range."""
        for m in _VAGUE.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            low, high = _VAGUE_RANGE[m.group(2).lower()]
            if m.group(1):  # "tens of thousands", "hundreds of millions"
                factor = 10 if m.group(1).lower() == "tens" else 100
                low, high = low * factor, high * factor
            noun = m.group(3).lower()
            if noun in CURRENCY_WORDS:
                self.add("money", low, high, CURRENCY_WORDS[noun], m.start(), m.end(),
                         bound="about")
            else:
                self.add("count", low, high, plural(noun), m.start(), m.end(), bound="about")

    def numbers(self) -> None:
        """Read numbers in digits or words with their currency, scale, bound and unit."""
        text = self.text
        found: list[tuple[int, int, float, str | None, bool]] = []
        if self.has_digit:
            for m in _NUM_DIGITS.finditer(text):
                digits = m.group(1)
                if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
                    self.take(m.start(), m.end())
                    continue  # "0737 GMT", "007": codes and clock times, not quantities
                if self.free(m.start(), m.end()):
                    found.append((m.start(), m.end(), parse_digits(m.group(1)), m.group(2),
                                  False))
        # Case-sensitive matching on the lower-cased copy is several times faster than
        # IGNORECASE; lower() keeps offsets except for a few rare letters ("İ").
        if len(self.low) == len(text):
            word_matches = _NUM_WORDS_LOWER.finditer(self.low)
        else:
            word_matches = _NUM_WORDS.finditer(text)
        for m in word_matches:
            parsed = parse_words(m.group())
            if parsed is None:
                continue
            n, used = parsed
            if self.free(m.start(), m.start() + used):
                found.append((m.start(), m.start() + used, n, None, True))
        found.sort()
        for start, end, n, suffix, is_word in found:
            if self.free(start, end):
                self._number(start, end, n, suffix, is_word)

    def _bound_before(self, start: int) -> tuple[Bound, int]:
        m = _BOUND_PREFIX.search(self.text, max(0, start - 22), start)
        if m and self.free(m.start(), start):
            return BOUND_WORDS[m.group(1).lower()], m.start()
        m = _CONVERTED_BOUND_PREFIX.search(self.text, max(0, start - 50), start)
        if m:
            return BOUND_WORDS[m.group(1).lower()], start
        return "exactly", start

    def _number(self, start: int, end: int, n: float, suffix: str | None,
                is_word: bool) -> None:
        text = self.text
        raw_digits = text[start:end]
        year_like = (not is_word and suffix is None and len(raw_digits) == 4
                     and raw_digits.isdigit() and 1800 <= n <= 2100)
        s = start
        # "a million", "a dozen", "a hundred"
        if is_word and text[start:end].split()[0].lower() in ("hundred", "thousand", "million",
                                                                "billion", "dozen"):
            a = _A_NUMBER.search(text, max(0, start - 4), start)
            if a:
                s = a.start()
        currency: str | None = None
        cm = _CUR_PREFIX.search(text, max(0, s - 4), s)
        if cm:
            currency = CURRENCY_PREFIX[cm.group(1).lower()]
            s = cm.start()
        scale = 1.0
        e = end
        if suffix:
            sl = suffix.lower()
            if sl == "m" and currency is None:
                # "40m" without a currency is metres, not millions.
                self.add("quantity", n, n, "m", s, e)
                return
            if sl == "b" and currency is None:
                return
            if sl not in SCALE_SUFFIXES:  # a measure written against the number: "5.56mm"
                measure_bound, bs = self._bound_before(s)
                self.add("quantity", n, n, QUANTITY_UNITS[sl], bs, e, bound=measure_bound)
                return
            scale = SCALE_SUFFIXES[sl]
        else:
            sm = _SCALE.match(text, e)
            if sm:
                scale = SCALE_SUFFIXES[sm.group(1).lower()]
                e = sm.end()
        half = AND_A_HALF.match(text, e)
        if half and scale == 1.0:
            n += 0.5
            e = half.end()
        mixed = _MIXED_FRACTION.match(text, e) if scale == 1.0 else None
        if mixed and (mixed.group(1) or int(mixed.group(2)) < int(mixed.group(3))):
            n += (_GLYPHS[mixed.group(1)] if mixed.group(1)
                  else int(mixed.group(2)) / int(mixed.group(3)))
            e = mixed.end()
        low = high = n * scale
        # A range: "between 10 and 12", "10 to 12 years", "10-12%".
        rp = _RANGE_PREFIX.search(text, max(0, s - 10), s)
        rn = _RANGE_NEXT.match(text, e)
        ranged = False
        if rn and (rn.group(2) is None or rn.group(2).lower() != "and" or rp):
            second = self._range_second(rn)
            if second is not None:
                high2 = second * (SCALE_SUFFIXES[rn.group(4).lower()] if rn.group(4) else scale)
                after = rn.end()
                sm2 = _SCALE.match(text, after)
                if sm2 and not rn.group(4):
                    high2 = second * SCALE_SUFFIXES[sm2.group(1).lower()]
                    if scale == 1.0:
                        low = n * SCALE_SUFFIXES[sm2.group(1).lower()]
                    after = sm2.end()
                if high2 > low and (rp or self._has_unit(after) or currency):
                    high = high2
                    e = after
                    ranged = True
                    if rp:
                        s = rp.start()
        bound: Bound = "exactly"
        if not ranged:
            bound, bs = self._bound_before(s)
            s = bs
            plus = _PLUS.match(text, e)
            if plus and bound == "exactly":
                bound, e = ("about" if plus.group(1) else "at_least"), plus.end()
            elif _PAIR_NEXT.match(text, e) and scale == 1.0 and not currency:
                # "a 2-0 win", "50-50", "3-1": a score or a pair, not one quantity.
                self.take(s, e)
                return
        else:
            b2, bs = self._bound_before(s)
            if b2 == "about":
                bound, s = b2, bs

        def suffix_bound() -> None:
            nonlocal bound, e
            sb = _SUFFIX_BOUND.match(text, e)
            if sb and bound == "exactly":
                word = sb.group(1).strip().lower()
                bound = ("about" if word == "or so" else "up_to" if word in (
                    "or less", "or fewer") else "at_least")
                e = sb.end()

        if _MAGNITUDE_BEFORE.search(text, max(0, s - 11), s):
            self.add("quantity", low, high, "magnitude", s, e, bound=bound)
            return
        # money
        cw = _CUR_SUFFIX.match(text, e)
        if currency or cw:
            if cw and not currency:
                currency = CURRENCY_WORDS[" ".join(cw.group(1).lower().split())]
                e = cw.end()
            suffix_bound()
            self.add("money", low, high, currency or "", s, e, bound=bound)
            return
        pm = _PERCENT.match(text, e)
        if pm:
            e = pm.end()
            unit = "pp" if "point" in pm.group(1).lower() else "%"
            suffix_bound()
            self.add("percent", low, high, unit, s, e, bound=bound)
            return
        dm = _DURATION.match(text, e)
        if dm and not year_like:
            unit, factor = DURATION_UNITS[dm.group(1).lower()]
            tail = (dm.group(2) or "").strip().lower()
            e = dm.end()
            if tail.endswith("old") or tail.endswith("age"):
                self.add("quantity", low, high, "years old", s, e, bound=bound)
                return
            if tail == "ago":
                if self.published is not None:
                    self._ago(low, unit, factor, s, e)
                else:
                    self.take(s, e)
                return
            suffix_bound()
            self.add("duration", low * factor, high * factor, unit, s, e, bound=bound)
            return
        qm = _QUANTITY.match(text, e)
        if qm and not (qm.group(1).lower() in ("m", "in", "ha") and text[e:qm.start(1)] == ""):
            unit_key = " ".join(qm.group(1).lower().split())
            if not (unit_key == "m" and " " not in text[e:qm.end()]):
                e = qm.end()
                suffix_bound()
                self.add("quantity", low, high, QUANTITY_UNITS[unit_key], s, e, bound=bound)
                return
        noun_end, noun = self._count_noun(e, is_word, n)
        if noun and year_like and (bound == "exactly") and (
                _DETERMINER_BEFORE.search(text, max(0, s - 8), s) or not noun.endswith(
                    ("s", "people", "children", "men", "women", "police"))):
            noun = None
        if noun in DURATION_UNITS and not year_like:
            # "21 consecutive years": a duration with an adjective in between.
            unit, factor = DURATION_UNITS[noun]
            self.add("duration", low * factor, high * factor, unit, s, noun_end, bound=bound)
            return
        if noun:
            suffix_bound()
            self.add("count", low, high, noun, s, max(e, noun_end) if not ranged else e,
                     bound=bound)
            return
        if year_like and bound == "exactly" and not ranged and scale == 1.0:
            y = int(n)
            self.add_dates(date(y, 1, 1), date(y, 12, 31), "year", s, e)
            return
        if is_word and n < 2 and not ranged:
            return  # "one of the ...", "no one": not a value worth comparing
        suffix_bound()
        self.add("number", low, high, "", s, e, bound=bound)

    def _range_second(self, rn: re.Match[str]) -> float | None:
        token = rn.group(3)
        if token[0].isdigit() or token[0] == ".":
            return parse_digits(token)
        parsed = parse_words(token)
        return parsed[0] if parsed else None

    def _has_unit(self, pos: int) -> bool:
        text = self.text
        return bool(_PERCENT.match(text, pos) or _DURATION.match(text, pos)
                    or _CUR_SUFFIX.match(text, pos) or (_COUNT_NOUN.match(text, pos)
                    and self._count_noun(pos, False, 2)[1]))

    def _count_noun(self, pos: int, is_word: bool, n: float) -> tuple[int, str | None]:
        text = self.text
        m = _COUNT_NOUN.match(text, pos)
        if m:
            first = m.group(1)
            low_first = first.lower().replace("’", "'")
            hyphen = text[pos] == "-"
            if low_first in COUNT_ADJECTIVES and m.group(2) and not hyphen:
                second = m.group(2).lower()
                if second not in NOT_COUNT_NOUNS and not second.endswith(("ly", "ing")):
                    return m.end(2), plural(second)
            if low_first in COUNT_STATES:
                return m.end(1), low_first
            second_low = (m.group(2) or "").lower()
            if low_first == "member" and second_low in ("states", "countries", "nations"):
                return m.end(2), "members"  # "193 member states" counts members
            if (n != 1 and not hyphen and second_low and not is_plural(low_first)
                    and is_plural(second_low) and second_low not in NOT_COUNT_NOUNS
                    and first[0].islower()):
                # "two nice throws", "3 bank employees": the noun is the plural word.
                return m.end(2), plural(second_low)
            if (low_first not in NOT_COUNT_NOUNS and not low_first.endswith(("ly", "ing", "ed"))
                    and (not first[0].isupper() or hyphen or (first.isupper() is False
                         and text[pos:m.start(1)].strip() == "" and _capital_ok(first)))
                    and not (is_word and n == 1 and low_first in ("another", "way", "thing",
                                                                  "time", "hand"))):
                return m.end(1), plural(low_first)
        om = _OF_NOUN.match(text, pos)
        if om and not (is_word and n == 1):
            whole = om.group(1) or ""
            if whole[:1].isdigit() or (whole and parse_words(whole) is not None):
                # "three of the seven bullets": the part counts bullets, and the whole is a
                # count of its own, read next.
                return pos, plural(om.group(2))
            return om.end(), plural(om.group(2))
        return pos, None

    def _ago(self, n: float, unit: str, factor: int, s: int, e: int) -> None:
        pub = self.published
        assert pub is not None
        amount = round(n * factor)
        if unit == "years":
            # "four and a half years ago" counts back in months: from March 2012, 2007.
            y = (pub.year - amount if n * factor == amount
                 else (pub - relativedelta(months=round(n * factor * 12))).year)
            self.add_dates(date(y, 1, 1), date(y, 12, 31), "year", s, e, relative=True)
        elif unit == "months":
            d = pub - relativedelta(months=amount)
            first = d.replace(day=1)
            self.add_dates(first, month_end(first), "month", s, e, relative=True)
        elif unit in ("weeks", "days"):
            d = pub - timedelta(days=amount * (7 if unit == "weeks" else 1))
            self.add_dates(d, d, "day", s, e, relative=True)
        else:
            self.add_dates(pub, pub, "day", s, e, relative=True)


def name_numbers(text: str) -> list[tuple[int, int]]:
    """Return the spans of numbers that name a thing ("a Boeing 737", "Vision 2030")."""
    return [m.span(2) for m in _NAME_NUMBER.finditer(text) if m.group(1).lower() not in _NOT_NAMES]


def _capital_ok(word: str) -> bool:
    # "193 Member States" counts members; "2024 Olympics" is a name, handled by the year rule.
    return word.lower() in ("member", "members", "states", "countries", "nations")


# An age told beside a name, between commas or in brackets: "Hiller, 43, then shot", "Paul
# Riva, 47, of Sterling Heights", "Duncan Rait (36)". Not after a month or a weekday ("June
# 27, 1973", "Dec. 30, three miles"), nor inside a list of numbers. The comparison reads
# whose age it is with the same pattern.
NAME_BEFORE_AGE = re.compile(r"(?<![\d,] )\b([A-Z][\w'’\-]*)(?:,\s|\s\()$")
_AGE_CLOSE = re.compile(r"(?:,(?!\s?\d)|\))")


def _as_age(v: Value, text: str, offset: int) -> Value:
    """Return ``v`` read as an age when it is a bare number beside a name ("Hiller, 43,")."""
    if v.kind != "number" or v.unit or not v.text.isdigit() or not 1 <= v.low <= 120:
        return v
    start, end = v.start - offset, v.end - offset
    name = NAME_BEFORE_AGE.search(text, max(0, start - 40), start)
    if (name is None or name.group(1).lower().rstrip(".") in _NOT_NAMES
            or not _AGE_CLOSE.match(text, end)):
        return v
    return replace(v, kind="quantity", unit="years old")


def find_values(text: str, *, offset: int = 0,
                published: date | None = None) -> list[Value]:
    """Return the typed values in ``text`` (a sentence); offsets are shifted by ``offset``.

    Relative dates ("on Friday", "last week") are resolved against ``published`` and skipped
    when it is None.
    """
    scan = _Scan(text, offset, published)
    low = scan.low
    # Each pass runs only when a cheap test says it can find something.
    if scan.has_digit or "@" in text or "#" in text or "www" in low or "http" in low:
        scan.block()
    scan.dates()
    if scan.has_digit and any(h in low for h in _VOTE_HINTS):
        scan.votes()
    if any(h in low for h in _VAGUE_HINTS):
        scan.vague()
    if any(h in low for h in _FRACTION_HINTS):
        scan.fractions()
    scan.numbers()
    if any(h in low for h in _A_UNIT_HINTS):
        scan.a_unit()
    if published is not None and any(h in low for h in _RELATIVE_HINTS):
        scan.relative()
    values = [_as_age(v, text, offset) for v in scan.values] if scan.has_digit else scan.values
    return sorted(values, key=lambda v: (v.start, v.end))
