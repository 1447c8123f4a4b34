"""The pair list of a big story: same order with and without the cached order, few queries."""

from __future__ import annotations

import bisect
import random
from datetime import date
from typing import Any

import pytest
from flask import Flask, jsonify, request
from flask.testing import FlaskClient
from sqlalchemy import event, select

from factcheck import api, schemas
from factcheck.db import get_db, get_session, session_scope
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


def schema_page(app: Flask, story_id: int, query: str) -> bytes:
    """Return a page of the pair list as PairSchema and jsonify make it from ORM pairs."""
    with app.test_request_context(f"{API}/stories/{story_id}/pairs?{query}"):
        args = schemas.PairArgsSchema().load(dict(request.args))
        offset, limit = api.window(args)
        rows, total = stories.list_pairs(get_session(), story_id, offset=offset, limit=limit,
                                         label=args.get("label"), status=args.get("status"))
        body = {"items": [api.pair_data(p) for p in rows], "total": total,
                "page": args["page"], "per_page": args["per_page"]}
        return jsonify(schemas.PairListSchema().dump(body)).get_data()


def test_pair_list_is_byte_for_byte_what_the_schema_dumps(app: Flask,
                                                           client: FlaskClient) -> None:
    story_id = story_with(app, 4)
    with session_scope(app) as session:
        ingest.add_report(session, stories.get_story(session, story_id), outlet="Dated",
                          text="The treaty was adopted on 24 December 2024 in Vienna. "
                               "It was signed by 130 countries.",
                          published=date(2024, 12, 26))
        pairs = list(session.scalars(select(Pair).where(Pair.story_id == story_id)
                                     .order_by(Pair.id)))
        review_pair(session, pairs[0].id, version=pairs[0].version, actor="ed",
                    label="conflict", note="Checked “both” sources")
        review_pair(session, pairs[1].id, version=pairs[1].version, actor="ed",
                    label=pairs[1].label)
    for query in ("per_page=3", "per_page=3&page=2", "per_page=200", "label=conflict",
                  "status=corrected", "per_page=2&page=999"):
        for _ in range(2):  # the second answer comes from the encoded pairs kept
            response = client.get(f"{API}/stories/{story_id}/pairs?{query}")
            assert response.status_code == 200
            assert response.get_data() == schema_page(app, story_id, query), query


def test_a_review_made_elsewhere_shows_in_the_next_pair_list(app: Flask,
                                                              client: FlaskClient) -> None:
    story_id = story_with(app, 3)
    url = f"{API}/stories/{story_id}/pairs?per_page=200"
    before = {p["id"]: p for p in client.get(url).get_json()["items"]}  # kept encoded
    pair_id = min(before)
    with session_scope(app) as session:  # as another process would
        pair = session.get(Pair, pair_id)
        assert pair is not None
        review_pair(session, pair_id, version=pair.version, actor="ed", label="unrelated",
                    note="not the same treaty")
    after = {p["id"]: p for p in client.get(url).get_json()["items"]}
    assert after[pair_id]["effective_label"] == "unrelated"
    assert after[pair_id]["note"] == "not the same treaty"
    assert after[pair_id]["version"] == before[pair_id]["version"] + 1
    assert {k: v for k, v in after.items() if k != pair_id} == \
        {k: v for k, v in before.items() if k != pair_id}


@pytest.mark.parametrize("seed", range(40))
def test_a_page_of_the_merged_order_is_the_slice_of_the_whole_order(seed: int) -> None:
    rng = random.Random(seed)
    keys = sorted({(rng.randrange(4), -rng.random(), pid) for pid in range(rng.randrange(60))})
    base = [k[2] for k in keys]
    gone = set(rng.sample(base, rng.randrange(len(base) + 1)))
    # Reviewed pairs come back with a new label rank, or not at all (filtered out).
    moved_keys = sorted((rng.randrange(4), k[1], k[2]) for k in keys
                        if k[2] in gone and rng.random() < 0.7)
    moved = [k[2] for k in moved_keys]
    whole = [k[2] for k in sorted([k for k in keys if k[2] not in gone] + moved_keys)]
    gone_at = sorted(base.index(pid) for pid in gone)
    ins = [bisect.bisect_left(keys, k) for k in moved_keys]
    for offset in range(len(whole) + 2):
        for limit in (1, 3, 50, None):
            page = stories._merged_page(base, keys, gone, gone_at, moved, moved_keys, ins,
                                        offset, limit)
            end = None if limit is None else offset + limit
            assert page == whole[offset:end], (offset, limit)
