"""Discrepancy reports: one registry of exporters, each a function from a report to bytes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from .errors import InvalidInput

FORMATS: dict[str, str] = {}  # format name -> content type, filled by the exporters below


@dataclass(frozen=True)
class Exported:
    """An exported report: its bytes, content type and a download file name."""

    content: bytes
    content_type: str
    filename: str


def export_story(session: Session, story_id: int, fmt: str, *, label: str | None = None,
                 status: str | None = None) -> Exported:
    """Return story ``story_id``'s discrepancy report in format ``fmt``."""
    raise InvalidInput(f"Unknown export format {fmt!r}.",
                       errors={"format": [f"Must be one of: {', '.join(FORMATS) or 'none yet'}."]})
