"""The comparison pipeline: clean -> segment -> extract -> match -> classify.

Plain Python over frozen dataclasses; it imports no web or database library, so it can be
used as a library and from the command line without a server.
"""

from __future__ import annotations

from .classify import classify
from .clean import clean
from .compare import compare, group_pairs, pair_claims, relate, story_pairs
from .extract import extract, extract_report
from .segment import segment
from .types import (
    Claim,
    ClaimPair,
    Cleaned,
    Comparison,
    ExtractedReport,
    Judgement,
    PairResult,
    Relation,
    ReportInput,
    Span,
    Value,
)
from .values import find_values

__all__ = [
    "Claim", "ClaimPair", "Cleaned", "Comparison", "ExtractedReport", "Judgement", "PairResult",
    "Relation", "ReportInput", "Span", "Value", "classify", "clean", "compare", "extract",
    "extract_report", "find_values", "group_pairs", "pair_claims", "relate", "segment",
    "story_pairs",
]
