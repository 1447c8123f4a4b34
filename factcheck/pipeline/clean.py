"""Clean a raw report: strip page junk, keep the article text, read metadata on the way."""

from __future__ import annotations

import re

from .types import Cleaned


def clean(text: str, *, html: bool = False) -> Cleaned:
    """Return the article text of ``text`` with page junk removed."""
    if html:
        import trafilatura

        extracted = trafilatura.extract(text, include_comments=False) or ""
        text = extracted
    kept: list[str] = []
    removed: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and _is_junk(stripped):
            removed.append(stripped)
            continue
        kept.append(stripped)
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(text=cleaned, removed=tuple(removed))


_JUNK = re.compile(
    r"^(page loader|summarize|follow us:?|photo courtesy:.*|.*sharing button|share this.*)$",
    re.IGNORECASE,
)


def _is_junk(line: str) -> bool:
    return bool(_JUNK.match(line)) or line.count(" | ") >= 2
