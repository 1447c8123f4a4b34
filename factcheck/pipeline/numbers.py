"""Read numbers written in digits or words: "1,200", "1.2", "one hundred and ninety-three"."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Short scale words written after digits ("1.2 million", "$3bn", "Rs 500 crore").
SCALE_SUFFIXES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5,
    "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}

_SMALL = sorted([*UNITS, *TENS], key=len, reverse=True)
_ALL = sorted([*UNITS, *TENS, "hundred", *SCALES, "dozen"], key=len, reverse=True)
# A run of number words joined by spaces, hyphens or "and". Each repetition must consume a
# number word, so the run is matched in linear time; ``parse_words`` then decides how much of
# the run really is one number ("two and three" is two numbers).
WORD_NUMBER = (
    r"\b(?:" + "|".join(_ALL) + r")(?:(?:[ \-]|\s+and\s+)(?:" + "|".join(_ALL) + r"))*\b"
)
WORD_NUMBER_RE = re.compile(WORD_NUMBER, re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[ \-]+|\s+and\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


def parse_digits(token: str) -> float:
    """Return the number written as ``token`` ("1,200.5" -> 1200.5)."""
    return float(token.replace(",", ""))


def parse_words(text: str) -> tuple[float, int] | None:
    """Return (number, characters used) for the number words at the start of ``text``.

    Parsing stops at the first word that cannot continue the number, so "two and three"
    gives (2, 3). Returns None when no number starts ``text``.
    """
    total = 0.0
    current = 0.0
    used = 0
    last: str | None = None  # kind of the previous word: unit, teen, tens, hundred, scale
    seen_any = False
    pos = 0
    while True:
        m = _TOKEN.match(text, pos)
        if not m:
            break
        word = m.group().lower()
        if word == "and":
            if last not in ("hundred", "scale"):
                break
            nxt = _TOKEN.match(text, _skip_sep(text, m.end()))
            if not nxt or (nxt.group().lower() not in UNITS and nxt.group().lower() not in TENS):
                break
            pos = _skip_sep(text, m.end())
            continue
        if word in UNITS:
            if last in ("unit", "teen") or (last == "tens" and UNITS[word] >= 10):
                break
            current += UNITS[word]
            last = "teen" if UNITS[word] >= 10 else "unit"
        elif word in TENS:
            if last in ("unit", "teen", "tens"):
                break
            current += TENS[word]
            last = "tens"
        elif word == "hundred":
            if last == "hundred" or current >= 100 or (last == "scale" and current == 0):
                break
            current = (current or 1) * 100
            last = "hundred"
        elif word == "dozen":
            if last in ("hundred", "scale"):
                break
            current = (current or 1) * 12
            last = "scale"
        elif word in SCALES:
            if last == "scale" and current == 0:
                break
            total += (current or 1) * SCALES[word]
            current = 0
            last = "scale"
        else:
            break
        seen_any = True
        used = m.end()
        pos = _skip_sep(text, m.end())
    if not seen_any:
        return None
    return total + current, used


def _skip_sep(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " -\t":
        pos += 1
    return pos
