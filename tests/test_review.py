"""Reviews keep the editor's label beside the machine's, versioned and audited."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from factcheck.errors import Conflict, InvalidInput
from factcheck.services import audit, ingest, review

from .conftest import make_story, seed_texts


@pytest.fixture
def pair_id(session: Session) -> int:
    story = make_story(session)
    results = [ingest.add_report(session, story, outlet=m["outlet"], text=b)
               for m, b in seed_texts()]
    session.commit()
    return results[1].pairs[0].id


def test_relabelling_keeps_the_machine_label_and_records_who(session: Session,
                                                              pair_id: int) -> None:
    pair = review.review_pair(session, pair_id, version=1, actor="ana", label="unrelated",
                              note="Different subjects.")
    session.commit()
    assert pair.label != "unrelated"
    assert (pair.editor_label, pair.status, pair.reviewed_by) == ("unrelated", "corrected", "ana")
    assert pair.version == 2
    assert [e.action for e in audit.history(session, "pair", pair_id)] == ["pair.reviewed"]


def test_confirming_the_machine_label_marks_it_confirmed(session: Session, pair_id: int) -> None:
    machine = review.review_pair(session, pair_id, version=1, actor="ana").label
    pair = review.review_pair(session, pair_id, version=2, actor="ana", label=machine)
    assert (pair.editor_label, pair.status) == (None, "confirmed")


def test_a_stale_version_is_refused_and_the_first_change_survives(session: Session,
                                                                  pair_id: int) -> None:
    review.review_pair(session, pair_id, version=1, actor="ana", label="conflict")
    session.commit()
    with pytest.raises(Conflict):
        review.review_pair(session, pair_id, version=1, actor="ben", label="agree")
    session.rollback()
    pair = review.review_pair(session, pair_id, version=2, actor="ana")
    assert pair.editor_label == "conflict" or pair.label == "conflict"


def test_an_unknown_label_names_the_field(session: Session, pair_id: int) -> None:
    with pytest.raises(InvalidInput) as info:
        review.review_pair(session, pair_id, version=1, actor="ana", label="maybe")
    assert "label" in info.value.errors


def test_deleting_a_report_keeps_the_review_history_of_its_pairs(session: Session,
                                                                 pair_id: int) -> None:
    from factcheck.models import Pair
    from factcheck.services import ingest

    review.review_pair(session, pair_id, version=1, actor="ana", label="conflict", note="Why")
    report_id = session.get(Pair, pair_id).claim_b.report_id  # type: ignore[union-attr]
    session.commit()
    ingest.delete_report(session, report_id, actor="admin")
    session.commit()
    assert session.get(Pair, pair_id) is None
    events = audit.history(session, "pair", pair_id)
    assert [(e.action, e.actor, e.data["after"]["note"]) for e in events] == [
        ("pair.reviewed", "ana", "Why")]
