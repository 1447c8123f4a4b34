"""The seed story (UN Convention against Cybercrime): what DESIGN.md says a good result is.

Claims are found by a words of their text, not by index, so the tests hold while extraction
changes how it splits sentences. Third reports written here must each conflict with the seeds
for the right reason.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from factcheck.frontmatter import parse_report_file
from factcheck.pipeline import Comparison, PairResult, ReportInput, compare
from factcheck.pipeline.match import candidates

STORY = Path(__file__).resolve().parents[2] / "sources" / "un-cybercrime-convention"


@cache
def seeds() -> tuple[ReportInput, ...]:
    """Return the two seed reports with their publication dates."""
    reports = []
    for path in sorted(STORY.glob("*.txt")):
        parsed = parse_report_file(path.read_text(encoding="utf-8"), filename=path.name)
        reports.append(ReportInput(parsed.body, published=parsed.published))
    return tuple(reports)


@cache
def seed_comparison() -> Comparison:
    """Return the comparison of the two seed reports."""
    return compare(list(seeds()))


def claim_text(c: Comparison, report: int, claim: int) -> str:
    """Return the text of a claim of a comparison."""
    return c.reports[report].claims[claim].text


def pairs_between(c: Comparison, words_a: str, words_b: str) -> list[PairResult]:
    """Return the pairs whose first claim contains ``words_a`` and second ``words_b``."""
    return [p for p in c.pairs
            if words_a in claim_text(c, p.report_a, p.claim_a)
            and words_b in claim_text(c, p.report_b, p.claim_b)]


def only_pair(c: Comparison, words_a: str, words_b: str) -> PairResult:
    """Return the one pair between the claims holding ``words_a`` and ``words_b``."""
    found = pairs_between(c, words_a, words_b)
    assert found, f"no pair between {words_a!r} and {words_b!r}"
    return found[0]


def test_five_years_of_work_agrees_with_a_five_year_effort() -> None:
    pair = only_pair(seed_comparison(), "after five years of work", "five-year effort")
    assert pair.judgement.label == "agree"
    assert "value.equal" in pair.judgement.reasons


def test_three_years_of_committee_work_complements_five_years_never_conflicts() -> None:
    c = seed_comparison()
    pair = only_pair(c, "took 5 years to finalize", "After three years of work, the committee")
    assert pair.judgement.label == "complement"
    assert "scope.differs" in pair.judgement.reasons
    # One sentence naming both values and why they do not clash.
    explanation = pair.judgement.explanation
    assert "5 years vs three years" in explanation
    assert "committee" in explanation and explanation.endswith("complement each other.")
    for p in pairs_between(c, "years", "After three years of work"):
        assert p.judgement.label != "conflict"


def test_adopted_in_december_complements_expected_to_be_adopted_in_august() -> None:
    c = seed_comparison()
    found = pairs_between(c, "adopt", "expected to be adopted")
    assert found
    for p in found:
        assert p.judgement.label == "complement"
        assert "stage.differs" in p.judgement.reasons
        # Two reasons about the second report read as one clause, the report named once.
        assert p.judgement.explanation.count("second") == 1, p.judgement.explanation


def test_legally_binding_treaty_and_first_binding_instrument_do_not_conflict() -> None:
    for p in pairs_between(seed_comparison(), "legally binding treaty", "legally binding"):
        assert p.judgement.label in ("agree", "complement")


def test_the_two_seed_reports_have_no_conflict_at_all() -> None:
    c = seed_comparison()
    assert c.pairs
    assert [p for p in c.pairs if p.judgement.label == "conflict"] == []


@pytest.mark.parametrize("junk", [
    "Page Loader", "Summarize", "sharing button", "Support Our Journalism",
    "your contribution supports", "IBNS is not driven", "Kate Middleton",
])
def test_page_junk_is_never_paired(junk: str) -> None:
    c = seed_comparison()
    for p in c.pairs:
        assert junk not in claim_text(c, p.report_a, p.claim_a)
        assert junk not in claim_text(c, p.report_b, p.claim_b)


def test_every_pair_explains_itself_in_one_sentence_with_reasons() -> None:
    for p in seed_comparison().pairs:
        j = p.judgement
        assert j.reasons
        assert j.explanation.endswith(".") and j.explanation.count(". ") == 0
        assert 0.0 < j.confidence < 1.0


@pytest.mark.parametrize(("words_a", "words_b"), [
    ("The treaty took 5 years", "five-year effort"),
    ("after five years of work", "five-year effort"),
    ("Treaty adoption reflects", "expected to be adopted"),
    ("Ghada Waly called the treaty", "said UNODC Executive Director Ghada Waly"),
])
def test_counterpart_is_ranked_first(words_a: str, words_b: str) -> None:
    c = seed_comparison()
    a, b = c.reports[0].claims, c.reports[1].claims
    i = next(k for k, x in enumerate(a) if words_a in x.text)
    found = [(j, s) for ii, j, s in candidates(a, b) if ii == i]
    assert found
    best = max(found, key=lambda x: x[1])[0]
    assert words_b in b[best].text


def test_counterparts_of_the_second_report_are_ranked_first() -> None:
    c = seed_comparison()
    a, b = c.reports[0].claims, c.reports[1].claims
    expectations = {"five-year effort": "after five years of work",
                    "expected to be adopted": "adopt"}
    for words_b, words_a in expectations.items():
        j = next(k for k, x in enumerate(b) if words_b in x.text)
        found = [(i, s) for i, jj, s in candidates(a, b) if jj == j]
        best = max(found, key=lambda x: x[1])[0]
        assert words_a in a[best].text.lower()


THIRD_REPORTS = [
    ("The treaty took seven years to finalise, officials said.", date(2024, 12, 27),
     "took 5 years", "value.mismatch.number"),
    ("The UN General Assembly adopted the Convention against Cybercrime by a vote of "
     "120 to 40.", date(2024, 12, 27), "unanimously adopted", "alternative.exclusive"),
    ("The UN General Assembly adopted the Convention against Cybercrime by a vote of "
     "120 to 40.", date(2024, 12, 27), "without a vote", "alternative.exclusive"),
    ("The UN General Assembly has not adopted the Convention against Cybercrime.",
     date(2024, 12, 27), "unanimously adopted", "polarity.opposite"),
    ("After three years of work, the committee established by the UN General Assembly to "
     "negotiate the convention agreed on a draft text on Monday.", date(2024, 8, 11),
     "agreed on a draft text on Thursday", "value.mismatch.date"),
    # The committee's part excuses a different length of work, not a different day.
    ("The draft was agreed on Monday.", date(2024, 8, 11),
     "agreed on a draft text on Thursday", "value.mismatch.date"),
]


@pytest.mark.parametrize(("text", "published", "seed_words", "reason"), THIRD_REPORTS)
def test_a_third_report_that_contradicts_the_seeds_is_a_conflict(
    text: str, published: date, seed_words: str, reason: str
) -> None:
    c = compare([*seeds(), ReportInput(text, published=published)])
    found = [p for p in c.pairs if p.report_b == 2
             and seed_words in claim_text(c, p.report_a, p.claim_a)]
    assert found, f"the third report was not paired with {seed_words!r}"
    conflicts = [p for p in found if p.judgement.label == "conflict"]
    assert conflicts
    assert reason in conflicts[0].judgement.reasons


def test_a_third_report_that_repeats_the_seeds_raises_no_conflict() -> None:
    text = ("The UN General Assembly unanimously adopted the Convention against Cybercrime "
            "after five years of work.")
    c = compare([*seeds(), ReportInput(text, published=date(2024, 12, 27))])
    third = [p for p in c.pairs if p.report_b == 2]
    assert third
    assert all(p.judgement.label != "conflict" for p in third)
    assert any(p.judgement.label == "agree" for p in third)
