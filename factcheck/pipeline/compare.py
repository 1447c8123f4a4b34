"""Compare reports: pair claims across reports, group pairs into facts, relate two texts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import TypeVar

from .blocking import BlockingIndex, block_keys
from .classify import _compatible, classify
from .explain import confidence_for, sentence
from .extract import extract_report
from .match import candidates, coverage, idf_from, rank, terms_of
from .signals import Number, signals
from .types import (
    Claim,
    ClaimPair,
    Comparison,
    ExtractedReport,
    Judgement,
    PairResult,
    Relation,
    RelationLabel,
    ReportInput,
)

# Each claim keeps at most this many partners in another report: a fact is rarely told more
# than twice in one article, and more pairs would bury the editor.
PARTNERS_PER_CLAIM = 3
# A conflict decides a whole relation only when the pair is judged at least this sure. The
# label rules already demand a clash between closely matching claims, so any will do.
RELATION_CONFLICT_CONFIDENCE = 0.0
# In ``relate``, how many counterparts each claim of the shorter text is judged against.
RELATE_COUNTERPARTS = 3
# A text with this many claims is an article; two texts this short are headlines.
LONG_TEXT_CLAIMS = 5
HEADLINE_CHARS = 160
# Share of a claim's content words its whole counterpart text must hold to support it.
WHOLE_TEXT_COVERAGE = 0.8
# ``relate`` is told the two texts belong together, so a weaker match still counts.
RELATE_CUTOFF = 15.0


def _as_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def pair_claims(
    a: Sequence[Claim], b: Sequence[Claim], *,
    published_a: date | None = None, published_b: date | None = None,
    idf: Mapping[str, float] | None = None,
    proposals: Iterable[tuple[int, int]] | None = None,
) -> list[ClaimPair]:
    """Return the matched and labelled pairs between the claims of two reports.

    ``idf`` and ``proposals`` come from a blocking index (see ``match.candidates``); without
    them every claim pair that shares a word is scored, with the same result.
    """
    pa, pb = _as_date(published_a), _as_date(published_b)
    return [ClaimPair(i, j, classify(a[i], b[j], similarity=score,
                                     published_a=pa, published_b=pb))
            for i, j, score in candidates(a, b, limit=PARTNERS_PER_CLAIM, idf=idf,
                                          proposals=proposals)]


N = TypeVar("N", bound=Hashable)


def group_pairs(
    edges: Sequence[tuple[N, N]], *,
    weights: Sequence[float] | None = None,
    report_of: Mapping[N, Hashable] | None = None,
    max_per_report: int = 2,
) -> list[list[int]]:
    """Return fact groups over ``edges`` (pairs of claim ids) as lists of edge indices.

    Without ``report_of`` a group is a connected component. With it, groups grow from the
    strongest edges first (``weights``) and never take more than ``max_per_report`` claims of
    one report: loose pairs would otherwise chain every claim of a story into one group, and
    an editor reads a group as one fact. An edge that would break the cap stays a group of
    its own.
    """
    parent: dict[N, N] = {}
    members: dict[N, Counter[Hashable]] = {}

    def find(x: N) -> N:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def counts(root: N, node: N) -> Counter[Hashable]:
        if root not in members:
            members[root] = Counter([report_of[node]]) if report_of is not None else Counter()
        return members[root]

    order = sorted(range(len(edges)), key=lambda k: -(weights[k] if weights else 0.0))
    alone: list[int] = []
    for k in order:
        u, v = edges[k]
        ru, rv = find(u), find(v)
        if ru == rv:
            continue
        if report_of is not None:
            cu, cv = counts(ru, u), counts(rv, v)
            if len(cu) < len(cv):  # fold the smaller tally into the larger, in place
                ru, rv, cu, cv = rv, ru, cv, cu
            if any(cu[r] + n > max_per_report for r, n in cv.items()):
                alone.append(k)
                continue
            cu.update(cv)
            members.pop(rv, None)
        parent[rv] = ru
    # A pair left out may have been joined up by later, weaker edges after all.
    lone = {k for k in alone if find(edges[k][0]) != find(edges[k][1])}
    groups: dict[N, list[int]] = {}
    for k, (u, _v) in enumerate(edges):
        if k not in lone:
            groups.setdefault(find(u), []).append(k)
    return list(groups.values()) + [[k] for k in sorted(lone)]


def _all_pairs(claims: Sequence[Sequence[Claim]],
               published: Sequence[date | None]) -> list[PairResult]:
    pairs: list[PairResult] = []
    for x in range(len(claims)):
        for y in range(x + 1, len(claims)):
            for p in pair_claims(claims[x], claims[y], published_a=published[x],
                                 published_b=published[y]):
                pairs.append(PairResult(x, p.i, y, p.j, p.judgement))
    return pairs


def story_pairs(claims: Sequence[Sequence[Claim]],
                published: Sequence[date | None]) -> list[PairResult]:
    """Return the pairs between the claims of every two reports, found through blocking.

    Gives exactly the pairs (and order) of scoring every report against every other: each
    report is matched, as it would be on ingest, against the earlier reports its claims'
    keys meet, with the word weights of that report pair.
    """
    index: BlockingIndex[tuple[int, int]] = BlockingIndex()
    terms = [terms_of([signals(c) for c in report]) for report in claims]
    found: dict[tuple[int, int], list[PairResult]] = {}
    for y, report in enumerate(claims):
        keys = [block_keys(signals(c), checkable=c.checkable) for c in report]
        proposed: dict[int, set[tuple[int, int]]] = {}
        for j, k in enumerate(keys):
            for x, i in index.lookup(k):
                proposed.setdefault(x, set()).add((i, j))
        for x, props in proposed.items():
            found[(x, y)] = [
                PairResult(x, p.i, y, p.j, p.judgement)
                for p in pair_claims(claims[x], report, published_a=published[x],
                                     published_b=published[y],
                                     idf=idf_from(terms[x], terms[y]), proposals=props)]
        for j, k in enumerate(keys):
            index.add((y, j), k)
    return [p for key in sorted(found) for p in found[key]]


@lru_cache(maxsize=4096)
def _extracted(text: str, published: date | None, html: bool) -> ExtractedReport:
    # Evaluation files repeat texts (one article body against many headlines).
    return extract_report(text, published=published, html=html)


def compare(reports: Sequence[ReportInput], *, exhaustive: bool = False) -> Comparison:
    """Extract every report and pair the claims of each report with every other's.

    A blocking index proposes the claims worth scoring, so the cost grows with the pairs
    that share something rather than with the square of the story; ``exhaustive`` scores
    every report against every other instead (the reference the index must equal).
    """
    extracted = [_extracted(r.text, _as_date(r.published), r.html) for r in reports]
    claims = [e.claims for e in extracted]
    published = [_as_date(r.published) for r in reports]
    pairs = (_all_pairs(claims, published) if exhaustive
             else story_pairs(claims, published))
    ends = [((p.report_a, p.claim_a), (p.report_b, p.claim_b)) for p in pairs]
    groups = group_pairs(ends, weights=[p.judgement.similarity for p in pairs],
                         report_of={node: node[0] for edge in ends for node in edge})
    return Comparison(tuple(extracted), tuple(pairs), tuple(tuple(g) for g in groups))


# A text that opens with a pronoun ("She has modelled for ...") speaks of someone named
# before it; in ``relate`` that is what the other text names first. Not a possessive: in
# "Her son is a model" the subject is someone else.
_OPENING_PRONOUN = re.compile(r"(?P<q>[\"“‘']?)(?:it|he|she|they)\b", re.IGNORECASE)


def _leading_name(claims: Sequence[Claim], text: str) -> str:
    """Return the name ``text`` opens with ("Pharrell Williams does ..."), or ""."""
    if not claims:
        return ""
    first = claims[0]
    opening = text.lstrip()
    for name in first.entities:
        if opening.startswith(name):
            return name
    word = opening.split(maxsplit=1)[0] if opening else ""
    if word[:1].isupper() and word.isalpha() and first.subject == word.lower():
        return word
    return ""


def _named_opening(text: str, name: str) -> str | None:
    """Return ``text`` with its opening pronoun replaced by ``name``; None if none opens it."""
    stripped = text.lstrip()
    m = _OPENING_PRONOUN.match(stripped)
    if m is None or not name:
        return None
    return m.group("q") + name + stripped[m.end():]


def _claims(text: str, published: date | None) -> tuple[Claim, ...]:
    claims = tuple(c for c in _extracted(text, published, False).claims if c.checkable)
    if claims:
        return claims
    # A headline of three words yields no claim; as a whole it is still what is compared.
    stripped = text.strip()
    return (Claim(text=stripped, start=0, end=len(stripped)),) if stripped else ()


@dataclass(frozen=True)
class _Bag:
    content: frozenset[str]


def _unsupported_name(ca: Sequence[Claim], cb: Sequence[Claim]) -> PairResult | None:
    """Return a conflict when a claim of short ``b`` names someone long ``a`` never names.

    Checking a summary against its article: a person, place or body the article never
    mentions, in a claim whose other words the article does support, was swapped in.
    """
    whole_a: frozenset[str] = frozenset().union(*(signals(c).content for c in ca))
    for j, claim in enumerate(cb):
        sb = signals(claim)
        missing = sorted(sb.names - whole_a)
        if missing and coverage(sb, _Bag(whole_a)) >= 0.6:
            best = rank(claim, ca)[0][0]
            reasons = ("entity.unsupported",)
            detail = f"the second names {missing[0].title()}, which the first never mentions"
            judgement = Judgement("conflict", confidence_for("conflict", reasons),
                                  reasons, sentence("conflict", [(reasons[0], detail)]))
            return PairResult(0, best, 1, j, judgement)
    return None


def _shape(a: str, b: str, ca: Sequence[Claim], cb: Sequence[Claim]) -> str:
    """Return the kind of the two texts: headline, sentence or article."""
    if max(len(ca), len(cb)) >= LONG_TEXT_CLAIMS:
        return "article"
    # Headlines are short and end without a full stop; short claims against a sentence of
    # evidence (FEVER style) end with one and behave differently.
    if all(len(t) <= HEADLINE_CHARS and t.rstrip()[-1:] not in ".!?\"”" for t in (a, b)):
        return "headline"
    return "sentence"


def _holds(x: Number, y: Number) -> bool:
    return _compatible(x, y) and "month" not in (x.kind, y.kind) and (
        x.low <= y.high and y.low <= x.high)


def _values_told_elsewhere(claim: Claim, found: list[tuple[PairResult, Claim]],
                           told: list[tuple[PairResult, Claim]]) -> list[PairResult]:
    """Return the pairs of one claim, less number clashes its other counterparts excuse.

    A summary's "$1.8 billion" may meet the article's "$1 billion" in one sentence and
    "nearly $1.8 billion" in another: where a counterpart it does not clash with
    (``told``) holds every number that clashes, the clashing number is about something
    else. Dates are left alone: another date in the article is often another event's
    ("arrived 21 August", "departed 1 November").
    """
    mine = [y for y in signals(claim).numbers if y.kind not in ("date", "year", "month")]
    kept: list[PairResult] = []
    for p, other in found:
        if mine and p.judgement.label == "conflict" and (
                p.judgement.reasons[0] == "value.mismatch.number"):
            theirs = signals(other).numbers
            clashing = [y for y in mine if any(_compatible(x, y) and not _holds(x, y)
                                               for x in theirs)]
            # The holding counterpart must match the claim at least as well as the clashing
            # one: "the men's 10,000 metres" holds no value of "the women's" champion.
            holders = [o for q, o in told if q.judgement.similarity >= p.judgement.similarity]
            if clashing and all(any(_holds(x, y) for o in holders for x in signals(o).numbers)
                                for y in clashing):
                continue
        kept.append(p)
    if found and not kept and told:
        kept.append(told[0][0])  # the claim is still matched, only not in conflict
    return kept


def relate(
    a: str, b: str, *, published_a: date | None = None, published_b: date | None = None
) -> Relation:
    """Return how text ``b`` stands to text ``a`` as a whole.

    The claims of the text with fewer claims each look for their best counterparts in the
    other. A confident conflict anywhere makes the whole a conflict; every such claim agreeing
    makes it agree; otherwise it complements; nothing matched is unrelated.
    """
    pa, pb = _as_date(published_a), _as_date(published_b)
    ca, cb = _claims(a, pa), _claims(b, pb)
    # The text with fewer claims (then fewer words) is the one whose claims are checked.
    b_is_hyp = (len(cb), len(b)) <= (len(ca), len(a))
    hyp, premise = (cb, ca) if b_is_hyp else (ca, cb)
    named = (_named_opening(a if b_is_hyp else b, _leading_name(hyp, b if b_is_hyp else a))
             if len(premise) < LONG_TEXT_CLAIMS else None)
    if named is not None:
        # The pronoun stands for what the other text names, so its words can meet the name.
        premise = _claims(named, pa if b_is_hyp else pb)
        ca, cb = (premise, hyp) if b_is_hyp else (hyp, premise)
    pairs: list[PairResult] = []
    best_labels: list[str] = []
    whole: frozenset[str] = frozenset().union(*(signals(c).content for c in premise))
    for h, claim in enumerate(hyp):
        ranked = [(k, s) for k, s in rank(claim, premise)[:RELATE_COUNTERPARTS]
                  if s >= RELATE_CUTOFF]
        if not ranked:
            continue
        found: list[tuple[PairResult, Claim]] = []
        told: list[tuple[PairResult, Claim]] = []
        for pos, (k, score) in enumerate(ranked):
            i, j = (k, h) if b_is_hyp else (h, k)
            judgement = classify(ca[i], cb[j], similarity=score, published_a=pa,
                                 published_b=pb, directed=True)
            if (pos == 0 and b_is_hyp and judgement.label == "complement"
                    and judgement.reasons == ("detail.differs",)
                    and coverage(signals(claim), _Bag(whole)) >= WHOLE_TEXT_COVERAGE):
                # A summary sentence fuses several sentences of its article: every word of
                # it is somewhere in the article, so the article supports it.
                reasons = ("paraphrase.whole",)
                judgement = replace(judgement, label="agree", reasons=reasons,
                                    confidence=confidence_for("agree", reasons),
                                    explanation=sentence("agree", [(reasons[0], "")]))
            if judgement.label != "conflict":
                told.append((PairResult(0, i, 1, j, judgement), premise[k]))
            if pos == 0 or judgement.label == "conflict":
                found.append((PairResult(0, i, 1, j, judgement), premise[k]))
            if pos == 0:
                best_labels.append(judgement.label)
        pairs.extend(_values_told_elsewhere(claim, found, told))
    shape = _shape(a, b, ca, cb)
    unsupported = _unsupported_name(ca, cb) if b_is_hyp and len(ca) >= 5 else None
    if unsupported is not None:
        pairs.append(unsupported)
    if not pairs:
        conf = confidence_for("unrelated", ("unmatched",), shape=shape)
        return Relation("unrelated", conf, ("unmatched",),
                        sentence("unrelated", [("unmatched", "")]), shape=shape)
    conflicts = [p for p in pairs if p.judgement.label == "conflict"
                 and p.judgement.confidence >= RELATION_CONFLICT_CONFIDENCE]
    label: RelationLabel
    if conflicts:
        label, lead = "conflict", max(conflicts, key=lambda p: p.judgement.confidence)
    elif len(best_labels) == len(hyp) and all(x == "agree" for x in best_labels):
        label, lead = "agree", max(pairs, key=lambda p: p.judgement.confidence)
    else:
        label = "complement"
        lead = max(pairs, key=lambda p: (p.judgement.label == "complement",
                                         p.judgement.confidence))
    lj = lead.judgement
    conf = confidence_for(label, lj.reasons, overlap=lj.similarity / 100, shape=shape,
                          similarity=lj.similarity, strength=lj.strength)
    explanation = lj.explanation if lj.label == label else sentence(
        label, [(r, "") for r in lj.reasons])
    return Relation(label, conf, lj.reasons, explanation, tuple(pairs), shape=shape,
                    similarity=lj.similarity, strength=lj.strength)
