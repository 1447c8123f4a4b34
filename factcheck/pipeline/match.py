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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol

from rapidfuzz import fuzz

from .lexicon import COMMON_WORDS, GENERIC_NAME_WORDS
from .signals import Signals, signals, stem
from .types import Claim

DEFAULT_CUTOFF = 25.0
# A content word this long counts as telling; shorter ones ("UN", "vote") need company.
STRONG_WORD = 4
# Two claims with at least this many content words each must share two telling words.
LONG_CLAIM = 5


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


def _boost(token: str, s: Signals) -> float:
    if token.startswith("#"):
        return _VALUE_WEIGHT
    return _NAME_WEIGHT if token in s.names else 1.0


def _boosts(s: Signals) -> tuple[tuple[str, float], ...]:
    """Return each content stem of ``s`` with its weight before word rarity."""
    # Worked out once per claim and kept on its signals: a claim of a big story is weighed
    # again under each report pair it meets, and only the rarity part differs.
    memo: tuple[tuple[str, float], ...] | None = s.__dict__.get("_boosts")
    if memo is None:
        memo = tuple((t, _boost(t, s)) for t in s.content)
        s.__dict__["_boosts"] = memo
    return memo


def _weight(token: str, s: Signals, idf: Mapping[str, float] | None) -> float:
    w = idf.get(token, 1.0) if idf is not None else 1.0
    return w * _boost(token, s)


def total_weight(s: Signals, idf: Mapping[str, float] | None = None) -> float:
    """Return the summed weight of a claim's content stems."""
    if idf is None:
        plain: float | None = s.__dict__.get("_plain_total")
        if plain is None:
            plain = s.__dict__["_plain_total"] = sum(b for _, b in _boosts(s))
        return plain
    if isinstance(idf, Idf):
        return idf.total(s)
    return sum(idf.get(t, 1.0) * b for t, b in _boosts(s))


def overlap(sa: Signals, sb: Signals, *, idf: Mapping[str, float] | None = None,
            totals: tuple[float, float] | None = None) -> float:
    """Return the weighted share (0-1) of the smaller claim's content found in the other.

    ``totals`` are the two claims' ``total_weight`` under ``idf``, when the caller keeps them.
    """
    if not sa.content or not sb.content:
        return 0.0
    shared = sa.content & sb.content
    total_a, total_b = totals if totals is not None else (
        total_weight(sa, idf), total_weight(sb, idf))
    # A stem that is a name on either side weighs as a name.
    common = sum(_weight(t, sb if t in sb.names else sa, idf) for t in shared)
    # Half containment (a short claim inside a long one), half Dice (so a short claim that
    # shares one topic word does not beat a long one that shares five).
    return min(1.0, 0.5 * common / min(total_a, total_b) + common / (total_a + total_b))


def coverage(hyp: Signals, premise: HasContent) -> float:
    """Return the share of ``hyp``'s content stems that ``premise`` contains (0-1)."""
    if not hyp.content:
        return 0.0
    return len(hyp.content & premise.content) / len(hyp.content)


_UNTELLING = frozenset(stem(w) for w in GENERIC_NAME_WORDS | COMMON_WORDS)


def telling(token: str) -> bool:
    """Return True for a content stem that can help tie two claims together."""
    return len(token) >= STRONG_WORD and token not in _UNTELLING


def short_telling(token: str) -> bool:
    """Return True for a content stem too short to tie claims alone ("cut", "pay", "tax")."""
    return len(token) == STRONG_WORD - 1 and token.isalpha() and token not in _UNTELLING


def telling_names(s: Signals) -> frozenset[str]:
    """Return the names of a claim that can tie it to another on their own."""
    return s.names - _UNTELLING


def _shares_enough(sa: Signals, sb: Signals) -> bool:
    shared = sa.content & sb.content
    if not shared:
        return False
    if any(t not in _UNTELLING for t in shared & (sa.names | sb.names)):
        return True
    strong = sum(1 for t in shared if telling(t))
    need = 2 if min(len(sa.content), len(sb.content)) >= LONG_CLAIM else 1
    # Two short words ("cut", "pay") tie as much as one long one, and one beside a long
    # word makes two: "nun" and "birth" tie a headline to the claim it reports.
    short = sum(1 for t in shared if short_telling(t))
    return strong + (short if strong else short // 2) >= need


def similarity(
    sa: Signals, sb: Signals, *, idf: Mapping[str, float] | None = None,
    totals: tuple[float, float] | None = None,
) -> float:
    """Return how alike two claims' signals are, 0-100 (0 when they share no content)."""
    if not _shares_enough(sa, sb):
        return 0.0
    return _score(sa, sb, idf, totals)


def _score(sa: Signals, sb: Signals, idf: Mapping[str, float] | None,
           totals: tuple[float, float] | None) -> float:
    tsr = fuzz.token_set_ratio(sa.frame, sb.frame)
    # Rounded: the overlap sums weights over sets, whose order (and so the last bits of the
    # sum) changes with the hash seed; two equal scores must stay equal to rank the same.
    return round(0.3 * tsr + 70.0 * overlap(sa, sb, idf=idf, totals=totals), 9)


def frame_similarity(a: Claim, b: Claim) -> float:
    """Return how alike two claims' frames are, 0-100."""
    return similarity(signals(a), signals(b))


def terms_of(group: Sequence[Signals]) -> tuple[int, Counter[str]]:
    """Return how many claims ``group`` has and in how many of them each stem occurs."""
    df: Counter[str] = Counter()
    for s in group:
        df.update(s.content)
    return len(group), df


# log(1 + n / c) by claim count n, then by the count c of claims holding a stem.
_LOGS: dict[int, dict[int, float]] = {}


class Idf(Mapping[str, float]):
    """Inverse claim frequency of stems over groups of claims counted by ``terms_of``.

    Worked out per stem on first use: a report pair of a big story looks up a few dozen
    stems, not the few hundred the two reports hold.
    """

    def __init__(self, *terms: tuple[int, Mapping[str, int]]) -> None:
        self._n = sum(count for count, _ in terms)
        self._dfs = [counts for _, counts in terms]
        self._known: dict[str, float] = {}
        # The weight depends on the two counts only: one log per count a story meets.
        self._of_count = _LOGS.setdefault(self._n, {})

    def _work_out(self, token: str) -> float | None:
        """Return (and keep) the weight of ``token``; None when no claim holds it."""
        dfs = self._dfs
        # Nearly always a pair of reports: two lookups, without a generator.
        c = (dfs[0].get(token, 0) + dfs[1].get(token, 0) if len(dfs) == 2
             else sum(df.get(token, 0) for df in dfs))
        if not c:
            return None
        found = self._of_count.get(c)
        if found is None:
            found = self._of_count[c] = math.log(1.0 + self._n / c)
        self._known[token] = found
        return found

    def __getitem__(self, token: str) -> float:
        found = self._known.get(token)
        if found is None:
            found = self._work_out(token)
            if found is None:
                raise KeyError(token)
        return found

    def total(self, s: Signals) -> float:
        """Return the summed weight of ``s``'s content stems (1 for a stem no claim holds)."""
        known = self._known
        out = 0.0
        for t, boost in _boosts(s):
            w = known.get(t)
            if w is None:
                w = self._work_out(t)
                if w is None:  # like ``get(t, 1.0)``
                    w = 1.0
            out += w * boost
        return out

    def get(self, token: str, default: float | None = None) -> float | None:  # type: ignore[override]
        """Return the weight of ``token``, or ``default`` when no claim holds it."""
        found = self._known.get(token)
        if found is None:
            found = self._work_out(token)
        return default if found is None else found

    def __iter__(self) -> Iterator[str]:
        return iter({t for df in self._dfs for t in df})

    def __len__(self) -> int:
        return len({t for df in self._dfs for t in df})


def idf_from(*terms: tuple[int, Mapping[str, int]]) -> Idf:
    """Return the inverse claim frequency over groups summed by ``terms_of``."""
    return Idf(*terms)


def idf_of(groups: Sequence[Sequence[Signals]]) -> Idf:
    """Return an inverse claim frequency for every stem of the claims in ``groups``."""
    return idf_from(*(terms_of(g) for g in groups))


def candidates(
    a: Sequence[Claim], b: Sequence[Claim], *, score_cutoff: float = DEFAULT_CUTOFF,
    limit: int | None = None, idf: Mapping[str, float] | None = None,
    proposals: Iterable[tuple[int, int]] | None = None,
) -> list[tuple[int, int, float]]:
    """Return (i, j, score) for claims of ``a`` and ``b`` that may speak of the same fact.

    ``limit`` keeps, for every claim on either side, only its ``limit`` best partners.
    ``idf`` saves recounting the two reports' words when the caller already has them, and
    ``proposals`` restricts scoring to the (i, j) a blocking index found: any pair the
    index leaves out shares too little to score above zero, so the result is the same.
    """
    sa = [signals(c) for c in a]
    sb = [signals(c) for c in b]
    if idf is None:
        idf = idf_of([sa, sb])
    if proposals is None:
        proposals = _sharing(a, sa, b, sb)
    found: list[tuple[int, int, float]] = []
    totals_a: dict[int, float] = {}
    totals_b: dict[int, float] = {}
    for i, j in proposals:
        if not (a[i].checkable and b[j].checkable):
            continue
        if not _shares_enough(sa[i], sb[j]):
            continue
        if i not in totals_a:
            totals_a[i] = total_weight(sa[i], idf)
        if j not in totals_b:
            totals_b[j] = total_weight(sb[j], idf)
        score = _score(sa[i], sb[j], idf, (totals_a[i], totals_b[j]))  # gate passed above
        if score >= score_cutoff:
            found.append((i, j, score))
    if limit is not None:
        found = _keep_best(found, limit)
    return sorted(found, key=lambda x: (x[0], -x[2], x[1]))


def _sharing(a: Sequence[Claim], sa: Sequence[Signals], b: Sequence[Claim],
             sb: Sequence[Signals]) -> set[tuple[int, int]]:
    """Return every (i, j) of checkable claims that share at least one content stem."""
    index: dict[str, list[int]] = {}
    for i, (claim, s) in enumerate(zip(a, sa, strict=True)):
        if claim.checkable:
            for t in s.content:
                index.setdefault(t, []).append(i)
    return {(i, j) for j, (claim, s) in enumerate(zip(b, sb, strict=True)) if claim.checkable
            for t in s.content for i in index.get(t, ())}


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


def same_name(a: str, b: str) -> bool:
    """Return whether two name words are one name spelt two ways ("Bettie" / "Betty")."""
    # Dots and hyphens are spelling too: "A.J." / "AJ", "Opteron(TM)" / "Opteron".
    x, y = ("".join(ch for ch in w.lower() if ch.isalpha()) for w in (a, b))
    if not x or not y:
        return False
    if x.startswith(y) or y.startswith(x):  # "Zealand" / "Zealander"
        return True
    # A variant keeps the opening: "Kerry" / "Perry" are two people, "Smith" / "Smyth" one.
    return len(x) >= 4 and len(y) >= 4 and x[:2] == y[:2] and fuzz.ratio(x, y) >= 70
