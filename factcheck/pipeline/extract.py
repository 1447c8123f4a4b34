"""Turn cleaned text into atomic claims with values, polarity, hedging and a frame."""

from __future__ import annotations

import re
from datetime import date, datetime

from .clean import clean
from .resources import HEDGES, NEGATIONS, STOPWORDS, WORD_RE
from .segment import segment
from .types import Claim, Cleaned, ExtractedReport, Value
from .values import find_values


def _as_date(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published


def extract_report(
    text: str, *, published: date | datetime | None = None, html: bool = False
) -> ExtractedReport:
    """Clean ``text`` and return the cleaned text with its claims."""
    cleaned = clean(text, html=html)
    return ExtractedReport(cleaned=cleaned, claims=tuple(claims_of(cleaned, published=published)))


def extract(
    text: str, *, published: date | datetime | None = None, html: bool = False
) -> list[Claim]:
    """Return the atomic claims of a raw report."""
    return list(extract_report(text, published=published, html=html).claims)


def claims_of(cleaned: Cleaned, *, published: date | datetime | None = None) -> list[Claim]:
    """Return the claims of already-cleaned text."""
    _ = _as_date(published)
    claims: list[Claim] = []
    for span in segment(cleaned.text):
        words = WORD_RE.findall(span.text)
        if len(words) < 4:
            continue
        lowered = f" {span.text.lower()} "
        values = tuple(find_values(span.text, offset=span.start))
        negated = any(re.search(rf"\b{re.escape(n)}\b", lowered) for n in NEGATIONS)
        hedged = any(f" {h} " in lowered for h in HEDGES)
        claims.append(Claim(
            text=span.text, start=span.start, end=span.end, values=values,
            polarity="negated" if negated else "affirmed", hedged=hedged,
            frame=make_frame(span.text, values=values, offset=span.start),
            keywords=keywords(span.text),
            sentence_start=span.start, sentence_end=span.end,
        ))
    return claims


def make_frame(text: str, *, values: tuple[Value, ...] = (), offset: int = 0) -> str:
    """Return ``text`` with its values masked and stopwords dropped, lower-cased."""
    masked = text
    for v in sorted(values, key=lambda v: v.start, reverse=True):
        masked = masked[: v.start - offset] + f" {{{v.kind}}} " + masked[v.end - offset:]
    tokens = [w.lower() for w in re.findall(r"\{\w+\}|[A-Za-z][A-Za-z'\-]*", masked)]
    return " ".join(t for t in tokens if t not in STOPWORDS)


def keywords(text: str) -> tuple[str, ...]:
    """Return the content words of ``text``, lower-cased, in order, without repeats."""
    seen: dict[str, None] = {}
    for w in WORD_RE.findall(text):
        lw = w.lower()
        if lw not in STOPWORDS and not lw[0].isdigit() and len(lw) > 2:
            seen.setdefault(lw, None)
    return tuple(seen)
