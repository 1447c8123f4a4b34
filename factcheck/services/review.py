"""Editors' reviews of pairs: a label beside the machine's, a note, who and when, versioned."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, update
from sqlalchemy.orm import Session

from ..errors import Conflict, InvalidInput
from ..models import EDITOR_LABELS, REVIEW_STATUSES, Pair, Story, utcnow
from . import audit
from .stories import get_pair


def review_pair(session: Session, pair_id: int, *, version: int, actor: str | None,
                label: str | None = None, status: str | None = None,
                note: str | None = None) -> Pair:
    """Record an editor's decision on a pair; a stale ``version`` raises Conflict."""
    errors: dict[str, list[str]] = {}
    if label is not None and label not in EDITOR_LABELS:
        errors["label"] = [f"Must be one of: {', '.join(EDITOR_LABELS)}."]
    if status is not None and status not in REVIEW_STATUSES:
        errors["status"] = [f"Must be one of: {', '.join(REVIEW_STATUSES)}."]
    if errors:
        raise InvalidInput("The review is not valid.", errors=errors)
    pair = get_pair(session, pair_id, light=True)
    if pair.version != version:
        raise Conflict(
            f"pair {pair_id} was changed by someone else (version {pair.version}, "
            f"you sent {version}); reload it and try again",
            errors={"version": [f"Current version is {pair.version}."]},
        )
    # Before any change to the pair: the UPDATE would flush it early, a version apart.
    seq = _next_review_seq(session, pair.story_id)
    before = {"editor_label": pair.editor_label, "status": pair.status, "note": pair.note}
    if label is not None:
        pair.editor_label = None if label == pair.label else label
        pair.status = "confirmed" if label == pair.label else "corrected"
    if status is not None:
        pair.status = status
        if status == "unreviewed":
            pair.editor_label = None
    if note is not None:
        pair.note = note.strip() or None
    pair.reviewed_by = actor
    pair.reviewed_at = utcnow()
    pair.review_seq = seq
    session.flush()  # the version counter turns a concurrent write into StaleDataError here
    after = {"editor_label": pair.editor_label, "status": pair.status, "note": pair.note}
    audit.record(session, actor=actor, action="pair.reviewed", entity_type="pair",
                 entity_id=pair.id, story_id=pair.story_id, before=before, after=after,
                 machine_label=pair.label)
    return pair


def _next_review_seq(session: Session, story_id: int) -> int:
    """Count one more review of story ``story_id`` and return the new count.

    The UPDATE locks the story row until the transaction ends, so counts are committed in
    the order they are taken: a reader that sees count N sees every review up to N.
    """
    story = cast(Table, Story.__table__)
    return int(session.execute(
        update(story).where(story.c.id == story_id)
        # A review is not an edit of the story: keep its updated_at.
        .values(review_seq=story.c.review_seq + 1, updated_at=story.c.updated_at)
        .returning(story.c.review_seq)).scalar_one())
