"""Date patterns and the arithmetic that turns relative dates into intervals of days.

Absolute forms ("Dec 26, 2024", "11 Aug 2024", "2024-12-26", "August 2024", "the 1990s",
"2019-2023") and relative ones ("on Friday", "last week", "later this year") are matched
here; ``values`` decides which characters each match may claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .units import MONTHS, WEEKDAYS

_MON = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MON_FULL = (r"(January|February|March|April|May|June|July|August|September|October|"
             r"November|December)")
_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"

DATE_DMY = re.compile(rf"\b{_WD}(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?\b")
DATE_MDY = re.compile(rf"\b{_WD}{_MON}\s+(\d{{1,2}}){_ORD}(?!\d)(?:,?\s+(\d{{4}}))?\b")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
MONTH_YEAR = re.compile(rf"\b{_MON},?\s+(\d{{4}})\b")
MONTH_ALONE = re.compile(
    r"\b(?:in|since|until|till|by|from|during|before|after|through|throughout|of|early|"
    rf"mid-?|late|end of|beginning of|start of|this|last|next)\s+(?:early\s+|mid-?|late\s+)?"
    rf"{_MON_FULL}\b(?!\s+\d)")
DECADE = re.compile(r"\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?(1[5-9]\d0|20\d0)['’]?s\b")
YEAR_RANGE = re.compile(
    r"\b(?:((?i:from|between))\s+)?(1[89]\d\d|20\d\d)\s*(?:(-|–|—)|\s(to|and|until|through)\s)\s*"
    r"(1[89]\d\d|20\d\d|\d\d)\b(?!\s*(?:-|%|percent|per cent))")
RELATIVE = re.compile(
    r"\b(?:(earlier|later|late|early)\s+(this|last|next)\s+(week|month|year)|"
    r"(last|past|previous|this|next|coming|the\s+past|the\s+previous|the\s+coming)\s+"
    r"(week|weekend|month|year)|"
    r"(today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|"
    r"last\s+night)|"
    r"(?:(on|last|next|this|this\s+past|early|late)\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:(?:by|at|before|until)\s+)?the\s+end\s+of\s+(?:the|this)\s+(year|month|week))\b",
)
FUTURE = re.compile(r"\b(?:will|shall|to be|due|expected|scheduled|set to|plans?|planned|"
                     r"next|upcoming|coming|would)\b", re.IGNORECASE)


def month_number(name: str) -> int:
    """Return 1-12 for a month name or abbreviation."""
    return MONTHS[name[:3].lower()]


def safe_date(y: int, m: int, d: int) -> date | None:
    """Return the date, or None when the day does not exist (31 June)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_end(d: date) -> date:
    """Return the last day of the month of ``d``."""
    return d + relativedelta(day=31)


def period_days(pub: date, period: str, step: int) -> tuple[date, date]:
    """Return the first and last day of the week/month/year ``step`` periods from ``pub``."""
    if period == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if period == "month":
        first = pub.replace(day=1) + relativedelta(months=step)
        return first, month_end(first)
    y = pub.year + step
    return date(y, 1, 1), date(y, 12, 31)


def resolve_relative(m: re.Match[str], pub: date, future: Callable[[], bool]
                     ) -> tuple[date, date, str] | None:
    """Return (first, last, unit) of a RELATIVE match, seen from publication day ``pub``.

    ``future`` says whether the sentence speaks of the future (asked only for weekdays).
    """
    if m.group(1):  # earlier/later this|last|next week|month|year
        when, which, period = m.group(1).lower(), m.group(2).lower(), m.group(3).lower()
        first, last = period_days(pub, period, {"this": 0, "last": -1, "next": 1}[which])
        if which == "this" and when in ("earlier", "early"):
            return first, pub, "interval"
        if which == "this" and when in ("later", "late"):
            return pub, last, "interval"
        return first, last, period
    if m.group(4):
        which = " ".join(m.group(4).lower().split())
        period = m.group(5).lower()
        if period == "weekend":
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
            if which in ("next", "coming", "the coming") or (
                    which == "this" and pub.weekday() < 5):
                sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
                if which == "this":
                    sat = pub + timedelta(days=(5 - pub.weekday()) % 7)
            return sat, sat + timedelta(days=1), "interval"
        if which in ("the past", "the previous", "past"):
            delta = {"week": relativedelta(weeks=1), "month": relativedelta(months=1),
                     "year": relativedelta(years=1)}[period]
            return pub - delta, pub, "interval"
        step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1,
                "the coming": 1}[which]
        first, last = period_days(pub, period, step)
        return first, last, period
    if m.group(6):
        word = " ".join(m.group(6).lower().split())
        if word in ("yesterday",):
            d = pub - timedelta(days=1)
            return d, d, "day"
        if word == "tomorrow":
            d = pub + timedelta(days=1)
            return d, d, "day"
        if word == "last night":
            return pub - timedelta(days=1), pub, "interval"
        return pub, pub, "day"
    if m.group(8):
        which = (m.group(7) or "").lower()
        wd = WEEKDAYS[m.group(8).lower()]
        back = (pub.weekday() - wd) % 7
        ahead = (wd - pub.weekday()) % 7
        if which == "last":
            d = pub - timedelta(days=back or 7)
        elif which == "next":
            d = pub + timedelta(days=ahead or 7)
        elif which in ("this past",):
            d = pub - timedelta(days=back)
        elif future():
            d = pub + timedelta(days=ahead)
        else:
            d = pub - timedelta(days=back)
        return d, d, "day"
    if m.group(9):
        _first, last = period_days(pub, m.group(9).lower(), 0)
        return last, last, "day"
    return None
