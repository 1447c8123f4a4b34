"""Adding and deleting reports: one transaction, idempotent, history kept."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factcheck.errors import EmptyReport, InvalidInput
from factcheck.models import AuditEvent, Claim, ClaimKey, Pair, Report
from factcheck.services import ingest, matching

from .conftest import make_story, seed_texts


def _counts(session: Session) -> tuple[int, int, int]:
    return (session.scalar(select(func.count(Report.id))) or 0,
            session.scalar(select(func.count(Claim.id))) or 0,
            session.scalar(select(func.count(Pair.id))) or 0)


def _keys(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ClaimKey)) or 0


def _add_seeds(session: Session) -> list[ingest.IngestResult]:
    story = make_story(session, "UN Convention against Cybercrime")
    return [ingest.add_report(session, story, outlet=meta["outlet"], text=body,
                              published=None) for meta, body in seed_texts()]


def test_second_report_is_paired_with_the_first(session: Session) -> None:
    first, second = _add_seeds(session)
    assert first.created and first.new_pairs == 0
    assert second.created and second.new_pairs > 0
    pair = second.pairs[0]
    assert pair.claim_a.report_id == first.report.id
    assert pair.claim_b.report_id == second.report.id


def test_claim_spans_point_into_the_cleaned_text(session: Session) -> None:
    first, _ = _add_seeds(session)
    report = first.report
    assert report.claims
    for claim in report.claims:
        assert report.cleaned_text[claim.start:claim.end] == claim.text


def test_reposting_the_same_report_returns_the_existing_one(session: Session) -> None:
    first, _ = _add_seeds(session)
    before = _counts(session)
    again = ingest.add_report(session, first.report.story, outlet="Other name",
                              text="  " + first.report.raw + "\n")
    assert not again.created
    assert again.report.id == first.report.id
    assert _counts(session) == before


@pytest.mark.parametrize("text", ["", "   \n\t ", "Page Loader\nSummarize\nFollow us:"])
def test_an_empty_report_is_refused_and_nothing_is_stored(session: Session, text: str) -> None:
    story = make_story(session)
    session.commit()
    before = _counts(session)
    with pytest.raises(InvalidInput) as info:
        ingest.add_report(session, story, outlet="X", text=text)
    session.rollback()
    assert info.value.errors["text"]
    assert isinstance(info.value, EmptyReport) or text.strip() == ""
    assert _counts(session) == before


def test_missing_outlet_names_the_field(session: Session) -> None:
    story = make_story(session)
    with pytest.raises(InvalidInput) as info:
        ingest.add_report(session, story, outlet="  ", text="The treaty took five years.")
    assert set(info.value.errors) == {"outlet"}


def test_a_fault_after_the_report_row_leaves_no_trace(
        session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    story = make_story(session)
    _meta, body = seed_texts()[0]
    ingest.add_report(session, story, outlet="A", text=body)
    session.commit()
    before = _counts(session), _keys(session)
    assert before[1] > 0

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("injected fault while pairing")

    # The claims and their blocking keys are written by then; the pairs are not.
    monkeypatch.setattr(matching, "_load_candidates", boom)
    with pytest.raises(RuntimeError):
        ingest.add_report(session, story, outlet="B", text=seed_texts()[1][1])
    session.rollback()
    assert (_counts(session), _keys(session)) == before


def test_deleting_a_report_removes_claims_and_pairs_but_keeps_history(session: Session) -> None:
    first, second = _add_seeds(session)
    session.commit()
    ingest.delete_report(session, second.report.id, actor="ed")
    session.commit()
    assert _counts(session) == (1, len(first.report.claims), 0)
    actions = session.scalars(select(AuditEvent.action).where(
        AuditEvent.entity_type == "report", AuditEvent.entity_id == second.report.id)).all()
    assert list(actions) == ["report.added", "report.deleted"]


@pytest.mark.parametrize("text", [
    "The treaty took five years. " * 50_000,  # over the pipeline's size limit for one report
    "binary\x01\x02\x03\x04\x05\x06\x07\x08" * 100,
])
def test_unreadable_or_oversized_text_is_refused_and_nothing_is_stored(session: Session,
                                                                      text: str) -> None:
    story = make_story(session)
    session.commit()
    before = _counts(session)
    with pytest.raises(InvalidInput) as info:
        ingest.add_report(session, story, outlet="X", text=text)
    session.rollback()
    assert info.value.errors["text"]
    assert _counts(session) == before
