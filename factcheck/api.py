"""The JSON API under /api/v1, documented by an OpenAPI 3 document at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.views import MethodView
from flask_smorest import Api, Blueprint

from . import schemas
from .db import get_session
from .services import stories

blp = Blueprint("api", __name__, url_prefix="/api/v1", description="factcheck JSON API")


@blp.route("/stories")
class Stories(MethodView):
    """The collection of stories."""

    @blp.response(200, schemas.StoryListSchema)
    def get(self) -> dict[str, Any]:
        """List stories with their counts."""
        session = get_session()
        rows, total = stories.list_stories(session, offset=0, limit=50)
        counts = stories.story_counts(session, [s.id for s in rows])
        items = [story_item(s, counts[s.id]) for s in rows]
        return {"items": items, "total": total, "page": 1, "per_page": 50}


def story_item(story: Any, counts: stories.StoryCounts) -> dict[str, Any]:
    """Return a story row and its counts in the shape of ``StorySchema``."""
    return {"id": story.id, "title": story.title, "description": story.description,
            "created_at": story.created_at, "updated_at": story.updated_at, "counts": counts}


def init_app(app: Flask) -> None:
    """Register the API blueprint and its OpenAPI document."""
    app.config.setdefault("API_TITLE", "factcheck")
    app.config.setdefault("API_VERSION", "v1")
    app.config.setdefault("OPENAPI_VERSION", "3.0.3")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/api/v1")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    api = Api(app)
    api.register_blueprint(blp)
