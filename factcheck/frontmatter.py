"""Report files: an optional front matter block (``---``, ``key: value`` lines, ``---``)
followed by the report's text or HTML. Plain Python, shared by the CLI and the loader."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

KNOWN_KEYS = ("outlet", "title", "url", "published")
_HTML_HINT = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])",
                        re.IGNORECASE)


class FrontMatterError(ValueError):
    """The front matter block is malformed; the message says which line."""


@dataclass(frozen=True)
class ReportFile:
    """A parsed report file: its metadata and body."""

    body: str
    meta: dict[str, str] = field(default_factory=dict)
    html: bool = False

    @property
    def published(self) -> date | None:
        """Return the ``published`` metadata as a date, or None when absent."""
        raw = self.meta.get("published")
        return parse_date(raw) if raw else None


def parse_date(raw: str) -> date:
    """Parse an ISO date or date-time (``2024-12-26`` or ``2024-12-26T13:53:00+05:30``)."""
    raw = raw.strip()
    try:
        return datetime.fromisoformat(raw).date() if "T" in raw or " " in raw else (
            date.fromisoformat(raw))
    except ValueError as exc:
        raise FrontMatterError(f"published: {raw!r} is not an ISO date (YYYY-MM-DD)") from exc


def parse_report_file(content: str, *, filename: str = "") -> ReportFile:
    """Split ``content`` into front matter and body; HTML is recognised by name or content."""
    content = content.lstrip("\ufeff")
    meta: dict[str, str] = {}
    body = content
    lines = content.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        for n, line in enumerate(lines[1:], start=2):
            if line.strip() == "---":
                body = "".join(lines[n:])
                break
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            if not sep or not key.strip():
                raise FrontMatterError(f"line {n}: expected 'key: value', got {line.strip()!r}")
            meta[key.strip().lower()] = value.strip().strip('"').strip("'")
        else:
            raise FrontMatterError("front matter opened with '---' is never closed")
    html = filename.lower().endswith((".html", ".htm")) or bool(_HTML_HINT.match(body))
    if "published" in meta:
        parse_date(meta["published"])  # fail early, with the line's value in the message
    return ReportFile(body=body, meta=meta, html=html)
