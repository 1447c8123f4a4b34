"""Turn claim rows into pipeline claims and back; the only place the two shapes meet.

Fields with a column of their own are stored there; any other field of the pipeline's
``Claim`` goes into ``features`` (JSON), so new pipeline fields round-trip without a schema
change.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from .. import pipeline
from ..models import Claim

COLUMNS = ("text", "start", "end", "sentence_start", "sentence_end", "frame", "keywords",
           "values", "polarity", "hedged", "attribution", "checkable", "kind")
_CLAIM_FIELDS = {f.name for f in fields(pipeline.Claim)}
_VALUE_FIELDS = {f.name for f in fields(pipeline.Value)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value


def value_to_dict(value: pipeline.Value) -> dict[str, Any]:
    """Return a JSON-ready dict of a pipeline value."""
    return asdict(value)


def value_from_dict(data: dict[str, Any]) -> pipeline.Value:
    """Return the pipeline value stored as ``data`` (unknown keys are ignored)."""
    return pipeline.Value(**{k: v for k, v in data.items() if k in _VALUE_FIELDS})


def claim_row(claim: pipeline.Claim, *, position: int, report_id: int | None = None,
              story_id: int | None = None) -> Claim:
    """Return a new claim row for a pipeline claim."""
    data = {f: getattr(claim, f) for f in _CLAIM_FIELDS}
    row = Claim(
        position=position, start=claim.start, end=claim.end, text=claim.text,
        sentence_start=claim.sentence_start, sentence_end=claim.sentence_end,
        frame=claim.frame, keywords=list(claim.keywords),
        values=[value_to_dict(v) for v in claim.values], polarity=claim.polarity,
        hedged=claim.hedged, attribution=claim.attribution, checkable=claim.checkable,
        kind=claim.kind,
        features={k: _jsonable(v) for k, v in data.items() if k not in COLUMNS},
    )
    if report_id is not None:
        row.report_id = report_id
    if story_id is not None:
        row.story_id = story_id
    return row


def to_pipeline(row: Claim) -> pipeline.Claim:
    """Return the pipeline claim stored in ``row``."""
    extra: dict[str, Any] = {}
    for key, value in (row.features or {}).items():
        if key in _CLAIM_FIELDS:
            extra[key] = tuple(value) if isinstance(value, list) else value
    return pipeline.Claim(
        text=row.text, start=row.start, end=row.end,
        values=tuple(value_from_dict(v) for v in row.values),
        polarity="negated" if row.polarity == "negated" else "affirmed",
        hedged=row.hedged, attribution=row.attribution, frame=row.frame,
        keywords=tuple(row.keywords), checkable=row.checkable, kind=row.kind,
        sentence_start=row.sentence_start, sentence_end=row.sentence_end, **extra,
    )
