"""The audit log: append-only events that outlive the rows they speak of."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AuditEvent


def record(session: Session, *, actor: str | None, action: str, entity_type: str,
           entity_id: int, story_id: int | None = None, **data: Any) -> AuditEvent:
    """Add an audit event to the session."""
    event = AuditEvent(actor=actor, action=action, entity_type=entity_type,
                       entity_id=entity_id, story_id=story_id, data=data)
    session.add(event)
    return event


def history(session: Session, entity_type: str, entity_id: int) -> list[AuditEvent]:
    """Return the events of one entity, oldest first."""
    stmt = (select(AuditEvent)
            .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
            .order_by(AuditEvent.at, AuditEvent.id))
    return list(session.scalars(stmt))
