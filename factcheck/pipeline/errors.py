"""Errors the pipeline raises on input it cannot read.

    ExtractionError (ValueError)
    ├── BinaryInput        NUL bytes, control characters or bytes that are not UTF-8
    └── ReportTooLarge     more characters than a news report can plausibly have

Both are ValueErrors, so a caller that treats bad input generically still catches them; the
message says what was wrong in words an editor can act on.
"""

from __future__ import annotations


class ExtractionError(ValueError):
    """The input cannot be turned into a report's text."""


class BinaryInput(ExtractionError):
    """The input is binary data (or undecodable bytes), not text."""


class ReportTooLarge(ExtractionError):
    """The input is larger than the pipeline accepts for one report."""
