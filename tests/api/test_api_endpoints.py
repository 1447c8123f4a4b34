"""Every endpoint of /api/v1 doing its job, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from factcheck import export
from factcheck.db import get_db
from factcheck.models import AuditEvent, Claim, Pair, Report, Story

from ..conftest import make_app
from .conftest import seed_report_bodies

API = "/api/v1"


def links(response: Any) -> dict[str, str]:
    """Return the Link header as {rel: url}."""
    found = re.findall(r'<([^>]+)>; rel="([a-z]+)"', response.headers.get("Link", ""))
    return {rel: url for url, rel in found}


def count(app: Flask, model: Any) -> int:
    """Return how many rows ``model`` has."""
    with get_db(app).sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# --- stories ---------------------------------------------------------------------------------


def test_story_is_created_read_changed_and_deleted(client: FlaskClient, as_role: Any) -> None:
    made = client.post(f"{API}/stories", json={"title": "  Flood in Valencia ",
                                               "description": "DANA, October 2024"},
                       headers=as_role("editor"))
    assert made.status_code == 201
    story = made.get_json()
    assert story["title"] == "Flood in Valencia"
    assert story["counts"]["reports"] == 0
    url = f"{API}/stories/{story['id']}"
    assert client.get(url).get_json()["description"] == "DANA, October 2024"

    changed = client.patch(url, json={"title": "Valencia floods"}, headers=as_role("editor"))
    assert changed.status_code == 200
    assert changed.get_json()["title"] == "Valencia floods"
    assert changed.get_json()["description"] == "DANA, October 2024"

    assert client.delete(url, headers=as_role("editor")).status_code == 403
    assert client.delete(url, headers=as_role("admin")).status_code == 204
    assert client.get(url).status_code == 404


def test_story_counts_cover_reports_claims_and_pairs_by_label_and_status(
        client: FlaskClient, story: dict[str, Any], app: Flask) -> None:
    counts = story["counts"]
    assert counts["reports"] == 2
    assert counts["claims"] == count(app, Claim) > 0
    assert counts["pairs"] == count(app, Pair) > 0
    assert sum(counts["by_label"].values()) == counts["pairs"]
    assert counts["by_status"] == {"unreviewed": counts["pairs"]}
    listed = client.get(f"{API}/stories").get_json()["items"]
    assert listed[0]["counts"] == counts


def test_a_story_counts_what_sql_counts_through_reviews_and_reports(
        client: FlaskClient, story: dict[str, Any], as_role: Any) -> None:
    url = f"{API}/stories/{story['id']}"

    def counted_in_sql() -> dict[str, Any]:
        # The story list counts every page of stories in SQL.
        listed = client.get(f"{API}/stories").get_json()["items"]
        return next(s["counts"] for s in listed if s["id"] == story["id"])

    pairs = all_pairs(client, story["id"])
    assert len(pairs) >= 3
    reviews = [{"status": "confirmed"}, {"label": "conflict"}, {"label": "agree"},
               {"status": "unreviewed"}]
    for k, change in enumerate(reviews):
        pair = all_pairs(client, story["id"])[k % 3]
        done = client.patch(f"{API}/pairs/{pair['id']}", json=change | {
            "version": pair["version"]}, headers=as_role("editor"))
        assert done.status_code == 200, done.get_json()
        shown = client.get(url).get_json()["counts"]
        assert shown == counted_in_sql(), change
    assert shown["by_status"].get("corrected", 0) + shown["by_status"].get("confirmed", 0) >= 2
    first = seed_report_bodies()[0]
    body = first | {"title": "the same report again, from another outlet",
                    "outlet": "Another outlet", "text": first["text"] + "\n\nIt took seven years."}
    added = client.post(f"{url}/reports", json=body, headers=as_role("editor"))
    assert added.status_code == 201, added.get_json()
    assert client.get(url).get_json()["counts"] == counted_in_sql()
    assert counted_in_sql()["reports"] == 3
    gone = client.delete(f"{API}/reports/{added.get_json()['id']}", headers=as_role("admin"))
    assert gone.status_code == 204
    assert client.get(url).get_json()["counts"] == counted_in_sql()


def test_story_list_pages_carry_total_and_link_headers(client: FlaskClient,
                                                       as_role: Any) -> None:
    for n in range(5):
        client.post(f"{API}/stories", json={"title": f"story {n}"}, headers=as_role("editor"))
    first = client.get(f"{API}/stories?per_page=2")
    body = first.get_json()
    assert (body["total"], body["page"], body["per_page"], len(body["items"])) == (5, 1, 2, 2)
    rels = links(first)
    assert set(rels) == {"first", "next", "last"}
    assert "page=2" in rels["next"] and "page=3" in rels["last"]

    middle = client.get(f"{API}/stories?per_page=2&page=2")
    assert set(links(middle)) == {"first", "prev", "next", "last"}
    last = client.get(links(middle)["last"])
    assert len(last.get_json()["items"]) == 1
    assert "next" not in links(last)
    titles = [s["title"] for p in (first, middle, last) for s in p.get_json()["items"]]
    assert sorted(titles) == [f"story {n}" for n in range(5)]  # every story exactly once


def test_per_page_is_capped_at_200(client: FlaskClient) -> None:
    assert client.get(f"{API}/stories?per_page=200").status_code == 200
    refused = client.get(f"{API}/stories?per_page=201")
    assert refused.status_code == 422
    assert "per_page" in refused.get_json()["errors"]


def test_default_page_size_is_50(client: FlaskClient) -> None:
    assert client.get(f"{API}/stories").get_json()["per_page"] == 50


# --- reports ------------------------------------------------------------------------------


def test_posted_report_comes_back_with_claims_spans_and_new_pairs(
        client: FlaskClient, as_role: Any, app: Flask) -> None:
    sid = client.post(f"{API}/stories", json={"title": "t"},
                      headers=as_role("editor")).get_json()["id"]
    first, second = seed_report_bodies()
    a = client.post(f"{API}/stories/{sid}/reports", json=first, headers=as_role("editor"))
    assert a.status_code == 201
    report = a.get_json()
    assert report["created"] is True and report["new_pairs"] == 0
    assert report["outlet"] == first["outlet"]
    assert report["published_at"].startswith(first["published_at"])
    assert report["claims"] and report["claim_count"] == len(report["claims"])
    for claim in report["claims"]:
        assert report["cleaned_text"][claim["start"]:claim["end"]] == claim["text"]
        assert claim["report_id"] == report["id"] and claim["outlet"] == first["outlet"]
    assert any(v["kind"] == "duration" for c in report["claims"] for v in c["values"])

    b = client.post(f"{API}/stories/{sid}/reports", json=second, headers=as_role("editor"))
    assert b.status_code == 201
    assert b.get_json()["new_pairs"] == count(app, Pair) > 0


def test_reposting_the_same_content_returns_the_stored_report_with_200(
        client: FlaskClient, as_role: Any, story: dict[str, Any], app: Flask) -> None:
    body = seed_report_bodies()[0]
    again = client.post(f"{API}/stories/{story['id']}/reports", json=body,
                        headers=as_role("editor"))
    assert again.status_code == 200
    assert again.get_json()["created"] is False and again.get_json()["new_pairs"] == 0
    assert again.get_json()["id"] == client.get(
        f"{API}/stories/{story['id']}/reports").get_json()["items"][0]["id"]
    assert count(app, Report) == 2


def test_html_report_is_cleaned_before_claims_are_taken(client: FlaskClient,
                                                        as_role: Any) -> None:
    sid = client.post(f"{API}/stories", json={"title": "t"},
                      headers=as_role("editor")).get_json()["id"]
    html = ("<html><body><nav>Home | World</nav><article><h1>Treaty adopted</h1>"
            "<p>The treaty took five years to finalize, the UN said on Tuesday.</p>"
            "</article></body></html>")
    made = client.post(f"{API}/stories/{sid}/reports", json={"outlet": "W", "html": html},
                       headers=as_role("editor"))
    assert made.status_code == 201
    report = made.get_json()
    assert report["raw_format"] == "html"
    assert "<p>" not in report["cleaned_text"]
    assert any("five years" in c["text"] for c in report["claims"])


def test_reports_are_listed_shown_and_deleted_by_an_admin(
        client: FlaskClient, as_role: Any, story: dict[str, Any], app: Flask) -> None:
    listed = client.get(f"{API}/stories/{story['id']}/reports").get_json()
    assert listed["total"] == 2
    assert [r["outlet"] for r in listed["items"]] == [b["outlet"] for b in seed_report_bodies()]
    rid = listed["items"][1]["id"]
    shown = client.get(f"{API}/reports/{rid}").get_json()
    assert shown["claims"] and shown["cleaned_text"]
    assert listed["items"][1]["claim_count"] == len(shown["claims"])
    assert sum(r["claim_count"] for r in listed["items"]) == story["counts"]["claims"]

    assert client.delete(f"{API}/reports/{rid}", headers=as_role("editor")).status_code == 403
    assert client.delete(f"{API}/reports/{rid}", headers=as_role("admin")).status_code == 204
    assert client.get(f"{API}/reports/{rid}").status_code == 404
    assert count(app, Pair) == 0  # every pair needs two reports
    assert client.get(f"{API}/stories/{story['id']}").get_json()["counts"]["reports"] == 1


def test_report_list_paginates(client: FlaskClient, story: dict[str, Any]) -> None:
    page = client.get(f"{API}/stories/{story['id']}/reports?per_page=1&page=2")
    body = page.get_json()
    assert (body["total"], len(body["items"])) == (2, 1)
    assert set(links(page)) == {"first", "prev", "last"}


# --- URL ingest -------------------------------------------------------------------------------


class _Page(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Serve one short article."""
        body = (b"<html><head><title>Vote at the UN</title></head><body><p>The General "
                b"Assembly adopted the convention on 24 December 2024.</p></body></html>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[str]:
    """Serve one article on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/un-vote"
    server.shutdown()
    server.server_close()


def test_report_is_fetched_from_a_url_when_private_addresses_are_allowed(
        database_url: str, tmp_path: Path, site: str) -> None:
    app = make_app(database_url, tmp_path, URL_FETCH_ALLOW_PRIVATE=True)
    try:
        from factcheck.db import session_scope
        from factcheck.services import users

        with session_scope(app) as s:
            users.create_user(s, "ed", role="editor")
            token = users.create_token(s, "ed")
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        sid = client.post(f"{API}/stories", json={"title": "t"}, headers=headers).get_json()["id"]
        made = client.post(f"{API}/stories/{sid}/reports", json={"url": site}, headers=headers)
        assert made.status_code == 201, made.get_json()
        report = made.get_json()
        assert (report["outlet"], report["url"], report["raw_format"]) == (
            "127.0.0.1", site, "html")
        assert "adopted the convention" in report["cleaned_text"]
    finally:
        get_db(app).engine.dispose()


def test_url_on_a_private_address_is_refused_and_nothing_is_stored(
        client: FlaskClient, as_role: Any, app: Flask, site: str) -> None:
    sid = client.post(f"{API}/stories", json={"title": "t"},
                      headers=as_role("editor")).get_json()["id"]
    refused = client.post(f"{API}/stories/{sid}/reports", json={"url": site, "outlet": "X"},
                          headers=as_role("editor"))
    assert refused.status_code == 422
    body = refused.get_json()
    assert body["code"] == "fetch_failed" and "private" in body["errors"]["url"][0]
    assert count(app, Report) == 0


# --- claims, pairs, review, groups ----------------------------------------------------------


def test_claims_of_a_story_are_listed_with_their_outlet(client: FlaskClient,
                                                        story: dict[str, Any]) -> None:
    body = client.get(f"{API}/stories/{story['id']}/claims?per_page=200").get_json()
    assert body["total"] == story["counts"]["claims"] == len(body["items"])
    assert {c["outlet"] for c in body["items"]} == {b["outlet"] for b in seed_report_bodies()}
    second = client.get(f"{API}/stories/{story['id']}/claims?per_page=5&page=2").get_json()
    assert [c["id"] for c in second["items"]] == [c["id"] for c in body["items"][5:10]]


PAIR_KEYS = {"id", "story_id", "claim_a", "claim_b", "label", "confidence", "similarity",
             "reasons", "explanation", "effective_label", "editor_label", "status", "note",
             "reviewed_by", "reviewed_at", "version"}
CLAIM_KEYS = {"id", "text", "start", "end", "values", "report_id", "outlet", "published"}


def all_pairs(client: FlaskClient, story_id: int, query: str = "") -> list[dict[str, Any]]:
    """Return every pair of a story with a filter query."""
    body = client.get(f"{API}/stories/{story_id}/pairs?per_page=200{query}").get_json()
    assert body["total"] == len(body["items"])
    return list(body["items"])


def test_pairs_carry_both_claims_the_judgement_and_the_review(
        client: FlaskClient, story: dict[str, Any]) -> None:
    pairs = all_pairs(client, story["id"])
    assert len(pairs) == story["counts"]["pairs"]
    for pair in pairs:
        assert set(pair) >= PAIR_KEYS
        assert set(pair["claim_a"]) >= CLAIM_KEYS and set(pair["claim_b"]) >= CLAIM_KEYS
        assert pair["claim_a"]["report_id"] != pair["claim_b"]["report_id"]
        assert pair["status"] == "unreviewed" and pair["version"] == 1
        assert pair["reasons"] and pair["explanation"]
    one = client.get(f"{API}/pairs/{pairs[0]['id']}").get_json()
    assert one == pairs[0]


def test_pair_filters_select_by_label_status_confidence_and_report(
        client: FlaskClient, story: dict[str, Any]) -> None:
    pairs = all_pairs(client, story["id"])
    for label in {p["label"] for p in pairs}:
        assert [p["id"] for p in all_pairs(client, story["id"], f"&label={label}")] == [
            p["id"] for p in pairs if p["label"] == label]
    middle = sorted(p["confidence"] for p in pairs)[len(pairs) // 2]
    assert {p["id"] for p in all_pairs(client, story["id"], f"&min_confidence={middle}")} == {
        p["id"] for p in pairs if p["confidence"] >= middle}
    assert all_pairs(client, story["id"], "&status=confirmed") == []
    rid = pairs[0]["claim_a"]["report_id"]
    assert len(all_pairs(client, story["id"], f"&report={rid}")) == len(pairs)
    assert all_pairs(client, story["id"], "&report=999999") == []


def test_pairs_come_conflicts_first(client: FlaskClient, story: dict[str, Any]) -> None:
    order = {"conflict": 0, "complement": 1, "agree": 2}
    labels = [order[p["effective_label"]] for p in all_pairs(client, story["id"])]
    assert labels == sorted(labels)


def test_review_sets_the_editor_label_beside_the_machine_label(
        client: FlaskClient, story: dict[str, Any], as_role: Any) -> None:
    pair = all_pairs(client, story["id"])[0]
    other = next(lab for lab in ("agree", "conflict") if lab != pair["label"])
    done = client.patch(f"{API}/pairs/{pair['id']}", json={
        "label": other, "note": "the dates differ", "version": pair["version"]},
        headers=as_role("editor"))
    assert done.status_code == 200
    body = done.get_json()
    assert (body["label"], body["editor_label"], body["effective_label"]) == (
        pair["label"], other, other)
    assert (body["status"], body["note"], body["reviewed_by"]) == (
        "corrected", "the dates differ", "editor")
    assert body["version"] == pair["version"] + 1 and body["reviewed_at"]
    reviewed = all_pairs(client, story["id"], "&status=corrected")
    assert [p["id"] for p in reviewed] == [pair["id"]]


def test_review_with_a_stale_version_is_a_409_and_changes_nothing(
        client: FlaskClient, story: dict[str, Any], as_role: Any, app: Flask) -> None:
    pair = all_pairs(client, story["id"])[0]
    url = f"{API}/pairs/{pair['id']}"
    assert client.patch(url, json={"status": "confirmed", "version": 1},
                        headers=as_role("editor")).status_code == 200
    events = count(app, AuditEvent)
    stale = client.patch(url, json={"label": "conflict", "note": "late", "version": 1},
                         headers=as_role("admin"))
    assert stale.status_code == 409
    body = stale.get_json()
    assert body["code"] == "conflict" and "version" in body["errors"]
    now = client.get(url).get_json()
    assert (now["status"], now["note"], now["version"], now["reviewed_by"]) == (
        "confirmed", None, 2, "editor")
    assert count(app, AuditEvent) == events


def test_review_needs_an_editor(client: FlaskClient, story: dict[str, Any],
                                as_role: Any) -> None:
    pair = all_pairs(client, story["id"])[0]
    url = f"{API}/pairs/{pair['id']}"
    assert client.patch(url, json={"status": "confirmed", "version": 1}).status_code == 401
    assert client.patch(url, json={"status": "confirmed", "version": 1},
                        headers=as_role("viewer")).status_code == 403


def test_groups_join_the_pairs_of_one_fact_conflicts_first(
        client: FlaskClient, story: dict[str, Any]) -> None:
    body = client.get(f"{API}/stories/{story['id']}/groups").get_json()
    groups = body["items"]
    assert body["total"] == len(groups) > 0
    pair_ids = [p["id"] for g in groups for p in g["pairs"]]
    assert sorted(pair_ids) == sorted(p["id"] for p in all_pairs(client, story["id"]))
    order = {"conflict": 0, "complement": 1, "agree": 2}
    assert [order[g["label"]] for g in groups] == sorted(order[g["label"]] for g in groups)
    for g in groups:
        ids = {c["id"] for c in g["claims"]}
        assert all({p["claim_a"]["id"], p["claim_b"]["id"]} <= ids for p in g["pairs"])
        assert g["outlets"] == sorted({c["outlet"] for c in g["claims"]})


# --- compare ------------------------------------------------------------------------------------


def test_compare_returns_pairs_and_stores_nothing(client: FlaskClient, app: Flask) -> None:
    reports = [{"outlet": b["outlet"], "published_at": b["published_at"], "text": b["text"]}
               for b in seed_report_bodies()]
    events = count(app, AuditEvent)
    done = client.post(f"{API}/compare", json={"reports": reports})
    assert done.status_code == 200
    body = done.get_json()
    assert [r["outlet"] for r in body["reports"]] == [r["outlet"] for r in reports]
    assert body["pairs"]
    for pair in body["pairs"]:
        assert pair["claim_a"]["report"] == 0 and pair["claim_b"]["report"] == 1
        assert pair["label"] in ("agree", "complement", "conflict") and pair["explanation"]
        text = body["reports"][0]["cleaned_text"]
        assert text[pair["claim_a"]["start"]:pair["claim_a"]["end"]] == pair["claim_a"]["text"]
    assert sorted(k for g in body["groups"] for k in g) == list(range(len(body["pairs"])))
    assert (count(app, Story), count(app, Report), count(app, AuditEvent)) == (0, 0, events)


def test_compare_follows_read_access(database_url: str, tmp_path: Path) -> None:
    app = make_app(database_url, tmp_path, READ_ACCESS="token")
    try:
        refused = app.test_client().post(f"{API}/compare", json={"reports": [
            {"text": "a"}, {"text": "b"}]})
        assert refused.status_code == 401
    finally:
        get_db(app).engine.dispose()


# --- export ----------------------------------------------------------------------------------


def test_story_report_passes_the_export_through_as_a_download(
        client: FlaskClient, story: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []

    def fake(session: Any, story_id: int, fmt: str, *, label: str | None = None,
             status: str | None = None, author: str = "", base_url: str | None = None,
             ) -> export.Exported:
        calls.append((story_id, fmt, label, status, author, base_url))
        return export.Exported(b"# Discrepancies\n", "text/markdown; charset=utf-8",
                               "cybercrime-treaty.md")

    monkeypatch.setattr(export, "export_story", fake)
    got = client.get(f"{API}/stories/{story['id']}/report?format=md&label=conflict"
                     "&status=unreviewed")
    assert got.status_code == 200
    assert got.data == b"# Discrepancies\n"
    assert got.headers["Content-Type"] == "text/markdown; charset=utf-8"
    assert got.headers["Content-Disposition"] == 'attachment; filename="cybercrime-treaty.md"'
    assert calls == [(story["id"], "md", "conflict", "unreviewed", "factcheck",
                      "http://localhost/")]


def test_story_report_of_an_unknown_format_is_a_422(client: FlaskClient,
                                                    story: dict[str, Any]) -> None:
    got = client.get(f"{API}/stories/{story['id']}/report?format=nosuchformat")
    assert got.status_code == 422
    assert "format" in got.get_json()["errors"]


def test_story_report_in_every_offered_format(client: FlaskClient,
                                              story: dict[str, Any]) -> None:
    if not export.FORMATS:
        pytest.skip("factcheck.export offers no format yet")
    for fmt, content_type in export.FORMATS.items():
        got = client.get(f"{API}/stories/{story['id']}/report?format={fmt}")
        if got.status_code == 422 and fmt == "claimreview":
            continue  # ClaimReview may need reviewed pairs; its refusal is the export's call
        assert got.status_code == 200, (fmt, got.get_json())
        assert got.headers["Content-Type"].split(";")[0] == content_type.split(";")[0]
        assert got.headers["Content-Disposition"].startswith("attachment; filename=")
        assert got.data


# --- the contract --------------------------------------------------------------------------


def test_openapi_document_lists_every_endpoint_and_the_error_shape(
        client: FlaskClient) -> None:
    doc = client.get(f"{API}/openapi.json").get_json()
    expected = {
        "/api/v1/stories": {"get", "post"},
        "/api/v1/stories/{story_id}": {"get", "patch", "delete"},
        "/api/v1/stories/{story_id}/reports": {"get", "post"},
        "/api/v1/reports/{report_id}": {"get", "delete"},
        "/api/v1/stories/{story_id}/claims": {"get"},
        "/api/v1/stories/{story_id}/pairs": {"get"},
        "/api/v1/pairs/{pair_id}": {"get", "patch"},
        "/api/v1/stories/{story_id}/groups": {"get"},
        "/api/v1/stories/{story_id}/report": {"get"},
        "/api/v1/compare": {"post"},
    }
    for path, methods in expected.items():
        assert methods <= set(doc["paths"][path]), path
    error = doc["components"]["schemas"]["Error"]["properties"]
    assert (error["code"]["type"], error["status"]["type"]) == ("string", "integer")
    assert doc["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_a_url_sent_with_the_text_is_kept_and_not_fetched(
        client: FlaskClient, as_role: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import api

    def no_fetch(url: str, **_kw: Any) -> None:
        raise AssertionError(f"fetched {url}")

    monkeypatch.setattr(api, "fetch_report", no_fetch)
    sid = client.post(f"{API}/stories", json={"title": "t"},
                      headers=as_role("editor")).get_json()["id"]
    made = client.post(f"{API}/stories/{sid}/reports", headers=as_role("editor"), json={
        "outlet": "A", "url": "https://news.example/a", "text": "The vote was held on Monday."})
    assert made.status_code == 201
    assert made.get_json()["url"] == "https://news.example/a"
