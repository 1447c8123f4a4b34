"""marshmallow schemas: the JSON shapes of the API, used at the edge only."""

from __future__ import annotations

from marshmallow import Schema, fields


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


class StoryListSchema(Schema):
    """A page of stories."""

    items = fields.List(fields.Nested(StorySchema))
    total = fields.Integer()
    page = fields.Integer()
    per_page = fields.Integer()


story_schema = StorySchema()
story_list_schema = StoryListSchema()
