"""The editors' pages: server-rendered Jinja templates."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template

from .db import get_session
from .services import stories

bp = Blueprint("web", __name__)


@bp.get("/")
def index() -> str:
    """Show every story with its counts."""
    session = get_session()
    rows, _ = stories.list_stories(session, limit=200)
    counts = stories.story_counts(session, [s.id for s in rows])
    return render_template("stories/index.html", stories=rows, counts=counts)


@bp.get("/stories/<int:story_id>")
def story(story_id: int) -> str:
    """Show a story: its reports and its fact groups, conflicts first."""
    session = get_session()
    found = stories.get_story(session, story_id)
    return render_template(
        "stories/show.html", story=found, reports=stories.list_reports(session, story_id),
        groups=stories.fact_groups(session, story_id),
        counts=stories.story_counts(session, [story_id])[story_id],
    )


def init_app(app: Flask) -> None:
    """Register the pages."""
    app.register_blueprint(bp)
