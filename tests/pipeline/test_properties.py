"""Properties of the pipeline over arbitrary Unicode: no crash, and every offset is honest.

``test_extract.py`` feeds news-like pieces; here the text is any Unicode a copy and paste
can carry (combining marks, right-to-left scripts and marks, emoji with joiners, control
characters, NULs, odd line and paragraph separators), mixed with sentences that do make
claims so the extractor's deeper paths run too. The only exception allowed is the
documented ``ExtractionError``; every claim and value must point at its own text.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.pipeline import ExtractedReport, compare, extract_report, relate
from factcheck.pipeline.errors import ExtractionError
from factcheck.pipeline.types import LABELS, ReportInput

ODD = [
    "e\u0301", "\u0651\u064e", "Z\u0308\u0324",  # combining marks
    "\u05d4\u05d0\u05de\u05e0\u05d4 \u05e0\u05d7\u05ea\u05de\u05d4",
    "\u0645\u0639\u0627\u0647\u062f\u0629",
    "\u200f", "\u202e", "\u2067", "\u2069",  # right-to-left text, marks and isolates
    "\U0001f469\u200d\U0001f4bb", "\U0001f44d\U0001f3fd", "\U0001f1fa\U0001f1f3", "\ufe0f",
    "\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\x85", "\r", "\r\n", "\u2028", "\u2029",
    "\ufeff", "\u200b", "\u00ad", "\ufffd", "\t", "\n\n", "  ",
]
SENTENCES = [
    "The treaty took 5 years to finalize. ", "More than 150 countries signed it. ",
    "It was not adopted on Friday, officials said. ", "Prices rose 3.5% to $2 million. ",
    "Reuters reported that 40,000 homes lost power on 24 December 2024. ",
    "\u201cWe will vote,\u201d she said. ", "Dr. Smith, according to UNODC, left. ",
]
texts = st.lists(
    st.one_of(st.sampled_from(ODD), st.sampled_from(SENTENCES),
              st.text(st.characters(exclude_categories=["Cs"]), max_size=12)),
    max_size=40).map("".join)
FAST = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def assert_offsets_honest(report: ExtractedReport) -> None:
    """Check every claim and value of ``report`` against the cleaned text."""
    text = report.cleaned.text
    for claim in report.claims:
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text
        assert 0 <= claim.sentence_start <= claim.start
        assert claim.end <= claim.sentence_end <= len(text)
        for value in claim.values:
            assert 0 <= value.start <= value.end <= len(text)
            assert text[value.start:value.end] == value.text


def extract_or_refuse(text: str) -> ExtractedReport | None:
    """Return the extraction of ``text``, or None when it is refused as documented."""
    try:
        return extract_report(text, published=date(2024, 12, 26))
    except ExtractionError:
        return None


@FAST
@given(texts)
def test_any_unicode_is_extracted_with_honest_offsets_or_refused(text: str) -> None:
    report = extract_or_refuse(text)
    if report is not None:
        assert_offsets_honest(report)
        assert "\x00" not in report.cleaned.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_the_same_text_as_html_is_extracted_or_refused(text: str) -> None:
    try:
        report = extract_report(f"<html><body><p>{text}</p></body></html>", html=True)
    except ExtractionError:
        return
    assert_offsets_honest(report)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts)
def test_any_two_texts_are_related_or_refused(a: str, b: str) -> None:
    try:
        relation = relate(a, b, published_a=date(2024, 12, 26))
    except ExtractionError:
        assert extract_or_refuse(a) is None or extract_or_refuse(b) is None
        return
    assert relation.label in (*LABELS, "unrelated")
    assert 0.0 <= relation.confidence <= 1.0
    assert relation.reasons and all(isinstance(r, str) and r for r in relation.reasons)
    assert relation.explanation.strip()
    for pair in relation.pairs:
        assert (pair.report_a, pair.report_b) == (0, 1)
        assert pair.claim_a >= 0 and pair.claim_b >= 0
        assert pair.judgement.label in LABELS
        assert 0.0 <= pair.judgement.confidence <= 1.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts)
def test_any_two_texts_are_compared_with_pairs_that_point_at_real_claims(a: str,
                                                                          b: str) -> None:
    try:
        result = compare([ReportInput(a, outlet="A"), ReportInput(b, outlet="B")])
    except ExtractionError:
        return
    for report in result.reports:
        assert_offsets_honest(report)
    for pair in result.pairs:
        assert pair.report_a != pair.report_b
        assert 0 <= pair.claim_a < len(result.reports[pair.report_a].claims)
        assert 0 <= pair.claim_b < len(result.reports[pair.report_b].claims)
        assert pair.judgement.label in LABELS
    for group in result.groups:
        assert all(0 <= k < len(result.pairs) for k in group)
