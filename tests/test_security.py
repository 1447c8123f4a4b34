"""Web security as tests: CSRF on every form route, the session cookie, CSP on every page,
secrets stored hashed, and sign-in throttling.

Routes are enumerated from the app's URL map, so a new form or page is checked without
anyone remembering to add it here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from werkzeug.security import check_password_hash

from factcheck.db import get_db, session_scope
from factcheck.models import User
from factcheck.services import users

from .conftest import make_app
from .world import PASSWORD, World, build_world, csrf_token, dump, path_for, write_routes


@pytest.fixture(scope="module")
def world(module_database_url: str,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The shared world, built once per database for this module."""
    made = build_world(module_database_url, tmp_path_factory.mktemp("security"))
    yield made
    get_db(made.app).engine.dispose()


@pytest.fixture
def second_app(world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Return a maker of another app on the world's database, with other settings."""
    made: list[Flask] = []

    def make(**config: Any) -> Flask:
        url = str(get_db(world.app).engine.url.render_as_string(hide_password=False))
        app = make_app(url, tmp_path_factory.mktemp("other"), **config)
        made.append(app)
        return app

    yield make
    for app in made:
        get_db(app).engine.dispose()


# ---------------------------------------------------------------- CSRF

def web_write_routes(world: World) -> list[tuple[str, str]]:
    """Return every write route outside the JSON API."""
    return sorted(r for r in write_routes(world.app) if not r[0].startswith("api."))


@pytest.mark.parametrize("token", ["missing", "from another session", "garbled"])
def test_every_web_write_route_refuses_a_post_without_its_csrf_token(world: World,
                                                                     token: str) -> None:
    routes = web_write_routes(world)
    assert len(routes) >= 8, routes  # the enumeration found the forms
    admin = world.client("admin")
    other = csrf_token(world.client("admin"), "/signin")
    sent = {"missing": {}, "from another session": {"csrf_token": other},
            "garbled": {"csrf_token": "x" * 40}}[token]
    for endpoint, method in routes:
        before = dump(world.app)
        got = admin.open(path_for(world.app, endpoint, world.ids()), method=method, data={
            **sent, "title": "t", "outlet": "X", "text": "A text.", "version": "1",
            "label": "agree", "username": "the-admin", "password": PASSWORD, "role": "admin"})
        assert got.status_code == 400, (endpoint, got.status_code)
        assert "This form expired or was sent from elsewhere" in got.text, endpoint
        assert dump(world.app) == before, endpoint
    assert admin.get("/").status_code == 200  # still signed in: nothing was done


# ---------------------------------------------------------------- the session cookie

def _sign_in(app: Flask, *, base_url: str = "http://localhost",
             headers: dict[str, str] | None = None,
             referer: str = "https://localhost/signin") -> str:
    """Sign in as the editor through the form; return the session's Set-Cookie header.

    The Referer is what a browser sends; over HTTPS the CSRF check compares it with the
    host, so it is the public https:// address by default.
    """
    client = app.test_client()
    headers = dict(headers or {})
    page = client.get("/signin", base_url=base_url, headers=headers).text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token
    got = client.post("/signin", base_url=base_url, headers={**headers, "Referer": referer},
                      data={"csrf_token": token.group(1), "username": "the-editor",
                            "password": PASSWORD})
    assert got.status_code == 302, got.text[-500:]
    cookies = [c for c in got.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert len(cookies) == 1
    return cookies[0]


def _flags(cookie: str) -> set[str]:
    return {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}


def test_the_session_cookie_is_httponly_and_samesite_lax(world: World) -> None:
    cookie = _sign_in(world.app)
    assert {"httponly", "samesite"} <= _flags(cookie) and "SameSite=Lax" in cookie
    assert "secure" not in _flags(cookie)  # plain HTTP: a Secure cookie would not come back


def test_the_session_cookie_is_secure_over_https(world: World) -> None:
    assert "secure" in _flags(_sign_in(world.app, base_url="https://localhost"))


@pytest.mark.parametrize(("proxies", "secure"), [(0, False), (1, True)])
def test_a_proxys_https_header_counts_only_when_the_proxy_is_trusted(
        second_app: Any, proxies: int, secure: bool) -> None:
    # The browser speaks HTTPS to the proxy, the proxy plain HTTP to the app.
    app = second_app(PROXY_COUNT=proxies)
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "localhost",
                 "X-Forwarded-For": "203.0.113.7"}
    assert ("secure" in _flags(_sign_in(app, headers=forwarded))) is secure


def test_the_secure_setting_forces_the_flag_even_over_http(second_app: Any) -> None:
    assert "secure" in _flags(_sign_in(second_app(SESSION_COOKIE_SECURE=True)))


# ---------------------------------------------------------------- CSP on every page

def html_pages(world: World) -> dict[str, str]:
    """Return endpoint -> path of every page route (GET, outside the API and static)."""
    return {rule.endpoint: path_for(world.app, rule.endpoint, world.ids())
            for rule in world.app.url_map.iter_rules()
            if "GET" in (rule.methods or set()) and rule.endpoint != "static"
            and not rule.rule.startswith("/api/")}


def _script_policy(csp: str) -> str:
    directives = dict(d.strip().partition(" ")[::2] for d in csp.split(";") if d.strip())
    return directives.get("script-src", directives.get("default-src", ""))


def assert_no_inline_script(response: Any, where: str) -> None:
    """Check a page's CSP allows scripts from the app only, and the page has none inline."""
    csp = response.headers.get("Content-Security-Policy", "")
    script = _script_policy(csp)
    assert script, f"{where}: no script policy in {csp!r}"
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script, where
    assert "*" not in script and "data:" not in script, where
    assert "frame-ancestors 'none'" in csp, where
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.text), where
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", response.text), where


def test_every_page_forbids_inline_script(world: World) -> None:
    pages = html_pages(world)
    assert {"web.index", "web.story", "web.report", "web.pair", "web.signin",
            "web.user_list"} <= set(pages)
    admin = world.client("admin")
    for endpoint, path in pages.items():
        got = admin.get(path)
        assert got.status_code == 200 and got.mimetype == "text/html", endpoint
        assert_no_inline_script(got, endpoint)


def test_error_pages_forbid_inline_script_too(world: World) -> None:
    viewer = world.client("viewer")
    responses = {
        "404": viewer.get("/stories/2147483000"),
        "403": viewer.get("/admin/users"),
        "401": world.client().get("/admin/users"),
        "400 csrf": viewer.post("/stories", data={"title": "t"}),
        "405": viewer.put("/"),
    }
    for name, got in responses.items():
        assert got.status_code == int(name[:3]) and got.mimetype == "text/html", name
        assert_no_inline_script(got, name)


def test_html_exported_by_the_api_runs_no_script_at_all(world: World) -> None:
    got = world.client().get(f"/api/v1/stories/{world.story_id}/report?format=html")
    assert got.status_code == 200 and got.mimetype == "text/html"
    csp = got.headers["Content-Security-Policy"]
    assert "sandbox" in csp and _script_policy(csp) == "'none'"


# ---------------------------------------------------------------- secrets at rest

def test_passwords_and_tokens_are_stored_only_as_hashes(world: World) -> None:
    stored = repr(dump(world.app))
    assert PASSWORD not in stored
    for token in world.tokens.values():
        assert token not in stored and token[len("fc_"):] not in stored
    with session_scope(world.app) as session:
        for role in world.user_ids:
            user = users.get_user(session, f"the-{role}")
            assert user.password_hash and check_password_hash(user.password_hash, PASSWORD)
            assert users.user_for_token(session, world.tokens[role]) == user
        session.rollback()  # keep last_used_at as it was


def test_a_token_records_when_it_was_last_used_even_by_a_read(world: World) -> None:
    from sqlalchemy import select

    from factcheck.models import ApiToken
    role = next(iter(world.tokens))
    with session_scope(world.app) as session:
        for token in session.scalars(select(ApiToken)):
            token.last_used_at = None
    got = world.app.test_client().get(f"/api/v1/stories/{world.story_id}",
                                      headers=world.bearer(role))
    assert got.status_code == 200
    with session_scope(world.app) as session:
        used = [t.last_used_at for t in session.scalars(
            select(ApiToken).where(ApiToken.user_id == world.user_ids[role]))]
    assert any(u is not None and datetime.now(UTC) - u.replace(tzinfo=u.tzinfo or UTC)
               < timedelta(minutes=1) for u in used)


def test_the_cli_password_and_token_are_stored_hashed(world: World) -> None:
    runner = world.app.test_cli_runner()
    secret = "a password only typed once"
    made = runner.invoke(args=["users", "create", "cli-user", "--password-stdin"],
                         input=secret + "\n")
    assert made.exit_code == 0, made.output
    token = runner.invoke(args=["tokens", "create", "cli-user"]).output.splitlines()[-1]
    assert token.startswith("fc_")
    stored = repr(dump(world.app))
    assert secret not in stored and token not in stored


# ---------------------------------------------------------------- sign-in throttling

def _attempt(app: Flask, username: str, password: str) -> int:
    client = app.test_client()
    return client.post("/signin", data={"csrf_token": csrf_token(client, "/signin"),
                                        "username": username, "password": password}
                       ).status_code


def test_five_wrong_passwords_lock_the_account_for_a_while(world: World) -> None:
    with session_scope(world.app) as session:
        users.create_user(session, "throttled", role="editor", password=PASSWORD)
    for _ in range(users.MAX_FAILED_LOGINS):
        assert _attempt(world.app, "throttled", "wrong guess") == 401
    # Locked: even the right password is refused, with the same answer as a wrong one.
    assert _attempt(world.app, "throttled", PASSWORD) == 401
    with session_scope(world.app) as session:
        user = users.get_user(session, "throttled")
        assert user.locked_until is not None
        locked = user.locked_until.replace(tzinfo=user.locked_until.tzinfo or UTC)
        assert timedelta(minutes=4) < locked - datetime.now(UTC) <= users.LOCKOUT
        user.locked_until = datetime.now(UTC) - timedelta(seconds=1)  # the lock runs out
    assert _attempt(world.app, "throttled", PASSWORD) == 302


def test_a_wrong_password_for_an_unknown_user_looks_the_same(world: World) -> None:
    assert _attempt(world.app, "nobody-here", "whatever") == 401
    with session_scope(world.app) as session:
        assert session.query(User).filter_by(username="nobody-here").count() == 0
