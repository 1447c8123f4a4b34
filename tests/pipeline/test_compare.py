"""compare, pair_claims, group_pairs, relate, and the ECB+ matching measurement on tiny files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from factcheck.bench.matching import measure
from factcheck.pipeline import Claim, ReportInput, compare, group_pairs, pair_claims, relate


def claim(text: str) -> Claim:
    """Return a bare claim of ``text``."""
    return Claim(text=text, start=0, end=len(text))


def test_group_pairs_joins_pairs_that_share_a_claim() -> None:
    edges = [(("A", 0), ("B", 1)), (("B", 1), ("C", 2)), (("A", 5), ("B", 7))]
    groups = sorted(sorted(g) for g in group_pairs(edges))
    assert groups == [[0, 1], [2]]


def test_pair_claims_links_claims_of_two_reports_only_when_they_share_content() -> None:
    a = [claim("The General Assembly adopted the convention on Tuesday."),
         claim("Stock markets fell sharply in Tokyo.")]
    b = [claim("The convention was adopted by the General Assembly.")]
    pairs = pair_claims(a, b, published_a=date(2024, 12, 26), published_b=date(2024, 12, 27))
    assert [(p.i, p.j) for p in pairs] == [(0, 0)]
    assert pairs[0].judgement.label == "agree"


def test_compare_pairs_claims_of_different_reports_and_groups_them() -> None:
    reports = [
        ReportInput("The treaty took 5 years to finalize. Markets in Tokyo fell sharply.",
                    published=date(2024, 12, 26)),
        ReportInput("The treaty took seven years to finalize.", published=date(2024, 12, 27)),
        ReportInput("Negotiating the treaty took five years.", published=date(2024, 12, 28)),
    ]
    result = compare(reports)
    assert all(p.report_a != p.report_b for p in result.pairs)
    labels = {(p.report_a, p.report_b): p.judgement.label for p in result.pairs}
    assert labels[(0, 1)] == "conflict"
    assert labels[(0, 2)] == "agree"
    assert sum(len(g) for g in result.groups) == len(result.pairs)


def test_relate_is_unrelated_when_nothing_matches() -> None:
    relation = relate("The treaty was adopted in December.", "Rain is expected in Oslo.")
    assert relation.label == "unrelated"
    assert relation.reasons == ("unmatched",)


def test_relate_finds_a_name_a_summary_adds_to_its_article() -> None:
    article = " ".join([
        "The court in Sydney heard the case on Thursday.",
        "An Australian man pleaded guilty to manslaughter.",
        "The victim was an American student who fell from a cliff.",
        "The family of the victim welcomed the plea.",
        "Police had reopened the case in 2017.",
        "The sentencing hearing is set for May.",
    ])
    summary = "An Australian man pleaded guilty in Melbourne to manslaughter."
    relation = relate(article, summary)
    assert relation.label == "conflict"
    assert "entity.unsupported" in relation.reasons


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize(("statement", "evidence", "label", "reason"), [
    ("Marta Lopez was born in Madrid.", "She was born in Seville in 1970.", "conflict",
     "entity.differs"),
    ("Kestrel Bridge opened in 1998.", "It opened to traffic in 2001.", "conflict",
     "value.mismatch.date"),
    ("Tom Ash has never written a novel.", "He has written three novels and a play.",
     "conflict", "polarity.opposite"),
    ("Marta Lopez was born in Madrid.", "She was born in Madrid in 1970.", "agree",
     "paraphrase"),
])
def test_relate_reads_an_opening_pronoun_as_the_name_the_other_text_opens_with(
        statement: str, evidence: str, label: str, reason: str) -> None:
    relation = relate(statement, evidence)
    assert (relation.label, relation.reasons[0]) == (label, reason)


def test_relate_leaves_the_opening_pronoun_of_an_article_alone() -> None:
    # In one sentence "He" is who the statement names; five sentences in, it may be anyone.
    article = ("He was born in Seville in 1970. He studied law in Paris. He worked as a "
               "lawyer for ten years. He moved to Rome in 2005. He wrote two books about "
               "the city.")
    assert relate("He was born in Seville in 1970.",
                  "Marta Lopez was born in Madrid.").label == "conflict"
    assert relate(article, "Marta Lopez was born in Madrid.").label != "conflict"


def test_two_short_words_are_enough_to_find_a_counterpart() -> None:
    relation = relate("The company did not hire new staff and did not cut pay.",
                      "The company cut pay.")
    assert (relation.label, relation.reasons[0]) == ("conflict", "polarity.opposite")


def test_matching_measure_counts_linked_sentence_pairs(tmp_path: Path) -> None:
    doc_a = ("Lindsay Lohan checked into the Betty Ford clinic on Thursday.\n"
             "The weather in Malibu was sunny.")
    doc_b = ("The actress Lindsay Lohan entered the Betty Ford clinic.\n"
             "Her lawyer spoke to reporters outside the court in Los Angeles.")
    _write(tmp_path / "clusters.jsonl", [{"cluster_id": "t1", "articles": [
        {"doc_id": "a.xml", "text": doc_a}, {"doc_id": "b.xml", "text": doc_b}]}])
    _write(tmp_path / "event_coref_sentence_pairs.jsonl", [
        {"a": "Lindsay Lohan checked into the Betty Ford clinic on Thursday.",
         "b": "The actress Lindsay Lohan entered the Betty Ford clinic.",
         "doc_a": "a.xml", "doc_b": "b.xml"},
        {"a": "The weather in Malibu was sunny.",
         "b": "Her lawyer spoke to reporters outside the court in Los Angeles.",
         "doc_a": "a.xml", "doc_b": "b.xml"},
    ])
    report = measure(tmp_path)
    assert report["pairs"] == 2
    assert report["linked"] == 1
    assert report["article_pairs"] == 1


def test_matching_measure_skips_when_the_data_is_absent(tmp_path: Path) -> None:
    assert "skipped" in measure(tmp_path / "missing")
