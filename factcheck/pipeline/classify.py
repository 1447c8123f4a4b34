"""Label a matched pair of claims agree / complement / conflict, with reasons.

The judgement reads typed values (equal, within the bound, mismatched), scope and stage
words (a committee's part of the whole; a draft or an expected step against a done one),
polarity (negation, antonyms, refutation words), hedging and attribution, exclusive
alternatives (unanimously vs a recorded vote), swapped roles and differing names. Evidence of
a conflict is softened to a complement when scope, stage or modality show the two claims
need not speak of the same thing. Every label carries its reason codes and one sentence of
explanation built from them; the confidence comes from the calibration table in ``explain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .explain import confidence_for, sentence
from .lexicon import (
    CAPITALS,
    COMMON_WORDS,
    CONSENSUS_RE,
    DEMONYMS,
    EXCLUSIVE_CLASSES,
    GAMES,
    GENERIC_NAME_WORDS,
    GENRE_HEADS,
    GENRE_MEDIA,
    GENRES,
    MONTH_ABBR,
    MONTHS,
    NEGATING_PHRASES,
    NEGATORS,
    NUMBER_WORDS,
    OCCUPATION_FIELDS,
    ORDINALS,
    REPORTING_VERBS,
    RUNNING_TOTAL,
    SCOPE_WORDS,
    STOPWORDS,
    SUCCESSIVE_PAIRS,
    THING_KINDS,
    WEEKDAYS,
    WORD_RE,
)
from .match import coverage, overlap, same_name
from .match import similarity as match_similarity
from .resources import CONDITION_WORDS, DETERMINERS
from .signals import (
    MONTH_DAY,
    TIME_FROM_KINDS,
    Number,
    Signals,
    antonyms,
    dated_event,
    resolve_weekday,
    restore_e,
    signals,
    stem,
)
from .types import Claim, Judgement, Label
from .values import NAME_BEFORE_AGE

# A conflict needs the two claims to say nearly the same thing apart from the clash.
_CONFLICT_OVERLAP = 0.5
_AGREE_COVERAGE = 0.65
# Two values clash only between claims this alike (overlap or coverage).
_VALUE_CLASH_OVERLAP = 0.35
_SHORT = 12
# Content words a claim needs to be said "in other words" by another report's sentence.
_TELLING_WORDS = 3
_SCOPE_SURFACE = {stem(w): w for w in SCOPE_WORDS}
# Evidence that reads a typed value, a recorded vote, a denial or an order of names: telling
# when the two claims are otherwise the same ("took 5 years" / "took seven years").
_TYPED = frozenset({"value.equal", "value.within_bound", "value.mismatch.number",
                    "value.mismatch.date", "alternative.exclusive", "polarity.opposite",
                    "role.swapped"})
_SAME_WORDS = 0.8
_DEMONYM_STEMS = {stem(w): w for w in DEMONYMS}
# A length of time, and a time from another event told as one ("two weeks before").
_LENGTHS = frozenset({"duration", *TIME_FROM_KINDS.values()})
_COMPATIBLE = {("count", "number"), ("number", "count"), ("quantity", "number"),
               ("number", "quantity")}


@dataclass(frozen=True)
class Evidence:
    """One finding about a pair: its reason code and the words behind it."""

    code: str
    detail: str = ""
    dated: bool = False  # a value that is a date, year or month
    counted: str = ""  # the noun a count counts ("deaths"), for value evidence
    loose: bool = False  # a mismatch of two values no word beside them ties together
    ties: int = 0  # for a mismatch, how many words beside both values they share


def _month(n: Number) -> float | None:
    """Return the month (1-12) of a month or of a date told to the day or month."""
    if n.kind == "month":
        return n.low
    if n.kind == "date" and n.unit in ("day", "month"):
        return float(date.fromordinal(int(n.low)).month)
    return None


_INF = float("inf")


def _told(n: Number) -> tuple[float, float]:
    """Return the time a date told with a bound names: "by April 10" names April 10, "until
    May 2005" all of May 2005."""
    if n.low > -_INF and n.high < _INF:
        return n.low, n.high
    edge = n.high if n.low == -_INF else n.low
    if n.unit not in ("month", "year") or edge < 1:
        return edge, edge
    day = date.fromordinal(int(edge))
    first = day.replace(month=1 if n.unit == "year" else day.month, day=1)
    last = (first.replace(year=first.year + 1) if n.unit == "year" else
            first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1))
    return float(first.toordinal()), float(last.toordinal() - 1)


def _dates_meet(x: Number, y: Number, *, strict: bool, untying: frozenset[str]) -> bool:
    """Return whether two dates, either told with a bound, can be one time (see ``_values``)."""
    (x_first, x_last), (y_first, y_last) = _told(x), _told(y)
    if x_first <= y_last and y_first <= x_last:
        return True
    if not (x.low <= y.high and y.low <= x.high) or x.high == y.high == _INF \
            or x.low == y.low == -_INF:
        return False
    return not strict or bool(x.context & y.context - {x.unit, y.unit} - untying)


def _compatible(x: Number, y: Number) -> bool:
    if x.kind in _LENGTHS and y.kind in _LENGTHS:
        # Equal, a length and a time from an event often tell one fact ("two hours before the
        # gunman gave himself up" / "gave up about two hours later"); they clash only within
        # one kind (see ``_values``).
        return x.unit == y.unit
    if MONTH_DAY in (x.unit, y.unit):
        # A day of a month without its year ("since Jan. 18") is of no year we know.
        return x.unit == y.unit
    if "month" in (x.kind, y.kind):
        # A bare month ("released in October") meets a date told to the month or day.
        return _month(x) is not None and _month(y) is not None
    if x.kind != y.kind and (x.kind, y.kind) not in _COMPATIBLE:
        return False
    if x.kind in ("date", "year", "percent"):
        return True
    return x.unit == y.unit


# Words of a number's own expression ("34-year-old", "20 points"): two ages or two scores
# are not tied to one another by them.
_MEASURE_WORDS = frozenset(stem(w) for w in ("year", "old", "age", "aged", "point", "percent"))


@lru_cache(maxsize=4096)
def _capitalised(text: str) -> frozenset[str]:
    """Return the stems of the words ``text`` writes with a capital: names, and a first word."""
    return frozenset(stem(w.lower()) for w in WORD_RE.findall(text) if w[0].isupper())


def _values(sa: Signals, sb: Signals, subject: str = "", *,
            strict: bool = False, apart: bool = False) -> list[Evidence]:
    """Return how the values of ``sb`` stand to those of ``sa`` (equal, within, differs, mismatch).

    ``strict`` is for two claims nobody said belong together (claims of two reports of a
    story): two numbers then clash only when a word beside each, other than what they
    count, is the same ("12 people were injured" / "18 people had been injured"), never
    for being the only numbers of two short claims ("scored 20 points" / "needed nine").
    ``apart``: one claim recalls an older event (``_recalled``) or tells of another named
    subject (``_two_subjects``), whose counts and measures are not the other's.
    """
    found: list[Evidence] = []
    na, nb = _numbers(sa), _numbers(sb)
    untying = (_MEASURE_WORDS | _capitalised(sa.text) | _capitalised(sb.text)
               if strict and sa.numbers and sb.numbers else frozenset())
    # Counts of a day's news and counts of a year long past are of two events, whether
    # they differ or happen to fit: "struck Aceh on Tuesday, killing at least one person" /
    # "a quake struck off Aceh in 2004, ... killed 170,000 people".
    two_events = strict and bool(sa.numbers) and bool(sb.numbers) and _two_times(sa, sb)
    # Two variants of a thing, told apart by a compound measure ("the 13-inch model" / "the
    # 15-inch MacBook Pro", "a 36-year-old climber" / "32-year-old Englishman"): between
    # two reports, their other values are of two things, and the compounds clash only
    # beside a value both tell alike ("a 36-year-old climber fell 150 metres" / "a
    # 32-year-old climber fell 150 metres") or in nearly the same words ("The 66-year-old
    # woman was hit in the crosswalk" / "The 62-year-old woman ..."), not as two plays ("a
    # 7-yard pass" / "an 11-yard pass").
    variants = strict and bool(sa.numbers) and bool(sb.numbers) and _variants(sa, sb)
    anchored = variants and (any(
        not _compound(x) and not _compound(y) and _compatible(x, y) and x.low == y.low
        and x.high == y.high for x in na for y in nb)
        or _words_only(sa, sb) >= _SAME_WORDS)
    for y in nb:
        partners = [x for x in na if _compatible(x, y)]
        if not partners or (two_events and y.kind not in ("date", "year", "month")):
            continue
        if y.kind in ("count", "number") and y.unit and not any(
                x.low == y.low and x.high == y.high for x in partners):
            # "Two people were killed and five injured" / "Five people were injured": the
            # five is counted by the word the other claim has beside its number.
            same = [x for x in na if x.kind in ("count", "number")
                    and x.low == y.low and x.high == y.high
                    and (not x.unit or x.unit in y.context or y.unit in x.context)]
            # Only where that count is tied to the other claim's at least as closely as
            # the clashing one: "seven finger holes till the 1970s, when he introduced the
            # eight holed flute" / "he made the first seven holed flute" still clash.
            if same and (max(_tie(x, y) for x in same)
                         >= max(_tie(x, y) for x in partners)):
                found.append(Evidence("value.equal", f"{_shown(same[0])} and {_shown(y)}"))
                continue
        dated = y.kind in ("date", "year", "month")
        told_alike = [x for x in partners if x.text.lower() == y.text.lower()]
        if told_alike and dated:
            # Two reports' "12 weeks ago" or "today", each read from its own day, are one
            # time told alike, not two dates a week apart.
            exact = near = told_alike
        elif "month" in (y.kind, *(x.kind for x in partners)):
            # Months compare as months: "in October" holds "30 October 2007".
            exact = [x for x in partners if _month(x) == _month(y)]
            near = exact
        elif dated:
            # A time told with a bound is still the day told: "until May 30, 2005" meets
            # "on May 30, 2005" and "in 2005". Two times open the same way ("since Jan. 18"
            # / "since Jan. 17", "until May" / "until June") tell two starts or two ends,
            # which meet only when equal. Between two reports, a time inside another's
            # bound but not the time told ("until May 30, 2005" / "joined the FBI in 1942")
            # is of the same event only when a word beside both ties them.
            exact = [x for x in partners if _told(x) == _told(y)]
            near = [x for x in partners if _dates_meet(x, y, strict=strict, untying=untying)]
        else:
            exact = [x for x in partners if x.low == y.low and x.high == y.high]
            near = [x for x in partners if x.low <= y.high and y.low <= x.high]
        if exact:
            found.append(Evidence("value.equal", f"{_shown(exact[0])} and {_shown(y)}", dated,
                                  _counted(y)))
        elif near:
            found.append(Evidence("value.within_bound", f"{_shown(near[0])} and {_shown(y)}",
                                  dated, _counted(y)))
        else:
            # A time from another event and a length of time may tell one fact when equal
            # ("five days later" / "after being buried for five days"), never clash when not.
            partners = [x for x in partners if x.kind == y.kind or y.kind not in _LENGTHS]
            if not partners:
                continue
            # Whether or not they clash, two claims with these values cannot agree.
            found.append(Evidence("value.differs", f"{_phrase(y.kind, subject)}: "
                                  f"{_shown(partners[0])} vs {_shown(y)}, perhaps of "
                                  "different things"))
            # In long sentences two numbers clash only when told about the same words.
            # A bare month always needs a tie: "launch in February" / "production in January".
            short = (len(sa.content) <= 8 and len(sb.content) <= 8
                     and "month" not in (y.kind, partners[0].kind) and not strict)
            # Between two reports, a date needs two words beside it in common: one ("hosted
            # the Grammys in 1996" / "co-hosting the Emmys in 2003") ties two events of a
            # life as easily as two accounts of one.
            ties_needed = 2 if strict and dated else 1
            shared = {id(x): len(x.context & y.context - (
                {x.unit, y.unit} | untying if strict else set())) for x in partners}
            tied = [x for x in partners if shared[id(x)] >= ties_needed]
            if (not tied and y.kind in ("date", "year", "month") and len(partners) == 1
                    and min(len(sa.content), len(sb.content)) <= 8):
                # A short claim's one date against the other's one date, where the word
                # beside one ("born", "released") is in the other claim too.
                x = partners[0]
                if ((y.context & sa.content) | (x.context & sb.content)) - sa.names - sb.names:
                    tied = partners
            if not short and y.kind != "duration" and not tied:
                continue
            if strict and dated and any(_background(x, y) or _background(y, x)
                                        for x in partners):
                # A year told against a day told from the report's own ("In 2008,
                # Klitschko stopped Thompson" / "stopped Thompson on Saturday"): the year
                # dates an earlier event the report recalls, not its news.
                continue
            if strict and dated and not any(_one_deed(sa.text, x.text, sb.text, y.text)
                                            for x in tied or partners):
                # Between two reports two dates clash only as dates of one deed: "sold it
                # in 1957" / "it was sold in 1967", not "was hit by the tsunami in 2004" /
                # "In September 2009 a major earthquake killed more than 1,000 people".
                continue
            if strict and y.kind in ("time", "remaining") and _words_only(sa, sb) < _SAME_WORDS:
                # Two moments of a story's day are two events ("tied the record with 14:05
                # left" / "set it with 7:42 left") unless told in nearly the same words.
                continue
            if strict and _bare(y) and all(_bare(x) for x in (tied or partners)):
                # Between two reports, a number that says neither what it counts nor what
                # it measures ("scored 20", "a 7 - yard pass" / "an 11 - yard pass") is
                # too often of another thing to call a clash: about 1 in 45 was, on ECB+.
                continue
            if variants and (not _compound(y) or not anchored):
                continue
            if strict and not dated and apart:
                # "A quake killed more than 26,000 people in Bam in December 2003" / "Ten
                # people are killed": the report recalls an older event. "EDS shares
                # soared $5.27" / "HP shares sagged $2.56": two companies.
                continue
            if strict and not dated and (_unknown_doer(sa) or _unknown_doer(sb)):
                # "It killed 612 people", "He had just 269 yards rushing": between two
                # reports, a pronoun with one word beside it may stand for anyone.
                continue
            if strict:
                # Between two reports a part, an increment or another person's age is no
                # other account of a whole: "his first 11 seasons" / "19 seasons", "adding
                # three years to his sentence" / "sentenced to 12 years", "a 66-year-old
                # woman" / "the 36-year-old driver".
                mine = _role_of(y, sb.text)
                if not dated and _period(sa.text) != _period(sb.text):
                    # A season's or a career's total and a game's are two counts: "has
                    # rushed for only 150 yards this season" / "rushed for 63 yards in the
                    # victory over the Falcons", "last season ... 793 yards".
                    continue
                if y.unit == "years old" and _two_people(sa, sb):
                    continue  # two ages of two people, told apart by their nationalities
                tied = [x for x in tied if _role_of(x, sa.text) == mine]
                partners = [x for x in partners if _role_of(x, sa.text) == mine]
                # Shares of two wholes are not two accounts of one: "60 percent of its
                # revenue" / "7.2% of the market".
                whole = _share_of(y, sb.text)
                tied = [x for x in tied if not _other_whole(whole, _share_of(x, sa.text))]
                partners = [x for x in partners
                            if not _other_whole(whole, _share_of(x, sa.text))]
                # A year before a noun dates that thing ("for his role in the 2001
                # marriage"): it tells nothing of a claim that never names the thing.
                if _dates_other(y, sb.text, sa) or any(
                        _dates_other(x, sa.text, sb) for x in tied or partners):
                    continue
                # A conversion is at one day's rate, and the sum it converts is told beside
                # it: "110 billion ($143 billion)" / "110 billion ($158 billion)", "$US1
                # million ($1.52 million)" / "$1 million" tell one amount.
                if _conversion(y, sb.text):
                    continue
                tied = [x for x in tied if not _conversion(x, sa.text)]
                partners = [x for x in partners if not _conversion(x, sa.text)]
                # Distances from two places are not two accounts of one: "14 miles
                # north-northeast of Healdsburg" / "two miles northeast of The Geysers".
                origin = _measured_from(y, sb.text)
                tied = [x for x in tied if not _other_whole(origin, _measured_from(x, sa.text))]
                partners = [x for x in partners
                            if not _other_whole(origin, _measured_from(x, sa.text))]
                if not partners or (not tied and y.kind != "duration"):
                    continue
            kind = "date" if y.kind in ("date", "year", "month") else "number"
            shown = (tied or partners)[0]
            found.append(Evidence(f"value.mismatch.{kind}",
                                  f"{_phrase(y.kind, subject)}: {_shown(shown)} vs "
                                  f"{_shown(y)}", counted=_counted(y) if shown.unit == y.unit
                                  and (tied or not strict) else "", loose=not tied,
                                  ties=0 if any(_compatible(z, shown) and z.low <= shown.high
                                                and shown.low <= z.high for z in nb)
                                  else shared[id(shown)]))
    return found


# Between a count and a bare number that keeps its unit: a few words and a joining word,
# no bracket ("226 yards while Peyton Hillis added 101", "killed 12 people and injured 40").
_COMPOUND_AFTER_RE = re.compile(r"\s*-\s*[A-Za-z]")
_UNIT_KEPT_RE = re.compile(r"^[^()\[\]]{0,40}?\b(?:and|while|but|to|or|with)\b[^()\[\]]{0,40}$")


def _numbers(s: Signals) -> tuple[Number, ...]:
    """Return the numbers of ``s``, a bare one after a count counting what it counts:
    "Jamaal Charles rushed for 226 yards while Peyton Hillis added 101" (101 yards)."""
    if not any(_bare(n) for n in s.numbers):
        return s.numbers
    # Kept on the claim's signals, as ``match`` keeps its weights: a claim meets many others.
    memo: tuple[Number, ...] | None = s.__dict__.get("_kept_units")
    if memo is not None:
        return memo
    out = []
    for n in s.numbers:
        at = s.text.find(n.text) if _bare(n) else -1
        before = [(s.text.find(x.text), x) for x in s.numbers
                  if x.kind == "count" and x.unit.isalpha() and 0 <= s.text.find(x.text) < at]
        if before:
            start, x = max(before, key=lambda p: p[0])
            # Not a compound of its own: "his 7 - yard touchdown pass".
            if _UNIT_KEPT_RE.match(s.text[start + len(x.text):at]) and not _COMPOUND_AFTER_RE.match(
                    s.text, at + len(n.text)):
                n = replace(n, kind=x.kind, unit=x.unit)
        out.append(n)
    s.__dict__["_kept_units"] = memo = tuple(out)
    return memo


_COUNTED_KINDS = frozenset({"count", "number", "quantity", "money"})
_COMPOUND_RE = re.compile(r"\d-[a-z]")


_PRONOUN_START_RE = re.compile(r"^\W*(?:he|she|it|they)\b", re.IGNORECASE)


def _unknown_doer(s: Signals) -> bool:
    """Return whether ``s`` opens with a bare pronoun and tells one word beside it and its
    values ("It killed 612 people."): whom it means is in another sentence. ("He had married
    two weeks before the shooting" names the story's event, and still clashes.)"""
    return (not s.names and bool(_PRONOUN_START_RE.match(s.text))
            and sum(not t.startswith("#") for t in s.content) <= 1)


def _compound(n: Number) -> bool:
    """Return whether ``n`` is a hyphenated measure before a noun ("13-inch", "36-year-old")."""
    return bool(_COMPOUND_RE.search(n.text))


def _variants(sa: Signals, sb: Signals) -> bool:
    """Return whether two claims tell compound measures of one unit, none of them equal."""
    ca = [n for n in sa.numbers if _compound(n)]
    cb = [n for n in sb.numbers if _compound(n)]
    shared = {n.unit for n in ca} & {n.unit for n in cb}
    return bool(shared) and not any(x.unit == y.unit and x.low == y.low and x.high == y.high
                                    for x in ca for y in cb)


# Words that make a count a part of a whole, or an increment to it.
_PART_RE = re.compile(r"\b(?:first|last|final|opening|remaining|closing)\s+$", re.IGNORECASE)
_INCREMENT_BEFORE_RE = re.compile(
    r"\b(?:another|additional|an additional|extra|an extra|further|adding|added|add|adds|"
    r"plus)\s+$", re.IGNORECASE)
_INCREMENT_AFTER_RE = re.compile(r"^\s*(?:more|additional|extra|further)\b", re.IGNORECASE)
# Extraction may keep the word inside the value: "three more years".
_INCREMENT_INSIDE_RE = re.compile(r"\s(?:more|additional|extra|further)\s", re.IGNORECASE)
_AGE_NOUN_RE = re.compile(r"^[\s,]*([A-Za-z]{3,})\b")


# A count of absences: "missed nine games", "sat out the last three games".
_MISSED_RE = re.compile(r"\b(?:missed|miss|misses|missing|sat out|sitting out|sidelined for)\s+"
                        r"(?:the\s+|his\s+|her\s+|their\s+)?(?:last\s+|first\s+|final\s+)?$",
                        re.IGNORECASE)


def _role_of(n: Number, text: str) -> str:
    """Return what a count is of a whole in ``text``: "part", "increment", "missed",
    "age:<noun>" or ""."""
    at = text.find(n.text)
    if at < 0:
        return ""
    before, after = text[:at], text[at + len(n.text):]
    if _PART_RE.search(before[-24:]):
        return "part"
    if n.kind in ("count", "number") and _MISSED_RE.search(before[-30:]):
        # Games missed and games played add up to a season: "missed nine games" / "limited
        # him to six games" tell two counts.
        return "missed"
    if (_INCREMENT_BEFORE_RE.search(before[-24:]) or _INCREMENT_AFTER_RE.match(after)
            or _INCREMENT_INSIDE_RE.search(n.text)):
        return "increment"
    if n.unit == "years old":
        # Whose age: the noun or name after "36-year-old", the name before "Rait, 36,".
        named = NAME_BEFORE_AGE.search(before[-40:]) if n.text[-1:].isdigit() else None
        noun = named or _AGE_NOUN_RE.match(after)
        if noun and noun.group(1).lower() not in STOPWORDS:
            return f"age:{stem(noun.group(1).lower())}"
    return ""


_SHARE_OF_RE = re.compile(r"^\s*(?:%|percent|per\s*cent)?\s+of\s+([^.,;:()]{1,60})",
                          re.IGNORECASE)
_WHOLE_END_RE = re.compile(r"\b(?:to|in|from|between|with|by|for|at|on|was|were|is|are|has|"
                           r"had|have|which|that|and)\b.*", re.IGNORECASE)


# One whole under several names: "half of the company's total sales" / "60 percent of its
# revenue".
_SAME_WHOLE = {stem(w): "#revenue" for w in ("sales", "revenue", "revenues", "turnover")}


# "a 4.5 percent margin of error", "a 5% rise": the percentage is that thing's size.
_SHARE_NOUN_RE = re.compile(r"\s*(?:%|percent|per\s*cent)?\s+([a-z]{3,})\b")
_AN_BEFORE_RE = re.compile(r"\ban?\s+$", re.IGNORECASE)
_NO_NOUN = frozenset("more less fewer higher lower above below over under than".split())


def _share_of(n: Number, text: str) -> frozenset[str]:
    """Return the stems of the whole a percentage is a share of ({"revenu"} of "60% of its
    revenue", {"india", "voic", "traffic"} of "82 percent of India's voice traffic to ..."),
    or of the thing it measures ({"margin"} of "a 4.5 percent margin of error")."""
    words = _phrase_after(n, text, _SHARE_OF_RE) if n.kind == "percent" else []
    if not words and n.kind == "percent":
        at = text.find(n.text)
        m = _SHARE_NOUN_RE.match(text, at + len(n.text)) if at > 0 and _AN_BEFORE_RE.search(
            text[max(0, at - 4):at]) else None
        if m is not None and m.group(1) not in STOPWORDS and m.group(1) not in _NO_NOUN:
            words = [m.group(1)]
    return frozenset(_SAME_WHOLE.get(stem(w), stem(w)) for w in words)


def _phrase_after(n: Number, text: str, pattern: re.Pattern[str]) -> list[str]:
    """Return the content words of the phrase ``pattern`` finds right after ``n`` in
    ``text`` (group 1, up to its next preposition or verb), or none."""
    at = text.find(n.text)
    m = pattern.match(text[at + len(n.text):]) if at >= 0 else None
    if m is None:
        return []
    words = WORD_RE.findall(_WHOLE_END_RE.sub("", m.group(1)).lower().replace("'s", ""))
    return [w for w in words if w not in STOPWORDS]


# A year between a determiner or a possessive and the noun it dates: "the 2001 marriage",
# "their 1974 stories", "Nixon's 1968 campaign".
_DATED_NOUN_BEFORE_RE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|that)|['\u2019]s)\s+$", re.IGNORECASE)
_DATED_NOUN_AFTER_RE = re.compile(r"^\s+([a-z][a-z\-]{2,})\b")


def _dates_other(n: Number, text: str, other: Signals) -> bool:
    """Return whether year ``n`` dates a noun of ``text`` ("the 2001 marriage") that the
    ``other`` claim never names."""
    at = text.find(n.text) if n.kind in ("date", "year") and n.unit == "year" else -1
    if at < 0 or not _DATED_NOUN_BEFORE_RE.search(text[max(0, at - 12):at]):
        return False
    m = _DATED_NOUN_AFTER_RE.match(text[at + len(n.text):])
    if m is None or m.group(1) in STOPWORDS:
        return False
    noun = stem(m.group(1))
    return noun not in other.content and _root(noun) not in _roots(other.content)


_COMPASS = r"(?:north|south|east|west)(?:east|west|ern|erly)?"
# A distance and the place it is measured from: "14 miles north - northeast of Healdsburg",
# "75 kilometers (50 miles) west of Manokwari", "85 miles from Manokwari".
_FROM_RE = re.compile(
    r"^[\s)]*(?:\([^)]*\)\s*)?(?:" + _COMPASS + r"(?:\s*-\s*" + _COMPASS + r")?\s+of|"
    r"(?:away\s+)?from|outside(?:\s+of)?)\s+([^.,;:()]{1,60})", re.IGNORECASE)


def _measured_from(n: Number, text: str) -> frozenset[str]:
    """Return the stems of the place a distance is measured from ({"healdsburg"} of "14 miles
    north of Healdsburg"), or nothing where the text does not say."""
    words = _phrase_after(n, text, _FROM_RE) if n.kind == "quantity" else []
    return frozenset(stem(w) for w in words)


# An amount in brackets right after another: "110 billion euros ($143 billion)".
_CONVERSION_BEFORE_RE = re.compile(
    r"(?:\d|\b(?:thousand|million|billion|trillion|bn|m|euros?|pounds?|dollars?|yen|yuan))"
    r"\s*\(\s*$", re.IGNORECASE)


def _conversion(n: Number, text: str) -> bool:
    """Return whether money ``n`` is told in brackets as a conversion of the amount before it."""
    at = text.find(n.text) if n.kind == "money" else -1
    return at >= 0 and bool(_CONVERSION_BEFORE_RE.search(text[max(0, at - 30):at]))


def _other_whole(x: frozenset[str], y: frozenset[str]) -> bool:
    """Return whether two shares name two different wholes: both told, no word in common."""
    return bool(x and y and not x & y)


_COARSE_DATES = frozenset({"year", "decade", "interval", "century"})


def _background(x: Number, y: Number) -> bool:
    """Return whether ``x`` is a year or longer, told in figures, and ``y`` a time told
    from the day of the report ("Saturday", "this morning", "this year")."""
    # An interval of days ("between June 1 and 5") is as fine as a day.
    return (x.unit in _COARSE_DATES and x.high - x.low >= 364
            and any(c.isdigit() for c in x.text)
            and not any(c.isdigit() for c in y.text)
            # "four years ago" is as coarse as the year: two accounts of one founding.
            and (y.unit not in _COARSE_DATES or y.text.lower().startswith("this ")))


# A year that dates the claim's event: "in 2004", "the tsunami of 2004", "since 1997"; not
# one that names a thing ("a gray 2013 Toyota Camry", "1920 x 1200").
_EVENT_YEAR_BEFORE_RE = re.compile(r"\b(?:in|of|since|from|until|till|by|during)\s+$",
                                   re.IGNORECASE)


def _event_years(s: Signals) -> bool:
    """Return whether ``s`` dates its event by a year told in figures ("in 2004")."""
    for n in s.numbers:
        at = s.text.find(n.text) if n.unit in _COARSE_DATES and n.text[:1].isdigit() else -1
        if at >= 0 and _EVENT_YEAR_BEFORE_RE.search(s.text[max(0, at - 8):at]):
            return True
    return False


# The span a sports total covers: "this season", "last season", "in his career".
_PERIOD_RE = re.compile(r"\b(this|last|next|a|one|per|each)\s+(?:(?:regular|single|"
                        r"entire|whole)\s*-?\s*)?season\b|\b(career)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _period(text: str) -> frozenset[str]:
    """Return the spans a claim's totals cover ({"this"} of "150 yards this season")."""
    return frozenset((m.group(1) or m.group(2)).lower() for m in _PERIOD_RE.finditer(text))


def _two_times(sa: Signals, sb: Signals) -> bool:
    """Return whether one claim is dated by a weekday and the other only by a year told in
    figures: the day's news and an event long past."""
    ya, yb = _event_years(sa), _event_years(sb)
    return (ya and not sa.weekdays and bool(sb.weekdays) and not yb) or (
        yb and not sb.weekdays and bool(sa.weekdays) and not ya)


_DAY_WORDS = frozenset(("today", "yesterday", "tonight", "tomorrow"))
# How near its report's own day a date tells that day's news, not an older event: a
# month, as follow-up reports of one event date it.
_NEWS_DAYS = 31


def _calendar(n: Number) -> bool:
    """Return whether ``n`` is a time told on the calendar ("in December 2003", "in
    February", "June 27, 2001", "in 2004"), not from the report's day ("on Sunday")."""
    if n.kind not in ("date", "year", "month"):
        return False
    first = n.text.split()[0].lower().rstrip(".,") if n.text.split() else ""
    return any(c.isdigit() for c in n.text) or first in MONTHS or first in MONTH_ABBR


def _recalls(s: Signals, published: date | None) -> bool:
    """Return whether ``s`` is dated only on the calendar, and not near its report's day."""
    times = [n for n in s.numbers if n.kind in ("date", "year", "month")]
    if not times or s.weekdays or not all(_calendar(n) for n in times):
        return False
    if published is None:
        return True
    # Years hold a year's number, dates and months the ordinals of their first and last day.
    day = published.toordinal()
    return all(n.low < published.year if n.kind == "year"
               else n.high < day - _NEWS_DAYS for n in times
               if n.kind != "month" and n.unit != MONTH_DAY)


def _undated(s: Signals) -> bool:
    """Return whether ``s`` tells no time at all: no date, weekday or "today"."""
    return not s.weekdays and not any(n.kind in ("date", "year", "month") for n in s.numbers) \
        and not any(w in _DAY_WORDS for w in s.text.lower().split())


def _recalled(sa: Signals, sb: Signals, published_a: date | None,
              published_b: date | None) -> bool:
    """Return whether one claim dates its deed on the calendar, away from its report's day,
    and the other tells no time: an older event the report recalls, against the news."""
    return (_recalls(sa, published_a) and _undated(sb)) or (
        _recalls(sb, published_b) and _undated(sa))


def _named_subject(c: Claim) -> frozenset[str]:
    """Return the stems of a claim's subject when it is a name ("HP shares sagged", "Bush
    missed four games"), not a speaker, a number or a common word."""
    words = c.subject.split()
    if not words or c.attribution or len(words) > 2 or any(
            w in NUMBER_WORDS or w in STOPWORDS or w in COMMON_WORDS for w in words):
        return frozenset()
    stems = frozenset(stem(w) for w in words)
    return stems if stems <= _capitalised(c.text) else frozenset()


def _two_subjects(a: Claim, b: Claim, sa: Signals, sb: Signals) -> bool:
    """Return whether two claims tell of two named subjects, neither naming the other's:
    "EDS shares soared $5.27" / "HP shares sagged $2.56", "Phillips had missed three
    games" / "Bush missed four games"."""
    na, nb = _named_subject(a), _named_subject(b)
    return bool(na) and bool(nb) and not (na & sb.content or nb & sa.content or na & nb)


def _bare(n: Number) -> bool:
    """Return True for a number told with no unit and no noun it counts."""
    return n.kind == "number" and not n.unit


def _counted(n: Number) -> str:
    """Return the noun a count counts ("death" of "457 deaths"), the unit of a measure
    ("years old", "m"), or ""."""
    if n.kind == "quantity" and n.unit:
        # A measure is told of something as a count is: an age of someone ("36-year-old"),
        # a fall's height ("150 metres").
        return n.unit
    return n.unit if n.kind in ("count", "number") and n.unit.isalpha() else ""


def _tie(x: Number, y: Number) -> int:
    """Return how closely two numbers are tied: shared words, each one's unit beside the other."""
    return len(x.context & y.context) + (x.unit in y.context) + (y.unit in x.context)


_TIMES_FROM = {"ago": "ago", "before": "before", "after": "after", "remaining": "left"}


def _shown(n: Number) -> str:
    """Return how a value reads in an explanation: "5 years", not a bare "5"."""
    if n.kind not in _LENGTHS:
        return n.text
    unit = (f" {n.unit}{'' if n.low == 1 else 's'}"
            if n.unit and n.unit not in n.text.lower() else "")
    return f"{n.text}{unit}" + (f" {_TIMES_FROM[n.kind]}" if n.kind in _TIMES_FROM else "")


def _phrase(kind: str, subject: str = "") -> str:
    if kind == "duration" and subject:
        return f"how long the {subject} took"
    return {"duration": "how long it took", "ago": "how long ago it was",
            "before": "how long before it was", "after": "how long after it was",
            "remaining": "the time left", "date": "the date", "year": "the year",
            "month": "the month",
            "money": "an amount", "percent": "a share", "count": "a count",
            "quantity": "a quantity", "time": "the time of day"}.get(kind, "a number")


def _valueless(s: Signals) -> Signals:
    """Return ``s`` with its value tokens ("#date:year") left out of its content."""
    return replace(s, content=frozenset(t for t in s.content if not t.startswith("#")))


def _same_words(sa: Signals, sb: Signals) -> bool:
    """Return whether each claim has nearly all its words, values aside, in the other."""
    va, vb = _valueless(sa), _valueless(sb)
    return coverage(va, vb) >= _SAME_WORDS and coverage(vb, va) >= _SAME_WORDS


def _words_only(sa: Signals, sb: Signals) -> float:
    """Return the overlap of two claims' words, their values left out."""
    return overlap(_valueless(sa), _valueless(sb))


def _word_overlap(sa: Signals, sb: Signals, ov: float, cov: float) -> float:
    """Return ``max(overlap, coverage)`` of two claims over their words, values left out.

    Two claims that both give a date share its value token ("#date:year"), which weighs
    like three words: "died in June 2002" / "a July 1997 conviction" would look like one
    fact told twice. Only the words can say that the two values are of the same thing.
    """
    if not any(t.startswith("#") for t in sa.content & sb.content):
        return max(ov, cov)
    wa, wb = _valueless(sa), _valueless(sb)
    hyp, premise = (wb, wa) if len(wb.content) <= len(wa.content) else (wa, wb)
    return max(overlap(wa, wb), coverage(hyp, premise))


def _plain_coverage(hyp: Signals, premise: Signals) -> float:
    """Return the share of ``hyp``'s words in ``premise``, leaving the values themselves out.

    Two different dates are two different value tokens; what ties the claims is the rest,
    and the words a date of the other claim stands beside ("born" of "Ann Lee (4 May 1941 --
    2 June 2010)").
    """
    words = {t for t in hyp.content if not t.startswith("#")}
    if not words:
        return 0.0
    around = premise.content.union(*(n.context for n in premise.numbers))
    return len(words & around) / len(words)


# "officials said Saturday", "told reporters on Monday": the day something was said, not
# the day it happened.
_SAID_ON = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|announced|reported|stated|added|confirmed)"
    r"\s+(?:late\s+|early\s+)?(?:on\s+)?(?P<a>%s)\b|\b(?P<b>%s)\s+(?:that\s+)?(?:said|says)\b"
    % (("|".join(WEEKDAYS),) * 2), re.IGNORECASE)


def _event_weekdays(s: Signals) -> frozenset[str]:
    """Return the weekdays ``s`` tells something happened on, not the days it was said."""
    said = {(m.group("a") or m.group("b")).lower() for m in _SAID_ON.finditer(s.text)}
    return s.weekdays - said


# Words that say which part of a day, not what happened on it.
_DAY_PARTS = frozenset(stem(w) for w in
                       "night morning afternoon evening late early last next".split())


def _day_words(s: Signals, days: frozenset[str]) -> set[str]:
    """Return the words of ``s`` within two words of one of ``days``, names left out."""
    marks = {stem(d) for d in days}
    near: set[str] = set()
    for k, t in enumerate(s.tokens):
        if t in marks:
            near.update(s.tokens[max(0, k - 2):k] + s.tokens[k + 1:k + 3])
    return near - s.names - _WHEN - _DAY_PARTS


def _one_deed(text_a: str, date_a: str, text_b: str, date_b: str) -> bool:
    """Return whether two dates, each in its claim's text, date the same verb."""
    deed = dated_event(text_a, date_a)
    return bool(deed) and deed == dated_event(text_b, date_b)


def _weekdays(
    sa: Signals, sb: Signals, published_a: date | None, published_b: date | None, *,
    strict: bool = False, ov: float = 0.0, cov: float = 0.0,
) -> Evidence | None:
    """Return a clash of the weekdays two claims tell, unless they resolve to one date.

    ``strict`` (two reports' claims) also needs ``ov`` / ``cov``, the pair's overlap and
    coverage, for how alike the two are in words.
    """
    if not sa.weekdays or not sb.weekdays or sa.weekdays & sb.weekdays:
        return None
    if strict:
        # Two reports' sentences: the day each was said is no clash, and the two must be
        # about the same thing in words (a weekday is all "killed on Saturday" / "police
        # barricaded the street early Tuesday" share).
        da_, db_ = _event_weekdays(sa), _event_weekdays(sb)
        if not da_ or not db_ or da_ & db_ or _word_overlap(
                sa, sb, ov, cov) < _VALUE_CLASH_OVERLAP:
            return None
        # And each day must stand beside the same word: "was gunned down Friday" / "were
        # coping Saturday with the death" tell two days of one story, not two accounts.
        if not _day_words(sa, da_) & _day_words(sb, db_):
            return None
        if not any(_one_deed(sa.text, _surface(sa, stem(x)), sb.text, _surface(sb, stem(y)))
                   for x in da_ for y in db_):
            return None
    wa, wb = sorted(sa.weekdays)[0], sorted(sb.weekdays)[0]
    da, db = resolve_weekday(wa, published_a), resolve_weekday(wb, published_b)
    if da is not None and db is not None and da == db:
        return None
    return Evidence("value.mismatch.date", f"on {wa.title()} vs on {wb.title()}")


# Endings that make a noun of a verb or a doer of a deed ("writer", "appearance", "creation"),
# as the stemmer leaves them.
_DERIVED = ("ation", "ment", "ness", "anc", "enc", "ity", "ion", "er", "or", "en")


@lru_cache(maxsize=65536)
def _root(t: str) -> str:
    """Return the root ``t`` shares with its derived words: "writer", "written" -> "writ"."""
    for suffix in _DERIVED:
        if t.endswith(suffix) and len(t) - len(suffix) >= 4:
            t = t[: -len(suffix)]
            break
    # Both sides are cut alike, so "modell" and "model" (or "fall" and "fal") meet.
    return t[:-1] if len(t) >= 4 and t[-1] == t[-2] and t[-1] not in "aeiou" else t


@lru_cache(maxsize=65536)
def _roots(content: frozenset[str]) -> frozenset[str]:
    return frozenset(_root(t) for t in content if not t.startswith("#"))


# The verbs of a denial ("refused to", "failed to") are its polarity, not its content.
_DENYING = frozenset(stem(w) for w in (
    "refuse refused refuses refusing fail failed fails unable decline declined declines "
    "lack lacks lacked incapable absence devoid stayed steered refrained abstained "
    "away clear").split())


def _adverb_denied(denier: Signals, other: Signals) -> bool:
    """Return True when ``other`` says with an adverb what ``denier`` denies.

    "obtaining visas has not been easy" / "can easily obtain visas": the adverb of the denied
    word qualifies a word the denial has too ("was not safe" / "was safely reopened" does not).
    """
    adverbs = {f"{h[:-1]}ily" if h.endswith("y") else f"{h}ly" for h in denier.negated_heads}
    tokens = other.tokens
    return any(t in adverbs and k + 1 < len(tokens) and tokens[k + 1] in denier.content
               for k, t in enumerate(tokens))


# "was not adopted by consensus", "was not arrested in Paris", "has not been named as a
# suspect": a denied verb and the phrase after it. Not "with" or "for": "not caught with
# his pants down" denies the catching.
_DENIED_PHRASE_RE = re.compile(
    r"\b(?:(?:not|never|n't)\s+(?:been\s+|be\s+)?([a-z][a-z\-]*)\s+"
    r"(by|in|into|at|on|from|until|before|after|during|under|as)|"
    # "no empirical evidence for climate change": evidence of something else is no answer.
    r"no\s+(?:[a-z]+\s+)?([a-z][a-z\-]*)\s+(for))\s+"
    r"((?:(?!(?:by|in|into|at|on|for|from|with|until|before|after|during|under|as|since|to|that|"
    r"which|who)\b)[A-Za-z][\w\-]*\s*){1,6})", re.IGNORECASE)


def _phrase_denied(denier: Signals, other: Signals) -> str:
    """Return the phrase a denial falls on when the other claim never tells it, or "".

    "The treaty was not adopted by consensus" against "Guterres hailed the adoption of the
    treaty": what is denied is the consensus, not the adoption; "not arrested in Paris"
    fits "arrested in Lyon". Against "adopted by consensus" the denial stands.
    """
    if not any(w in denier.text for w in ("not", "never", "n't", "no ", "No ")):
        return ""
    roots = _roots(other.content)
    for m in _DENIED_PHRASE_RE.finditer(denier.text):
        head, prep, phrase = m.group(1) or m.group(3), m.group(2) or m.group(4), m.group(5)
        # The phrase up to the next preposition, with its "and" / "or": "by vegetation and
        # the oceans" is not a detail where the other tells of the oceans.
        words = [stem(w.lower()) for w in WORD_RE.findall(phrase)]
        told = [w for w in words if w not in STOPWORDS]
        if not told or any(w in other.content or _root(w) in roots for w in told):
            continue
        if other.consensus and CONSENSUS_RE.search(m.group(0)):
            continue  # "not by consensus" against "unanimously", "without a vote"
        if _root(stem(head.lower())) in roots:
            return f"{prep} {phrase.strip()}"
    return ""


def _denial_moved(sa: Signals, sb: Signals) -> bool:
    """Return True when each claim denies a word the other asserts.

    "the authorities, which have not launched an investigation, have found evidence" /
    "which have launched an investigation, have not found any evidence": both deny
    something, so neither polarity differs, but not the same thing.
    """
    # A short denial told two ways denies one thing: "there were no reports of injuries" /
    # "no injuries were reported".
    if len(sa.content) < 4 or len(sb.content) < 4:
        return False
    # A word the other denies further on in a list is denied by both: "without title or
    # salary" / "did not have a salary, a title or a listing".
    only_a = {t for t in sa.negated_heads - sb.negated_heads if not _denied_later(sb, t)}
    only_b = {t for t in sb.negated_heads - sa.negated_heads if not _denied_later(sa, t)}
    return bool(only_a & sb.content) and bool(only_b & sa.content)


_LIST_GLUE = frozenset({",", "or", "and", "nor"})
_LIST_ARTICLES = frozenset({"a", "an", "the", "any", "his", "her", "its", "their"})


# Where a denial's list may start. Narrower than the negators and denying phrases the
# signals read ("none", "refused to"): taking those too turned a right climate_fever
# conflict into an agreement.
_DENIAL_START_RE = re.compile(r"\b(?:not|never|no|without|nor|n't)\b|n't\b", re.IGNORECASE)


def _denied_later(s: Signals, t: str) -> bool:
    """Return whether ``s`` denies the word ``t`` in a list after one of its negators: "did
    not have a salary, a title or a listing" denies the title too; "have not launched an
    investigation, have found evidence" denies no finding."""
    for m in _DENIAL_START_RE.finditer(s.text):
        words = re.findall(r"[\w'\-]+|,", s.text[m.end():m.end() + 80].lower())
        # The first item: the first content word within four words of the negator.
        k = next((i for i, w in enumerate(words[:4])
                  if w != "," and w not in STOPWORDS), None)
        if k is None:
            continue
        items = [words[k]]
        k += 1
        while k < len(words) and words[k] in _LIST_GLUE:
            k += 1
            while k < len(words) and (words[k] in _LIST_ARTICLES or words[k] in _LIST_GLUE):
                k += 1
            if k < len(words):
                items.append(words[k])
                k += 1
        if any(stem(w) == t for w in items[1:]):
            return True
    return False


# A verb denied right after its negator: "didn't even fight", "can't call it arson".
_DENIED_VERB_RE = re.compile(
    r"\b(?:not|never|[a-z]+n['\u2019]t)\s+(?:(?:be|been|being|even|ever|yet|really|always|"
    r"just|actually|also)\s+){0,2}([a-z]+)", re.IGNORECASE)
# A word after these is a noun; not after "all", which also stands before verbs ("they all
# fight").
_NOUN_MARKERS = (DETERMINERS - {"all"}) | {"my", "another"}
_CONDITION_BEFORE_RE = re.compile(r"\b(?:" + "|".join(sorted(CONDITION_WORDS)) + r")\b",
                                  re.IGNORECASE)


def _as_noun_only(t: str, s: Signals) -> bool:
    """Return whether every word of ``s`` with stem ``t`` follows a determiner or a
    possessive: "in this fight", "got a call", "the Eagles' practice squad"."""
    words = WORD_RE.findall(s.text)
    uses = [k for k, w in enumerate(words) if stem(w.lower()) == t]
    return bool(uses) and all(k > 0 and (words[k - 1].lower() in _NOUN_MARKERS or words[
        k - 1].endswith(("'", "'s", "\u2019s"))) for k in uses)


def _verbs_told_as_nouns(denier: Signals, other: Signals) -> frozenset[str]:
    """Return the verbs ``denier`` denies that ``other`` writes only as nouns: "he didn't
    even fight" denies no "fight" of "apparent in this fight"."""
    verbs = {stem(m.group(1).lower()) for m in _DENIED_VERB_RE.finditer(denier.text)}
    return frozenset(h for h in denier.negated_heads & verbs if _as_noun_only(h, other))


def _asserted(heads: frozenset[str], denier: Signals, other: Signals,
              directed: bool) -> frozenset[str]:
    """Return the denied ``heads`` that ``other`` asserts.

    Between two reports a word told only as an aim ("trying to determine the cause", "to
    help determine") or under a condition ("if the world knew, they would hang me") asserts
    nothing: "the cause has not been determined" does not deny it. Nor does a noun deny
    the verb written the same: "he didn't even fight" / "apparent in this fight".
    """
    if directed or not heads:
        return heads
    nouns = _verbs_told_as_nouns(denier, other)
    return frozenset(h for h in heads - nouns if any(
        stem(m.group().lower()) == h and not _AIM_BEFORE_RE.search(other.text[:m.start()])
        and not _CONDITION_BEFORE_RE.search(other.text[:m.start()])
        for m in WORD_RE.finditer(other.text)))


_LOCATIVE = r"(?:at|in|inside|near)\s+(?:(?:the|a|an|his|her|its|their|our|this|that)\s+)?"
_NOT_AT_RE = re.compile(r"\b(?:not|n't|never)\s+(?:been\s+)?" + _LOCATIVE + r"([a-z][\w'\-]*)",
                        re.IGNORECASE)
_AT_RE = re.compile(r"\b" + _LOCATIVE + r"([a-z][\w'\-]*)", re.IGNORECASE)


def _placed(heads: frozenset[str], denier: Signals, other: Signals,
            directed: bool) -> frozenset[str]:
    """Return the denied ``heads`` less the places the denier says someone was not at that
    ``other`` places no one at: "he was not at the church when the fire broke out" does not
    deny "estimates damages at more than $1 million to the church"."""
    if directed or not heads:
        return heads
    away = {stem(m.group(1).lower()) for m in _NOT_AT_RE.finditer(denier.text)} & heads
    if not away:
        return heads
    there = {stem(m.group(1).lower()) for m in _AT_RE.finditer(other.text)}
    return heads - (away - there)


# A verb after "to" tells an aim, not a deed: "trying to determine", "to help identify";
# so does its object ("has begun to identify suspects" / "they don't have suspects").
_AIM_BEFORE_RE = re.compile(
    r"\b[Tt]o\s+(?:help\s+)?(?:(?!(?:the|a|an|his|her|its|their|be)\b)[a-z]+\s+"
    r"(?:(?:the|a|an|any|its|his|her|their)\s+)?)?$")


# A claim that tells an accusation, which a denial answers rather than contradicts.
_ACCUSATION_RE = re.compile(r"\b(?:charged|accused|accusations?|alleged|allegations?|"
                            r"suspected)\b", re.IGNORECASE)


# A denial of what was said or charged: "discounted rumors that he was Deep Throat",
# "denies arson", "denied suggestions that".
_DENIED_TALK_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|discount(?:s|ed|ing)?|reject(?:s|ed|ing)?|"
    r"dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))\s+(?:(?:the|those|these|such|all|any|"
    r"persistent|repeated|earlier|recent)\s+)*(rumou?rs?|accusations?|allegations?|claims?|"
    r"suggestions?|reports?|charges?|speculation|arson|murder|wrongdoing)\b", re.IGNORECASE)


# A message called a hoax: "a tip that turned out to be a hoax", "The call ... turned out to
# be a hoax". What it led to (a raid, children taken into care) is not called false.
_HOAX_OF_RE = re.compile(
    r"\b(tips?|calls?|reports?|claims?|stor(?:y|ies)|threats?|videos?|photos?|letters?|"
    r"e-?mails?|messages?|posts?)\b[^.;]{0,60}?\b(?:turned out to be|proved(?: to be)?|"
    r"(?:was|is|were|are) (?:later )?(?:revealed|found|shown) to be|was|is) "
    r"(?:a |an )?(?:hoax|fake|prank|fabrication|fabricated)\b", re.IGNORECASE)


def _denied_talk_elsewhere(refuter: Signals, other: Signals) -> bool:
    """Return whether ``refuter`` denies talk or a charge (rumours, arson), or calls a
    message a hoax, that ``other`` never tells: "LaRue discounted rumors that he was Deep
    Throat" does not contradict "He was often mentioned as ... Deep Throat", nor "Man denies
    arson" "a fire at Waitrose", nor "a tip that turned out to be a hoax" "police saw
    underage girls who were clearly pregnant"."""
    for pattern in (_DENIED_TALK_RE, _HOAX_OF_RE):
        m = pattern.search(refuter.text)
        if m is not None and stem(m.group(1).lower()) not in other.content:
            return True
    return False


_NOT_UNTIL_RE = re.compile(r"\bnot\s+(?:\w+\s+){1,8}?until\b", re.IGNORECASE)
_UNTIL_RE = re.compile(r"\buntil\b", re.IGNORECASE)


def _until(sa: Signals, sb: Signals) -> Evidence | None:
    """Return a clash of "not X until 1997" (X began then) with "X until 1997" (X ended).

    "not ... until" denies nothing on its own, so both claims read as asserted.
    """
    for mine, other in ((sa, sb), (sb, sa)):
        m = _NOT_UNTIL_RE.search(mine.text)
        if (m is None or not _UNTIL_RE.search(other.text) or other.negated
                or _NOT_UNTIL_RE.search(other.text)):
            continue
        # Only where the other says the same thing held until then: "not electrified until
        # 1990" and "worked by steam until 1990" can both hold.
        said = {stem(w) for w in WORD_RE.findall(m.group()) if w.lower() not in STOPWORDS}
        if said and said <= other.content:
            return Evidence("polarity.opposite", "one says it began then, the other that it "
                                                 "ended then")
    return None


def _root_coverage(hyp: Signals, premise: Signals) -> float:
    """Return the share of ``hyp``'s words whose root is among ``premise``'s roots."""
    words = [t for t in hyp.content if not t.startswith("#")
             and not (hyp.negated and t in _DENYING)]
    if not words:
        return 0.0
    theirs = _roots(premise.content)
    return sum(_root(t) in theirs for t in words) / len(words)


def _short_denial(hyp: Signals, premise: Signals) -> Evidence | None:
    """Return a clash of a short claim denying what the longer one asserts.

    "Ann Lee has yet to write a novel" against "Ann Lee, a novelist and writer of ...": the
    denied word, or a word derived from it, is asserted, and the rest of the short claim is
    there too.
    """
    if not hyp.negated or premise.negated or not hyp.negated_heads:
        return None
    # A sentence about a named subject the other also names: "wanted to plead not guilty"
    # may be anyone's wish, and a headline's "No X" is read by the headline rules.
    if not hyp.names & premise.content or hyp.text.rstrip()[-1:] not in ".!?":
        return None
    if not {_root(t) for t in hyp.negated_heads} & _roots(premise.content):
        return None
    if _root_coverage(hyp, premise) < _AGREE_COVERAGE:
        return None
    return Evidence("polarity.opposite", "one says it happened, the other that it did not")


def _surface(s: Signals, t: str) -> str:
    """Return the word of ``s`` whose stem is ``t``, as the text writes it."""
    return next((w for w in WORD_RE.findall(s.text) if stem(w) == t), t)


def _sensed(s: Signals) -> frozenset[str]:
    """Return the content of ``s`` with its phrases and irregular forms read as one word."""
    if not s.senses:
        return s.content
    return (s.content - s.sensed) | {t for t, _ in s.senses}


def _sense_surface(s: Signals, t: str) -> str:
    """Return how ``s`` writes the word ``t`` stands for: the phrase or its own form."""
    return next((shown for sense, shown in s.senses if sense == t), "") or _surface(s, t)


def _opposite_view(sa: Signals, sb: Signals) -> tuple[Signals, Signals]:
    """Return both claims' signals with the words the opposites rule reads as their content.

    Phrases count as the word they stand for ("called off" is "cancel"), and a day or month
    only one claim tells is left out: when something happened is a detail the other claim
    leaves open, not a word it fails to share ("freed on Monday" / "still held").
    """
    wa, wb = _sensed(sa), _sensed(sb)
    when = (wa ^ wb) & _WHEN
    if wa is sa.content and wb is sb.content and not when:
        return sa, sb
    return (replace(sa, content=wa - when, names=sa.names - when),
            replace(sb, content=wb - when, names=sb.names - when))


_WHEN = frozenset(stem(w) for w in (*WEEKDAYS, *MONTHS, "today", "yesterday", "tonight"))


# One deal told from either side: the seller sells to the buyer, the lender lends to the
# borrower. Stems of the seller's and the buyer's verbs.
_CONVERSES = {(stem("sell"), stem("buy")), (stem("sold"), stem("buy")),
              (stem("lend"), stem("borrow")), (stem("lent"), stem("borrow"))}
# "sold ... to a Houston multimillionaire": "to" before a noun phrase, not a verb ("to raise").
_TO_RE = re.compile(r"\bto\s+((?:a|an|the|[A-Z][\w'\-]*)\s+(?:[\w'\-]+\s*){0,4})")


def _converse(sa: Signals, sb: Signals, t: str, o: str) -> bool:
    """Return True when ``t`` (of ``sa``) and ``o`` (of ``sb``) tell one deal from its sides.

    "The car sold for $690,000 to a Houston multimillionaire" / "A Houston multimillionaire
    buys the car": the one the first sold to is the buyer of the second.
    """
    if (t, o) in _CONVERSES:
        sells, buys, buyer = sa, sb, o
    elif (o, t) in _CONVERSES:
        sells, buys, buyer = sb, sa, t
    else:
        return False
    m = _TO_RE.search(sells.text)
    if m is None:
        return False
    recipient = {stem(w) for w in WORD_RE.findall(m.group(1)) if w.lower() not in STOPWORDS}
    # The recipient stands just before the buying verb in the other claim: its doer.
    verb_at = next((k for k, w in enumerate(buys.tokens) if w == buyer),
                   len(buys.tokens))
    return bool(recipient & set(buys.tokens[max(0, verb_at - 4):verb_at]))


# Stems of opposites that name two moments of one story ("began" / "ended").
_SUCCESSIVE = frozenset(frozenset((stem(x), stem(y))) for x, y in SUCCESSIVE_PAIRS)


def _antonym(sa: Signals, sb: Signals, wa: frozenset[str] | None = None,
             wb: frozenset[str] | None = None, *, strict: bool = False) -> Evidence | None:
    """Return opposite words of two claims; ``strict`` (two reports) leaves out two moments
    of one story unless the claims are otherwise told in nearly the same words, and returns
    them (as "detail.differs") only when no other opposite is found."""
    ca = sa.content if wa is None else wa
    cb = sb.content if wb is None else wb
    moments: Evidence | None = None
    for t in sorted(ca - cb):
        for o in _opposites(t):
            # "unknown" / "not immediately known": a denied opposite says the same.
            if (o in cb and o not in ca and not _converse(sa, sb, t, o)
                    and o not in sb.negated_heads and t not in sa.negated_heads):
                if (strict and frozenset((t, o)) in _SUCCESSIVE
                        and _words_only(sa, sb) < _SAME_WORDS):
                    # "The election ended Sunday evening" / "Voters began to cast their
                    # ballots at 8:00 am on Sunday": a story's two moments, not a clash,
                    # nor an agreement. "The factory opened on Monday" / "closed on
                    # Monday" still clash.
                    moments = moments or Evidence(
                        "detail.differs", f"they tell two moments of it: "
                        f"'{_sense_surface(sa, t)}' vs '{_sense_surface(sb, o)}'")
                    continue
                return Evidence("polarity.antonym",
                                f"'{_sense_surface(sa, t)}' vs '{_sense_surface(sb, o)}'")
    return moments


@lru_cache(maxsize=65536)
def _opposites(t: str) -> frozenset[str]:
    """Return the stems opposite to ``t``, reading a compound by its first part.

    "worst-selling" is opposite to "best-selling": the same second part after opposites;
    "unsurprising" is opposite to "surprising".
    """
    found = antonyms(t)
    head, dash, tail = t.partition("-")
    if dash and tail:
        found |= {f"{o}-{tail}" for o in antonyms(head)}
    # "controlled" / "uncontrolled", "named" / "unnamed": the prefix un- negates the word.
    if t.startswith("un") and len(t) >= 5:
        found |= {t[2:], restore_e(t[2:])}
    elif len(t) >= 3 and t.isalpha():
        found |= {f"un{t}", f"un{t[:-1]}"} if restore_e(t[:-1]) == t else {f"un{t}"}
    return found


@lru_cache(maxsize=65536)
def _opposable(content: frozenset[str]) -> frozenset[str]:
    """Return the stems of ``content`` that have an opposite."""
    return frozenset(t for t in content if _opposites(t))


def _covered_antonym(hyp: Signals, premise: Signals) -> Evidence | None:
    """Return an opposite word of a short claim whose other words the longer one all has.

    "The album was one of the worst-selling of all time" against a long sentence calling it
    "one of the best-selling albums of all time": overlap is low against a long sentence, so
    the rest of the short claim must be there word for word (or by a derived word).
    """
    # Headlines mock and joke in opposites ("Found Dead But Still Makes It"): sentences only.
    if hyp.negated != premise.negated or hyp.text.rstrip()[-1:] not in ".!?":
        return None
    candidates = _opposable(hyp.content)
    if not candidates:
        return None
    ch, cp = hyp.content, premise.content
    for t in sorted(candidates - cp):
        for o in _opposites(t):
            if o not in cp or o in ch or _converse(hyp, premise, t, o):
                continue
            roots = _roots(premise.content)
            rest = [x for x in hyp.content if x != t and not x.startswith("#")]
            if rest and all(_root(x) in roots for x in rest if x not in hyp.names) and any(
                    x in premise.content for x in rest if x in hyp.names):
                return Evidence("polarity.antonym",
                                f"'{_surface(hyp, t)}' vs '{_surface(premise, o)}'")
    return None


# Opposites of how a figure or a thing's state changed, which the local rule reads.
_CHANGES = frozenset(stem(w) for w in (
    "increase decrease decline rise fall drop grow shrink raise lower reduce cut expand "
    "gain loss keep remove delete").split())


def _local_antonym(sa: Signals, sb: Signals) -> Evidence | None:
    """Return opposite changes said of the same word nearby: "a sharp increase in profit" /
    "profits dropped by a third", where the rest of two long sentences differs too much for
    the overlap the antonym rule asks. Sentences only: headlines joke in opposites."""
    if any(s.text.rstrip()[-1:] not in ".!?\"\u201d" for s in (sa, sb)):
        return None
    ta, tb = list(sa.tokens), list(sb.tokens)
    ca, cb = set(ta), set(tb)
    for i, t in enumerate(ta):
        opposed = [o for o in _opposites(t) if o in cb and o not in ca] if (
            t in _CHANGES and t not in cb) else []
        if not opposed:
            continue
        # The shared neighbour is the thing that changed, not a place or a name beside it
        # ("sea ice in the Arctic is declining" / "shipping in the Arctic is growing").
        near_a = set(ta[max(0, i - 2):i] + ta[i + 1:i + 3]) - {t} - sa.names - sb.names
        for j, o in enumerate(tb):
            if o in opposed and near_a & (set(tb[max(0, j - 2):j] + tb[j + 1:j + 3]) - {o}):
                return Evidence("polarity.antonym",
                                f"'{_surface(sa, t)}' vs '{_surface(sb, o)}'")
    return None


def _vote(sa: Signals, sb: Signals) -> Evidence | None:
    if sa.consensus and sb.vote and sb.vote[1] > 0:
        return Evidence("alternative.exclusive",
                        f"without dissent vs a vote of {sb.vote[0]} to {sb.vote[1]}")
    if sb.consensus and sa.vote and sa.vote[1] > 0:
        return Evidence("alternative.exclusive",
                        f"a vote of {sa.vote[0]} to {sa.vote[1]} vs without dissent")
    if sa.consensus and sb.dissent:
        return Evidence("alternative.exclusive", f"without dissent vs {sb.dissent} against")
    if sb.consensus and sa.dissent:
        return Evidence("alternative.exclusive", f"{sa.dissent} against vs without dissent")
    if sa.vote and sb.dissent is not None and sb.dissent != sa.vote[1]:
        return Evidence("value.mismatch.number",
                        f"votes against: {sa.vote[1]} vs {sb.dissent}")
    if sb.vote and sa.dissent is not None and sa.dissent != sb.vote[1]:
        return Evidence("value.mismatch.number",
                        f"votes against: {sa.dissent} vs {sb.vote[1]}")
    if sa.vote and sb.vote and sa.vote != sb.vote:
        return Evidence("value.mismatch.number",
                        f"the vote: {sa.vote[0]} to {sa.vote[1]} vs {sb.vote[0]} to {sb.vote[1]}")
    return None


# Capitalised words that are not who or where: a day or a month is when, and a title or a
# form of address goes before a name ("Mr. Pigeon" and "Luke Pigeon", "Ms Palin" and
# "Governor Palin" are one person).
_NOT_A_NAME = _WHEN | frozenset(stem(w) for w in (
    "mr mrs ms miss dr doctor sir dame lord lady prof professor rev reverend gov governor "
    "president senator sen rep representative judge justice mayor chief inspector detective "
    "officer sergeant sgt const constable captain capt lieutenant lt general gen colonel col "
    "commander admiral prince princess king queen minister secretary ins uss hms saint "
    "latest update breaking").split())


def _title_case(text: str) -> bool:
    """Return whether most words of ``text`` after the first are capitalised (a headline)."""
    words = [w for w in WORD_RE.findall(text)[1:] if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _beside(s: Signals, token: str) -> set[str]:
    """Return the content words just before and after each place ``s`` says ``token``."""
    t = s.tokens
    return {t[j] for k, w in enumerate(t) if w == token for j in (k - 1, k + 1)
            if 0 <= j < len(t)}


_TOLD_TO_RE = r"\b(?:told|tells?|telling|according to|said to|speaking to|talking to|" \
    r"in an interview with)\s+(?:the\s+)?"


def _told_to(text: str, name: str) -> bool:
    """Return whether ``text`` tells ``name`` as whom something was said to ("told People")."""
    return re.search(_TOLD_TO_RE + re.escape(name) + r"\b", text, re.IGNORECASE) is not None


def _names(hyp: Signals, premise: Signals) -> Evidence | None:
    # A name the shorter claim uses that the other never mentions, where the other has a
    # name of its own in its place: a different person or place for the same event.
    if hyp.negated != premise.negated:  # "not in Paris" fits "in Lyon"
        return None
    new = sorted(hyp.names - premise.content)
    other = sorted(premise.names - hyp.content)
    rest = hyp.content - premise.content
    if not (len(new) == 1 and len(other) == 1 and len(hyp.content & premise.content) >= 3
            and rest == set(new) and len(premise.content) <= len(hyp.content) + 3):
        return None
    mine, theirs = new[0], other[0]
    # The two names must stand in one place: a word beside one is beside the other ("held
    # in Paris" / "held in Lyon"), not "tells People magazine" / "the magazine's Web site".
    if not _beside(hyp, mine) & _beside(premise, theirs):
        return None
    shown_mine, shown_theirs = _surface(hyp, mine), _surface(premise, theirs)
    if (mine in _NOT_A_NAME or theirs in _NOT_A_NAME or same_name(shown_mine, shown_theirs)
            # Nationalities are read by their own rule, which knows one inside another
            # ("English climbers" / "a British climber").
            or mine in _DEMONYM_STEMS or theirs in _DEMONYM_STEMS
            # Whom a statement was told to is no party to the event: "her rep told People" /
            # "her rep told UsMagazine.com" is one statement given to two outlets.
            or _told_to(hyp.text, shown_mine) or _told_to(premise.text, shown_theirs)
            # "accused Khartoum" / "accused Sudan": a capital stands for its country.
            or shown_mine.lower() in CAPITALS.get(shown_theirs.lower(), ())
            or shown_theirs.lower() in CAPITALS.get(shown_mine.lower(), ())
            # "RB Bush" / "on IR": a short capitalised abbreviation may stand for anything.
            or any(w.isupper() and len(w) <= 3 for w in (shown_mine, shown_theirs))
            # In a headline every word is capitalised: "Sets Scoring Record in Victory".
            or _title_case(hyp.text) or _title_case(premise.text)):
        return None
    return Evidence("entity.differs", f"{shown_theirs} vs {shown_mine}")


def _after(s: Signals, words: set[str], span: int = 3) -> set[str]:
    return {t for k, w in enumerate(s.tokens) if w in words
            for t in s.tokens[k + 1:k + 1 + span]}


def _nation_named(demonyms: set[str], content: frozenset[str]) -> bool:
    """Return whether ``content`` names the country of one of ``demonyms`` ("Somalia")."""
    return any(len(c) >= 5 and c[:5] == d[:5] for d in demonyms for c in content)


# A nationality within another one.
_WITHIN = {stem(w): stem("british") for w in ("english", "scottish", "welsh")}


_AGE_RE = re.compile(r"\b(\d{1,3})\s*-\s*years?\s*-\s*old\b|\baged\s+(\d{1,3})\b",
                     re.IGNORECASE)


def _nationalities(s: Signals) -> set[str]:
    """Return the nationalities ``s`` gives, an English one also British."""
    found = {t for t in s.content if t in _DEMONYM_STEMS}
    return found | {_WITHIN[t] for t in found if t in _WITHIN}


def _two_people(sa: Signals, sb: Signals) -> bool:
    """Return whether the two claims tell of two people: each gives an age and a
    nationality, and both differ ("a 36-year-old Australian climber" / "a 32-year-old
    British climber"). One difference may be a discrepancy; two make two people."""
    ages_a = {m.group(1) or m.group(2) for m in _AGE_RE.finditer(sa.text)}
    ages_b = {m.group(1) or m.group(2) for m in _AGE_RE.finditer(sb.text)}
    if not ages_a or not ages_b or ages_a & ages_b:
        return False
    na, nb = _nationalities(sa), _nationalities(sb)
    return bool(na and nb and not na & nb)


def _nationality(hyp: Signals, premise: Signals, *, strict: bool = False) -> Evidence | None:
    # The shorter claim gives a nationality the other never names, where the other gives one
    # of its own: "is a Canadian film" against "is an American drama film".
    if hyp.negated or premise.negated:  # "not an American series" fits "a French series"
        return None
    if strict and _two_people(hyp, premise):
        return None
    mine, theirs = _nationalities(hyp), _nationalities(premise)
    # Both must qualify the same thing: a word just after one is just after the other
    # ("an Indian interpreter" does not clash with "a Scottish museum").
    if not mine or not theirs or mine & theirs:
        return None
    # The country of the other's nationality named by its own word: "the New Zealand-born
    # Australian" / "a New Zealander", "the Indians say the pirates were from Somalia" /
    # "Somali pirates".
    if _nation_named(theirs, hyp.content - mine) or _nation_named(mine, premise.content - theirs):
        return None
    # Between two reports (``strict``) the word must follow closer: "Indian commandos
    # boarded" / "Somali pirates on board" qualify two parties.
    span = 2 if strict else 3
    if _after(hyp, mine, span) & _after(premise, theirs, span):
        return Evidence("entity.differs", f"{_DEMONYM_STEMS[sorted(theirs)[0]].title()} vs "
                                          f"{_DEMONYM_STEMS[sorted(mine)[0]].title()}")
    return None


# Stem -> (class, group) of the exclusive word classes, and the word an explanation shows.
_EXCLUSIVE = {stem(w): (c, g) for c, groups in enumerate(EXCLUSIVE_CLASSES)
              for g, group in enumerate(groups) for w in group}


# Stem -> (kind, group, whether the kind's groups exclude each other).
_THINGS = {stem(w): (kind, g, exclusive) for kind, (exclusive, groups) in THING_KINDS.items()
           for g, group in enumerate(groups) for w in group.split()}
# The word an explanation shows for a stem of either list.
_SURFACE = {stem(w): w for groups in EXCLUSIVE_CLASSES for group in groups for w in group} | {
    stem(w): w for _e, groups in THING_KINDS.values() for group in groups for w in group.split()}


def _article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _exclusive(x: str, y: str) -> bool:
    cx, cy = _EXCLUSIVE.get(x), _EXCLUSIVE.get(y)
    if cx is not None and cy is not None:
        return cx[0] == cy[0] and cx[1] != cy[1]
    return _other_thing(x, y)


def _other_thing(x: str, y: str) -> bool:
    """Return True when ``x`` and ``y`` name things of different kinds ("a dog", "a singer")."""
    tx, ty = _THINGS.get(x), _THINGS.get(y)
    if tx is None or ty is None:
        return False
    return tx[0] != ty[0] or (tx[1] != ty[1] and tx[2])


# A game names what a player, team or match is of: "a football player" and "an American
# poker player" fill one place whatever stands before them.
_GAMES = frozenset(stem(w) for w in GAMES.replace("|", " ").split())
_GAME_HEADS = frozenset(stem(w) for w in (
    "player players team club league match tournament champion championship coach star "
    "quarterback linebacker pitcher goalkeeper striker union association federation competition"
).split())


@lru_cache(maxsize=65536)
def _slots(ta: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    """Return each word of ``ta`` by the words either side of it, the two before or after,
    and a game by the player, team or match it names."""
    around: dict[tuple[str, ...], str] = {}
    for m in range(1, len(ta)):
        if m + 1 < len(ta):
            around.setdefault((ta[m - 1], ta[m + 1]), ta[m])
            if ta[m] in _GAMES and ta[m + 1] in _GAME_HEADS:
                # Any head: "a poker player" / "an American football quarterback".
                around.setdefault(("^",), ta[m])
        if m >= 2:
            around.setdefault((ta[m - 2], ta[m - 1], "<"), ta[m])
        if m + 2 < len(ta):
            around.setdefault((">", ta[m + 1], ta[m + 2]), ta[m])
    return around


def _substitution(sa: Signals, sb: Signals) -> Evidence | None:
    """Return a word of ``sb`` that stands where ``sa`` has an exclusive alternative to it.

    The slot is the same when the words either side are the same ("drama film set in" /
    "drama book set in") or the two words before it are ("comedy drama film").
    """
    if sa.negated or sb.negated:  # "not the first woman" fits "the second woman"
        return None
    tb = sb.tokens
    around = _slots(sa.tokens)
    for k in range(1, len(tb)):
        x = tb[k]
        # A name is not a word of a class: "Fox News" holds no animal.
        if (x not in _EXCLUSIVE and x not in _THINGS) or x in sb.names:
            continue
        keys: list[tuple[str, ...]] = [(tb[k - 1], tb[k + 1])] if k + 1 < len(tb) else []
        if k >= 2:
            keys.append((tb[k - 2], tb[k - 1], "<"))
        if k + 2 < len(tb):
            keys.append((">", tb[k + 1], tb[k + 2]))
        if x in _GAMES and k + 1 < len(tb) and tb[k + 1] in _GAME_HEADS:
            keys.append(("^",))
        for key in keys:
            # A name just after is no slot: with the prepositions gone, anything stands
            # before "the Philadelphia 76ers" ("running the show for" / "head coach of").
            if key[0] == ">" and (key[1] in sa.names or key[1] in sb.names):
                continue
            y = around.get(key)
            # A word both claims use is no alternative: "the first and last time".
            if (y is None or x in sa.content or y in sb.content or y in sa.names
                    or not _exclusive(x, y)):
                continue
            # A kind word before another noun only qualifies it: "a film director" is a
            # person, "a city councillor" no city.
            if x in _THINGS and (_qualifies(sb.text, x) or _qualifies(sa.text, y)):
                continue
            return Evidence("alternative.exclusive",
                            f"'{_SURFACE.get(y, y)}' vs '{_SURFACE.get(x, x)}' in the same place")
    return None


# "<subject> is a <words>": the words up to a preposition or a relative name what it is.
_COPULA_RE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:a|an|the)\s+"
    r"((?:(?!(?:by|of|from|for|in|on|at|with|who|which|that|and|or|about|based)\b)"
    r"\w[\w\-]*\s*){1,6})", re.IGNORECASE)


# Participles that follow the head noun: "a film set in", "a novel written by".
_PARTICIPLES = frozenset("set written made shot known born built run held led sung seen "
                         "begun drawn grown sold".split())


def _modifier(after: str) -> bool:
    """Return True when ``after``, the word after a noun, makes that noun a modifier."""
    w = after.lower().strip(",;:")
    return bool(w) and w.isalpha() and after[0].islower() and w not in STOPWORDS and (
        w not in _PARTICIPLES and not w.endswith(("ed", "ing")))


@lru_cache(maxsize=65536)
def _qualifies(text: str, t: str) -> bool:
    """Return True when every word of stem ``t`` in ``text`` stands before another noun."""
    words = text.split()
    at = [k for k, w in enumerate(words) if stem(w) == t]
    return bool(at) and all(k + 1 < len(words) and _modifier(words[k + 1]) for k in at)


@lru_cache(maxsize=65536)
def _kind(text: str, content: frozenset[str]) -> tuple[str, frozenset[str]] | None:
    """Return the word of ``THING_KINDS`` a claim says its subject is, and the subject."""
    for m in _COPULA_RE.finditer(text):
        # Kinds are common nouns: a capitalised word is a name ("a Fox News anchor").
        words = m.group(1).split()
        for k, w in enumerate(words):
            t = stem(w)
            if w[0].isupper() or (t == "party" and words[k - 1].lower() != "political"):
                continue
            if t in _THINGS and _modifier(words[k + 1] if k + 1 < len(words) else ""):
                continue  # "a county seat", "a city councillor": the next noun is the head
            if t in _THINGS:
                # The subject: the words just before the verb, or those opening the
                # sentence ("Ann Lee (pronounced ...; born 1950) is a singer").
                before = WORD_RE.findall(text[max(0, m.start() - 80):m.start()])[-5:]
                opening = WORD_RE.findall(text[:m.start()])[:3]
                return t, frozenset(stem(x) for x in before + opening) & content
    return None


def _common_use(s: Signals, t: str) -> bool:
    """Return True when ``s`` uses the stem ``t`` outside a capitalised name."""
    if t not in s.content:
        return False
    if t not in s.names:
        return True
    return any(stem(w) == t for w in WORD_RE.findall(s.text) if w[0].islower())


def _kinds(sa: Signals, sb: Signals) -> Evidence | None:
    """Return a clash of what the two claims say their subject is: "a dog" / "a singer"."""
    if sa.negated or sb.negated:  # "is not a film" fits "is a novel"
        return None
    kb, ka = _kind(sb.text, sb.content), _kind(sa.text, sa.content)
    if kb is None or ka is None or not kb[1] & ka[1]:  # said of the same subject
        return None
    x, y = kb[0], ka[0]
    # A claim naming the other's noun too is no clash ("a film about a dog"), unless only
    # inside a name: "a city in Yavapai County" does not call the place a county.
    if _common_use(sa, x) or _common_use(sb, y):
        return None
    if not _other_thing(x, y):
        return None
    return Evidence("alternative.exclusive", f"{_article(_SURFACE[y])} vs {_article(_SURFACE[x])}")


_FIELD_OF = {stem(w): f for f, words in OCCUPATION_FIELDS.items() for w in words}
# "<subject> is an American actress, singer and author" (or "worked as a stripper and glamor
# model"): the list up to a relative, a preposition or the end of the clause.
_OCCUPATION_RE = re.compile(
    r"\b(?:is|was|worked\s+as|works\s+as)\s+(?:a|an)\s+"
    r"((?:(?!(?:who|which|that|from|in|of|for|with|by|born|known|"
    r"best|whose|on|at)\b)[\w\-]+(?:\s*,\s*|\s+)){1,12})", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _occupations(text: str, content: frozenset[str]) -> tuple[str, frozenset[str],
                                                                   frozenset[str]] | None:
    """Return the first occupation word, the fields and the subject of "X is a <job>"."""
    m = _OCCUPATION_RE.search(text) if " a" in text else None
    if m is None:
        return None
    # A capitalised title counts too ("a US President who"); other capitalised words are
    # names, not lines of work.
    words = [w for w in WORD_RE.findall(m.group(1))
             if w[0].islower() or stem(w) in _FIELD_OF]
    fields = {_FIELD_OF[stem(w)] for w in words if stem(w) in _FIELD_OF}
    if not fields:
        return None
    first = next(w for w in words if stem(w) in _FIELD_OF)
    # The subject: the words just before the verb, or those opening the sentence ("Ann Lee
    # (born 1950 in Leeds) is a singer").
    before = WORD_RE.findall(text[max(0, m.start() - 80):m.start()])[-5:]
    opening = WORD_RE.findall(text[:m.start()])[:3]
    subject = frozenset(stem(x) for x in before + opening) & content
    return first, frozenset(fields), subject


def _occupation(sa: Signals, sb: Signals) -> Evidence | None:
    """Return a clash of lines of work: "X is a senator" / "X is an American fashion model".

    Both claims say what one named subject is, and neither names a field of the other's.
    """
    if sa.negated or sb.negated or not (sa.names or sb.names):
        return None
    ja = _occupations(sa.text, sa.content)
    jb = _occupations(sb.text, sb.content) if ja is not None else None
    if ja is None or jb is None or not ja[2] & jb[2] & (sa.names | sb.names):
        return None
    if ja[1] & jb[1] or stem(ja[0]) in sb.content or stem(jb[0]) in sa.content:
        return None
    return Evidence("alternative.exclusive", f"{_article(ja[0])} vs {_article(jb[0])}")


# Word -> genre group; "sci-fi" and "hip-hop" are read whole, "comedy-drama" in parts.
_GENRE = {w: g for g, group in enumerate(GENRES.split("|")) for w in group.split()}
_GENRE_HEADS = GENRE_HEADS | frozenset("guitarist pianist drummer vocalist bassist".split())


@lru_cache(maxsize=65536)
def _genres(text: str) -> tuple[dict[int, str], frozenset[int]]:
    """Return the genres ``text`` sorts a work or a musician into, each group with the words
    that say it ("romantic film"), and every genre group it mentions at all."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    said: dict[int, str] = {}
    mentioned: set[int] = set()
    for k, w in enumerate(words):
        parts = [w] if w in _GENRE else w.split("-")
        groups = [(p, _GENRE[p]) for p in parts if p in _GENRE]
        mentioned.update(g for _p, g in groups)
        if not groups:
            continue
        # "the genre of death metal": the genre is named after "genre of", maybe a word on.
        before = words[max(0, k - 3):k]
        head = "genre" if any(before[i:i + 2] in (["genre", "of"], ["genres", "of"])
                              for i in range(len(before))) else ""
        j = k + 1
        while not head and j < len(words) and j <= k + 3:
            if words[j] in _GENRE_HEADS:
                head = words[j]
            elif words[j] in _GENRE or words[j] in GENRE_MEDIA:
                j += 1
            else:
                break
        if head:
            for p, g in groups:
                said.setdefault(g, f"{p} {head}" if head != "genre" else p)
    return said, frozenset(mentioned)


def _genre(sa: Signals, sb: Signals) -> Evidence | None:
    """Return a clash of genres told of one named work or artist: "a romantic film" / "a
    psychological thriller film", "a pop music performer" / "a country singer".

    Neither claim may mention any genre of the other's: a work may have several.
    """
    if sa.negated or sb.negated:
        return None
    ga, ma = _genres(sa.text)
    gb, mb = _genres(sb.text) if ga else ({}, frozenset())
    if not gb or ma & set(gb) or mb & set(ga):
        return None
    # Said of one subject: a name both give, or the name opening each ("Marnie is a
    # romantic film": a word opening a sentence is not read as a name).
    if not ((sa.names | {_opening_name(sa.text)}) & (sb.names | {_opening_name(sb.text)})
            - {""}):
        return None
    return Evidence("alternative.exclusive", f"{ga[min(ga)]} vs {gb[min(gb)]}")


_ORDINAL = "|".join(ORDINALS)
# "its seventh and final season", "the final season was its eighth season".
_FINAL_RE = re.compile(
    rf"\b({_ORDINAL})\s+(?:and\s+)?(?:final|last)\s+([a-z]+)"
    rf"|\b(?:final|last)\s+([a-z]+)\s+(?:was|is|will\s+be|would\s+be)\s+"
    rf"(?:its|the|their|his|her)\s+({_ORDINAL})\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _finals(text: str) -> dict[str, str]:
    """Return, by the stem of the noun, which one ``text`` says is the last: {"season":
    "seventh"} for "its seventh and final season"."""
    found: dict[str, str] = {}
    for m in _FINAL_RE.finditer(text):
        ordinal, noun = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        found.setdefault(stem(noun.lower()), ordinal.lower())
    return found


def _final(sa: Signals, sb: Signals) -> Evidence | None:
    """Return two claims naming different ones of a series as the last: "its seventh and
    final season" / "the final season was its eighth"."""
    if sa.negated or sb.negated or ("final" not in sa.text + sb.text
                                    and "last" not in sa.text + sb.text):
        return None
    fa = _finals(sa.text)
    fb = _finals(sb.text) if fa else {}
    for noun, x in fa.items():
        y = fb.get(noun)
        if y is not None and y != x:
            word = _SURFACE.get(noun, noun)
            return Evidence("alternative.exclusive",
                            f"the {x} and last {word} vs the {y} and last {word}")
    return None


# "only American", "solely in Leeds", "in Japan exclusively", "only works in Leeds"; not
# "the only", "not only", "an only child", "only one of".
_ONLY_RE = re.compile(
    r"(?<!\bthe )(?<!\bnot )(?<!\ban )(?<!\ba )\b(?:only|solely|exclusively)\s+"
    r"(?:[a-z]+\s+(?=(?:in|as)\s))?(?:(in|as)\s+|an?\s+|the\s+)?(?!one\b)([\w\-]+)"
    r"|([\w\-]+)\s+exclusively\b")


def _only_word(s: Signals) -> tuple[str, str] | None:
    """Return the stem a claim restricts with "only", "solely" or "exclusively", if any,
    and the preposition before it ("in", "as" or "")."""
    return _restricted(s.text, s.content) if "ly" in s.text else None


@lru_cache(maxsize=65536)
def _restricted(text: str, content: frozenset[str]) -> tuple[str, str] | None:
    if not _ONLY_RE.search(text):
        return None
    words = text.split()
    # Headlines capitalise every word ("Is Probably Only Real"): only sentences show names.
    if (sum(w[:1].islower() for w in words) * 2 <= len(words)
            and text.rstrip()[-1:] not in ".!?"):
        return None
    for m in _ONLY_RE.finditer(text):
        t = stem(m.group(2) or m.group(3))
        if t in content:
            return t, m.group(1) or ""
    return None


def _name_after(s: Signals, prep: str, mine: frozenset[str]) -> str | None:
    """Return the first name of ``s`` after ``prep`` that ``mine`` does not have."""
    for m in re.finditer(rf"\b{prep}\s+((?:[A-Z][\w\-]*\s*)+)", s.text):
        name = m.group(1).strip()
        if not {stem(w) for w in name.split()} & mine:
            return name
    return None


def _name_at(s: Signals, t: str) -> str:
    """Return the word of ``s`` whose stem is ``t`` with the capitalised words after it, so
    an explanation shows "New Mexico", not "New"."""
    for m in WORD_RE.finditer(s.text):
        if stem(m.group().lower()) == t:
            if not m.group()[:1].isupper():
                return m.group()
            rest = re.match(r"(?:\s+[A-Z][\w\-]*)*", s.text[m.end():])
            return m.group() + (rest.group() if rest else "")
    return _word(s, t)


def _word(s: Signals, t: str) -> str:
    """Return the word of ``s`` whose stem is ``t``, as the text writes it."""
    return next((w for w in WORD_RE.findall(s.text) if stem(w) == t), t)


def _only(sa: Signals, sb: Signals, *, strict: bool = False) -> Evidence | None:
    """Return a clash with a claim that restricts: "only American" / "an Indian producer".

    ``strict`` (two reports of a story) wants the other name in the restricted one's slot:
    "only in IE 7" says nothing of "a patch for Web browsers".
    """
    for mine, other in ((sa, sb), (sb, sa)):
        restricted = _only_word(mine)
        if restricted is None or mine.negated or other.negated:
            continue
        w, prep = restricted
        if w in other.content:
            # "only Woodward and Bernstein" restricts to a list: the other naming both, with
            # a first name ("Bob Woodward and Carl Bernstein"), names no more.
            listed = re.search(rf"\b{re.escape(w)}s?\s*(?:,|and|or)\s+([\w\-]+)",
                               mine.text.lower())
            if listed and stem(listed.group(1)) in other.content:
                continue
            # "only film" against "TV and film": the other names more than the one.
            m = re.search(rf"\b([\w\-]+)\s+and\s+{re.escape(w)}s?\b|"
                          rf"\b{re.escape(w)}s?\s+and\s+([\w\-]+)", other.text.lower())
            more = m and stem(m.group(1) or m.group(2))
            if more and more not in mine.content and more not in STOPWORDS:
                return Evidence("alternative.exclusive",
                                f"only {_word(mine, w)} vs {_name_at(other, more)} and "
                                f"{_word(other, w)}")
            continue
        if w in _DEMONYM_STEMS:
            alt = sorted(t for t in other.content if t in _DEMONYM_STEMS and t not in mine.content)
        elif w in mine.names:
            # The name after the same preposition first: "only shot in Montana" / "shot in
            # New Mexico".
            slot = _name_after(other, prep, mine.content) if prep else None
            if slot is not None and "".join(w[0] for w in slot.split()).lower() == w:
                slot = None  # "only in IE 7" / "in Internet Explorer": one name, spelled out
            if slot is not None and other.names - mine.content:
                return Evidence("alternative.exclusive", f"only {_word(mine, w)} vs {slot}")
            alt = [] if strict else sorted(other.names - mine.content)
        else:
            alt = []
        if alt:
            return Evidence("alternative.exclusive",
                            f"only {_word(mine, w)} vs {_word(other, alt[0])}")
    return None


# "is childless", "remained jobless": a privative adjective says there are none of a thing
# (not "childless until 1990": only for a time).
_PRIVATIVE_RE = re.compile(
    r"\b(?:is|was|are|were|be|been|remained|remains|became|becomes|died|lived)\s+"
    r"(?:still\s+|now\s+)?([a-z]{3,})less\b(?!\s+(?:until|till|before|for|when)\b)")
# What else counts as a child: "childless" against "had two sons".
_KIN = {"child": frozenset({"child", "son", "daughter", "kid"})}


def _privative(sa: Signals, sb: Signals) -> Evidence | None:
    """Return a clash of "X is childless" with a count of children above zero for X."""
    for mine, other in ((sa, sb), (sb, sa)):
        m = _PRIVATIVE_RE.search(mine.text) if "less" in mine.text else None
        if m is None or mine.negated or other.negated:
            continue
        # Said of one subject: a name of the privative claim is in the other.
        if not mine.names & other.content:
            continue
        word = m.group(1)
        base = stem(word)
        # The stemmer may cut the plural further than the word: "homes" -> "hom".
        units = _KIN.get(base, frozenset({base, stem(word + "s")}))
        for n in other.numbers:
            if n.kind == "count" and n.unit in units and n.low > 0:
                things = "children" if base == "child" else f"{word}s"
                return Evidence("value.mismatch.number",
                                f"a count of {things}: none vs {_shown(n)}")
    return None


# "written by Ann Lee", "an album by the Welsh band Tin Cup": the words before "by" ("written
# and directed") and the capitalised run that ends the by-phrase (a preposition, a relative
# or a comma closes it).
_BY_RE = re.compile(
    r"\b((?:[a-z][\w\-]*\s+and\s+)?[a-z][\w\-]*)\s+by\s+((?:(?!(?:for|from|in|on|at|with|"
    r"who|which|that|and|of|as|to|after|before|during|since)\b)[^\W\d][\w'\-\.]*\s*){1,7})")
# The doer opening a sentence or clause: "Sculptor Tom Ash carved the statue".
_ACTIVE_RE = re.compile(
    r"(?:^|[,;:]\s*)((?:[A-Z][\w'\-\.]*\s+){1,4})(?:also\s+|later\s+|then\s+)?"
    r"([a-z][\w\-]*ed|(?:[a-z][\w\-]*-)?(?:wrote|made|built|drew|sang|won))\b")
_PAST_PARTICIPLES = {"wrote": "written", "drew": "drawn", "sang": "sung"}
# Acts that take an object: a doer told before one of them meets a doer told before
# another claim's same verb ("Singh also wrote the screenplay" / "Ellis wrote the
# screenplay"), where "Marion died" / "Smith died" tell two deaths.
_MAKING = frozenset(stem(w) for w in (
    "wrote written made built drew sang founded directed produced composed painted designed "
    "created recorded invented discovered").split())


def _last_name_run(words: list[str]) -> tuple[str, ...]:
    """Return the last run of capitalised words in ``words`` (the name a phrase ends on)."""
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() and w.lower() not in STOPWORDS:
            run.append(w.strip(".,"))
        elif run:
            break
    return tuple(reversed(run))


@lru_cache(maxsize=65536)
def _agents(text: str, *, active: bool = True) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return (act stem, doer's name) for each "<act> by <Name>" and "<Name> <acted>"
    (the second only when ``active``)."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for m in _BY_RE.finditer(text):
        words = m.group(2).split()
        name = _last_name_run(words)
        # The name must close the phrase: "by the Islamic militant group" names no one.
        if name and words[-1].strip(".,") == name[-1]:
            found += [(stem(v), name) for v in m.group(1).split() if v != "and"]
    for m in _ACTIVE_RE.finditer(text) if active else ():
        name = tuple(w for w in m.group(1).split() if w.lower() not in STOPWORDS)
        if name:
            found.append((stem(m.group(2)), name))
    return tuple(found)


# Acts too vague to tie two doers to one deed ("is owned by", "was hit by"), and acts of
# telling: who reported or confirmed a fact is a source, not a party to it ("the $184
# million reported by Mike Lynch" / "Dan Patrick reported ... a $200 million offer").
_GENERIC_ACTS = frozenset(stem(w) for w in (
    "reported", "confirmed", "announced", "revealed", "disclosed", "quoted", "cited",
    "led", "hit", "owned", "run", "used", "followed", "joined", "backed", "supported",
    "visited", "seen", "told", "met", "replaced", "succeeded", "beaten", "defeated", "killed",
    "attacked", "shot", "injured", "affected", "caused", "accompanied", "surrounded",
    "inspired", "influenced", "praised", "criticised", "criticized", "acquired", "bought",
    "sponsored", "funded", "hosted", "invited", "elected", "appointed", "named", "called"))


def _agent(hyp: Signals, premise: Signals) -> Evidence | None:
    """Return a clash of who did one act: "written by Ann Lee" / "written by Tom Ash".

    The shorter claim names the doer of an act ("by <Name>", or "<Name> produced") that the
    other also gives a named doer, and the other never mentions the first one's name at all.
    """
    if hyp.negated or premise.negated:
        return None
    passive = " by " in hyp.text
    if not passive and not _ACTIVE_RE.search(hyp.text):
        return None
    if passive:
        theirs = _agents(premise.text)
    else:
        # "<Name> produced X" meets a doer told with "by" (a verb with a by-phrase takes an
        # object) or before a verb of making, where "Marion died" / "Smith died" tell two
        # deaths, not two doers.
        by_doers = _agents(premise.text, active=False)
        theirs = by_doers + tuple(d for d in _agents(premise.text)
                                  if d[0] in _MAKING and d not in by_doers)
    if not theirs:
        return None
    for act, name in _agents(hyp.text):
        stems = [stem(w) for w in name]
        if (act in _GENERIC_ACTS or any(t in premise.content for t in stems)
                or all(t in _NOT_A_NAME for t in stems)):  # "by the Governor": no name
            continue
        for other_act, other in theirs:
            # "Alaska Gov.": the name is what is left without the title.
            other = tuple(w for w in other if stem(w) not in _NOT_A_NAME) or other
            # The other doer's surname must be new to the shorter claim ("Sculptor" opening
            # a sentence is no name of its own).
            # Two bare acronyms are often one body spelled two ways ("ISIS", "ISIL").
            acronyms = all(len(n) == 1 and n[0].isupper() for n in (name, other))
            if other_act == act and stem(other[-1]) not in hyp.content and not acronyms:
                verb = _word(hyp, act).lower()
                verb = _PAST_PARTICIPLES.get(verb, verb)  # "Ellis wrote": "written by Ellis"
                return Evidence("entity.differs", f"{verb} by {' '.join(name)} vs by "
                                                  f"{' '.join(other)}")
    return None


_GENERIC_NAMES = frozenset(stem(w) for w in GENERIC_NAME_WORDS)
# Words of names that many names share ("School", "Music", "National").
_PLAIN_NAME_WORDS = _GENERIC_NAMES | frozenset(stem(w) for w in COMMON_WORDS)
# Words that open a slot a name fills: "on HBO", "at the Berklee School", "in Leeds".
_SLOT_WORDS = frozenset("on at by for from with under in into".split())
# A kind word may stand between the slot and the name: "in the novel Don Quixote".
_NAME_RUN_RE = re.compile(
    r"\b(on|at|by|for|from|with|under|in|into)\s+(?:the\s+)?"
    r"(?:(?:novel|film|movie|book|series|show|album|play|song|magazine|newspaper|band|"
    r"city|town|village|country|state|county|province|river|lake|island|studio)\s+)?"
    r"((?:[A-Z][\w'\-\.]*)(?:\s+(?:of\s+|and\s+)?[A-Z][\w'\-\.]*){0,4})")


@lru_cache(maxsize=65536)
def _slotted_names(text: str) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Return (the word before, the name, its stems) for each telling name a slot opens."""
    found = []
    for m in _NAME_RUN_RE.finditer(text):
        before = m.group(1).lower()
        if before in _SLOT_WORDS:
            words = tuple(w for w in WORD_RE.findall(m.group(2)) if w.lower() not in STOPWORDS)
            stems = tuple(stem(w) for w in words)
            # "on the British series": a nationality qualifies a noun; it names no one.
            if _telling_name(words, stems) and not all(t in _DEMONYM_STEMS for t in stems):
                found.append((before, words, stems))
    return tuple(found)


def _telling_name(name: tuple[str, ...], stems: tuple[str, ...]) -> bool:
    """Return True for a name that tells who or where: not a month, an initial or acronym."""
    telling = [t for t in stems if len(t) > 1 and t not in _GENERIC_NAMES]
    return bool(telling) and not (len(name) == 1 and name[0].isupper())


def _mentioned(stems: tuple[str, ...], content: frozenset[str]) -> bool:
    """Return True when ``content`` has a word of a name, or one sharing its first letters.

    "Europe" is mentioned by "European", "China" by "Chinese". Only the telling words of a
    name count where it has any: "Berklee School of Music" does not mention the "Cartoonist
    and Illustrators School".
    """
    telling = tuple(t for t in stems if t not in _PLAIN_NAME_WORDS)
    for t in telling or stems:
        if t in content:
            return True
        if len(t) >= 4 and any(len(c) >= 4 and c[:4] == t[:4] for c in content):
            return True
    return False


def _opening_name(text: str) -> str:
    """Return the stem of the capitalised word that opens ``text``, or "" (not "The", "It")."""
    m = re.match(r"\W*([A-Z][\w'\-]*)", text)
    if m is None or m.group(1).lower() in STOPWORDS:
        return ""
    return stem(m.group(1))


_ORIGIN = frozenset(stem(w) for w in "originated originating originates hails hailed".split())


def _name_slot(hyp: Signals, premise: Signals) -> Evidence | None:
    """Return a name of the shorter claim that the other has another name in place of.

    "The show airs on HBO" against "the show was first broadcast on BBC One": the same slot
    word opens a name in each, neither claim names the other's, and the rest of the shorter
    claim is in the other.
    """
    if (hyp.negated or premise.negated or not hyp.names or not premise.names
            or hyp.text.rstrip()[-1:] not in ".!?"):
        return None
    mine = _slotted_names(hyp.text)
    theirs = _slotted_names(premise.text) if mine else ()
    if not theirs:
        return None
    for word, name, stems in mine:
        if _mentioned(stems, premise.content):
            continue
        # Every other word of the shorter claim is in the other, and one of its names, or
        # the name that opens it ("Libya is a country in Europe": no name of its own).
        rest = [t for t in hyp.content if t not in stems and not t.startswith("#")]
        subject = _opening_name(hyp.text)
        plain = [t for t in rest if t not in hyp.names and t != subject]
        roots = _roots(premise.content)
        if (not plain or not all(_root(t) in roots for t in plain)
                or not any(t in premise.content for t in rest
                           if t in hyp.names or t == subject)):
            continue
        # Where a thing comes from: "originated in Australia" / "originating from Jamaica".
        origin = bool(_ORIGIN & hyp.content and _ORIGIN & premise.content)
        for other_word, other, other_stems in theirs:
            if (other_word == word or (origin and {word, other_word} == {"in", "from"})) and (
                    not _mentioned(other_stems, hyp.content)):
                return Evidence("entity.differs",
                                f"{word} {' '.join(name)} vs {other_word} {' '.join(other)}")
    return None


# What can happen to one person on a given day, but not on the day they were born.
_LIFE_EVENTS = {stem(w): w for w in (
    "graduated married died retired elected appointed enlisted divorced resigned arrested "
    "convicted debuted joined").split()}
_BORN = stem("born")


def _birth_day(sa: Signals, sb: Signals) -> Evidence | None:
    """Return a clash of a birth and another life event told for the same day.

    "Ann Lee graduated on 26 June 1980" against "Ann Lee (born 26 June 1980) is a singer":
    the same day, tied to "born" in one claim and to another event in the other.
    """
    for mine, other in ((sa, sb), (sb, sa)):
        if _BORN in mine.content or mine.negated or other.negated:
            continue
        for y in mine.numbers:
            events = [t for t in y.context if t in _LIFE_EVENTS and t not in other.content]
            if y.kind != "date" or y.unit != "day" or not events:
                continue
            for x in other.numbers:
                if (x.kind == "date" and x.unit == "day" and x.low == y.low
                        and _BORN in x.context):
                    return Evidence("alternative.exclusive",
                                    f"born on {_shown(x)} vs {_LIFE_EVENTS[events[0]]} on "
                                    f"{_shown(y)}")
    return None


# A run of capitalised words, "of" or "the" inside it: "Troy Police Chief Charles Craft",
# "Bank of England".
_NAME_RUN_WORDS_RE = re.compile(
    r"[A-Z][\w'\u2019\-]*(?:\s+(?:(?:of|the|de|van|von)\s+)*[A-Z][\w'\u2019\-]*)*")
# A name that speaks is no party to what it tells: "Capaldi says: ...", "..., Craft said".
_SPEAKER_AFTER_RE = re.compile(
    r"^\W{0,3}(?i:(?:has\s+|had\s+|also\s+)?(?:" + "|".join(sorted(REPORTING_VERBS)) + r"))\b"
    # A firm before its officer who speaks: "ABC Entertainment Group president Paul Lee said".
    r"|^\s+(?:[a-z]+\s+){1,3}(?:[A-Z][\w.'\-]*\s+){1,3}(?:has\s+|also\s+)?"
    r"(?:said|says|told|added|explained)\b")
_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
_SPEAKER_BEFORE_RE = re.compile(
    r"(?:(?i:according\s+to(?:\s+\w+){0,3}?|reports?\s+(?:from|by|in)|said|says?|told|tells)"
    # A title in lower case between: "said family friend John D. O'Connor" (but "said that
    # Natta succeeded Berlinguer" tells what Natta did).
    r"\W{0,3}(?:(?!(?:that|how|when|why|what|whether|if|he|she|they|it|we|i)\b)[a-z]+\s+){0,3}"
    # The speaker's firm after their name and title: "said Paul Lee, president, ABC ...".
    r"|(?:said|says|told)\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3},\s+(?:[a-z]+\s+){0,3}"
    r"[a-z]+(?:,|\s+(?:of|at|for))\s+(?:the\s+)?)$")


def _quoted(text: str, at: int) -> bool:
    """Return whether position ``at`` of ``text`` falls inside a quotation."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _name_runs(s: Signals, other: Signals) -> list[tuple[str, int, int, str]]:
    """Return the names ``s`` tells that are parties to it: (key stem, start, end, as told).

    A run is keyed by its last word that reads as a name (here, or in ``other`` for the
    word that opens a sentence), so "Charles Craft" and "Craft" are one; a run that speaks
    (a reporting verb after it, "according to" before it) is left out, and so are days.
    """
    runs: list[tuple[str, int, int, str]] = []
    for m in _NAME_RUN_WORDS_RE.finditer(s.text):
        words = [w for w in m.group().split()
                 if (stem(w) in s.names or stem(w) in other.names)
                 and w.lower() not in _CALENDAR_WORDS and w.lower() not in STOPWORDS
                 and not w.lower().startswith(("i'", "i\u2019"))]
        if not words or _SPEAKER_AFTER_RE.match(s.text[m.end():]) or _SPEAKER_BEFORE_RE.search(
                s.text[:m.start()]) or _quoted(s.text, m.start()):
            continue
        runs.append((stem(words[-1]), m.start(), m.end(), m.group()))
    return runs


# "had yet to regain consciousness" / "had not yet regained consciousness", "won't be known
# for weeks" / "not yet known": both say it has not happened yet, though "not yet" alone
# reads as a stage rather than a denial.
_NOT_YET_RE = re.compile(r"\b(?:not|n't) yet\b|\byet to\b", re.IGNORECASE)
# A denial told as "so far": "no decision had yet been made", "no deal has been signed yet".
# Between two reports it is an earlier moment than the other's news, not a clash.
_NONE_YET_RE = re.compile(
    r"\bno\s+(?:\w+\s+){1,8}?(?:yet|so far)\b"
    # Or over a stretch of time up to then: "has not been hit by a quake in more than 25
    # years", "had not won since 1998". The other report's deed may be what ends it.
    r"|\b(?:in|since)\s+(?:(?:more\s+than|over|nearly|almost|about|at\s+least|the\s+"
    r"(?:past|last))\s+)?(?:\d+|a|an|two|three|four|five|six|seven|eight|nine|ten|a\s+few|"
    r"several|many)\s+(?:years?|decades?|months?|weeks?)\b|\bsince\s+(?:19|20)\d\d\b",
    re.IGNORECASE)
_NEGATOR_RE = re.compile(r"\b(?:" + "|".join(sorted(
    (re.escape(w) for w in NEGATORS if "'" not in w), key=len, reverse=True))
    + r")\b|\w+n't\b", re.IGNORECASE)


_ASIDE_START_RE = re.compile(r"(?:^|[,;(\u2014\u2013]|\.\.\.)\s*(?:\w+\s+){0,2}?"
                             r"(?:who|whom|whose|which|although|though|whereas)\b[^,;()]*$",
                             re.IGNORECASE)


def _aside_negation(denier: Signals) -> bool:
    """Return whether ``denier``'s first negation stands in an aside: a relative or
    concessive clause ("Ms. Palin, who was not at the church, stopped by Saturday";
    "will carry the phone... although it will not offer 3G")."""
    m = _NEGATOR_RE.search(denier.text)
    return m is not None and _ASIDE_START_RE.search(denier.text[:m.start()]) is not None


_NOT_GUILTY_PLEA_RE = re.compile(r"\bplead(?:s|ed|ing)?\s+not\s+guilty\b", re.IGNORECASE)
_PLEA_RE = re.compile(r"\bplea(?:d|ds|ded|ding|s)?\b", re.IGNORECASE)


def _plea_against_verdict(denier: Signals, other: Signals) -> bool:
    """Return whether ``denier`` only pleads not guilty and ``other`` tells no plea: a plea
    and the verdict after it both hold ("pleaded not guilty" / "was found guilty")."""
    return (_NOT_GUILTY_PLEA_RE.search(denier.text) is not None
            and _PLEA_RE.search(other.text) is None)


_SELF = frozenset({"he", "she", "they", "i", "we", "it"})


def _other_party(denier: Signals, other: Signals) -> bool:
    """Return whether the name just before ``denier``'s negation is absent from ``other``.

    "Ross is not signed for a sequel" denies nothing of "the three leads are signed", nor
    "DiLeo has never been an NBA coach" anything of Cheeks' record.
    """
    m = _NEGATOR_RE.search(denier.text)
    if m is None:
        return False
    before = denier.text[:m.start()]
    runs = list(_NAME_RUN_WORDS_RE.finditer(before))
    if not runs:
        return False
    words = [w for w in runs[-1].group().split()
             if w.lower() not in STOPWORDS and stem(w) not in _PLAIN_NAME_WORDS
             and (stem(w) in denier.names or runs[-1].start() == 0)]
    # Only a name that is the subject of the denial: nothing but a verb between them, or
    # one that says it of itself ("Kroon said he was not at the church"), not of something
    # else ("Officials said the treaty was not adopted" is no other party's act).
    between = [w.lower() for w in WORD_RE.findall(before[runs[-1].end():])]
    said = next((k for k, w in enumerate(between) if w in REPORTING_VERBS), None)
    if not words or "," in before[runs[-1].end():] or (
            said is not None and not set(between[said + 1:said + 2]) & _SELF):
        return False
    return not any(stem(w) in other.content for w in words)


_THEY = frozenset({"they", "we"})
_AUXILIARIES = frozenset("have has had do does did will would could can may might should "
                         "shall must are were is was be been also still yet so far".split())


def _they_deny(denier: Signals, other: Signals) -> bool:
    """Return whether ``denier`` is a denial by "they" or "we" and ``other`` names its doer.

    Between two reports a plural pronoun stands for a party named in its own report, often
    one of several ("they have not made him an offer" / "the Red Sox made Teixeira an
    offer", where seven teams made offers).
    """
    found = [m.start() for m in (_NEGATOR_RE.search(denier.text),
                                 NEGATING_PHRASES.search(denier.text)) if m is not None]
    if not found or not other.names:
        return False
    words = [w.lower() for w in WORD_RE.findall(denier.text[:min(found)])]
    return bool(words) and words[0] in _THEY and all(w in _AUXILIARIES for w in words[1:])


_PLACE_QUALIFIERS = frozenset({"north", "south", "east", "west", "northern", "southern",
                               "eastern", "western", "new", "upper", "lower", "greater"})


# Words of origin that name no country: "African - American", "Asian", "Hispanic".
_ORIGINS = frozenset(stem(w) for w in "african asian european latin latino hispanic arab "
                     "caucasian".split())


def _role_swap(sa: Signals, sb: Signals, ov: float) -> Evidence | None:
    """Return two parties told in swapped roles: "Natta succeeded Berlinguer" / the reverse.

    The first two names both claims share come in the opposite order, neither is who speaks,
    and the words between them have a content word in common: the act that joins them.
    """
    # Cheap tests first: this runs on every pair.
    if ov < _SAME_WORDS or len(sa.content & sb.content & (sa.names | sb.names)) < 2:
        return None
    if " by " in f" {sa.text} " or " by " in f" {sb.text} ":
        return None  # a passive tells the doer last: "X was beaten by Y" = "Y beat X"
    if _title_case(sa.text) or _title_case(sb.text):
        return None  # in a headline's capitals every word reads as a name
    runs_a, runs_b = _name_runs(sa, sb), _name_runs(sb, sa)
    first_b: dict[str, tuple[str, int, int, str]] = {}
    for run in runs_b:
        first_b.setdefault(run[0], run)
    shared = [run for run in dict((r[0], r) for r in reversed(runs_a)).values()
              if run[0] in first_b]
    shared.sort(key=lambda r: r[1])
    if len(shared) < 2:
        return None
    x, y = shared[0], shared[1]
    bx, by = first_b[x[0]], first_b[y[0]]
    if bx[1] < by[1]:
        return None
    # "Sudan" and "South Sudan" are two parties, not one told twice.
    if any(_PLACE_QUALIFIERS & ({w.lower() for w in WORD_RE.findall(r[3])}
                                ^ {w.lower() for w in WORD_RE.findall(t[3])})
           for r, t in ((x, bx), (y, by))):
        return None
    # A nationality or origin is no party: "the first African - American woman elected".
    if any(all(stem(w.lower()) in _DEMONYM_STEMS or stem(w.lower()) in _ORIGINS
               for w in WORD_RE.findall(r[3])) for r in (x, y)):
        return None
    # The act must be a word of its own, not one of the names ("stored" / "Apple Store").
    named = {stem(w) for run in (x, y) for w in run[3].split()}
    between_a = {stem(w) for w in WORD_RE.findall(sa.text[x[2]:y[1]].lower())}
    between_b = {stem(w) for w in WORD_RE.findall(sb.text[by[2]:bx[1]].lower())}
    if not (between_a & between_b) - STOPWORDS - named:
        return None
    return Evidence("role.swapped", f"{x[3]} and {y[3]} swap roles")


def strength(lead: str, sa: Signals, sb: Signals) -> str:
    """Return "strong" when ``lead`` is typed evidence between otherwise alike claims."""
    if lead not in _TYPED:
        return "weak"
    wa = {t for t in sa.content if not t.startswith("#")}
    wb = {t for t in sb.content if not t.startswith("#")}
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not small:
        return "weak"
    same = len(small & large) / len(small) >= _SAME_WORDS and len(large - small) <= 2
    return "strong" if same else "weak"


def _holds_part(total: Signals, part: Signals) -> bool:
    """Return whether every count of ``total`` is at least the like count of ``part``.

    "A total of 14 rifles" holds the six of one operation; a total of 21 countries is no
    total of 25.
    """
    like = [(x, y) for x in total.numbers for y in part.numbers
            if x.kind in _COUNTED_KINDS and _compatible(x, y)]
    return bool(like) and all(x.high >= y.low for x, y in like)


def _softeners(sa: Signals, sb: Signals, *, directed: bool) -> list[Evidence]:
    """Return what may explain a difference away: scope, stage, hedging, attribution.

    ``directed`` reads ``b`` as a statement about ``a`` (``relate``): then only ``b`` being at
    an earlier stage, hedged or attributed counts, since ``b`` asserting what ``a`` only
    expects or reports confirms it.
    """
    found: list[Evidence] = []
    # A headline opening with its source ("Source: ...", "NYT: ...") only reports. Read as
    # b about a, a's own source is part of the claim checked: it does not make b's
    # reporting an assertion.
    b_cites = sb.attributed or sb.source_prefix
    a_cites = sa.attributed or (not directed and sa.source_prefix)
    scope = sa.scope ^ sb.scope
    if scope:
        first = sorted(scope)[0]
        side = "second" if first in sb.scope else "first"
        if first == RUNNING_TOTAL:
            total, part = (sb, sa) if side == "second" else (sa, sb)
            if _holds_part(total, part):
                found.append(Evidence("scope.differs", f"the {side} gives a running total"))
        else:
            word = _SCOPE_SURFACE.get(first, first)
            found.append(Evidence("scope.differs",
                                  f"the {side} speaks of the {word}'s part only"))
    b_earlier = (sb.anticipated and not sa.anticipated) or (
        sa.stage is not None and sb.stage is not None and sb.stage < sa.stage)
    a_earlier = (sa.anticipated and not sb.anticipated) or (
        sa.stage is not None and sb.stage is not None and sa.stage < sb.stage)
    if b_earlier or (a_earlier and not directed):
        side = "second" if b_earlier else "first"
        found.append(Evidence(
            "stage.differs", f"the {side} speaks of an earlier or expected stage"))
    if sa.unsaid != sb.unsaid:  # either way round: not saying never confirms
        side = "second" if sb.unsaid else "first"
        found.append(Evidence("modality.hedged", f"the {side} only says it was not disclosed"))
    elif (sb.hedged and not sa.hedged) or (sa.hedged and not sb.hedged and not directed):
        side = "second" if sb.hedged else "first"
        found.append(Evidence("modality.hedged", f"the {side} only reports or hedges it"))
    elif sa.directive != sb.directive:
        # Unlike an expectation, a call to action is not confirmed by the act: "UN urges
        # states to join" and "states finalise the treaty" say different things either way.
        side = "second" if sb.directive else "first"
        found.append(Evidence("modality.hedged", f"the {side} only calls for it"))
    elif (b_cites and not a_cites) or (a_cites and not b_cites and not directed):
        side = "second" if b_cites else "first"
        found.append(Evidence("attribution.differs", f"the {side} attributes it to a source"))
    return found


def classify(
    a: Claim, b: Claim, *, similarity: float = 0.0,
    published_a: date | None = None, published_b: date | None = None,
    directed: bool = False,
) -> Judgement:
    """Return the label of ``b`` against ``a`` with its reason codes and explanation."""
    sa, sb = signals(a), signals(b)
    hyp, premise = (sb, sa) if len(sb.content) <= len(sa.content) else (sa, sb)
    ov = overlap(sa, sb)
    cov = coverage(hyp, premise)
    softeners = _softeners(sa, sb, directed=directed)
    short_pair = len(sa.content) <= _SHORT and len(sb.content) <= _SHORT
    codes_soft = {e.code for e in softeners}

    # Extraction's subject names what the values are about ("how long the treaty took"),
    # unless it is a name, which "the" would mangle ("how long the larue took").
    subject = a.subject if a.subject and a.subject in a.text and all(
        stem(w) in sb.content for w in a.subject.split()) else ""
    values = _values(sa, sb, subject, strict=not directed,
                     apart=not directed and bool(sa.numbers) and bool(sb.numbers)
                     and (_recalled(sa, sb, published_a, published_b)
                          or _two_subjects(a, b, sa, sb)))
    hard: list[Evidence] = []   # conflicts that hedging does not excuse
    soft: list[Evidence] = []   # conflicts that scope, stage or hedging can explain
    denier, other = (sa, sb) if sa.negated else (sb, sa)
    # A short claim inside a short sentence: coverage says as much as overlap.
    near = max(ov, cov) if directed and short_pair else ov
    denied_phrase = _phrase_denied(denier, other) if sa.negated != sb.negated else ""
    # Between two reports a fragment of one word ("He didn't leak.", "released, police
    # said.") says too little to be about the same thing as the other.
    # Nor does one that only says something was not disclosed, in either reading.
    telling = (directed or min(len(sa.content), len(sb.content)) >= 2) and not (
        sa.unsaid or sb.unsaid)
    # A denied word one claim reads in a phrase's sense and the other not is two words:
    # "results have not been released" (published) / "released on bail" (freed).
    two_senses = denier.sensed ^ other.sensed
    if sa.negated != sb.negated and telling and near >= _CONFLICT_OVERLAP and (
            _asserted(_placed(denier.negated_heads & other.content - two_senses, denier, other,
                              directed), denier, other, directed)
            or _adverb_denied(denier, other)
            or (directed and denier is sb and ov >= 0.3)) and not denied_phrase and not (
            _plea_against_verdict(denier, other)) and not (
            not directed and (_other_party(denier, other) or _they_deny(denier, other)
                              or _NOT_YET_RE.search(other.text)
                              or _NONE_YET_RE.search(denier.text)
                              or _aside_negation(denier)
                              # Only the denied word shared: "the environment have been
                              # overturned" / "has not formally overturned it".
                              or not (sa.content & sb.content) - denier.negated_heads)):
        hard.append(Evidence("polarity.opposite",
                             "one says it happened, the other that it did not"))
    elif sa.negated and sb.negated and ov >= _CONFLICT_OVERLAP and _denial_moved(sa, sb):
        hard.append(Evidence("polarity.opposite",
                             "each denies what the other says happened"))
    elif len(other.content) >= len(denier.content) and (
            cov if hyp is denier else coverage(denier, other)) >= 0.4 and not denied_phrase \
            and denier.negated_heads - two_senses and not _plea_against_verdict(denier, other) \
            and not (not directed and (_other_party(denier, other)
                                       or _they_deny(denier, other)
                                       or _NONE_YET_RE.search(denier.text)
                                       or denier.negated_heads
                                       <= _verbs_told_as_nouns(denier, other))):
        # The denier may be as long as the other: "refused to" adds a word of its own.
        denial = _short_denial(denier, other)
        if denial is not None:
            hard.append(denial)
    if not hard and ov >= _CONFLICT_OVERLAP and "until" in sa.text + sb.text:
        flipped = _until(sa, sb)
        if flipped is not None:
            hard.append(flipped)
    # Read as b about a, only b calling a's claim false is a refutation.
    # Two headlines on one story need share little to be about the same claim.
    # Two sentences of two reports need more: one calling something else "a myth" is common.
    refute_overlap = (0.15 if short_pair else 0.3) if directed else _CONFLICT_OVERLAP
    # Between two reports, a denial in other words is no clash: "LaRue denied he was Deep
    # Throat" / "insisted he was not Deep Throat". (Read as b about a, the same rule lost
    # more right conflicts than it saved on the dev files.)
    # Nor is calling a rumour false a clash with a report that it was rumoured, nor a
    # fragment ("About the prison:") against anything.
    # Nor does calling something about a name false deny anything else told of that name:
    # "the myth that surrounded Deep Throat" / "Deep Throat is dead" (a word both write
    # with a capital is a name). Nor does a denial contradict the accusation it answers:
    # "Man denies arson" / "Man charged with arson".
    if sa.refuted != sb.refuted and ov >= refute_overlap and (sb.refuted or not directed) and (
            directed or (telling and not (
                (target := sa if sb.refuted else sb).negated or target.hedged
                or _ACCUSATION_RE.search(target.text)
                or _denied_talk_elsewhere(sb if sb.refuted else sa, target))
                and (sa.content & sb.content) - (_capitalised(sa.text)
                                                 & _capitalised(sb.text)))):
        side = "second" if sb.refuted else "first"
        hard.append(Evidence("polarity.refuted", f"the {side} calls it false"))
    # The rules for a short claim against a long sentence need most of its words there:
    # cheaper to ask coverage first than to read every pair for them.
    covered = directed and cov >= _CONFLICT_OVERLAP
    va, vb = _opposite_view(sa, sb)
    opposed = (ov if va is sa else overlap(va, vb)) >= _CONFLICT_OVERLAP
    antonym = _antonym(sa, sb, va.content, vb.content, strict=not directed) if opposed else (
        _covered_antonym(hyp, premise) if covered else None) or (
        _local_antonym(sa, sb) if max(ov, cov) >= 0.4 else None)
    if antonym is not None and not directed and _two_times(sa, sb):
        # Between two reports, the day's news and an event dated years back are two
        # events: "He was released in 2006" / "Gomes was arrested late Tuesday night".
        antonym = None
    moments = antonym if antonym is not None and antonym.code == "detail.differs" else None
    antonym = None if moments else antonym
    for finder in (_vote(sa, sb), antonym,
                   _nationality(hyp, premise, strict=not directed)
                   if max(ov, cov) >= _CONFLICT_OVERLAP else None,
                   _weekdays(sa, sb, published_a, published_b, strict=not directed,
                             ov=ov, cov=cov),
                   _role_swap(sa, sb, ov),
                   _birth_day(sa, sb) if max(ov, cov) >= 0.25 else None,
                   _substitution(sa, sb) if max(ov, cov) >= _CONFLICT_OVERLAP else None,
                   _kinds(sa, sb) if max(ov, cov) >= 0.25 else None,
                   _only(sa, sb, strict=not directed) if max(ov, cov) >= 0.25 else None,
                   _privative(sa, sb) if max(ov, cov) >= 0.25 else None,
                   _agent(hyp, premise) if max(ov, cov) >= 0.25 else None,
                   _name_slot(hyp, premise) if covered else None,
                   _occupation(sa, sb) if max(ov, cov) >= 0.25 else None,
                   _genre(sa, sb),
                   _final(sa, sb) if max(ov, cov) >= 0.25 else None):
        if finder is not None:
            soft.append(finder)
    mismatches = [e for e in values if e.code.startswith("value.mismatch")]
    matches = [e for e in values if e.code in ("value.equal", "value.within_bound")]
    differing = [e for e in values if e.code == "value.differs"]
    # An equal count does not excuse a different date ("Fantastic Four ... in August" /
    # "in July"): only an equal or holding date does.
    dated = [e for e in mismatches if e.code == "value.mismatch.date"]
    # ... but only one date against one: spans and lists of years ("from 1970 to 2000", "in
    # the 1930s") tell several times.
    single = all(sum(n.kind in ("date", "year", "month") for n in s.numbers) <= 1
                 for s in (sa, sb))
    # An equal count of other things ("in 21 countries") does not excuse a different count
    # of the same things told beside the same words ("457 deaths" / "458 deaths"), nor does
    # an equal date in nearly the same words ("struck on Tuesday, killing one person" /
    # "killing 24 people"; two reports' "Tuesday" is one day once each has its date).
    # Or each claim's words, its values aside, nearly all in the other: "In December 2003
    # the quake killed 26,000 people" / "killed 31,000 people" (two values weigh a lot).
    alike_words = ov >= _SAME_WORDS or (bool(mismatches) and _same_words(sa, sb))
    counted = [e for e in mismatches if e.counted
               and all((m.counted or (alike_words and m.dated)) and m.counted != e.counted
                       for m in matches)]
    # Two nearly identical sentences that tell two values beside the same two words or more
    # ("the 10-year JGBs touched 0.505% for a second straight session" / "touched 0.503%")
    # tell them of one thing, whatever else they have equal.
    tight = [e for e in mismatches if directed and e.ties >= 2 and not e.dated
             and ov >= _SAME_WORDS]
    clash = (dated[0] if dated and single and not any(e.dated for e in matches)
             else mismatches[0] if mismatches and not matches
             else counted[0] if counted else tight[0] if tight else None)
    # Scope or stage explains a clash away ("5 years" / "three years of work by the
    # committee"): it is told, as a complement, never a conflict, so the usual gate will do.
    if clash is not None:
        explained = any(e.code in ("scope.differs", "stage.differs") for e in softeners)
        alike = max(ov, cov) if directed or explained else _word_overlap(sa, sb, ov, cov)
        # Two reports' values tied by no word ("suffered a heart attack three weeks ago" /
        # "in hospital for four weeks") must be told in nearly the same words to clash.
        needed = (_CONFLICT_OVERLAP if clash.loose and not directed and not explained
                  else _VALUE_CLASH_OVERLAP)
        if alike >= needed or (
                clash in dated and _plain_coverage(hyp, premise) >= _AGREE_COVERAGE):
            soft.append(clash)
    if not hard and not soft and cov >= 0.6 and not directed:
        ent = _names(hyp, premise)
        if ent is not None:
            soft.append(ent)

    if hard and not directed and any("?" in x.text for x in (sa, sb)):
        # A question asks; it asserts nothing another report can deny ("Would we have done
        # it without him?" / "the Colts got it done"). Its hedge may excuse the clash.
        hard, soft = [], hard + soft
    reasons: list[Evidence]
    label: Label
    excusing = [e for e in softeners if e.code != "attribution.differs"]
    told = softeners  # what the conflict's explanation names beside the clash
    if soft and all(e.code == "value.mismatch.date" for e in soft):
        # A day is not a part of a whole: the committee's share explains three years
        # within five, not the draft agreed on Monday against the draft agreed on Thursday.
        excusing = [e for e in excusing if e.code != "scope.differs"]
        told = [e for e in softeners if e.code != "scope.differs"]
    asserting = [e for e in softeners if e.code != "scope.differs"]
    # Between two reports an equal age names whom the claims are about, not what they tell:
    # "John Jenkin, 23, was remanded" / "John Jenkin, 23, has been charged".
    told_values = matches if directed else [e for e in matches if e.counted != "years old"]
    if hard and not codes_soft & {"scope.differs", "stage.differs"}:
        label, reasons = "conflict", hard + soft + softeners
    elif soft and not excusing:
        label, reasons = "conflict", soft + told
    elif hard or soft:
        # The clash first, then what explains it away.
        label, reasons = "complement", (hard + soft)[:1] + softeners
    elif asserting:
        # A part of the whole still agrees on what it says; an expected, hedged or
        # attributed statement only complements an asserted one.
        label, reasons = "complement", matches[:1] + softeners
    elif told_values and (ov >= 0.35 or (
            told_values[0].dated and _plain_coverage(hyp, premise) >= _SAME_WORDS)):
        # An equal date in a long sentence: the rest of the shorter claim must be there.
        label, reasons = "agree", told_values[:1] + softeners
    elif cov >= _AGREE_COVERAGE and (directed or (
            not (hyp.negated and not premise.negated) and sa.refuted == sb.refuted
            and (len(hyp.content) + len(hyp.numbers) >= _TELLING_WORDS or ov >= _SAME_WORDS
                 or hyp.negated))):
        # Between two reports, a fragment of one or two words ("The system has failed
        # us.", "It was proven") is covered by any sentence using them, and a short denial
        # ("DiLeo has never been an NBA coach") by the sentence it denies: neither says the
        # same, unless told in the same words. Two denials of one thing agree ("no reports
        # of injuries" / "no injuries have been reported"); a long sentence's "not" may be
        # another clause's. Nor does a claim calling something false say the same as one
        # that calls nothing so ("the myth that surrounded Deep Throat" / "Deep Throat is
        # dead").
        label, reasons = "agree", [Evidence("paraphrase", "they say the same in other words")]
    elif directed and short_pair and ov >= (0.4 if any(
            s.text.rstrip()[-1:] in ".!?" for s in (sa, sb)) else 0.2):
        # Two headlines on one event, the second asserting it without hedge or clash. Two
        # short sentences say more than headlines do: sharing under 0.4 of their words,
        # they mostly tell different details (rte3: 16 agree against 42 not entailed).
        label, reasons = "agree", [Evidence("assertion.same",
                                            "both assert the same event without a difference")]
    else:
        label, reasons = "complement", [Evidence("detail.differs",
                                                 "they tell different details of it")]
    if label == "agree" and denied_phrase:
        # A denial of a detail the other never tells neither agrees nor clashes.
        label, reasons = "complement", [Evidence(
            "detail.differs", f"one denies only “{denied_phrase}”, which the other does not tell")]
    elif label == "agree" and not matches and differing:
        # Agree means the same values: a paraphrase that gives another number complements.
        label, reasons = "complement", differing[:1]
    elif label == "agree" and moments is not None:
        label, reasons = "complement", [moments]
    elif label == "agree" and not directed and _two_people(sa, sb):
        label, reasons = "complement", [Evidence(
            "detail.differs", "they tell of two people, of different ages and nationalities")]
    codes = tuple(dict.fromkeys(r.code for r in reasons))
    power = strength(codes[0], sa, sb)
    # Pairs from matching carry their score; a bare pair is scored here.
    score = similarity or match_similarity(sa, sb)
    conf = confidence_for(label, codes, overlap=ov, coverage=cov, similarity=score,
                          strength=power)
    return Judgement(label, conf, codes, sentence(label, [(r.code, r.detail) for r in reasons]),
                     round(similarity, 1), power)
