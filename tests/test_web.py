"""The editors' pages through Flask's test client: roles, CSRF, forms, errors, safety, queries."""

from __future__ import annotations

import io
import itertools
import re
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select

from factcheck import web
from factcheck.db import get_db, session_scope
from factcheck.errors import FetchError
from factcheck.models import AuditEvent, Claim, Pair, Report
from factcheck.services import ingest, users
from factcheck.services.fetch import FetchedPage

from .conftest import make_app, make_story

PASSWORD = "a good long password"
REPORT_A = ("The committee met in Vienna on Monday. The treaty took 5 years to finalize. "
            "More than 150 countries signed it.")
REPORT_B = ("Delegates gathered in Vienna. The treaty took seven years to finalize. "
            "About 150 countries signed it.")


def csrf(html: str) -> str:
    """Return the CSRF token of the first form on a page."""
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def add_user(app: Flask, name: str, role: str) -> None:
    """Create an account with PASSWORD."""
    with session_scope(app) as session:
        users.create_user(session, name, role=role, password=PASSWORD)


def sign_in(client: FlaskClient, name: str) -> Any:
    """Sign in through the form and return the response."""
    token = csrf(client.get("/signin").text)
    return client.post("/signin", data={"csrf_token": token, "username": name,
                                        "password": PASSWORD, "next": "/"})


def as_role(app: Flask, role: str) -> FlaskClient:
    """Return a client signed in as a new user with ``role``."""
    add_user(app, f"the-{role}", role)
    client = app.test_client()
    assert sign_in(client, f"the-{role}").status_code == 302
    return client


def two_report_story(app: Flask) -> tuple[int, int]:
    """Create a story with two reports that disagree on a number; return (story, pair) ids."""
    with session_scope(app) as session:
        story = make_story(session, "Treaty")
        ingest.add_report(session, story, outlet="Alpha", text=REPORT_A,
                          published=date(2024, 12, 26))
        ingest.add_report(session, story, outlet="Beta", text=REPORT_B,
                          published=date(2024, 12, 27))
        pair_id = session.scalars(select(Pair.id).where(Pair.story_id == story.id)).first()
        assert pair_id is not None, "the two reports produced no pair"
        return story.id, pair_id


@pytest.fixture
def editor(app: Flask) -> FlaskClient:
    """A client signed in as an editor."""
    return as_role(app, "editor")


# ---------------------------------------------------------------- reading

def test_stories_page_shows_counts_by_label_in_words_and_icons(seeded_app: Flask) -> None:
    page = seeded_app.test_client().get("/").text
    assert "UN Convention against Cybercrime" in page
    assert re.search(r"2 reports", page)
    for label, icon in web.LABEL_ICONS.items():
        if label != "unrelated":
            assert f'<span class="icon" aria-hidden="true">{icon}</span> {label}' in page


def test_story_page_lists_reports_and_groups_with_conflicts_first(app: Flask) -> None:
    story_id, _ = two_report_story(app)
    page = app.test_client().get(f"/stories/{story_id}").text
    assert "Alpha" in page and "Beta" in page
    labels = re.findall(r'<section class="group (\w+)"', page)
    assert labels, "no fact group shown"
    order = {"conflict": 0, "complement": 1, "agree": 2, "unrelated": 3}
    assert [order[x] for x in labels] == sorted(order[x] for x in labels)


def test_story_filters_narrow_the_pairs_and_search_lists_claims(app: Flask) -> None:
    story_id, _ = two_report_story(app)
    client = app.test_client()
    none_left = client.get(f"/stories/{story_id}?status=confirmed").text
    assert "No pairs match these filters." in none_left
    searched = client.get(f"/stories/{story_id}?q=countries").text
    assert re.search(r"\d+ claims? containing “countries”", searched)
    assert "signed it" in searched


def test_a_large_fact_lists_its_first_pairs_and_links_to_all_of_them(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    with session_scope(app) as session:
        story = make_story(session, "Many")
        for k in range(4):
            ingest.add_report(session, story, outlet=f"Outlet {k}",
                              text=f"The treaty took {k + 3} years to finalize.")
        story_id = story.id
        total = len(session.scalars(select(Pair.id).where(Pair.story_id == story_id)).all())
    assert total > 2, "the reports should pair with each other"
    monkeypatch.setattr(web, "PAIRS_SHOWN", 2)
    client = app.test_client()
    page = client.get(f"/stories/{story_id}").text
    assert page.count('<li class="pair ') == 2
    link = re.search(r'href="(/stories/\d+\?with_pair=\d+)[^"]*">Show all (\d+) pairs', page)
    assert link and int(link.group(2)) == total
    every = client.get(link.group(1)).text
    assert every.count('<li class="pair ') == total


def test_pairs_of_a_report_just_added_are_listed_first(app: Flask,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with session_scope(app) as session:
        story = make_story(session, "Many")
        for k in range(4):
            ingest.add_report(session, story, outlet=f"Outlet {k}",
                              text=f"The treaty took {k + 3} years to finalize.")
        story_id = story.id
        last = max(session.scalars(select(Report.id).where(Report.story_id == story_id)))
    monkeypatch.setattr(web, "PAIRS_SHOWN", 2)
    page = app.test_client().get(f"/stories/{story_id}?added={last}").text
    rows = re.findall(r'<li class="pair [^"]*"', page)
    assert len(rows) == 2 and all("is-new" in r for r in rows)


def test_unknown_filter_values_are_ignored_not_errors(app: Flask) -> None:
    story_id, _ = two_report_story(app)
    response = app.test_client().get(f"/stories/{story_id}?label=bogus&status=%27")
    assert response.status_code == 200


def test_story_page_queries_do_not_grow_with_the_number_of_reports(app: Flask) -> None:
    def story_with(n: int) -> int:
        with session_scope(app) as session:
            story = make_story(session, f"{n} reports")
            for k in range(n):
                ingest.add_report(session, story, outlet=f"Outlet {k}",
                                  text=f"Report {k}. The treaty took {k + 3} years to finalize. "
                                       f"It was signed by {100 + k} countries.")
            return story.id

    small, large = story_with(2), story_with(6)
    client = app.test_client()
    engine = get_db(app).engine
    counts: list[int] = []

    def count(*_args: Any) -> None:
        counts[-1] += 1

    event.listen(engine, "before_cursor_execute", count)
    try:
        for story_id in (small, large):
            counts.append(0)
            assert client.get(f"/stories/{story_id}").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert counts[0] == counts[1], f"queries grew with reports: {counts}"


def test_report_page_marks_each_claim_at_its_exact_span(app: Flask) -> None:
    story_id, _ = two_report_story(app)
    with session_scope(app) as session:
        report = session.scalars(select(Report).where(Report.story_id == story_id)).first()
        assert report is not None
        expected = [report.cleaned_text[c.start:c.end] for c in report.claims]
        report_id = report.id
    page = app.test_client().get(f"/reports/{report_id}").text
    article = page.split('<article class="report-text"', 1)[1].split("</article>", 1)[0]
    marked = [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<mark [^>]*>(.*?)</mark>", article)]
    assert marked == expected


def test_report_with_markup_is_shown_as_text(editor: FlaskClient, app: Flask) -> None:
    story_id, _ = two_report_story(app)
    page = editor.get(f"/stories/{story_id}").text
    hostile = "It said <script>alert(1)</script> and <img src=x onerror=alert(1)> was shown."
    response = editor.post(f"/stories/{story_id}/reports", data={
        "csrf_token": csrf(page), "outlet": "<b>Evil</b>", "text": hostile})
    assert response.status_code == 302
    report_id = int(re.search(r"added=(\d+)", response.headers["Location"]).group(1))
    shown = editor.get(f"/reports/{report_id}").text
    assert "<script>alert(1)</script>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "<img src=x" not in shown and "&lt;b&gt;Evil&lt;/b&gt;" in shown


def test_removed_page_junk_can_be_shown(seeded_app: Flask) -> None:
    page = seeded_app.test_client().get("/reports/1").text
    assert "Show the page junk that was removed" in page
    assert "<code>Page Loader</code>" in page


def test_value_formatting_reads_like_an_editor_writes() -> None:
    day = date(2024, 12, 26).toordinal()
    cases = [
        ({"kind": "duration", "low": 5, "high": 5, "unit": "years"}, "5 years"),
        ({"kind": "count", "low": 2000, "high": 2000, "unit": "people", "bound": "more_than"},
         "more than 2,000 people"),
        ({"kind": "percent", "low": 12.5, "high": 12.5, "bound": "about"}, "about 12.5%"),
        ({"kind": "money", "low": 3e6, "high": 3e6, "unit": "USD"}, "USD 3,000,000"),
        ({"kind": "date", "low": day, "high": day}, "26 Dec 2024"),
        ({"kind": "date", "low": date(2024, 8, 1).toordinal(),
          "high": date(2024, 8, 31).toordinal()}, "Aug 2024"),
        ({"kind": "number", "low": 3, "high": 5}, "3–5"),
        ({"kind": "count", "low": 1, "high": 1, "unit": "delegations"}, "1 delegation"),
        ({"kind": "duration", "low": 1, "high": 1, "unit": "years"}, "1 year"),
    ]
    for value, expected in cases:
        assert web.format_value(value) == expected


# ---------------------------------------------------------------- sign-in and roles

def test_signing_in_with_the_right_password_starts_a_session(app: Flask) -> None:
    add_user(app, "ed", "editor")
    client = app.test_client()
    response = sign_in(client, "ed")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "ed <span class=\"role\">editor</span>" in client.get("/").text


def test_a_wrong_password_is_refused_and_counted(app: Flask) -> None:
    add_user(app, "ed", "editor")
    client = app.test_client()
    token = csrf(client.get("/signin").text)
    response = client.post("/signin", data={"csrf_token": token, "username": "ed",
                                            "password": "not it"})
    assert response.status_code == 401
    assert "Wrong username or password" in response.text
    with session_scope(app) as session:
        assert users.get_user(session, "ed").failed_logins == 1


def test_sign_in_never_redirects_off_site(app: Flask) -> None:
    add_user(app, "ed", "editor")
    client = app.test_client()
    token = csrf(client.get("/signin").text)
    response = client.post("/signin", data={"csrf_token": token, "username": "ed",
                                            "password": PASSWORD,
                                            "next": "//evil.example/steal"})
    assert response.headers["Location"] == "/"


def test_signing_out_ends_the_session(editor: FlaskClient) -> None:
    page = editor.get("/").text
    response = editor.post("/signout", data={"csrf_token": csrf(page)})
    assert response.status_code == 302
    assert "Sign in</a>" in editor.get("/").text


def test_forms_without_a_csrf_token_are_refused(app: Flask, editor: FlaskClient) -> None:
    response = editor.post("/stories", data={"title": "No token"})
    assert response.status_code == 400
    assert "form expired" in response.text


def test_the_json_api_is_exempt_from_csrf(app: Flask) -> None:
    response = app.test_client().post("/api/v1/stories", json={"title": "x"})
    assert "form expired" not in response.text
    assert response.status_code != 400 or "csrf" not in response.text.lower()


def test_a_viewer_reads_but_may_not_review_or_add(app: Flask) -> None:
    story_id, pair_id = two_report_story(app)
    viewer = as_role(app, "viewer")
    page = viewer.get(f"/pairs/{pair_id}").text
    assert "Your decision" not in page
    token = csrf(viewer.get("/").text)
    review = viewer.post(f"/pairs/{pair_id}", data={"csrf_token": token, "version": 1,
                                                    "label": "agree"})
    assert review.status_code == 403
    add = viewer.post(f"/stories/{story_id}/reports",
                      data={"csrf_token": token, "outlet": "X", "text": "Something."})
    assert add.status_code == 403


def test_anonymous_visitors_may_not_write(app: Flask) -> None:
    story_id, _ = two_report_story(app)
    client = app.test_client()
    token = csrf(client.get("/signin").text)
    response = client.post(f"/stories/{story_id}/reports",
                           data={"csrf_token": token, "outlet": "X", "text": "Something."})
    assert response.status_code == 401
    assert "Please sign in" in response.text


def test_read_access_token_sends_visitors_to_sign_in(database_url: str, tmp_path: Any) -> None:
    app = make_app(database_url, tmp_path, READ_ACCESS="token")
    try:
        response = app.test_client().get("/stories/1?label=conflict")
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/signin?next=")
        assert app.test_client().get("/signin").status_code == 200
        assert as_role(app, "viewer").get("/").status_code == 200
    finally:
        get_db(app).engine.dispose()


def test_an_admin_creates_users_and_an_editor_may_not(app: Flask) -> None:
    admin = as_role(app, "admin")
    token = csrf(admin.get("/admin/users").text)
    response = admin.post("/admin/users", data={"csrf_token": token, "username": "newbie",
                                                "role": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assert "newbie" in admin.get("/admin/users").text
    again = admin.post("/admin/users", data={"csrf_token": token, "username": "newbie",
                                             "role": "editor", "password": PASSWORD})
    assert again.status_code == 409 and "already exists" in again.text
    assert as_role(app, "editor").get("/admin/users").status_code == 403


def test_an_admin_deletes_a_report(app: Flask) -> None:
    story_id, _ = two_report_story(app)
    admin = as_role(app, "admin")
    with session_scope(app) as session:
        report_id = session.scalars(select(Report.id).where(Report.story_id == story_id)).first()
    page = admin.get(f"/reports/{report_id}").text
    response = admin.post(f"/reports/{report_id}/delete", data={"csrf_token": csrf(page)})
    assert response.status_code == 302
    assert admin.get(f"/reports/{report_id}").status_code == 404


def test_session_cookie_is_secure_when_configured(database_url: str, tmp_path: Any) -> None:
    app = make_app(database_url, tmp_path, SESSION_COOKIE_SECURE=True)
    try:
        add_user(app, "ed", "editor")
        response = sign_in(app.test_client(), "ed")
        cookie = response.headers["Set-Cookie"]
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    finally:
        get_db(app).engine.dispose()


# ---------------------------------------------------------------- adding reports

def test_pasting_a_report_adds_it_and_reports_its_new_pairs(app: Flask,
                                                            editor: FlaskClient) -> None:
    with session_scope(app) as session:
        story = make_story(session, "Treaty")
        ingest.add_report(session, story, outlet="Alpha", text=REPORT_A)
        story_id = story.id
    page = editor.get(f"/stories/{story_id}").text
    response = editor.post(f"/stories/{story_id}/reports", data={
        "csrf_token": csrf(page), "outlet": "Beta", "text": REPORT_B,
        "published": "2024-12-27"}, follow_redirects=True)
    assert response.status_code == 200
    assert re.search(r"Added Beta: \d+ claims?, [1-9]\d* new pairs?", response.text)
    assert 'class="pair ' in response.text and "is-new" in response.text


def test_uploading_an_html_file_adds_the_report(app: Flask, editor: FlaskClient) -> None:
    with session_scope(app) as session:
        story_id = make_story(session, "Treaty").id
    page = editor.get(f"/stories/{story_id}").text
    html = (b"<html><head><title>T</title></head><body><nav>Home | World</nav><article>"
            b"<p>The treaty took 5 years to finalize.</p></article></body></html>")
    response = editor.post(f"/stories/{story_id}/reports", data={
        "csrf_token": csrf(page), "outlet": "Gamma",
        "file": (io.BytesIO(html), "report.html")}, content_type="multipart/form-data")
    assert response.status_code == 302
    with session_scope(app) as session:
        report = session.scalars(select(Report).where(Report.story_id == story_id)).one()
        assert report.raw_format == "html"
        assert "5 years" in report.cleaned_text and "<p>" not in report.cleaned_text


def test_a_failed_ingest_names_the_field_and_keeps_the_text(app: Flask,
                                                            editor: FlaskClient) -> None:
    with session_scope(app) as session:
        story_id = make_story(session, "Treaty").id
    page = editor.get(f"/stories/{story_id}").text
    response = editor.post(f"/stories/{story_id}/reports", data={
        "csrf_token": csrf(page), "outlet": "", "text": "Kept <text> & all."})
    assert response.status_code == 422
    assert 'id="outlet-error"' in response.text
    assert "Kept &lt;text&gt; &amp; all.</textarea>" in response.text


def test_giving_two_sources_at_once_is_refused(app: Flask, editor: FlaskClient) -> None:
    with session_scope(app) as session:
        story_id = make_story(session, "Treaty").id
    page = editor.get(f"/stories/{story_id}").text
    response = editor.post(f"/stories/{story_id}/reports", data={
        "csrf_token": csrf(page), "outlet": "X", "text": "A text.",
        "fetch_url": "https://example.org/a"})
    assert response.status_code == 422
    assert "Use one source" in response.text


def test_a_fetch_failure_is_shown_next_to_the_address(app: Flask, editor: FlaskClient,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(url: str, **_kw: Any) -> FetchedPage:
        raise FetchError("That address may not be fetched.",
                         errors={"url": ["Private addresses are not allowed."]})

    monkeypatch.setattr(web, "fetch_report", refuse)
    with session_scope(app) as session:
        story_id = make_story(session, "Treaty").id
    page = editor.get(f"/stories/{story_id}").text
    response = editor.post(f"/stories/{story_id}/reports", data={
        "csrf_token": csrf(page), "outlet": "X", "fetch_url": "http://127.0.0.1/x"})
    assert response.status_code == 422
    assert 'id="fetch_url-error">Private addresses are not allowed.' in response.text
    assert 'value="http://127.0.0.1/x"' in response.text


def test_a_fetched_page_is_ingested_with_its_final_address(app: Flask, editor: FlaskClient,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           ) -> None:
    def fetched(url: str, **_kw: Any) -> FetchedPage:
        return FetchedPage(text=("<html><head><title>T</title></head><body><article>"
                                 "<p>The treaty took 5 years to finalize.</p></article>"
                                 "</body></html>"), html=True,
                           final_url="https://news.example/final")

    monkeypatch.setattr(web, "fetch_report", fetched)
    with session_scope(app) as session:
        story_id = make_story(session, "Treaty").id
    page = editor.get(f"/stories/{story_id}").text
    response = editor.post(f"/stories/{story_id}/reports", data={
        "csrf_token": csrf(page), "outlet": "X", "fetch_url": "https://news.example/a"})
    assert response.status_code == 302
    with session_scope(app) as session:
        report = session.scalars(select(Report).where(Report.story_id == story_id)).one()
        assert report.url == "https://news.example/final" and report.raw_format == "html"


# ---------------------------------------------------------------- reviewing pairs

def test_relabelling_keeps_the_machine_label_and_records_who(app: Flask,
                                                             editor: FlaskClient) -> None:
    _, pair_id = two_report_story(app)
    page = editor.get(f"/pairs/{pair_id}").text
    with session_scope(app) as session:
        pair = session.get(Pair, pair_id)
        assert pair is not None
        machine = pair.label
    new = "unrelated"
    response = editor.post(f"/pairs/{pair_id}", data={
        "csrf_token": csrf(page), "version": 1, "label": new, "note": "Different treaty."})
    assert response.status_code == 302
    after = editor.get(f"/pairs/{pair_id}").text
    assert f"Saved: pair {pair_id} relabelled {new}." in after
    assert "corrected by <strong>the-editor</strong>" in after
    assert "Different treaty." in after
    with session_scope(app) as session:
        pair = session.get(Pair, pair_id)
        assert pair is not None
        assert (pair.label, pair.editor_label, pair.status) == (machine, new, "corrected")
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == pair_id,
                                                          AuditEvent.entity_type == "pair"))
        assert [e.actor for e in events] == ["the-editor"]


def test_confirming_keeps_the_machine_label(app: Flask, editor: FlaskClient) -> None:
    _, pair_id = two_report_story(app)
    page = editor.get(f"/pairs/{pair_id}").text
    editor.post(f"/pairs/{pair_id}", data={"csrf_token": csrf(page), "version": 1,
                                           "action": "confirm"})
    with session_scope(app) as session:
        pair = session.get(Pair, pair_id)
        assert pair is not None and pair.status == "confirmed" and pair.editor_label is None


def test_a_stale_review_form_gets_409_and_a_clear_message(app: Flask,
                                                          editor: FlaskClient) -> None:
    _, pair_id = two_report_story(app)
    token = csrf(editor.get(f"/pairs/{pair_id}").text)
    first = editor.post(f"/pairs/{pair_id}", data={"csrf_token": token, "version": 1,
                                                   "label": "agree"})
    assert first.status_code == 302
    stale = editor.post(f"/pairs/{pair_id}", data={"csrf_token": token, "version": 1,
                                                   "label": "conflict", "note": "mine"})
    assert stale.status_code == 409
    assert "someone else changed this pair after you opened it" in stale.text
    assert 'name="version" type="hidden" value="2"' in stale.text
    assert ">mine</textarea>" in stale.text
    with session_scope(app) as session:
        pair = session.get(Pair, pair_id)
        assert pair is not None and pair.editor_label in (None, "agree")


def test_pair_page_shows_both_sentences_reasons_and_neighbours(seeded_app: Flask) -> None:
    client = seeded_app.test_client()
    story = client.get("/stories/1").text
    first = re.search(r'href="/pairs/(\d+)"', story)
    assert first
    page = client.get(f"/pairs/{first.group(1)}").text
    assert page.count('<blockquote class="sentence">') == 2
    assert "NewsBytes" in page and "IBNS (India Blooms)" in page
    assert "confidence" in page and 'rel="next"' in page


# ---------------------------------------------------------------- errors and headers

def test_unknown_pages_get_a_friendly_404(app: Flask) -> None:
    response = app.test_client().get("/stories/424242")
    assert response.status_code == 404
    assert "We could not find that page" in response.text
    assert "Back to the stories" in response.text


def test_a_crash_gets_a_friendly_500_without_details(database_url: str, tmp_path: Any) -> None:
    app = make_app(database_url, tmp_path)

    def boom() -> str:
        raise RuntimeError("secret internals")

    app.add_url_rule("/boom", "boom", boom)
    try:
        response = app.test_client().get("/boom")
        assert response.status_code == 500
        assert "Something went wrong on our side" in response.text
        assert "secret internals" not in response.text
    finally:
        get_db(app).engine.dispose()


def test_pages_forbid_inline_script_and_framing(app: Flask) -> None:
    response = app.test_client().get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.text and " onclick=" not in response.text


def test_static_files_are_served_by_the_app(app: Flask) -> None:
    client = app.test_client()
    for name in ("app.css", "app.js"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200 and len(response.data) > 500
        response.close()


def test_every_form_field_has_a_label(app: Flask, editor: FlaskClient) -> None:
    story_id, pair_id = two_report_story(app)
    admin = as_role(app, "admin")
    for client, url in ((editor, "/"), (editor, f"/stories/{story_id}"),
                        (editor, f"/pairs/{pair_id}"), (admin, "/admin/users"),
                        (app.test_client(), "/signin")):
        page = client.get(url).text
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", page):
            if 'type="hidden"' in tag or "type=hidden" in tag:
                continue
            field_id = re.search(r'id="([^"]+)"', tag)
            assert field_id, f"{url}: field without id: {tag}"
            assert f'for="{field_id.group(1)}"' in page, f"{url}: no label for {tag}"


def test_headings_do_not_skip_levels(app: Flask, editor: FlaskClient) -> None:
    story_id, pair_id = two_report_story(app)
    with session_scope(app) as session:
        report_id = session.scalars(select(Report.id)).first()
    for url in ("/", f"/stories/{story_id}", f"/pairs/{pair_id}", f"/reports/{report_id}",
                "/signin", "/nowhere"):
        page = editor.get(url).text
        body = page.split("<main", 1)[1]
        levels = [int(x) for x in re.findall(r"<h([1-6])\b", body)]
        assert levels and levels[0] == 1, f"{url}: {levels}"
        for prev, cur in itertools.pairwise(levels):
            assert cur <= prev + 1, f"{url}: heading jumps from h{prev} to h{cur}"


def fact_topics(page: str) -> list[str]:
    """Return the topics of the facts listed on a story page."""
    return re.findall(r'<span class="topic">([^<]*)</span>', page)


def _claim_in_two_facts(app: Flask) -> tuple[int, int]:
    """Return (story id, claim id) of a story where one claim is in two facts.

    One claim of the second report pairs with three claims of the first; a fact keeps at
    most two claims of one report, so the third pair is a fact of its own.
    """
    with session_scope(app) as session:
        story = make_story(session, "Durations")
        ingest.add_report(session, story, outlet="Daily", text=(
            "The treaty took 3 years to finalize. The treaty took 4 years to finalize. "
            "The treaty took 6 years to finalize."))
        second = ingest.add_report(session, story, outlet="Weekly",
                                   text="The treaty took 5 years to finalize.")
        claim_id = session.scalars(select(Claim.id).where(
            Claim.report_id == second.report.id)).one()
        assert len(session.scalars(select(Pair.id).where(Pair.story_id == story.id)).all()) == 3
        return story.id, claim_id


def test_a_claim_in_two_facts_says_so_and_links_to_both(app: Flask) -> None:
    story_id, claim_id = _claim_in_two_facts(app)
    client = app.test_client()
    page = client.get(f"/stories/{story_id}").text
    assert len(fact_topics(page)) == 2
    links = re.findall(rf'href="(/stories/{story_id}\?fact={claim_id})#facts"[^>]*>'
                       r"also in 1 other fact</a>", page)
    assert len(links) == 2, "each fact should say the claim is in the other one too"
    both = client.get(links[0]).text
    assert len(fact_topics(both)) == 2
    assert "Showing the 2 facts that hold this claim" in both
    assert "also in 1 other fact" not in both  # the view already shows them all
    # Under a filter the link still leads to every fact holding the claim, as it counts.
    filtered = client.get(f"/stories/{story_id}?label=conflict").text
    assert f'href="/stories/{story_id}?fact={claim_id}#facts"' in filtered


def test_show_all_pairs_of_a_fact_shows_that_fact_only(app: Flask) -> None:
    story_id, _claim = _claim_in_two_facts(app)
    with session_scope(app) as session:
        pair_ids = session.scalars(select(Pair.id).where(Pair.story_id == story_id)
                                   .order_by(Pair.id)).all()
    client = app.test_client()
    shown = [client.get(f"/stories/{story_id}?with_pair={pid}").text for pid in pair_ids]
    assert all(len(fact_topics(p)) == 1 and "Showing one fact with all its pairs" in p
               for p in shown)
    sizes = sorted(p.count('<li class="pair ') for p in shown)
    assert sizes == [1, 2, 2], "a fact of two pairs (twice) and the pair left on its own"
    assert client.get(f"/stories/{story_id}?with_pair=999999").text.count(
        '<li class="pair ') == 0
