"""marshmallow schemas: the JSON shapes of the API, used at the edge only.

Input schemas refuse unknown fields (marshmallow's default ``RAISE``) and validate every
field, so a bad request is a 422 naming each bad field before any service runs. Output
schemas mark every field that may be empty ``allow_none`` so the OpenAPI document generated
from them says exactly what a response can hold.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .frontmatter import latest_published
from .models import EDITOR_LABELS, REVIEW_STATUSES

MAX_INT = 2**31 - 1  # ids and versions are 32-bit integers on every backend
MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50
MACHINE_LABELS = ("agree", "complement", "conflict")
PAIR_LABELS = EDITOR_LABELS  # a filter matches the editor's label when set, else the machine's
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


class Text(fields.String):
    """A string that a database can store: no NUL characters, no lone surrogates."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        if text is None:
            return text
        if "\x00" in text:
            raise ValidationError("Must not contain NUL characters.")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValidationError("Must be valid Unicode (no lone surrogates).") from exc
        return text


class Published(fields.Field):
    """A publication time given as an ISO date (``2024-12-26``) or date-time."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {"type": "string", "description": "ISO 8601 date or date-time",
                    "example": "2024-12-26"}
        metadata.update(kwargs.pop("metadata", {}))
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if not isinstance(value, str) or "\x00" in value:
            raise ValidationError("Must be an ISO date (YYYY-MM-DD) or date-time.")
        raw = value.strip()
        try:
            parsed = (datetime.fromisoformat(raw) if "T" in raw or " " in raw
                      else datetime.combine(date.fromisoformat(raw), time(0, 0)))
        except ValueError as exc:
            raise ValidationError("Must be an ISO date (YYYY-MM-DD) or date-time.") from exc
        # Far-off years overflow when converted to UTC and are never real publication times.
        if not EARLIEST <= parsed.date() <= LATEST:
            raise ValidationError(f"Must be between {EARLIEST} and {LATEST}.")
        if parsed.date() > latest_published():
            raise ValidationError("Must not be in the future.")
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# --- query arguments -------------------------------------------------------------------


class PageArgsSchema(Schema):
    """?page=&per_page= of every list."""

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=DEFAULT_PER_PAGE,
                              validate=validate.Range(min=1, max=MAX_PER_PAGE))


class PairArgsSchema(PageArgsSchema):
    """Filters of a story's pairs."""

    label = fields.String(validate=validate.OneOf(PAIR_LABELS),
                          metadata={"description": "editor's label if set, else machine's"})
    status = fields.String(validate=validate.OneOf(REVIEW_STATUSES))
    min_confidence = fields.Float(validate=validate.Range(min=0.0, max=1.0))
    report = fields.Integer(validate=validate.Range(min=1, max=MAX_INT),
                            metadata={"description": "only pairs with a claim of this report"})


class ExportArgsSchema(Schema):
    """The format and filters of a story's discrepancy report."""

    format = fields.String(load_default="md",
                           validate=validate.Regexp(r"^[a-z0-9_-]{1,20}$",
                                                    error="Not a format name."),
                           metadata={"description": "md, json, csv, html, claimreview ... "
                                                    "(whatever the server offers)"})
    label = fields.String(validate=validate.OneOf(PAIR_LABELS))
    status = fields.String(validate=validate.OneOf(REVIEW_STATUSES))


# --- request bodies ----------------------------------------------------------------------


class StoryCreateSchema(Schema):
    """A new story."""

    title = Text(required=True, validate=validate.Length(min=1, max=300))
    description = Text(load_default="", validate=validate.Length(max=20_000))

    @validates_schema
    def _title_not_blank(self, data: dict[str, Any], **_kw: Any) -> None:
        if not data.get("title", "x").strip():
            raise ValidationError("Must not be blank.", field_name="title")


class StoryUpdateSchema(Schema):
    """A change to a story: any of its fields."""

    title = Text(validate=validate.Length(min=1, max=300))
    description = Text(validate=validate.Length(max=20_000))


class ReportCreateSchema(Schema):
    """A report to add: its text, its HTML, or a URL to fetch it from."""

    outlet = Text(validate=validate.Length(min=1, max=200),
                  metadata={"description": "required unless the report is fetched from url "
                                           "(then it defaults to the site's host name)"})
    title = Text(allow_none=True, validate=validate.Length(max=500))
    url = fields.Url(allow_none=True, schemes={"http", "https"},
                     validate=validate.Length(max=2000),
                     metadata={"description": "where the report was published; alone "
                                              "(without text or html) it is fetched"})
    published_at = Published(allow_none=True)
    text = Text(validate=validate.Length(min=1))
    html = Text(validate=validate.Length(min=1))

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def _one_source(self, data: dict[str, Any], original: Any, **_kw: Any) -> None:
        # Run even when fields failed, so a request learns every bad field at once; look at
        # what was sent, not at what survived validation, so a bad field is named once.
        sent = original if isinstance(original, dict) else {}
        errors: dict[str, list[str]] = {}
        if "text" in sent and "html" in sent:
            errors["html"] = ["Send either text or html, not both."]
        elif "text" not in sent and "html" not in sent and not sent.get("url"):
            errors["text"] = ["Send text, html, or a url to fetch the report from."]
        if "outlet" not in sent and ("text" in sent or "html" in sent):
            errors["outlet"] = ["Missing data for required field."]
        if errors:
            raise ValidationError(errors)


class ReviewSchema(Schema):
    """An editor's review of a pair; ``version`` is the one the editor saw."""

    label = fields.String(validate=validate.OneOf(EDITOR_LABELS))
    status = fields.String(validate=validate.OneOf(REVIEW_STATUSES))
    note = Text(allow_none=True, validate=validate.Length(max=5000))
    version = fields.Integer(required=True, strict=True,
                             validate=validate.Range(min=1, max=MAX_INT))


class CompareReportSchema(Schema):
    """One report handed to the stateless comparison."""

    outlet = Text(validate=validate.Length(max=200))
    title = Text(allow_none=True, validate=validate.Length(max=500))
    published_at = Published(allow_none=True)
    text = Text(validate=validate.Length(min=1))
    html = Text(validate=validate.Length(min=1))

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def _one_source(self, data: dict[str, Any], original: Any, **_kw: Any) -> None:
        sent = original if isinstance(original, dict) else {}
        if "text" in sent and "html" in sent:
            raise ValidationError("Send either text or html, not both.", field_name="html")
        if "text" not in sent and "html" not in sent:
            raise ValidationError("Send text or html.", field_name="text")


class CompareSchema(Schema):
    """Reports to compare with each other; nothing is stored."""

    reports = fields.List(fields.Nested(CompareReportSchema), required=True,
                          validate=validate.Length(min=2, max=20))


# --- responses ------------------------------------------------------------------------------


class CountsSchema(Schema):
    """How much a story holds and how much still needs review."""

    reports = fields.Integer()
    claims = fields.Integer()
    pairs = fields.Integer()
    by_label = fields.Dict(keys=fields.String(), values=fields.Integer())
    by_status = fields.Dict(keys=fields.String(), values=fields.Integer())
    unreviewed_by_label = fields.Dict(keys=fields.String(), values=fields.Integer())


class StorySchema(Schema):
    """A story with its counts."""

    id = fields.Integer(dump_only=True)
    title = fields.String(required=True)
    description = fields.String()
    created_at = fields.DateTime(dump_only=True)
    updated_at = fields.DateTime(dump_only=True)
    counts = fields.Nested(CountsSchema, dump_only=True)


class PageSchema(Schema):
    """The paging part of every list: ``Link`` headers carry first/prev/next/last."""

    total = fields.Integer()
    page = fields.Integer()
    per_page = fields.Integer()


class StoryListSchema(PageSchema):
    """A page of stories."""

    items = fields.List(fields.Nested(StorySchema))


class ValueSchema(Schema):
    """A typed value found in a claim (dates are day ordinals in low/high, ISO in ``dates``)."""

    kind = fields.String()
    low = fields.Float()
    high = fields.Float()
    unit = fields.String()
    bound = fields.String()
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    dates = fields.List(fields.String(), allow_none=True,
                        metadata={"description": "first and last day, for date values"})


class _ClaimFields(Schema):
    """The fields every claim shape shares: its words, span, values and manner."""

    position = fields.Integer()
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    values = fields.List(fields.Nested(ValueSchema))
    polarity = fields.String()
    hedged = fields.Boolean()
    attribution = fields.String(allow_none=True)
    kind = fields.String()
    outlet = fields.String()


class ClaimSchema(_ClaimFields):
    """A claim of a stored report, at its span in the report's cleaned text."""

    id = fields.Integer()
    report_id = fields.Integer()
    story_id = fields.Integer()
    sentence_start = fields.Integer()
    sentence_end = fields.Integer()
    checkable = fields.Boolean()
    frame = fields.String()
    published = fields.DateTime(allow_none=True)


class JudgementFields(Schema):
    """What the machine says about a pair."""

    label = fields.String(metadata={"enum": list(MACHINE_LABELS)})
    confidence = fields.Float()
    similarity = fields.Float()
    reasons = fields.List(fields.String())
    explanation = fields.String()


class PairSchema(JudgementFields):
    """A stored pair: both claims, the machine's judgement and the editor's review."""

    id = fields.Integer()
    story_id = fields.Integer()
    claim_a = fields.Nested(ClaimSchema)
    claim_b = fields.Nested(ClaimSchema)
    effective_label = fields.String(metadata={"description": "editor's label if set"})
    editor_label = fields.String(allow_none=True)
    status = fields.String()
    note = fields.String(allow_none=True)
    reviewed_by = fields.String(allow_none=True)
    reviewed_at = fields.DateTime(allow_none=True)
    version = fields.Integer()


class PairListSchema(PageSchema):
    """A page of pairs, conflicts first."""

    items = fields.List(fields.Nested(PairSchema))


class ClaimListSchema(PageSchema):
    """A page of claims."""

    items = fields.List(fields.Nested(ClaimSchema))


class ReportSchema(Schema):
    """A stored report, without its text."""

    id = fields.Integer()
    story_id = fields.Integer()
    outlet = fields.String()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published_at = fields.DateTime(allow_none=True)
    raw_format = fields.String()
    content_hash = fields.String()
    created_at = fields.DateTime()
    claim_count = fields.Integer()


class ReportListSchema(PageSchema):
    """A page of a story's reports."""

    items = fields.List(fields.Nested(ReportSchema))


class ReportDetailSchema(ReportSchema):
    """A stored report with its cleaned text, what cleaning removed, and its claims."""

    cleaned_text = fields.String()
    removed = fields.List(fields.String())
    claims = fields.List(fields.Nested(ClaimSchema))


class ReportCreatedSchema(ReportDetailSchema):
    """A report just added (201) or found already stored with the same content (200)."""

    created = fields.Boolean()
    new_pairs = fields.Integer()


class GroupSchema(Schema):
    """The pairs about one fact, the claims they join, and the worst label among them."""

    label = fields.String()
    topic = fields.String()
    outlets = fields.List(fields.String())
    needs_review = fields.Integer()
    claims = fields.List(fields.Nested(ClaimSchema))
    pairs = fields.List(fields.Nested(PairSchema))


class GroupListSchema(Schema):
    """A story's fact groups, conflicts first."""

    items = fields.List(fields.Nested(GroupSchema))
    total = fields.Integer()


class ComparedClaimSchema(_ClaimFields):
    """A claim of a compared report; ``report`` is the report's index in the request."""

    report = fields.Integer()
    published = fields.Date(allow_none=True)


class ComparedPairSchema(JudgementFields):
    """A pair found by the stateless comparison (nothing stored, so no id or review)."""

    claim_a = fields.Nested(ComparedClaimSchema)
    claim_b = fields.Nested(ComparedClaimSchema)


class ComparedReportSchema(Schema):
    """One compared report: its cleaned text and claims."""

    index = fields.Integer()
    outlet = fields.String()
    title = fields.String(allow_none=True)
    published = fields.Date(allow_none=True)
    cleaned_text = fields.String()
    claims = fields.List(fields.Nested(ComparedClaimSchema))


class ComparisonSchema(Schema):
    """The result of comparing reports: their claims, the pairs and the fact groups."""

    reports = fields.List(fields.Nested(ComparedReportSchema))
    pairs = fields.List(fields.Nested(ComparedPairSchema))
    groups = fields.List(fields.List(fields.Integer()),
                         metadata={"description": "indices into pairs, one list per fact"})


class ErrorSchema(Schema):
    """Every error under /api: a code word, the HTTP status, a message, per-field messages."""

    code = fields.String(metadata={"example": "invalid_input"})
    status = fields.Integer(metadata={"example": 422})
    message = fields.String()
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))


story_schema = StorySchema()
story_list_schema = StoryListSchema()
