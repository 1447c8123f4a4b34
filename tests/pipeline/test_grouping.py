"""Fact groups: the rows an editor reads, one fact each."""

from __future__ import annotations

from pathlib import Path

from factcheck.frontmatter import parse_report_file
from factcheck.pipeline import ReportInput, compare, group_pairs

SEED = Path(__file__).resolve().parents[2] / "sources" / "un-cybercrime-convention"


def test_without_reports_a_group_is_a_connected_component() -> None:
    edges = [("a1", "b1"), ("b1", "c1"), ("x", "y")]
    assert sorted(group_pairs(edges)) == [[0, 1], [2]]


def test_a_chain_of_loose_pairs_does_not_swallow_a_report_whole() -> None:
    # a1-b1 and a2-b1 are strong; a3-b1 is weak and would put a third claim of report a
    # into the group: it stays a group of its own.
    edges = [("a1", "b1"), ("a2", "b1"), ("a3", "b1")]
    report_of = {"a1": "a", "a2": "a", "a3": "a", "b1": "b"}
    groups = group_pairs(edges, weights=[90, 80, 30], report_of=report_of)
    assert sorted(groups) == [[0, 1], [2]]


def test_the_strongest_pairs_decide_which_claims_share_a_group() -> None:
    edges = [("a3", "b1"), ("a1", "b1"), ("a2", "b1")]
    report_of = {"a1": "a", "a2": "a", "a3": "a", "b1": "b"}
    groups = group_pairs(edges, weights=[30, 90, 80], report_of=report_of)
    assert sorted(groups) == [[0], [1, 2]]


def test_a_left_out_pair_rejoins_when_its_claims_end_up_together() -> None:
    edges = [("a1", "b1"), ("a2", "b2"), ("a1", "b2"), ("a2", "b1")]
    report_of = {"a1": "a", "a2": "a", "b1": "b", "b2": "b"}
    groups = group_pairs(edges, weights=[90, 80, 70, 60], report_of=report_of)
    assert groups == [[0, 1, 2, 3]]


def test_seed_story_durations_form_one_fact_without_unrelated_claims() -> None:
    inputs = []
    for path in sorted(SEED.glob("*.txt")):
        parsed = parse_report_file(path.read_text(encoding="utf-8"), filename=path.name)
        inputs.append(ReportInput(parsed.body, outlet=parsed.meta["outlet"],
                                  published=parsed.published))
    result = compare(inputs)

    def texts(group: tuple[int, ...]) -> set[str]:
        out = set()
        for k in group:
            p = result.pairs[k]
            out.add(result.reports[p.report_a].claims[p.claim_a].text)
            out.add(result.reports[p.report_b].claims[p.claim_b].text)
        return out

    duration = [texts(g) for g in result.groups
                if "The treaty took 5 years to finalize" in texts(g)]
    assert len(duration) >= 1
    main = max(duration, key=len)
    assert any("three years of work" in t for t in main)
    assert any("five-year effort" in t for t in main)
    # No headline about internet safety or a call to join the treaty in the duration fact.
    assert not any("internet safer" in t or "urges member states" in t for t in main)
