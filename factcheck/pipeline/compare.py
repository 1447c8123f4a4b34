"""Compare reports: pair claims across reports, group pairs into facts, relate two texts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .classify import classify
from .extract import extract_report
from .match import candidates
from .types import (
    Claim,
    ClaimPair,
    Comparison,
    PairResult,
    Relation,
    RelationLabel,
    ReportInput,
)


def pair_claims(
    a: Sequence[Claim], b: Sequence[Claim], *,
    published_a: date | None = None, published_b: date | None = None,
) -> list[ClaimPair]:
    """Return the matched and labelled pairs between the claims of two reports."""
    _ = (published_a, published_b)
    return [ClaimPair(i, j, classify(a[i], b[j], similarity=score))
            for i, j, score in candidates(a, b)]


def group_pairs(edges: Sequence[tuple[object, object]]) -> list[list[int]]:
    """Return connected components of ``edges`` (pairs of node ids) as lists of edge indices."""
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in edges:
        parent[find(u)] = find(v)
    groups: dict[object, list[int]] = {}
    for k, (u, _v) in enumerate(edges):
        groups.setdefault(find(u), []).append(k)
    return list(groups.values())


def compare(reports: Sequence[ReportInput]) -> Comparison:
    """Extract every report and pair the claims of each report with every other's."""
    extracted = [extract_report(r.text, published=r.published, html=r.html) for r in reports]
    pairs: list[PairResult] = []
    for x in range(len(reports)):
        for y in range(x + 1, len(reports)):
            for p in pair_claims(extracted[x].claims, extracted[y].claims,
                                 published_a=reports[x].published,
                                 published_b=reports[y].published):
                pairs.append(PairResult(x, p.i, y, p.j, p.judgement))
    groups = group_pairs([((p.report_a, p.claim_a), (p.report_b, p.claim_b)) for p in pairs])
    return Comparison(tuple(extracted), tuple(pairs), tuple(tuple(g) for g in groups))


def relate(
    a: str, b: str, *, published_a: date | None = None, published_b: date | None = None
) -> Relation:
    """Return how text ``b`` stands to text ``a`` as a whole."""
    result = compare([ReportInput(a, published=published_a), ReportInput(b, published=published_b)])
    if not result.pairs:
        return Relation("unrelated", 0.5, ("unmatched",), "Nothing in b matches a claim of a.")
    labels = [p.judgement.label for p in result.pairs]
    label: RelationLabel = "conflict" if "conflict" in labels else (
        "agree" if all(x == "agree" for x in labels) else "complement")
    best = max(result.pairs, key=lambda p: p.judgement.confidence)
    return Relation(label, best.judgement.confidence, best.judgement.reasons,
                    best.judgement.explanation, result.pairs)
