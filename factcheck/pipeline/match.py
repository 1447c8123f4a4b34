"""Fuzzy matching of claim frames; the one module that talks to rapidfuzz.

A frame is a claim's content stems with its values masked (``treaty take {duration}
finaliz``). Raw sentences score too alike when they share function words, so two claims
are candidates only when they share content words or names (blocking on an inverted index),
and their score mixes rapidfuzz's ``token_set_ratio`` of the frames with the weighted share of
content the smaller claim has in common with the other. Words found in many claims of the
two reports (the story's topic words) weigh less than rare ones.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

from rapidfuzz import fuzz

from .signals import Signals, signals
from .types import Claim

DEFAULT_CUTOFF = 25.0


class HasContent(Protocol):
    """Anything with content stems: a claim's signals, or the words of a whole text."""

    @property
    def content(self) -> frozenset[str]:
        """Return the content stems."""
        ...
_NAME_WEIGHT = 1.5
_VALUE_WEIGHT = 3.0


def frame_of(claim: Claim) -> str:
    """Return the normalised frame of ``claim``: content stems with values masked."""
    return signals(claim).frame


def _weight(token: str, s: Signals, idf: Mapping[str, float] | None) -> float:
    w = idf.get(token, 1.0) if idf is not None else 1.0
    if token.startswith("#"):
        return w * _VALUE_WEIGHT
    return w * _NAME_WEIGHT if token in s.names else w


def overlap(sa: Signals, sb: Signals, *, idf: Mapping[str, float] | None = None) -> float:
    """Return the weighted share (0-1) of the smaller claim's content found in the other."""
    if not sa.content or not sb.content:
        return 0.0
    shared = sa.content & sb.content
    total_a = sum(_weight(t, sa, idf) for t in sa.content)
    total_b = sum(_weight(t, sb, idf) for t in sb.content)
    common = sum(_weight(t, sb if t in sb.names else sa, idf) for t in shared)
    # Half containment (a short claim inside a long one), half Dice (so a short claim that
    # shares one topic word does not beat a long one that shares five).
    return min(1.0, 0.5 * common / min(total_a, total_b) + common / (total_a + total_b))


def coverage(hyp: Signals, premise: HasContent) -> float:
    """Return the share of ``hyp``'s content stems that ``premise`` contains (0-1)."""
    if not hyp.content:
        return 0.0
    return len(hyp.content & premise.content) / len(hyp.content)


def _shares_enough(sa: Signals, sb: Signals) -> bool:
    shared = sa.content & sb.content
    if not shared:
        return False
    if shared & (sa.names | sb.names):
        return True
    strong = [t for t in shared if len(t) >= 4]
    need = 2 if min(len(sa.content), len(sb.content)) >= 5 else 1
    return len(strong) >= need


def similarity(
    sa: Signals, sb: Signals, *, idf: Mapping[str, float] | None = None
) -> float:
    """Return how alike two claims' signals are, 0-100 (0 when they share no content)."""
    if not _shares_enough(sa, sb):
        return 0.0
    tsr = fuzz.token_set_ratio(sa.frame, sb.frame)
    return 0.3 * tsr + 70.0 * overlap(sa, sb, idf=idf)


def frame_similarity(a: Claim, b: Claim) -> float:
    """Return how alike two claims' frames are, 0-100."""
    return similarity(signals(a), signals(b))


def idf_of(groups: Sequence[Sequence[Signals]]) -> dict[str, float]:
    """Return an inverse claim frequency for every stem of the claims in ``groups``."""
    df: Counter[str] = Counter()
    n = 0
    for group in groups:
        for s in group:
            n += 1
            df.update(s.content)
    return {t: math.log(1.0 + n / c) for t, c in df.items()}


def candidates(
    a: Sequence[Claim], b: Sequence[Claim], *, score_cutoff: float = DEFAULT_CUTOFF,
    limit: int | None = None,
) -> list[tuple[int, int, float]]:
    """Return (i, j, score) for claims of ``a`` and ``b`` that may speak of the same fact.

    ``limit`` keeps, for every claim on either side, only its ``limit`` best partners.
    """
    sa = [signals(c) for c in a]
    sb = [signals(c) for c in b]
    idf = idf_of([sa, sb])
    index: dict[str, list[int]] = {}
    for i, (claim, s) in enumerate(zip(a, sa, strict=True)):
        if not claim.checkable:
            continue
        for t in s.content:
            index.setdefault(t, []).append(i)
    found: list[tuple[int, int, float]] = []
    for j, (claim, s) in enumerate(zip(b, sb, strict=True)):
        if not claim.checkable:
            continue
        seen = {i for t in s.content for i in index.get(t, ())}
        for i in seen:
            score = similarity(sa[i], s, idf=idf)
            if score >= score_cutoff:
                found.append((i, j, score))
    if limit is not None:
        found = _keep_best(found, limit)
    return sorted(found, key=lambda x: (x[0], -x[2], x[1]))


def _keep_best(found: list[tuple[int, int, float]], limit: int) -> list[tuple[int, int, float]]:
    by_i: dict[int, list[float]] = {}
    by_j: dict[int, list[float]] = {}
    for i, j, s in found:
        by_i.setdefault(i, []).append(s)
        by_j.setdefault(j, []).append(s)
    cut_i = {i: sorted(v, reverse=True)[:limit][-1] for i, v in by_i.items()}
    cut_j = {j: sorted(v, reverse=True)[:limit][-1] for j, v in by_j.items()}
    return [(i, j, s) for i, j, s in found if s >= cut_i[i] or s >= cut_j[j]]


def rank(claim: Claim, others: Sequence[Claim]) -> list[tuple[int, float]]:
    """Return (index, score) of ``others`` by similarity to ``claim``, best first."""
    s = signals(claim)
    so = [signals(c) for c in others]
    idf = idf_of([[s], so])
    scored = [(k, similarity(s, o, idf=idf)) for k, o in enumerate(so)]
    return sorted(scored, key=lambda x: -x[1])
