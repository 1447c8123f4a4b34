"""Add reports to a story: clean, extract, match against the story's other reports, store.

The whole ingest of one report happens inside the caller's transaction, so a failure at any
step leaves nothing behind once the caller rolls back.
"""

from __future__ import annotations

import hashlib
import logging
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cached_property
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import pipeline
from ..errors import EmptyReport, InvalidInput, NotFound
from ..frontmatter import FrontMatterError, NotText, decode_report_bytes, parse_report_file
from ..models import Pair, Report, Story
from ..pipeline.errors import ExtractionError
from . import audit, matching
from .convert import claim_row

log = logging.getLogger(__name__)

MAX_OUTLET = 200
MAX_TITLE = 500
REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass
class IngestResult:
    """What adding one report did: the stored report, whether it is new, new pairs."""

    report: Report
    created: bool
    new_pairs: int = 0
    # How many of the new pairs got each label.
    labels: Counter[str] = field(default_factory=Counter)
    # Reads the new pairs back when asked: the API answers with the counts alone, and
    # loading hundreds of pairs cost a big story's ingest a tenth of its time.
    _load: Callable[[], list[Pair]] | None = field(default=None, repr=False)

    @cached_property
    def pairs(self) -> list[Pair]:
        """Return the pairs the report added, in the order they were stored."""
        return self._load() if self._load is not None else []


def content_hash(raw: str, *, html: bool) -> str:
    """Return the SHA-256 of a report's input, ignoring surrounding white space."""
    return hashlib.sha256(((
        "html:" if html else "text:") + raw.strip()).encode("utf-8")).hexdigest()


def _as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(value, time(0, 0), tzinfo=UTC)


def add_report(
    session: Session, story: Story, *, outlet: str, text: str, html: bool = False,
    title: str | None = None, url: str | None = None,
    published: date | datetime | None = None, actor: str | None = None,
    exhaustive: bool = False,
) -> IngestResult:
    """Store a report with its claims and pair it with the story's other reports.

    ``exhaustive`` matches it against every claim of the story rather than the candidates
    of the blocking index (same pairs, slower: the benchmarks' reference).
    """
    outlet = (outlet or "").strip()
    errors: dict[str, list[str]] = {}
    if not outlet:
        errors["outlet"] = ["The outlet is required."]
    elif len(outlet) > MAX_OUTLET:
        errors["outlet"] = [f"The outlet is longer than {MAX_OUTLET} characters."]
    if title and len(title) > MAX_TITLE:
        errors["title"] = [f"The title is longer than {MAX_TITLE} characters."]
    field_name = "html" if html else "text"
    if not text or not text.strip():
        errors[field_name] = ["The report is empty."]
    elif "\x00" in text:
        errors[field_name] = ["The report contains NUL bytes; send text, not binary data."]
    if errors:
        raise InvalidInput("The report is not valid.", errors=errors)

    matching.lock_story(session, story)
    digest = content_hash(text, html=html)
    existing = session.scalar(
        select(Report).where(Report.story_id == story.id, Report.content_hash == digest)
    )
    if existing is not None:
        return IngestResult(existing, created=False)

    try:
        extracted = pipeline.extract_report(text, published=published, html=html)
    except ExtractionError as exc:
        raise InvalidInput(str(exc), errors={field_name: [str(exc)]}) from exc
    if not extracted.cleaned.text.strip():
        raise EmptyReport(
            "No article text was left once page junk was removed.",
            errors={field_name: ["No article text was left once page junk was removed."]},
        )
    published_at = _as_datetime(published or extracted.cleaned.published)
    report = Report(
        story_id=story.id, outlet=outlet, title=(title or extracted.cleaned.title or None),
        url=url or None, published_at=published_at, raw=text,
        raw_format="html" if html else "text", cleaned_text=extracted.cleaned.text,
        removed=list(extracted.cleaned.removed), content_hash=digest,
    )
    session.add(report)
    session.flush()
    rows = [claim_row(c, position=n, report_id=report.id, story_id=story.id)
            for n, c in enumerate(extracted.claims)]
    session.add_all(rows)
    session.flush()

    labels = matching.pair_new_report(session, story, report, rows, extracted.claims,
                                      exhaustive=exhaustive)
    added = sum(labels.values())
    audit.record(session, actor=actor, action="report.added", entity_type="report",
                 entity_id=report.id, story_id=story.id, outlet=outlet,
                 claims=len(rows), pairs=added)
    return IngestResult(report, created=True, new_pairs=added, labels=labels,
                        _load=lambda: matching.new_pairs(session, rows) if added else [])


def delete_report(session: Session, report_id: int, *, actor: str | None = None) -> None:
    """Delete a report with its claims and pairs; the audit log keeps its history."""
    report = session.get(Report, report_id)
    if report is None:
        raise NotFound(f"report {report_id} does not exist")
    audit.record(session, actor=actor, action="report.deleted", entity_type="report",
                 entity_id=report.id, story_id=report.story_id, outlet=report.outlet,
                 title=report.title, content_hash=report.content_hash)
    session.delete(report)
    session.flush()


def load_sources(session: Session, folder: Path,
                 on_error: Callable[[Path, Exception], None] | None = None) -> list[Story]:
    """Load every story folder under ``folder``; a bad report file is reported and skipped."""
    stories: list[Story] = []
    if not folder.is_dir():
        return stories
    for story_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        meta: dict[str, object] = {}
        meta_file = story_dir / "story.toml"
        if meta_file.exists():
            meta = tomllib.loads(meta_file.read_text(encoding="utf-8"))
        story = Story(title=str(meta.get("title") or story_dir.name),
                      description=str(meta.get("description") or ""))
        session.add(story)
        session.flush()
        for path in sorted(story_dir.iterdir()):
            if path.suffix.lower() not in REPORT_SUFFIXES:
                continue
            try:
                with session.begin_nested():
                    load_report_file(session, story, path)
            except (FrontMatterError, InvalidInput, NotText) as exc:
                log.warning("skipped %s: %s", path, exc)
                if on_error:
                    on_error(path, exc)
        stories.append(story)
    return stories


def load_report_file(session: Session, story: Story, path: Path,
                     actor: str | None = None) -> IngestResult:
    """Add the report file at ``path`` (front matter + text or HTML) to ``story``."""
    html = path.suffix.lower() in (".html", ".htm")
    # UTF-16 with a byte order mark, or HTML declaring its charset, is read as such; any
    # other file that is not UTF-8 raises NotText naming the first bad byte.
    parsed = parse_report_file(decode_report_bytes(path.read_bytes(), html=html),
                               filename=path.name)
    return add_report(
        session, story, outlet=parsed.meta.get("outlet") or path.stem, text=parsed.body,
        html=parsed.html, title=parsed.meta.get("title"), url=parsed.meta.get("url"),
        published=parsed.published, actor=actor,
    )
