"""Split cleaned text into sentences with exact character offsets."""

from __future__ import annotations

import re

from .types import Span

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


def segment(text: str) -> list[Span]:
    """Return the sentences of ``text``, paragraph by paragraph, with offsets."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        pieces = _SENTENCE_END.split(para.group())
        offset = start
        for piece in pieces:
            idx = text.find(piece, offset)
            if piece.strip():
                spans.append(Span(idx, idx + len(piece), piece))
            offset = idx + len(piece)
    return spans
