"""Read what the comparison needs from one claim: content stems, names, numbers, polarity,
modality, stage, scope and manner words.

Everything is computed from ``claim.text`` (plus the typed ``claim.values`` extraction found),
so the comparison works on claims read back from the database and on bare strings alike.
Results are cached per claim because one claim meets many others.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from .dates import DATE_DMY, DATE_MDY, month_number
from .lexicon import (
    ANTICIPATION,
    ANTONYMS,
    CONSENSUS_RE,
    DIRECTIVE_RE,
    DISSENT_RE,
    HEDGE_PHRASES,
    HEDGES,
    IRREGULAR,
    MONTH_ABBR,
    MONTHS,
    NEGATING_PHRASES,
    NEGATION_EXCEPTIONS,
    NEGATORS,
    NUMBER_WORD_ALTERNATIVES,
    NUMBER_WORDS,
    OPPOSABLE_STOPWORDS,
    OPPOSITE_FORMS,
    PHRASE_SENSES,
    RECORDED_VOTE_RE,
    REFUTE_EXCEPTIONS,
    REFUTE_PHRASES,
    REFUTERS,
    REPORTING_VERBS,
    RUNNING_TOTAL,
    RUNNING_TOTAL_RE,
    SAY_WORDS,
    SCALE_WORDS,
    SCOPE_WORDS,
    SOURCE_PREFIX_RE,
    STAGES,
    STOPWORDS,
    UNSAID_RE,
    WEEKDAYS,
    WORD_RE,
)
from .resources import AUXILIARIES, COMMON_VERBS, CONDITION_WORDS
from .types import Claim, Value
from .units import DATE_BOUNDS
from .values import AND_A_HALF, DATE_BOUND_PREFIX, name_numbers

_TOKEN_RE = re.compile(
    r"[$£€]?\d+(?:[.,]\d+)*%?|[A-Za-z][A-Za-z'\u2019\-\.]*[A-Za-z]|[A-Za-z]")
# A team's name is no number: "the 76ers", "the 49ers".
_NUMBER_RE = re.compile(
    r"(?P<cur>[$£€])?\s?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?!\d*ers\b)"
    r"\s?(?P<pct>%|percent\b|per cent\b)?"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m)\b)?", re.IGNORECASE)
_WORD_NUMBER_RE = re.compile(
    r"\b(?P<num>" + NUMBER_WORD_ALTERNATIVES + r")\b"
    r"(?:[\s-](?P<scale>thousand|million|billion|trillion))?", re.IGNORECASE)
# "added" reports only what is said: "he added." or "added that", not "Hillis added 101".
_ADDING = frozenset({"added", "adds"})
_ADDED_SAYING_RE = re.compile(r"\badd(?:ed|s)\b(?=\s*(?:[,.;:!?\"“”'‘’]|that\b|$))",
                              re.IGNORECASE)
_CLOCK_RE = re.compile(
    r"\b(?P<h>\d{1,2})(?:\s?:\s?(?P<m>\d{2}))?\s?(?P<ap>[ap])\.?\s?m\b\.?(?![a-z])"
    r"|\b(?P<h24>\d{1,2})\s?:\s?(?P<m24>\d{2})\b", re.IGNORECASE)
# What follows a duration when it tells no length of time: "three weeks ago" (a time back
# from the report's day), "two weeks before the shooting" (back from another event), "with 48
# seconds left" (a moment of a game). The unit word is there when the number was read alone.
_TIME_FROM_RE = re.compile(
    r"(?:[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?))?"
    r"(?:,?\s+(?:and\s+)?\d+\s+(?:seconds?|minutes?))?"  # "4 minutes, 48 seconds left"
    r"\s+(ago|before|after|later|earlier|left|remaining)\b", re.IGNORECASE)
_FOR_BEFORE_RE = re.compile(r"\bfor\s+(?:\w+\s+)?$", re.IGNORECASE)
TIME_FROM_KINDS = {"ago": "ago", "before": "before", "earlier": "before", "after": "after",
                    "later": "after", "left": "remaining", "remaining": "remaining"}
_SLOT_OF = {kind: "duration" for kind in TIME_FROM_KINDS.values()}
_SLOT_KINDS = frozenset({"duration", "date", "money", "percent"})
_RATE_RE = re.compile(r"\s*(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|minute)\b",
                      re.IGNORECASE)
_NOUN_AFTER_RE = re.compile(r"\s*([a-z]{3,})\b")
_CAPITAL_AFTER_RE = re.compile(r"\s+[A-Z]")
_YEAR_WORDS = ("year", "month", "week", "day", "hour", "minute", "decade")


# Latin letters that do not decompose into a base letter and an accent.
_FOLD_EXTRA = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
                             "Đ": "D", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i",
                             "ð": "d", "þ": "th", "Þ": "Th"})


def fold(text: str) -> str:
    """Return ``text`` with the accents taken off its letters ("Erdoğan" -> "Erdogan")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_UNDOUBLED = frozenset("bdfgkmnprt")
_VOWELS = "aeiou"
_NO_E_AFTER = _VOWELS + "wxy"
_ES_AFTER = ("sses", "xes", "zzes", "ches", "shes", "oes")


def restore_e(w: str) -> str:
    """Return a short verb's stem with the "e" its ending took ("vot" of "voted" -> "vote")."""
    if len(w) == 3 and w[0] not in _VOWELS and w[1] in _VOWELS and w[2] not in _NO_E_AFTER:
        return w + "e"
    return w


def _strip_ending(w: str) -> str:
    """Return ``w`` without its inflectional ending, as the word it inflects would stem."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):
        if not w.endswith(suffix) or len(w) - len(suffix) < 3:
            continue
        if suffix == "s" and w.endswith(("ss", "us", "is")):
            return w
        if suffix == "es" and not w.endswith(_ES_AFTER):
            # "gives", "cases": only the "s" is the ending, as in "boxes" it is "es".
            continue
        w = w[: -len(suffix)] + repl
        if suffix in ("es", "s"):
            # A plural of a word the table folds ("deaths") or of a gerund ("meetings").
            if w in IRREGULAR:
                return IRREGULAR[w]
            return _strip_ending(w) if w.endswith("ing") else w
        if suffix in ("ing", "ed"):
            if len(w) >= 4 and w[-1] == w[-2] and w[-1] in _UNDOUBLED:
                # "slapping" -> "slap", "stopped" -> "stop": the doubled consonant belongs
                # to the ending. Never l, s or z ("called", "passed").
                return w[:-1]
            if w.endswith("is") and len(w) >= 5:
                return w + "e"  # "surprising", "organised": the "e" of "-ise" went too
            return restore_e(w)
        return w
    return w


def stem(word: str) -> str:
    """Return a crude stem of ``word`` so inflections and British spellings meet."""
    w = word.lower().replace("\u2019", "'").strip("'.-")
    if w.endswith("'s"):
        w = w[:-2]
    if w in IRREGULAR:
        w = IRREGULAR[w]
    elif w in NUMBER_WORDS:
        return str(NUMBER_WORDS[w])
    else:
        w = _strip_ending(w)
        w = w.replace("isation", "ization").replace("ise", "ize") if len(w) > 6 else w
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


_ANTONYM_STEMS: dict[str, frozenset[str]] = {}
for _w, _opposites in ANTONYMS.items():
    _ANTONYM_STEMS[stem(_w)] = _ANTONYM_STEMS.get(stem(_w), frozenset()) | {
        stem(o) for o in _opposites}
_STAGE_STEMS = {stem(w): rank for w, rank in STAGES.items()}
_SCOPE_STEMS = frozenset(stem(w) for w in SCOPE_WORDS)
# A scope word that says or is quoted is the speaker, not the part that did the work:
# "Delegates said the treaty was not adopted", "according to the committee".
_SCOPE_SPEAKS_RE = re.compile(
    r"\b(\w+)\s+(?:(?:have|has|had)\s+)?(?:said|say|says|told|tell|tells|stated|reported|"
    r"claimed|claim|added|noted|insisted|argued|warned|denied|deny)\b|"
    r"\baccording to (?:the\s+)?(?:\w+\s+)?(\w+)", re.IGNORECASE)
_REFUTER_WORDS = frozenset(w for w in REFUTERS if " " not in w)
# The opposites of OPPOSABLE_STOPWORDS ("less", "least"): content words, also read with the
# word after them.
_OPPOSED_BY_STOPWORDS = frozenset(o for w in OPPOSABLE_STOPWORDS
                                  for o in _ANTONYM_STEMS.get(stem(w), ()))


def _senses(text: str, raw_tokens: list[str]) -> tuple[tuple[tuple[str, str], ...],
                                                       frozenset[str]]:
    """Return the opposable words ``text`` says in another form, and the stems they replace.

    Irregular forms ("upheld", "shrank") and a short verb that loses its "e" ("hired" ->
    "hir", while "hire" stays "hire") are read as the word the opposites list has; phrases
    ("called off", "went ahead", "still held") as the one word they stand for; the
    stopwords "most" and "more", and their opposites, with the word after them ("most-bang").
    """
    senses: list[tuple[str, str]] = []
    sensed: set[str] = set()
    for k, tok in enumerate(raw_tokens):
        low = tok.lower().strip(".")
        if low in OPPOSABLE_STOPWORDS or low in _OPPOSED_BY_STOPWORDS:
            # "the most bang" / "the least bang" turn on the word after: read as one
            # compound, so "more profit" never meets "less debt". "more than" is a bound,
            # which the values compare.
            after = raw_tokens[k + 1].lower() if k + 1 < len(raw_tokens) else ""
            if after.isalpha() and after not in ("than", "of", "and", "or"):
                senses.append((f"{stem(low)}-{stem(after)}", tok))
            if low in OPPOSABLE_STOPWORDS:
                continue
        if low in OPPOSITE_FORMS:
            senses.append((stem(OPPOSITE_FORMS[low]), tok))
            sensed.add(stem(low))
            continue
        s = stem(low)
        if (len(s) == 3 and low.endswith(("ed", "es", "ing")) and s + "e" in _ANTONYM_STEMS
                and s not in _ANTONYM_STEMS):
            senses.append((s + "e", tok))
            sensed.add(s)
    for pattern, sense in PHRASE_SENSES:
        for m in pattern.finditer(text):
            senses.append((stem(sense), m.group()))
            gap = m.groupdict().get("gap") or ""
            kept = {w.lower() for w in WORD_RE.findall(gap)}
            sensed.update(stem(w) for w in WORD_RE.findall(m.group())
                          if w.lower() not in STOPWORDS and w.lower() not in kept)
    return tuple(senses), frozenset(sensed)


def antonyms(s: str) -> frozenset[str]:
    """Return the stems opposite to stem ``s``."""
    return _ANTONYM_STEMS.get(s, frozenset())


@dataclass(frozen=True)
class Number:
    """A number read from a claim: its value, a coarse kind and the word it counts."""

    # number | percent | money | year | duration | ago | before | after | remaining | date |
    # count | quantity | time
    kind: str
    low: float
    high: float
    unit: str
    text: str
    context: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Signals:
    """What the comparison reads from one claim."""

    text: str
    tokens: tuple[str, ...]
    content: frozenset[str]
    names: frozenset[str]
    numbers: tuple[Number, ...]  # compared as values (dates to the day where told)
    negated: bool
    negated_heads: frozenset[str]
    hedged: bool
    directive: bool
    refuted: bool
    anticipated: bool
    stage: int | None
    scope: frozenset[str]
    consensus: bool
    vote: tuple[int, int] | None
    weekdays: frozenset[str]
    attributed: bool
    frame: str
    dissent: int | None = None  # how many voted against, where the votes for go unsaid
    source_prefix: bool = False  # a headline opening with its source: "Source: ..."
    unsaid: bool = False  # someone would not say or disclose it: neither told nor denied
    # Words read only when looking for opposites: (stem, as the text says it) for irregular
    # forms ("upheld" -> uphold), phrases ("called off" -> cancel) and the stopwords "most"
    # and "more", and the content stems those forms and phrases stand in for ("call").
    senses: tuple[tuple[str, str], ...] = ()
    sensed: frozenset[str] = frozenset()


def _value_number(v: Value) -> Number:
    unit = v.unit
    if v.kind == "duration" and unit.endswith("s"):
        unit = unit[:-1]
    elif v.kind in ("count", "quantity", "number") and unit.isalpha():
        # The same stem as a number read from bare text: "25,000 homes" counts "hom" either way.
        unit = stem(unit)
    low, high = _bounded(v.bound, v.low, v.high, v.kind == "count")
    return Number(v.kind, low, high, unit, v.text)


def _bounded(bound: str, low: float, high: float, count: bool = False) -> tuple[float, float]:
    """Return ``low`` and ``high`` widened by ``bound``, so "more than 2,000" holds 2,100,
    "about 5" holds 5.3 and "by April 10" holds 9 March."""
    if bound == "about":
        return low * 0.9, high * 1.1
    if bound in ("more_than", "at_least"):
        return low, float("inf")
    if bound in ("less_than", "up_to"):
        return (0.0 if count else float("-inf")), high
    return low, high


def _bound_before(text: str, start: int) -> str:
    before = text[max(0, start - 14):start].lower()
    for phrase, bound in (("more than", "more_than"), ("over", "more_than"),
                          ("at least", "at_least"), ("up to", "up_to"),
                          ("less than", "less_than"), ("under", "less_than"),
                          ("nearly", "about"), ("about", "about"), ("around", "about"),
                          ("almost", "about"), ("roughly", "about"), ("some", "about"),
                          ("approximately", "about")):
        if before.rstrip().endswith(phrase):
            return bound
    return "exactly"


def _unit_after(text: str, end: int) -> str:
    if _RATE_RE.match(text, end):
        return ""  # "345 a month" is a rate, not months
    for w in WORD_RE.findall(text[end:end + 40])[:3]:
        lw = w.lower()
        if lw in SCALE_WORDS or lw in STOPWORDS or lw[0].isdigit() or lw in ("-",):
            continue
        s = stem(lw)
        for unit in _YEAR_WORDS:
            if s.startswith(unit):
                return unit
        return s
    return ""


def _duration_kind(text: str, start: int, end: int) -> str:
    """Return "duration", or what a duration told from start to end stands for instead:
    "ago", "before", "after" (a time back or on from another) or "remaining" (a moment)."""
    # Each meets only its own kind: "three weeks ago" (placed only with a publication date)
    # never clashes with "for four weeks", "one day after the bombings" never with "walked
    # seven days". "for two weeks before he died" is a length.
    m = _TIME_FROM_RE.match(text, end)
    if m is None or _FOR_BEFORE_RE.search(text, max(0, start - 16), start):
        return "duration"
    return TIME_FROM_KINDS[m.group(1).lower()]


def _own_numbers(text: str, taken: list[tuple[int, int]]) -> list[Number]:
    found: list[Number] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # A clock time ("with 14:05 left", "at 3: 10 p.m.") is one value, not "14" and "05 left".
    for m in _CLOCK_RE.finditer(text):
        if free(m.start(), m.end()):
            if m.group("ap"):  # "4 p.m." is "4:00 p.m.", 16:00
                hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
                minutes = float(hour * 60 + int(m.group("m") or 0))
            else:
                minutes = float(int(m.group("h24")) * 60 + int(m.group("m24")))
            found.append(Number("time", minutes, minutes, "clock", m.group().strip()))
            taken.append(m.span())
    for m in _NUMBER_RE.finditer(text):
        if not free(m.start(), m.end()) or not m.group("num"):
            continue
        raw = m.group("num").replace(",", "")
        try:
            n = float(raw)
        except ValueError:
            continue
        scale = (m.group("scale") or "").lower()
        n *= SCALE_WORDS.get(scale, 1.0)
        # "4 and a half years": the half belongs to the number, the unit comes after it.
        half = None if scale or m.group("pct") or m.group("cur") else AND_A_HALF.match(
            text, m.end())
        num_end = half.end() if half else m.end()
        n += 0.5 if half else 0.0
        if m.group("pct"):
            kind, unit = "percent", "%"
        elif m.group("cur"):
            kind, unit = "money", m.group("cur")
        else:
            unit = _unit_after(text, num_end)
            if unit in ("dollar", "euro", "pound", "yuan", "rupee", "yen"):
                kind = "money"
            elif unit in _YEAR_WORDS:
                kind = _duration_kind(text, m.start(), num_end)
            elif 1800 <= n <= 2100 and "." not in raw and not scale and len(raw) == 4:
                kind, unit = "year", "year"
            else:
                kind = "number"
        low, high = _bounded(_bound_before(text, m.start()), n, n)
        shown, end = text[m.start():num_end].strip(), num_end
        noun = _NOUN_AFTER_RE.match(text, end)
        if kind == "number" and noun and stem(noun.group(1)) == unit:
            # "25,000 homes" reads as one count, as extraction reads it: the counted word
            # belongs to the value, not to the frame.
            shown, end = text[m.start():noun.end()], noun.end()
        found.append(Number(kind, low, high, unit, shown))
        taken.append((m.start(), end))
    for m in _WORD_NUMBER_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        word = m.group("num").lower()
        if word == "one":  # "one of the", "no one": rarely a count worth comparing
            continue
        n = float(NUMBER_WORDS[word]) * SCALE_WORDS.get((m.group("scale") or "").lower(), 1.0)
        half = None if m.group("scale") else AND_A_HALF.match(text, m.end())
        num_end = half.end() if half else m.end()
        n += 0.5 if half else 0.0
        unit = _unit_after(text, num_end)
        if n < 10 and unit not in _YEAR_WORDS and _CAPITAL_AFTER_RE.match(text, m.end()):
            # Extraction counts no capitalised name ("five U.S. Presidents" is a number), so
            # "zero U.S. Presidents", which only we read, must be a number too to meet it
            # (below 10: no value token, so content and blocking keys stay as they were).
            unit = ""
        kind = (_duration_kind(text, m.start(), num_end) if unit in _YEAR_WORDS
                else "number")
        found.append(Number(kind, n, n, unit, text[m.start():num_end]))
        taken.append((m.start(), num_end))
    return found


# A date opening a bracket and followed by a dash and another date: a life span.
_LIFE_SPAN_RE = re.compile(r"(?:\(|-LRB-|;)\s*(?:born\s+)?$")
_SPAN_DASH_RE = re.compile(r"\s*(?:--|–|-)\s*\d")
# A month named without its day or year ("released in October"), and a decade in words
# ("born in the fifties"; not "in her fifties", an age).
_BARE_MONTH_RE = re.compile(
    r"\b(?i:in|on|during|since|until|of|by)\s+(January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?!\s*,?\s*(?:of\s+)?\d)")
_DECADE_WORDS = {"twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950,
                 "sixties": 1960, "seventies": 1970, "eighties": 1980, "nineties": 1990}
_DECADE_RE = re.compile(r"\bthe\s+(" + "|".join(_DECADE_WORDS) + r")\b", re.IGNORECASE)


# The unit of a day of a month told without its year: compared only with another such day,
# as month * 100 + day ("Jan. 18" is 118).
MONTH_DAY = "monthday"


# A year after a date, told apart by a spaced comma ("Dec. 30 , 2004").
_YEAR_AFTER_RE = re.compile(r"\s*,?\s*\d")


def month_days(text: str) -> list[tuple[int, int, int, int]]:
    """Return (start, end, month, day) of each day of a month told without its year ("on
    Dec. 30", "3 November"): extraction reads it only against the report's day."""
    found = []
    for rx, day_at, month_at in ((DATE_DMY, 1, 2), (DATE_MDY, 2, 1)):
        for m in rx.finditer(text):
            day = int(m.group(day_at))
            if m.group(3) is None and not _YEAR_AFTER_RE.match(text, m.end()) and 1 <= day <= 31:
                found.append((m.start(), m.end(), month_number(m.group(month_at)), day))
    return found


def _loose_dates(text: str, days: list[tuple[int, int, int, int]]) -> list[Number]:
    """Return a bare month ("in October") as a month, a decade in words as its years, and a
    day of a month without its year ("since Jan. 18"; ``days``, from ``month_days``) as that
    day.

    Only the comparison reads them: a claim's content and keys stay as they were.
    """
    out: list[Number] = []
    for start, end, mon, day in days:
        low = high = float(mon * 100 + day)
        # "by April 10" holds 9 March, as extraction reads the bound of a whole date.
        bound = DATE_BOUND_PREFIX.search(text, max(0, start - 12), start)
        low, high = _bounded(DATE_BOUNDS[bound.group(1).lower()] if bound else "exactly",
                             low, high)
        out.append(Number("date", low, high, MONTH_DAY, text[start:end]))
    for m in _BARE_MONTH_RE.finditer(text):
        mon = MONTHS[m.group(1).lower()]
        out.append(Number("month", mon, mon, "month", m.group(1)))
    for m in _DECADE_RE.finditer(text):
        first = _DECADE_WORDS[m.group(1).lower()]
        out.append(Number("date", date(first, 1, 1).toordinal(),
                          date(first + 9, 12, 31).toordinal(), "decade", m.group()))
    return out


# What ends the clause a date stands in, looking out from the date.
# Quotation marks end no clause: 'the massive "Boxing Day" earthquake and tsunami in 2004'.
_CLAUSE_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d+(?:[.,:]\d+)*|[,;:()\[\]—]|--")
_CLAUSE_WORDS = frozenset("""after before when while which who whom whose that as since until
    because where but though although if""".split())
# After these an "-ed" or "-ing" word describes a noun: "a reported $30 million", "her
# modeling career", "whose hosting of the 2013 Academy Awards".
_BEFORE_ADJECTIVE = frozenset("a an the his her its their our my your this that whose".split())
# Past forms no ending gives away, beyond the common verbs.
_PAST_FORMS = frozenset("""born bought taken given gone begun risen fallen struck shot fought
    caught sent spent kept sworn stole stolen upheld withheld wrote written drove driven fled
    flew threw thrown broke broken spoke spoken chose chosen froze hid hidden dealt meant lent
    quit sat stood understood wore worn tore torn swore sank sunk sang drew drawn grew grown
    knew known blew slain hung fed laid sought thought taught heard died tied""".split())
# "-ing" words that are nouns or prepositions even without a determiner ("the shooting" has
# one).
_ING_NOUNS = frozenset("""morning evening building during according meeting wedding hearing
    funding thing something nothing anything everything spring king ring bring string ceiling
    offering opening ending setting training housing warning beginning clothing following
    including involving regarding concerning""".split())


def _event_verb(word: str, previous: str) -> bool:
    low = word.lower()
    if not word[0].isalpha() or word[0].isupper() or low in AUXILIARIES:
        return False
    if previous.lower() in _BEFORE_ADJECTIVE:
        return False
    # A present "-s" form in past-tense news is mostly a noun: "filed charges on Wednesday".
    return (low in _PAST_FORMS or (low in COMMON_VERBS and not low.endswith("s"))
            or (len(low) > 4 and low.endswith("ed"))
            or (len(low) > 5 and low.endswith("ing") and low not in _ING_NOUNS))


def dated_event(text: str, phrase: str) -> str:
    """Return the stem of the verb a date in ``text`` dates ("sell" of "sold it in 1957"), or ""."""
    at = text.find(phrase)
    if at < 0 or not phrase:
        return ""
    tokens = [(m.start(), m.group()) for m in _CLAUSE_TOKEN_RE.finditer(text)]
    before = [t for s, t in tokens if s < at]
    after = [t for s, t in tokens if s >= at + len(phrase)]
    # The verb before the date, in its own clause: "was charged with murder Saturday".
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if t.lower() in _CLAUSE_WORDS:
            # "evacuated after a fire on Friday night": the date is the fire's, a noun's.
            return ""
        if not t[0].isalnum():
            break
        if _event_verb(t, before[k - 1] if k else ""):
            return stem(t)
    # A date opening its clause dates the verb after it: "In 1957, Page disappeared", "A
    # judge on Thursday upheld".
    previous = ""
    for k, t in enumerate(after):
        if not t[0].isalnum():
            if k == 0:
                continue
            break
        if t.lower() in _CLAUSE_WORDS:
            break
        if _event_verb(t, previous):
            return stem(t)
        previous = t
    return ""


def _situated(n: Number, text: str) -> Number:
    """Return ``n`` with the content stems around it, and "since" durations told apart."""
    at = text.find(n.text) if n.text else -1
    if at < 0:
        return n
    before = text[max(0, at - 45):at]
    after = text[at + len(n.text):at + len(n.text) + 45]
    words = WORD_RE.findall(before)[-4:] + WORD_RE.findall(after)[:4]
    context = frozenset(stem(w) for w in words
                        if w.lower() not in STOPWORDS and not w[0].isdigit())
    if n.kind == "date" and _LIFE_SPAN_RE.search(before) and _SPAN_DASH_RE.match(after):
        # "Ann Lee (4 May 1941 -- 2 June 2010)": the first date of a life span is the birth.
        context |= {stem("born")}
    unit = n.unit
    # "the first treaty in over 20 years" counts time since, not how long something took.
    if n.kind == "duration" and re.search(r"\bin\s+(?:the\s+(?:past|last)\s+)?"
                                          r"(?:over|more than|nearly|almost|about)?\s*$",
                                          before, re.IGNORECASE) and "first" in text[:at].lower():
        unit = "since"
    return Number(n.kind, n.low, n.high, unit, n.text, context)


def _dates(text: str) -> list[Number]:
    out: list[Number] = []
    pattern = re.compile(
        r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})|"
        r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b")
    for m in pattern.finditer(text):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (
            m.group(5), m.group(4), m.group(6))
        mon = MONTHS.get(month.lower()) or MONTH_ABBR.get(month.lower()[:4]) or MONTH_ABBR.get(
            month.lower()[:3])
        if mon is None:
            continue
        try:
            d = date(int(year), mon, int(day)).toordinal()
        except ValueError:
            continue
        out.append(Number("date", d, d, "day", m.group()))
    return out


# "May" next to a number or after "in", "of", "since"... is the month, not the hedge "may":
# "born 14 May 1961" hedges nothing.
# A day, month and year in either order ("14 May 1961", "April 14 , 1866": tokenised text
# puts a space before the comma), or a month and year ("June 1866", "June of 1866").
_FINE_DATE_RE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]{3,9})\.?\s?,?\s+(?P<y1>\d{4})|"
    r"(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s?,?\s+(?P<y2>\d{4})|"
    r"(?P<m3>[A-Z][a-z]{2,8})\.?\s+(?:of\s+)?(?P<y3>\d{4}))\b")


def _fine_dates(text: str) -> list[Number]:
    """Return the dates of ``text`` told to the day or to the month."""
    out: list[Number] = []
    for m in _FINE_DATE_RE.finditer(text):
        day, month, year = ((m.group("d1"), m.group("m1"), m.group("y1")) if m.group("y1") else
                            (m.group("d2"), m.group("m2"), m.group("y2")) if m.group("y2") else
                            (None, m.group("m3"), m.group("y3")))
        low_name = month.lower()
        mon = MONTHS.get(low_name) or MONTH_ABBR.get(low_name[:4]) or MONTH_ABBR.get(low_name[:3])
        if mon is None:
            continue
        y = int(year)
        try:
            if day is not None:
                first = last = date(y, mon, int(day)).toordinal()
            else:
                first = date(y, mon, 1).toordinal()
                last = date(y + mon // 12, mon % 12 + 1, 1).toordinal() - 1
        except ValueError:
            continue
        out.append(Number("date", first, last, "day" if day else "month", m.group()))
    return out


def _span(n: Number) -> tuple[float, float]:
    """Return the first and last day (ordinals) of a date, or of a year read from bare text."""
    if n.kind == "year" and 1 <= n.low == n.high <= 9999:
        return (date(int(n.low), 1, 1).toordinal(), date(int(n.low), 12, 31).toordinal())
    return (n.low, n.high)


def _refined(numbers: list[Number], text: str) -> list[Number]:
    """Return ``numbers`` with a year replaced by the finer date it was read from.

    Extraction reads only the year of "April 14 , 1866" or "June of 1866"; compared as a
    year, April and June of 1866 would agree. Only the comparison of values uses the finer
    date: the claim's content (and so its matching and blocking keys) stays as it was.
    """
    out = numbers
    for fine in _fine_dates(text):
        coarse = [n for n in out if n.kind in ("date", "year") and n.text in fine.text
                  and _span(n)[0] <= fine.low and fine.high <= _span(n)[1]
                  and (fine.low, fine.high) != _span(n)]
        if coarse:
            # The day of "April 14 , 1866" read as a number of its own goes too. A bound
            # stays: "by April 10, 2015" still holds 9 March 2015.
            low = fine.low if coarse[0].low > float("-inf") else coarse[0].low
            high = fine.high if coarse[0].high < float("inf") else coarse[0].high
            out = [n for n in out if n.text not in fine.text] + [
                _situated(replace(fine, low=low, high=high), text)]
    return out


_MONTH_MAY_RE = re.compile(
    r"(?:(?i:\b(?:in|of|since|until|early|late|last|next|mid|through|during)\s+)|"
    r"(?<=\d )|(?<=\d))May\b|\bMay(?=,?\s\d)")
_TITLE_NEGATOR_RE = re.compile(r"(?<=[\w,] )(?:No|Not|Never|Nothing|Nobody)(?= [A-Z])")
_BRACKETS = re.compile(r"-[LR][RS]B-")


_NEG_WORD_RE = re.compile(r"[^\W\d_]+n't|[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*")
# What a negation denies lies in its own clause: in "the process isn't over," said director
# Mike Reavey nothing of Reavey is denied.
# A spaced hyphen is often only a tokeniser's ("6.1 - magnitude", "co - counsel").
_CLAUSE_BREAK_RE = re.compile(r"([,;:!?()\[\]\"“”‘]|\s[–—]+\s|--)")
# "none of the passengers were hurt", "nothing in this rule relieves": the words after the
# pronoun name who or what, not what is denied.
_PRONOUN_NEGATORS = frozenset({"none", "nothing", "nobody", "no-one"})
_PREPOSITIONS = frozenset({"of", "in", "at", "from", "among", "on"})
# "I don't think it was Magruder" gives an opinion; it denies no thinking.
_OPINION_VERBS = frozenset({"think", "believe", "expect", "suppose", "know", "guess"})
_HEARSAY = frozenset({"believed", "thought", "expected", "reported", "known", "said"})


def _negator(word: str) -> bool:
    return word in NEGATORS or word.endswith("n't")


def _following(words: list[str], k: int) -> list[str]:
    """Return the words a negator at ``words[k]`` denies: the first content word after it,
    or two when the first is an adverb ("not immediately known" denies known)."""
    found = [x for x in words[k + 1:k + 5] if x not in STOPWORDS and not _negator(x)][:2]
    if len(found) == 2 and not (found[0].endswith("ly") and len(found[0]) > 4):
        found = found[:1]
    return found


def _after_verb(words: list[str], k: int) -> list[str]:
    """Return what is denied after the subject that a negator at ``words[k]`` opens: the
    words after its auxiliary ("none of them were hurt"); none when no auxiliary shows."""
    aux = next((n for n in range(k + 1, len(words)) if words[n] in AUXILIARIES), None)
    if aux is None:
        return []
    # "None of those offers are believed to be for more than eight years" denies no belief.
    return _following(words[:aux + 1] + [
        x for x in words[aux + 1:] if x not in _HEARSAY], aux)


def _noun_denied(words: list[str], k: int) -> list[str]:
    """Return the head noun of the phrase "no" at ``words[k]`` opens, when it is more than
    a word: "no tsunami warning issued" denies a warning, "no reported injuries" injuries."""
    run: list[str] = []
    for x in words[k + 1:k + 5]:
        if x in STOPWORDS or _negator(x):
            break
        run.append(x)
    while len(run) >= 2 and run[-1].endswith("ed"):  # "no deaths reported"
        run.pop()
    return run[-1:] if len(run) >= 2 else []


def _no_word_yet(words: list[str], k: int) -> bool:
    """Return whether "no" at ``words[k]`` says only that nothing was told yet: "There were
    no immediate reports of casualties" denies no casualties, and no later reports."""
    return words[k] == "no" and words[k + 1:k + 2] == ["immediate"]


def _denied_heads(masked: str) -> set[str]:
    """Return the stems of the words each negation in ``masked`` (lower case) denies."""
    heads: set[str] = set()
    earlier: list[str] = []
    parts = _CLAUSE_BREAK_RE.split(masked)
    # Each clause with the mark before it (a quote, a question mark) or "" at the start.
    for before, clause in zip(["", *parts[1::2]], parts[0::2], strict=True):
        words = _NEG_WORD_RE.findall(clause)
        opening = before.strip() in ("", '"', "“", "‘", ":")
        for k, w in enumerate(words):
            if not _negator(w):
                continue
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if (CONDITION_WORDS & set(words[:k])  # "if the species would not be harmed"
                    # A command opening a sentence or a quote: "Don't talk."
                    or (opening and k == 0 and w in ("don't", "dont"))
                    or (opening and k == 1 and words[0] == "do" and w == "not")
                    or nxt in _OPINION_VERBS
                    # "Nor is Windows Server 2012." leaves out what it denies.
                    or (k == 0 and w in ("nor", "neither") and nxt in AUXILIARIES
                        and len(words) <= 5)
                    or (w == "neither" and "nor" in words[k + 1:])
                    or _no_word_yet(words, k)):
                continue
            if before.strip() == "?" and k == 0 and words[1:2] in ([], ["so"], ["says"]):
                # "Apple to shut down Beats Music? Not so, Apple says" denies the question.
                found = [x for x in earlier if x not in STOPWORDS and not _negator(x)]
            elif (w in _PRONOUN_NEGATORS and nxt in _PREPOSITIONS) or (
                    w == "nor" and ("neither" in words[:k] or k == 0)):
                found = _after_verb(words, k)  # "Nor did she plan to stop"
            elif w == "no" and (noun := _noun_denied(words, k)):
                found = noun
            elif k == 0 and w == "not" and earlier:
                # ", not a .45-caliber handgun": what sets the alternative apart is denied,
                # not the words it shares with what the sentence asserts.
                told = {stem(x) for x in earlier}
                found = _following([w] + [x for x in words[1:] if stem(x) not in told], 0)
            else:
                found = _following(words, k)
            heads.update(stem(x) for x in found)
        earlier.extend(words)
    return heads


@lru_cache(maxsize=65536)
def _signals(
    text: str, values: tuple[Value, ...], offset: int, entities: tuple[str, ...] = (),
    has_source: bool = False,
) -> Signals:
    if "-LRB-" in text or "-RRB-" in text or "-LSB-" in text:
        # Penn Treebank brackets (FEVER, RTE) become spaces; offsets only matter for values
        # extraction found, and those texts come from extraction unchanged.
        # A round bracket keeps its place: a date opening one may start a life span.
        text = _BRACKETS.sub(lambda m: {"-LRB-": "(    ", "-RRB-": "    )"}.get(
            m.group(), " " * len(m.group())), text)
    taken: list[tuple[int, int]] = []
    numbers: list[Number] = []
    for v in values:
        if v.kind == "date" or v.kind in ("duration", "count", "money", "percent", "quantity",
                                          "number"):
            n = _value_number(v)
            if n.kind == "duration":
                n = replace(n, kind=_duration_kind(text, v.start - offset, v.end - offset))
            numbers.append(n)
            taken.append((v.start - offset, v.end - offset))
    if not any(n.kind == "date" for n in numbers):
        for d in _dates(text):
            numbers.append(d)
    taken += [(m.start(), m.end()) for m in re.finditer(
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}",
        text)]
    days = month_days(text)
    taken += [(start, end) for start, end, _m, _d in days]
    vote_m = RECORDED_VOTE_RE.search(text)
    vote: tuple[int, int] | None = None
    if vote_m:
        groups = [g for g in vote_m.groups() if g]
        try:
            x, y = (int(g) if g.isdigit() else NUMBER_WORDS[g.lower()] for g in groups[:2])
            vote = (x, y)
            taken.append(vote_m.span())
        except (KeyError, ValueError):
            vote = None
    dissent: int | None = None
    dissent_m = DISSENT_RE.search(text) if vote is None and "against" in text else None
    if dissent_m:
        said = (dissent_m.group("n") or dissent_m.group("m")).lower()
        dissent = int(said) if said.isdigit() else NUMBER_WORDS[said]
    # A number naming a thing ("Western Europe 4 cable network") counts nothing.
    taken += name_numbers(text)
    numbers += _own_numbers(text, taken)
    numbers = [_situated(n, text) for n in numbers]

    lowered = text.lower().replace("\u2019", "'")
    # Letters beyond ASCII belong to their word: "Noël" is no "no".
    words = [w for w in re.findall(r"[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*|\d+", lowered)]
    # A capitalised negator inside a sentence opens a title: "No Strings Attached".
    # Headlines capitalise every word, so only a sentence in running text shows a title.
    running = sum(w[:1].islower() for w in text.split()) * 2 > len(text.split())
    titled = (_TITLE_NEGATOR_RE.sub(" ", text) if running else text).lower().replace(
        "\u2019", "'")
    masked = NEGATION_EXCEPTIONS.sub(" ", titled)
    neg_words = _NEG_WORD_RE.findall(masked)
    negators = sum(1 for w in neg_words if _negator(w))
    heads = _denied_heads(masked)
    for m in NEGATING_PHRASES.finditer(masked):
        following = [x for x in re.findall(r"[a-z][a-z'\-]*", masked[m.end():m.end() + 40])
                     if x not in STOPWORDS][:1]
        heads.update(stem(x) for x in following)
    # Any denial counts: "No, Banksy hasn't been arrested" denies once, not twice.
    negated = negators + len(NEGATING_PHRASES.findall(masked)) > 0
    hedged = bool(HEDGE_PHRASES.search(text)) or any(
        w in HEDGES for w in (words if "May" not in text else re.findall(
            r"[^\W\d_][^\W\d_'\-]*", _MONTH_MAY_RE.sub(" ", text).lower())))
    genre = REFUTE_EXCEPTIONS.sub(" ", lowered)
    refuted = bool(REFUTE_PHRASES.search(genre)) or any(
        part in _REFUTER_WORDS for w in re.findall(r"[a-z][a-z'\-]*", genre)
        for part in w.split("-"))
    anticipated = bool(ANTICIPATION.search(text))

    tokens: list[str] = []
    names: set[str] = set()
    # Values are compared as values, so their words ("years", "five-year") leave the frame.
    plain = re.sub(r"\bUnited Nations\b", "UN", text)
    for n in numbers:
        if n.text:
            plain = plain.replace(n.text, " ")
    # Words are read without accents: "Erdoğan" is one word, and the same as "Erdogan".
    raw_tokens = _TOKEN_RE.findall(fold(plain))
    for k, tok in enumerate(raw_tokens):
        if tok[0].isdigit() or tok[0] in "$£€":
            continue
        low = tok.lower().strip(".")
        # "There's", "it's" and "that's" are stopwords with a verb: "there's" is no "ther".
        bare = low[:-2] if low.endswith(("'s", "\u2019s")) else low
        if bare in STOPWORDS or low in NEGATORS or len(low) < 2 or low in SAY_WORDS:
            continue
        s = stem(low)
        if s in STOPWORDS or s.isdigit():
            continue
        tokens.append(s)
        if tok[0].isupper() and k > 0 and not raw_tokens[k - 1].endswith(":"):
            names.add(s)
    # Extraction's names also cover a name that opens the sentence ("Cruz has modelled").
    names |= {t for t in (stem(w) for e in entities for w in WORD_RE.findall(fold(e))
                          if w.lower() not in STOPWORDS) if t in tokens}
    stages = [_STAGE_STEMS[t] for t in tokens if t in _STAGE_STEMS]
    stage = max(stages) if stages else None
    speaking = {stem(w.lower()) for m in _SCOPE_SPEAKS_RE.finditer(text) for w in m.groups()
                if w} if any(t in _SCOPE_STEMS for t in tokens) else set()
    scope = frozenset([t for t in tokens if t in _SCOPE_STEMS and t not in speaking]
                      + ([RUNNING_TOTAL] if numbers and RUNNING_TOTAL_RE.search(text) else []))
    weekdays = frozenset(w for w in words if w in WEEKDAYS)
    attributed = has_source or any(
        w in REPORTING_VERBS and w not in _ADDING for w in words) or bool(
        _ADDED_SAYING_RE.search(text))
    masked_frame = " ".join(tokens + [f"{{{n.kind}}}" for n in numbers])
    # An exact duration, date, sum or share is as telling as a rare word: "5 years" and
    # "a five-year effort" share it even when they share no noun.
    # A time from another event ("five days later") ties as the length it is ("after five
    # days"): what the numbers are is for the comparison to tell apart, not for matching.
    slots = [(_SLOT_OF.get(n.kind, n.kind), n) for n in numbers]
    value_tokens = {f"#{kind}:{n.low:g}:{n.unit}" for kind, n in slots
                    if n.low == n.high and (kind in _SLOT_KINDS or n.low >= 10)}
    # Any duration or date shares the slot "how long" / "when" with another one.
    value_tokens |= {f"#{kind}:{n.unit}" for kind, n in slots if kind in _SLOT_KINDS}
    senses, sensed = _senses(text, raw_tokens) if raw_tokens else ((), frozenset())
    return Signals(
        text=text, tokens=tuple(tokens), content=frozenset(tokens) | value_tokens,
        names=frozenset(names),
        numbers=tuple(_refined(numbers, text) + [
            _situated(n, text) for n in _loose_dates(text, days)
            if not any(n.text in x.text for x in numbers)]),
        negated=negated, negated_heads=frozenset(heads),
        hedged=hedged, unsaid=bool(UNSAID_RE.search(text)),
        directive=bool(DIRECTIVE_RE.search(text)), refuted=refuted,
        anticipated=anticipated, stage=stage, scope=scope,
        consensus=bool(CONSENSUS_RE.search(text)), vote=vote, weekdays=weekdays,
        attributed=attributed, frame=masked_frame, dissent=dissent, senses=senses,
        source_prefix=bool(SOURCE_PREFIX_RE.match(text)),
        sensed=sensed & frozenset(tokens))


def signals(claim: Claim) -> Signals:
    """Return the comparison signals of ``claim`` (cached by its text, values and names)."""
    # Matching asks for the same claim's signals once per report pair it meets: keep them on
    # the claim, since hashing its values for the shared cache costs more than the lookup.
    memo = claim.__dict__.get("_signals")
    if memo is None:
        memo = _signals(claim.text, claim.values, claim.start, tuple(claim.entities),
                        claim.attribution is not None)
        claim.__dict__["_signals"] = memo  # a frozen dataclass's __dict__ takes a memo
    return memo


def clear_signals() -> None:
    """Forget the signals cached by text (claims keep the ones memoised on them)."""
    _signals.cache_clear()


def resolve_weekday(weekday: str, published: date | None) -> date | None:
    """Return the date of the last ``weekday`` on or before ``published`` (news past tense)."""
    if published is None:
        return None
    target = WEEKDAYS.index(weekday)
    back = (published.weekday() - target) % 7
    return published - timedelta(days=back)
