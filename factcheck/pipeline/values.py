"""Find typed values (numbers, durations, counts, dates) in a sentence."""

from __future__ import annotations

import re
from datetime import date

from .types import Bound, Value

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_DURATION_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days"}
_BOUNDS: dict[str, Bound] = {
    "over": "more_than", "more than": "more_than", "nearly": "about", "about": "about",
    "around": "about", "almost": "about", "at least": "at_least", "up to": "up_to",
    "less than": "less_than", "under": "less_than",
}

_NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_BOUND = r"(?:(" + "|".join(sorted(_BOUNDS, key=len, reverse=True)) + r")\s+)?"
_DURATION = re.compile(_BOUND + _NUM + r"[\s-](year|month|week|day)s?\b", re.IGNORECASE)
_COUNT = re.compile(r"\b" + _NUM + r"-member\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})|([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4}))\b"
)


def _number(token: str) -> float:
    token = token.lower().replace(",", "")
    return float(_NUMBER_WORDS[token]) if token in _NUMBER_WORDS else float(token)


def find_values(text: str, *, offset: int = 0) -> list[Value]:
    """Return the values in ``text``; offsets are shifted by ``offset``."""
    values: list[Value] = []
    for m in _DURATION.finditer(text):
        n = _number(m.group(2))
        bound: Bound = _BOUNDS[m.group(1).lower()] if m.group(1) else "exactly"
        unit = _DURATION_UNITS[m.group(3).lower()]
        values.append(Value("duration", n, n, unit, bound, m.group(), offset + m.start(),
                            offset + m.end()))
    for m in _COUNT.finditer(text):
        n = _number(m.group(1))
        values.append(Value("count", n, n, "members", "exactly", m.group(),
                            offset + m.start(), offset + m.end()))
    for m in _DATE.finditer(text):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (
            m.group(5), m.group(4), m.group(6))
        mon = _MONTHS.get(month[:3].lower())
        if mon is None:
            continue
        try:
            d = date(int(year), mon, int(day)).toordinal()
        except ValueError:
            continue
        values.append(Value("date", d, d, "day", "exactly", m.group(), offset + m.start(),
                            offset + m.end()))
    return sorted(values, key=lambda v: v.start)
