"""The blocking index proposes every claim pair that can score, and no Tuesday-only pairs."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest

from factcheck.bench.common import DATA, read_jsonl
from factcheck.pipeline import Claim, ReportInput, compare, extract_report
from factcheck.pipeline.blocking import BlockingIndex, block_keys, meets
from factcheck.pipeline.match import similarity
from factcheck.pipeline.signals import signals

from .test_seed_story import THIRD_REPORTS, seeds

ECB = DATA / "ecbplus" / "clusters.jsonl"


def claim(text: str) -> Claim:
    """Return a bare claim of ``text``."""
    return Claim(text=text, start=0, end=len(text))


def keys(text: str) -> object:
    """Return the blocking keys of a bare claim."""
    return block_keys(signals(claim(text)))


def _story() -> list[ReportInput]:
    return [*seeds(), *(ReportInput(text, published=published)
                        for text, published, _words, _reason in THIRD_REPORTS)]


def _ecb_reports(clusters: int, per_cluster: int) -> list[ReportInput]:
    if not ECB.exists():
        pytest.skip(f"{ECB} is not there (the shared data sets are absent)")
    found: list[ReportInput] = []
    for cluster in read_jsonl(ECB)[:clusters]:
        found += [ReportInput(a["text"]) for a in cluster["articles"][:per_cluster]]
    return found


def _key(p: object) -> tuple[object, ...]:
    return (p.report_a, p.claim_a, p.report_b, p.claim_b, p.judgement)  # type: ignore[attr-defined]


def _claims_of(reports: list[ReportInput]) -> list[Claim]:
    return [c for r in reports for c in extract_report(r.text, published=r.published).claims
            if c.checkable]


def test_every_claim_pair_that_scores_above_zero_is_proposed_on_the_seed_story() -> None:
    claims = _claims_of(_story())
    scored = 0
    for a, b in combinations(claims, 2):
        if similarity(signals(a), signals(b)) > 0:
            scored += 1
            assert meets(block_keys(signals(a)), block_keys(signals(b))), (a.text, b.text)
    assert scored > 20


def test_every_claim_pair_that_scores_above_zero_is_proposed_on_real_news() -> None:
    claims = _claims_of(_ecb_reports(clusters=6, per_cluster=3))
    sigs = [signals(c) for c in claims]
    ks = [block_keys(s) for s in sigs]
    scored = 0
    for x, y in combinations(range(len(claims)), 2):
        if similarity(sigs[x], sigs[y]) > 0:
            scored += 1
            assert meets(ks[x], ks[y]), (claims[x].text, claims[y].text)
    assert scored > 100


def test_blocked_comparison_gives_exactly_the_exhaustive_pairs_on_the_seed_story() -> None:
    reports = _story()
    fast, slow = compare(reports), compare(reports, exhaustive=True)
    assert len(slow.pairs) > 20
    assert [_key(p) for p in fast.pairs] == [_key(p) for p in slow.pairs]
    assert fast.groups == slow.groups


def test_blocked_comparison_gives_exactly_the_exhaustive_pairs_on_real_news() -> None:
    # Three reports from each of eight events: most report pairs share nothing worth scoring.
    reports = _ecb_reports(clusters=8, per_cluster=3)
    fast, slow = compare(reports), compare(reports, exhaustive=True)
    assert len(slow.pairs) > 100
    assert [_key(p) for p in fast.pairs] == [_key(p) for p in slow.pairs]


def test_report_order_does_not_change_which_pairs_are_found() -> None:
    reports = _story()
    forward = compare(reports)
    backward = compare(reports[::-1])
    last = len(reports) - 1

    def ends(c: object, flip: bool) -> set[frozenset[tuple[int, int]]]:
        out = set()
        for p in c.pairs:  # type: ignore[attr-defined]
            ra, rb = (last - p.report_a, last - p.report_b) if flip else (p.report_a, p.report_b)
            out.add(frozenset({(ra, p.claim_a), (rb, p.claim_b)}))
        return out

    assert ends(forward, False) == ends(backward, True)


@pytest.mark.parametrize(("a", "b"), [
    ("Police arrested a man in Leeds on Tuesday.", "The council voted on its budget on Tuesday."),
    ("Mr Smith opened the new bridge.", "Mr Jones closed the old factory."),
])
def test_a_shared_weekday_or_title_alone_does_not_tie_two_claims(a: str, b: str) -> None:
    assert similarity(signals(claim(a)), signals(claim(b))) == 0
    assert not meets(keys(a), keys(b))  # type: ignore[arg-type]


def test_a_shared_name_ties_two_claims() -> None:
    a = "Ban Ki-moon visited Nairobi for talks with the government."
    b = "The talks in Nairobi ended without a deal."
    assert meets(keys(a), keys(b))  # type: ignore[arg-type]
    assert similarity(signals(claim(a)), signals(claim(b))) > 0


def test_two_short_words_tie_two_claims_and_one_does_not() -> None:
    # "cut" and "pay" are too short to tie claims alone; together they do.
    a, b = "They did not cut pay.", "They cut pay."
    assert meets(keys(a), keys(b))  # type: ignore[arg-type]
    assert similarity(signals(claim(a)), signals(claim(b))) > 0
    c = "They cut the tax."
    assert not meets(keys(b), keys(c))  # type: ignore[arg-type]
    assert similarity(signals(claim(b)), signals(claim(c))) == 0
    index: BlockingIndex[str] = BlockingIndex()
    index.add("pay", block_keys(signals(claim(b))))
    assert index.lookup(block_keys(signals(claim(a)))) == {"pay"}
    assert index.lookup(block_keys(signals(claim(c)))) == set()


def test_a_claim_that_is_not_checkable_has_no_keys() -> None:
    found = block_keys(signals(claim("Will the treaty work?")), checkable=False)
    assert not found.filed and not found.probes


def test_the_index_finds_what_meets_and_not_what_does_not() -> None:
    index: BlockingIndex[str] = BlockingIndex()
    index.add("treaty", block_keys(signals(claim(
        "The Convention against Cybercrime took five years to negotiate in Vienna."))))
    index.add("quake", block_keys(signals(claim(
        "An earthquake of magnitude 6.1 struck off Sumatra on Sunday."))))
    probe = block_keys(signals(claim("Negotiating the convention in Vienna took five years.")))
    assert index.lookup(probe) == {"treaty"}


def test_published_dates_reach_the_blocked_pairs() -> None:
    reports = [ReportInput("The committee agreed on a draft text on Thursday.",
                           published=date(2024, 8, 9)),
               ReportInput("The committee agreed on a draft text on Monday.",
                           published=date(2024, 8, 11))]
    fast = compare(reports)
    assert [p.judgement.label for p in fast.pairs] == ["conflict"]
