"""The pair list of a big story: same order with and without the cached order, few queries."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select

from factcheck.db import get_db, session_scope
from factcheck.models import Pair
from factcheck.services import ingest, stories
from factcheck.services.review import review_pair

from ..conftest import make_story

API = "/api/v1"


def story_with(app: Flask, n: int) -> int:
    """Create a story of ``n`` reports that pair with each other; return its id."""
    with session_scope(app) as session:
        story = make_story(session, f"{n} reports")
        for k in range(n):
            ingest.add_report(session, story, outlet=f"Outlet {k}",
                              text=f"Report {k}. The treaty took {k % 3 + 3} years to finalize. "
                                   f"It was signed by {100 + k} countries.")
        return story.id


def test_pair_list_queries_do_not_grow_with_the_number_of_reports(app: Flask) -> None:
    small, large = story_with(app, 2), story_with(app, 6)
    client = app.test_client()
    engine = get_db(app).engine
    counts: list[int] = []

    def count(*_args: Any) -> None:
        counts[-1] += 1

    for query in ("", "&status=unreviewed"):
        for story_id in (small, large):
            url = f"{API}/stories/{story_id}/pairs?per_page=50{query}"
            assert client.get(url).status_code == 200  # the first read of a story fills caches
            event.listen(engine, "before_cursor_execute", count)
            try:
                counts.append(0)
                assert client.get(url).status_code == 200
            finally:
                event.remove(engine, "before_cursor_execute", count)
    assert counts[0] == counts[1] and counts[2] == counts[3], \
        f"queries grew with reports: {counts}"


def test_cached_order_matches_the_database_order_after_reviews(app: Flask,
                                                                client: FlaskClient) -> None:
    story_id = story_with(app, 5)
    assert client.get(f"{API}/stories/{story_id}/pairs").status_code == 200  # cache the order
    with session_scope(app) as session:
        pairs = list(session.scalars(select(Pair).where(Pair.story_id == story_id)
                                     .order_by(Pair.id)))
        assert len(pairs) >= 6
        for k, pair in enumerate(pairs[:6]):
            label = ("conflict", "agree", "unrelated")[k % 3]
            review_pair(session, pair.id, version=pair.version, actor="ed", label=label)
    expected: dict[str | None, tuple[list[int], int]] = {}
    with session_scope(app) as session:  # the database's own order, no cache
        for label in (None, "conflict", "agree", "complement"):
            found, total = stories.list_pairs(session, story_id, label=label)
            expected[label] = ([p.id for p in found], total)
    for label, (ids, total) in expected.items():
        for page, per_page in ((1, 4), (2, 4), (1, 200)):
            url = f"{API}/stories/{story_id}/pairs?page={page}&per_page={per_page}"
            body = client.get(url + (f"&label={label}" if label else "")).get_json()
            start = (page - 1) * per_page
            assert [p["id"] for p in body["items"]] == ids[start:start + per_page], \
                (label, page)
            assert body["total"] == total
