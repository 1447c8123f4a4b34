"""Fuzzy matching of claim frames; the one module that talks to rapidfuzz."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from .types import Claim


def frame_similarity(a: Claim, b: Claim) -> float:
    """Return how alike two claims' frames are, 0-100."""
    return float(fuzz.token_set_ratio(a.frame, b.frame))


def candidates(
    a: Sequence[Claim], b: Sequence[Claim], *, score_cutoff: float = 55.0
) -> list[tuple[int, int, float]]:
    """Return (i, j, score) for claims of ``a`` and ``b`` that may speak of the same fact."""
    found: list[tuple[int, int, float]] = []
    for i, ca in enumerate(a):
        if not ca.checkable:
            continue
        kw_a = set(ca.keywords)
        for j, cb in enumerate(b):
            if not cb.checkable or len(kw_a & set(cb.keywords)) < 2:
                continue
            score = frame_similarity(ca, cb)
            if score >= score_cutoff:
                found.append((i, j, score))
    return found
