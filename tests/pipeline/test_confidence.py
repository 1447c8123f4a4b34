"""Confidence: calibrated per label, reason, evidence strength and match similarity."""

from __future__ import annotations

import pytest

from factcheck.pipeline import Claim, classify
from factcheck.pipeline.compare import pair_claims
from factcheck.pipeline.explain import calibration_keys, sentence, similarity_bin


def claim(text: str) -> Claim:
    """Return a bare claim of ``text``."""
    return Claim(text=text, start=0, end=len(text))


def test_a_number_mismatch_between_near_identical_claims_is_a_confident_conflict() -> None:
    pairs = pair_claims([claim("The treaty took 5 years to finalize.")],
                        [claim("The treaty took seven years to finalize.")])
    assert len(pairs) == 1
    judgement = pairs[0].judgement
    assert judgement.label == "conflict"
    assert judgement.strength == "strong"
    assert judgement.confidence > 0.8


@pytest.mark.parametrize(("a", "b"), [
    # The same clash, told in sentences that differ in much else: weaker evidence.
    ("The treaty took 5 years to finalize, the director of the office told reporters in "
     "Vienna after the vote.",
     "The treaty took seven years to finalize."),
])
def test_a_number_mismatch_between_loosely_matched_claims_is_less_sure(a: str, b: str) -> None:
    close = classify(claim("The treaty took 5 years to finalize."),
                     claim("The treaty took seven years to finalize."))
    loose = classify(claim(a), claim(b))
    assert loose.label == "conflict"
    assert loose.strength == "weak"
    assert loose.confidence < close.confidence


@pytest.mark.parametrize(("a", "b", "strength"), [
    ("The assembly adopted the convention.", "The assembly did not adopt the convention.",
     "strong"),
    ("The treaty took 5 years to finalize.", "The treaty took five years to finalize.",
     "strong"),
    # An antonym or a refutation word is not typed evidence.
    ("The assembly adopted the convention.", "The assembly rejected the convention.", "weak"),
    # Not a clash at all.
    ("The minister resigned on Friday.", "The minister reportedly resigned on Friday.", "weak"),
])
def test_typed_evidence_between_otherwise_identical_claims_is_strong(
    a: str, b: str, strength: str
) -> None:
    assert classify(claim(a), claim(b)).strength == strength


def test_similarity_bins_split_the_match_score() -> None:
    assert [similarity_bin(s) for s in (0.0, 39.9, 40.0, 79.9, 80.0, 100.0)] == [
        "0-40", "0-40", "40-60", "60-80", "80+", "80+"]


def test_strong_evidence_falls_back_to_its_pooled_row_before_the_reason_row() -> None:
    strong = calibration_keys("conflict", "value.mismatch.number", "sentence", "strong", "80+")
    weak = calibration_keys("conflict", "value.mismatch.number", "sentence", "weak", "80+")
    assert strong.index(("conflict", "*", "*", "strong", "*")) < strong.index(
        ("conflict", "value.mismatch.number", "sentence", "*", "*"))
    assert ("conflict", "*", "*", "weak", "*") not in weak
    assert weak[-1] == ("conflict", "*", "sentence", "*", "*")


def test_reasons_about_one_side_are_told_as_one_clause() -> None:
    said = sentence("complement", [
        ("value.mismatch.date", "the date: 2018 vs 2017"),
        ("scope.differs", "the first speaks of the committee's part only"),
        ("stage.differs", "the second speaks of an earlier or expected stage"),
        ("modality.hedged", "the second only reports or hedges it"),
        ("attribution.differs", "the second attributes it to a source")])
    assert said == ("Both give the date: 2018 vs 2017; the first speaks of the committee's part "
                    "only; the second speaks of an earlier or expected stage, only reports or "
                    "hedges it and attributes it to a source, so they complement each other.")
    # One verb for two reasons of the same kind.
    assert sentence("complement", [
        ("scope.differs", "the second speaks of the committee's part only"),
        ("stage.differs", "the second speaks of an earlier or expected stage")]) == (
        "The second speaks of the committee's part only and of an earlier or expected stage, "
        "so they complement each other.")
