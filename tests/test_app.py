"""The service starts on an empty database, loads the bundled story, and shows it."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import func, inspect, select

from factcheck.db import get_db
from factcheck.models import Claim, Pair, Report, Story

from .conftest import make_app


def test_first_start_migrates_and_loads_the_seed_story(seeded_app: Flask) -> None:
    with seeded_app.app_context():
        db = get_db(seeded_app)
        tables = set(inspect(db.engine).get_table_names())
        assert {"story", "report", "claim", "pair", "audit_event", "user", "api_token",
                "alembic_version"} <= tables
        with db.sessions() as s:
            story = s.scalars(select(Story)).one()
            assert story.title == "UN Convention against Cybercrime"
            reports = s.scalars(select(Report).order_by(Report.id)).all()
            assert [(r.outlet, r.published_at.date().isoformat() if r.published_at else None)
                    for r in reports] == [("NewsBytes", "2024-12-26"),
                                          ("IBNS (India Blooms)", "2024-08-11")]
            assert s.scalar(select(func.count(Claim.id))) > 5
            assert s.scalar(select(func.count(Pair.id))) > 0


def test_second_start_does_not_load_the_sources_again(
        seeded_app: Flask, database_url: str, tmp_path: Path) -> None:
    again = make_app(database_url, tmp_path, LOAD_SOURCES=True)
    with again.app_context(), get_db(again).sessions() as s:
        assert s.scalar(select(func.count(Story.id))) == 1
    get_db(again).engine.dispose()


def test_home_page_lists_the_seed_story_and_story_page_shows_pairs(seeded_app: Flask) -> None:
    client = seeded_app.test_client()
    home = client.get("/")
    assert home.status_code == 200
    assert "UN Convention against Cybercrime" in home.get_data(as_text=True)
    page = client.get("/stories/1").get_data(as_text=True)
    assert "NewsBytes" in page and "IBNS (India Blooms)" in page
    assert "five-year effort" in page


def test_api_lists_the_seed_story_with_counts(seeded_app: Flask) -> None:
    body = seeded_app.test_client().get("/api/v1/stories").get_json()
    assert body["total"] == 1
    story = body["items"][0]
    assert story["title"] == "UN Convention against Cybercrime"
    assert story["counts"]["reports"] == 2
    assert story["counts"]["pairs"] == sum(story["counts"]["by_label"].values()) > 0


def test_unknown_api_path_is_a_json_404_and_unknown_page_is_html(client) -> None:  # type: ignore[no-untyped-def]
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404
    assert api.is_json and api.get_json()["code"] == "not_found"
    page = client.get("/stories/999")
    assert page.status_code == 404
    assert page.mimetype == "text/html"
    assert "story 999 does not exist" in page.get_data(as_text=True)


def test_openapi_document_is_served(client) -> None:  # type: ignore[no-untyped-def]
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/stories" in doc["paths"]
