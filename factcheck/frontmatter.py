"""Report files: an optional front matter block (``---``, ``key: value`` lines, ``---``)
followed by the report's text or HTML. Plain Python, shared by the CLI and the loader."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

KNOWN_KEYS = ("outlet", "title", "url", "published")
_HTML_HINT = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])",
                        re.IGNORECASE)


# Byte order marks, longest first: UTF-32's little-endian mark starts with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


class FrontMatterError(ValueError):
    """The front matter block is malformed; the message says which line."""


class NotText(ValueError):
    """A report file that is not text in an encoding we can tell; the message says why."""


def decode_report_bytes(data: bytes, *, html: bool = False) -> str:
    """Return a report file's text: UTF-8, or the encoding its byte order mark names.

    An HTML file may instead declare its charset in a ``<meta>`` tag. Anything else must be
    UTF-8: guessing (every byte string is valid Latin-1) would store garbled text without a
    word, so other encodings are refused with the position of the first bad byte.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise NotText(f"not valid {encoding.upper().removesuffix('-SIG')} text "
                              f"although it starts with its byte order mark (byte "
                              f"{exc.start})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = _META_CHARSET.search(data[:4096]) if html else None
    if declared:
        name = declared.group(1).decode("ascii")
        try:
            return data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeDecodeError):
            pass
    raise NotText(f"not UTF-8 text (byte {first_bad}); save it as UTF-8 and try again")


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


def latest_published() -> date:
    """Return the last publication date accepted: tomorrow in UTC.

    A report cannot be published in the future; one day of slack lets a report dated in a
    time zone ahead of UTC through.
    """
    return datetime.now(UTC).date() + timedelta(days=1)


def parse_date(raw: str) -> date:
    """Parse an ISO date or date-time (``2024-12-26`` or ``2024-12-26T13:53:00+05:30``)."""
    raw = raw.strip()
    try:
        day = datetime.fromisoformat(raw).date() if "T" in raw or " " in raw else (
            date.fromisoformat(raw))
    except ValueError as exc:
        raise FrontMatterError(f"published: {raw!r} is not an ISO date (YYYY-MM-DD)") from exc
    if day > latest_published():
        raise FrontMatterError(f"published: {raw!r} is in the future")
    return day


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
