"""SQLAlchemy 2.x typed models: stories, reports, claims, pairs, users, tokens, audit events.

A pair is an association object between two claims of different reports of one story; it
keeps the machine's label and the editor's label side by side, and a version counter that
makes concurrent reviews safe (a stale write raises instead of overwriting).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Stable constraint names so Alembic migrations are the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("viewer", "editor", "admin")
REVIEW_STATUSES = ("unreviewed", "confirmed", "corrected")
EDITOR_LABELS = ("agree", "complement", "conflict", "unrelated")


def utcnow() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store aware datetimes converted to UTC; naive ones are taken as UTC."""
        if value is None:
            return None
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return aware UTC datetimes whatever the backend gave back."""
        if value is None:
            return None
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base with the constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: UTCDateTime}


class User(Base):
    """An editor account; the password is stored as a salted hash only."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="viewer")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )


class ApiToken(Base):
    """An API token; only its SHA-256 digest is stored, with a short prefix to recognise it."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    prefix: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="tokens")


class Story(Base):
    """One real-world event under review; reports belong to it."""

    __tablename__ = "story"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow
    )
    # Which version of the pipeline's blocking keys the story's claim_key rows were made
    # with; an older one (0: none yet) is rebuilt before the next report is matched.
    blocking_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Counts the reviews of the story's pairs; each review stamps its pair with the count it
    # made. A reader that kept the reviews as of count N reads only the pairs stamped above
    # N, not every review of the story again (see ``services.stories.review_state``).
    review_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    reports: Mapped[list[Report]] = relationship(
        back_populates="story", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Report.id",
    )


class Report(Base):
    """One article from one outlet: raw input, cleaned text, metadata and a content hash."""

    __tablename__ = "report"
    # (story_id, id, created_at): a story's state (``stories.story_state``, read on every
    # page view) is an index-only scan, not a read of every report row with its text.
    __table_args__ = (UniqueConstraint("story_id", "content_hash"),
                      Index("ix_report_story_state", "story_id", "id", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"))
    outlet: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    raw: Mapped[str] = mapped_column(Text)
    raw_format: Mapped[str] = mapped_column(String(8), default="text")  # text | html
    cleaned_text: Mapped[str] = mapped_column(Text)
    removed: Mapped[list[Any]] = mapped_column(default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    # How many claims the report has and in how many each content stem occurs, so matching
    # can weigh words for a report pair without loading every claim of the report.
    terms: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    story: Mapped[Story] = relationship(back_populates="reports")
    claims: Mapped[list[Claim]] = relationship(
        back_populates="report", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Claim.position",
    )


class Claim(Base):
    """One checkable statement of a report, at its exact span in the cleaned text."""

    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer, default=0)
    sentence_end: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    frame: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    values: Mapped[list[Any]] = mapped_column(default=list)
    polarity: Mapped[str] = mapped_column(String(16), default="affirmed")
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    attribution: Mapped[str | None] = mapped_column(String(300))
    checkable: Mapped[bool] = mapped_column(Boolean, default=True)
    kind: Mapped[str] = mapped_column(String(16), default="statement")
    # Further pipeline fields (e.g. scope, stage) kept as JSON, so a claim read back from the
    # database is judged exactly as it was on the way in.
    features: Mapped[dict[str, Any]] = mapped_column(default=dict)

    report: Mapped[Report] = relationship(back_populates="claims")


class ClaimKey(Base):
    """A blocking key a claim is filed under (role "f") or looks up (role "p").

    A new report is matched only against the claims whose keys meet its claims' keys
    (see ``factcheck.pipeline.blocking``), so adding a report costs what its candidates cost.
    """

    __tablename__ = "claim_key"
    __table_args__ = (Index("ix_claim_key_lookup", "story_id", "role", "key"),)

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(1), primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    # Copies of the claim's story and report, so a lookup reads the index alone. They carry
    # no foreign keys: the claim's own cascade removes the keys with their report or story,
    # and checking two more constraints for each of a report's thousand keys cost more than
    # storing them.
    story_id: Mapped[int] = mapped_column(Integer)
    report_id: Mapped[int] = mapped_column(Integer)


class Pair(Base):
    """Two matched claims of different reports, the machine's label and the editor's review."""

    __tablename__ = "pair"
    __table_args__ = (
        UniqueConstraint("claim_a_id", "claim_b_id"),
        Index("ix_pair_story_label", "story_id", "label"),
        Index("ix_pair_story_status", "story_id", "status"),
        Index("ix_pair_story_review_seq", "story_id", "review_seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"))
    claim_a_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    claim_b_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    similarity: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    explanation: Mapped[str] = mapped_column(Text, default="")
    editor_label: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="unreviewed")
    note: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str | None] = mapped_column(String(80))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The story's ``review_seq`` this pair's last review made (0: never reviewed).
    review_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim_a: Mapped[Claim] = relationship(foreign_keys=[claim_a_id])
    claim_b: Mapped[Claim] = relationship(foreign_keys=[claim_b_id])

    __mapper_args__ = {"version_id_col": version}

    @property
    def effective_label(self) -> str:
        """Return the editor's label when set, else the machine's."""
        return self.editor_label or self.label


class AuditEvent(Base):
    """An append-only record of a change; it names things by id and copies what it needs,
    so it outlives the rows it speaks of."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity_type", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str | None] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    story_id: Mapped[int | None] = mapped_column(Integer, index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
