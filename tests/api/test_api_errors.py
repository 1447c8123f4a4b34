"""Errors under /api: one JSON shape, the right status, and nothing changed by bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from factcheck.db import get_db
from factcheck.models import AuditEvent, Claim, Pair, Report, Story

from ..conftest import make_app

API = "/api/v1"


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """Check ``response`` is our JSON error with ``status``; return its body."""
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"code", "status", "message", "errors"}
    assert body["status"] == status and body["message"]
    assert isinstance(body["errors"], dict)
    assert all(isinstance(v, list) and all(isinstance(m, str) for m in v)
               for v in body["errors"].values())
    if code:
        assert body["code"] == code
    return dict(body)


def snapshot(app: Flask) -> tuple[int, ...]:
    """Return the row counts of every table a write could touch."""
    with get_db(app).sessions() as s:
        return tuple(int(s.scalar(select(func.count()).select_from(m)) or 0)
                     for m in (Story, Report, Claim, Pair, AuditEvent))


def test_malformed_json_is_a_400(client: FlaskClient, as_role: Any) -> None:
    got = client.post(f"{API}/stories", data='{"title": "x",', content_type="application/json",
                      headers=as_role("editor"))
    assert_error(got, 400, "invalid_json")


@pytest.mark.parametrize("path", ["/stories/999", "/reports/999", "/pairs/999",
                                  "/stories/999/pairs", "/stories/999/claims",
                                  "/stories/999/groups", "/stories/999/reports",
                                  "/stories/999/report", "/no-such-thing",
                                  "/stories/99999999999999999999", "/stories/0"])
def test_unknown_things_are_json_404s(client: FlaskClient, path: str) -> None:
    assert_error(client.get(API + path), 404, "not_found")


def test_a_method_the_path_does_not_have_is_a_405_with_allow(client: FlaskClient) -> None:
    got = client.put(f"{API}/stories", json={})
    assert_error(got, 405, "method_not_allowed")
    assert set(got.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_a_body_over_the_default_5_mb_is_a_413(client: FlaskClient, as_role: Any,
                                               app: Flask) -> None:
    assert app.config["MAX_CONTENT_LENGTH"] == 5 * 1024 * 1024
    body = b'{"title": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    got = client.post(f"{API}/stories", data=body, content_type="application/json",
                      headers=as_role("editor"))
    assert_error(got, 413, "payload_too_large")


def test_the_body_limit_follows_the_setting(database_url: str, tmp_path: Path) -> None:
    app = make_app(database_url, tmp_path, MAX_CONTENT_LENGTH=100)
    try:
        got = app.test_client().post(f"{API}/compare", json={"reports": [
            {"text": "x" * 60}, {"text": "y" * 60}]})
        assert_error(got, 413)
    finally:
        get_db(app).engine.dispose()


@pytest.mark.parametrize(("size", "status"), [(90, 200), (1000, 413)])
def test_chunked_bodies_are_held_to_the_limit_too(database_url: str, tmp_path: Path,
                                                  size: int, status: int) -> None:
    app = make_app(database_url, tmp_path, MAX_CONTENT_LENGTH=200)
    body = json.dumps({"reports": [{"text": "x" * size},
                                   {"text": "The vote was held."}]}).encode()
    try:
        got = app.test_client().post(
            f"{API}/compare", input_stream=io.BytesIO(body),
            headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
            environ_overrides={"wsgi.input_terminated": True})
        assert got.status_code == status, got.get_json()
        if status == 413:
            assert_error(got, 413, "payload_too_large")
    finally:
        get_db(app).engine.dispose()


@pytest.mark.parametrize(("data", "content_type"), [
    ("title=x", "application/x-www-form-urlencoded"), ('{"title": "x"}', "text/plain"),
    ('{"title": "x"}', None)])
def test_a_body_that_is_not_json_is_a_415(client: FlaskClient, as_role: Any, data: str,
                                          content_type: str | None) -> None:
    got = client.post(f"{API}/stories", data=data, content_type=content_type,
                      headers=as_role("editor"))
    assert_error(got, 415, "unsupported_media_type")


def test_validation_names_every_bad_field_at_once(client: FlaskClient, as_role: Any) -> None:
    sid = client.post(f"{API}/stories", json={"title": "t"},
                      headers=as_role("editor")).get_json()["id"]
    got = client.post(f"{API}/stories/{sid}/reports", json={
        "outlet": "", "url": "ftp://example.com/x", "published_at": "yesterday",
        "text": 42, "colour": "red"}, headers=as_role("editor"))
    body = assert_error(got, 422, "invalid_input")
    assert set(body["errors"]) == {"outlet", "url", "published_at", "text", "colour"}
    assert body["errors"]["colour"] == ["Unknown field."]
    for name in body["errors"]:
        assert name in body["message"]


@pytest.mark.parametrize(("body", "fields"), [
    ({}, {"title"}),
    ({"title": "   "}, {"title"}),
    ({"title": "x" * 301}, {"title"}),
    ({"title": "nul\x00byte"}, {"title"}),
    ({"title": 5, "description": ["a"]}, {"title", "description"}),
    ({"title": "t", "id": 3}, {"id"}),
    ([], {"_schema"}),
])
def test_bad_story_bodies_are_422_naming_the_fields(client: FlaskClient, as_role: Any,
                                                    body: Any, fields: set[str]) -> None:
    got = client.post(f"{API}/stories", json=body, headers=as_role("editor"))
    assert set(assert_error(got, 422)["errors"]) == fields


@pytest.mark.parametrize(("report", "fields"), [
    ({"outlet": "A"}, {"text"}),
    ({"text": "The vote was held."}, {"outlet"}),
    ({"outlet": "A", "text": "x", "html": "<p>x</p>"}, {"html"}),
    ({"outlet": "A", "text": "x", "published_at": "0001-01-01T00:00:00+05:00"},
     {"published_at"}),
    ({"outlet": "A", "text": "x", "url": "http://" + "a" * 2000 + ".com/"}, {"url"}),
    ({"outlet": "A", "text": "x", "title": "t" * 501}, {"title"}),
])
def test_bad_report_bodies_are_422_naming_the_fields(client: FlaskClient, as_role: Any,
                                                     report: dict[str, Any],
                                                     fields: set[str]) -> None:
    sid = client.post(f"{API}/stories", json={"title": "t"},
                      headers=as_role("editor")).get_json()["id"]
    got = client.post(f"{API}/stories/{sid}/reports", json=report, headers=as_role("editor"))
    assert set(assert_error(got, 422)["errors"]) == fields


def test_a_blank_report_is_a_422_naming_its_text(client: FlaskClient,
                                                            as_role: Any) -> None:
    sid = client.post(f"{API}/stories", json={"title": "t"},
                      headers=as_role("editor")).get_json()["id"]
    got = client.post(f"{API}/stories/{sid}/reports", json={"outlet": "A", "text": "   \n "},
                      headers=as_role("editor"))
    assert "text" in assert_error(got, 422)["errors"]


def test_nested_compare_errors_name_the_report_and_field(client: FlaskClient) -> None:
    got = client.post(f"{API}/compare", json={"reports": [{"text": "a"}, {"html": 3}]})
    assert set(assert_error(got, 422)["errors"]) == {"reports.1.html"}
    one = client.post(f"{API}/compare", json={"reports": [{"text": "a"}]})
    assert set(assert_error(one, 422)["errors"]) == {"reports"}


@pytest.mark.parametrize("query", ["per_page=0", "per_page=201", "page=0", "page=x",
                                   "label=maybe", "status=done", "min_confidence=2",
                                   "min_confidence=nan", "report=-1"])
def test_bad_query_arguments_are_422_naming_the_argument(client: FlaskClient,
                                                         query: str) -> None:
    got = client.get(f"{API}/stories/1/pairs?{query}")
    assert set(assert_error(got, 422)["errors"]) == {query.split("=")[0]}


@pytest.mark.parametrize("body", [{"version": "1"}, {"version": 0}, {"label": "yes"},
                                  {"status": "done", "version": 1},
                                  {"version": 1, "reviewer": "me"}])
def test_bad_reviews_are_422(client: FlaskClient, as_role: Any, body: dict[str, Any]) -> None:
    assert_error(client.patch(f"{API}/pairs/1", json=body, headers=as_role("editor")), 422)


def test_writes_need_a_token_and_the_right_role(client: FlaskClient, as_role: Any) -> None:
    assert_error(client.post(f"{API}/stories", json={"title": "x"}), 401, "unauthorized")
    no_token = client.post(f"{API}/stories", json={"title": "x"})
    assert no_token.headers["WWW-Authenticate"] == "Bearer"
    assert_error(client.post(f"{API}/stories", json={"title": "x"},
                             headers={"Authorization": "Bearer fc_not_a_token"}), 401)
    assert_error(client.post(f"{API}/stories", json={"title": "x"},
                             headers=as_role("viewer")), 403, "forbidden")
    # The role is checked before the body, so a caller without rights learns nothing more.
    assert_error(client.post(f"{API}/stories", json={"nonsense": 1}), 401)


def test_a_bad_token_is_refused_even_on_open_reads(client: FlaskClient) -> None:
    assert client.get(f"{API}/stories").status_code == 200
    assert_error(client.get(f"{API}/stories", headers={"Authorization": "Bearer nope"}), 401)


def test_reads_need_a_token_when_read_access_is_token(database_url: str,
                                                      tmp_path: Path) -> None:
    app = make_app(database_url, tmp_path, READ_ACCESS="token")
    try:
        from factcheck.db import session_scope
        from factcheck.services import users

        with session_scope(app) as s:
            users.create_user(s, "reader", role="viewer")
            token = users.create_token(s, "reader")
        client = app.test_client()
        assert_error(client.get(f"{API}/stories"), 401)
        ok = client.get(f"{API}/stories", headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200
        assert client.get(f"{API}/openapi.json").status_code == 200  # the contract stays open
    finally:
        get_db(app).engine.dispose()


def test_bad_input_leaves_the_database_unchanged(client: FlaskClient, as_role: Any,
                                                 app: Flask, story: dict[str, Any]) -> None:
    before = snapshot(app)
    editor, admin = as_role("editor"), as_role("admin")
    sid = story["id"]
    attempts = [
        client.post(f"{API}/stories", json={"title": ""}, headers=editor),
        client.post(f"{API}/stories", data="{", content_type="application/json",
                    headers=editor),
        client.patch(f"{API}/stories/{sid}", json={"title": " "}, headers=editor),
        client.patch(f"{API}/stories/{sid}", json={"title": "new", "x": 1}, headers=editor),
        client.post(f"{API}/stories/{sid}/reports", json={"outlet": "A", "text": " "},
                    headers=editor),
        client.post(f"{API}/stories/{sid}/reports", json={"outlet": "A" * 201, "text": "t"},
                    headers=editor),
        client.patch(f"{API}/pairs/1", json={"label": "nope", "version": 1}, headers=editor),
        client.patch(f"{API}/pairs/1", json={"status": "confirmed", "version": 7},
                     headers=editor),
        client.delete(f"{API}/stories/{sid}", headers=editor),
        client.delete(f"{API}/stories/{sid + 1000}", headers=admin),
    ]
    assert [a.status_code for a in attempts] == [422, 400, 422, 422, 422, 422, 422, 409, 403,
                                                 404]
    assert snapshot(app) == before
    assert client.get(f"{API}/stories/{sid}").get_json()["title"] == story["title"]


def test_a_failure_after_the_service_ran_rolls_everything_back(
        client: FlaskClient, as_role: Any, app: Flask,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import api

    def broken_commit(session: Any) -> None:
        raise RuntimeError("disk full")

    before = snapshot(app)
    monkeypatch.setattr(api, "commit", broken_commit)
    got = client.post(f"{API}/stories", json={"title": "never"}, headers=as_role("editor"))
    body = assert_error(got, 500, "internal_error")
    assert "disk full" not in body["message"]  # no internals leak
    assert snapshot(app) == before


def test_errors_outside_the_api_stay_html(client: FlaskClient) -> None:
    got = client.get("/no-such-page")
    assert got.status_code == 404 and got.mimetype == "text/html"
