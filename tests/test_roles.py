"""Roles on every write: each write route of the app, found in its URL map, checks the role.

The table below names the least role each write route needs. A route that takes a write
method and is not in the table (nor among the few that need no role, each with its reason)
fails ``test_every_write_route_has_a_role_rule``, so a new route cannot skip the check
unnoticed. Every refused request must leave every table as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient

from factcheck.db import get_db

from .world import ROLES, World, build_world, csrf_token, dump, path_for, write_routes

TEXT = "The treaty took five years to finalize. More than 150 countries signed it."
MISSING = 2_147_483_000  # an id no row has

# (endpoint, method) -> (least role, a valid body, a body the route refuses as invalid;
# None when the route takes ids: an unknown id then shows the role check passed).
WRITES: dict[tuple[str, str], tuple[str, dict[str, Any], dict[str, Any] | None]] = {
    ("api.Stories", "POST"): ("editor", {"title": "New"}, {"title": " "}),
    ("api.StoryById", "PATCH"): ("editor", {"title": "Renamed"}, None),
    ("api.StoryById", "DELETE"): ("admin", {}, None),
    ("api.StoryReports", "POST"): ("editor", {"outlet": "X", "text": TEXT}, None),
    ("api.ReportById", "DELETE"): ("admin", {}, None),
    ("api.PairById", "PATCH"): ("editor", {"label": "agree", "version": 1}, None),
    ("web.create_story", "POST"): ("editor", {"title": "New"}, {"title": " "}),
    ("web.add_report", "POST"): ("editor", {"outlet": "X", "text": TEXT}, None),
    ("web.delete_story", "POST"): ("admin", {}, None),
    ("web.delete_report", "POST"): ("admin", {}, None),
    ("web.review", "POST"): ("editor", {"version": "1", "label": "agree"}, None),
    ("web.create_user", "POST"): ("admin", {"username": "mallory", "role": "admin",
                                             "password": "long enough password"},
                                  {"username": "", "role": "admin", "password": "short"}),
}
NEEDS_NO_ROLE = {
    ("web.signin", "POST"): "signing in is how a visitor gets a role",
    ("web.signout", "POST"): "anyone may end their own session",
    ("api.Compare", "POST"): "compares the texts it is sent and stores nothing: a read",
}


@pytest.fixture(scope="module")
def world(module_database_url: str,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The shared world, built once per database for this module."""
    made = build_world(module_database_url, tmp_path_factory.mktemp("roles"))
    yield made
    get_db(made.app).engine.dispose()


def send(world: World, endpoint: str, method: str, body: dict[str, Any], caller: str | None,
         *, ids: dict[str, int] | None = None, cookie: bool = False) -> Any:
    """Send ``body`` to a route as ``caller`` (a role, or None), the way its clients do.

    API routes get the caller's Bearer token, or with ``cookie`` the caller's signed-in
    session instead; pages get the signed-in session and a valid CSRF token.
    """
    path = path_for(world.app, endpoint, ids or world.ids())
    if endpoint.startswith("api."):
        client: FlaskClient = world.client(caller if cookie else None)
        headers = world.bearer(caller) if caller and not cookie else {}
        return client.open(path, method=method, json=body, headers=headers)
    client = world.client(caller)
    return client.open(path, method=method,
                       data={"csrf_token": csrf_token(client, "/signin"), **body})


def test_every_write_route_has_a_role_rule(world: World) -> None:
    routes = write_routes(world.app)
    assert routes == set(WRITES) | set(NEEDS_NO_ROLE), (
        f"routes without a rule here: {sorted(routes - set(WRITES) - set(NEEDS_NO_ROLE))}; "
        f"rules without a route: {sorted(set(WRITES) | set(NEEDS_NO_ROLE) - routes)}")


def _callers_below(role: str) -> list[str]:
    return list(ROLES[:ROLES.index(role)])


REFUSALS = [pytest.param(endpoint, method, caller, id=f"{endpoint}-{method}-{caller}")
            for (endpoint, method), (role, _, _) in WRITES.items()
            for caller in ["anonymous", *_callers_below(role)]]


@pytest.mark.parametrize(("endpoint", "method", "caller"), REFUSALS)
def test_a_caller_without_the_role_is_refused_and_nothing_changes(
        world: World, endpoint: str, method: str, caller: str) -> None:
    body = WRITES[(endpoint, method)][1]
    before = dump(world.app)
    got = send(world, endpoint, method, body, None if caller == "anonymous" else caller)
    expected = 401 if caller == "anonymous" else 403
    assert got.status_code == expected, got.get_data(as_text=True)[:300]
    if endpoint.startswith("api."):
        assert got.get_json()["code"] == ("unauthorized" if expected == 401 else "forbidden")
    elif expected == 401:
        assert "Please sign in" in got.text and 'href="/signin' in got.text
    else:
        assert "Your role does not allow this" in got.text
    assert dump(world.app) == before


@pytest.mark.parametrize(("endpoint", "method"),
                         [k for k in WRITES if k[0].startswith("api.")])
def test_api_writes_refuse_the_sign_in_cookie_even_of_an_admin(
        world: World, endpoint: str, method: str) -> None:
    before = dump(world.app)
    got = send(world, endpoint, method, WRITES[(endpoint, method)][1], "admin", cookie=True)
    assert got.status_code == 401, got.get_json()
    assert "does not accept the sign-in cookie" in got.get_json()["message"]
    assert dump(world.app) == before


@pytest.mark.parametrize(("endpoint", "method"), list(WRITES))
def test_the_least_role_gets_past_the_role_check(world: World, endpoint: str,
                                                 method: str) -> None:
    # Proven without changing anything: an unknown id (404) or an invalid body (422) is
    # only reached once the role was accepted.
    role, _, invalid = WRITES[(endpoint, method)]
    before = dump(world.app)
    if invalid is None:
        ids = dict.fromkeys(world.ids(), MISSING)
        got = send(world, endpoint, method, WRITES[(endpoint, method)][1], role, ids=ids)
        assert got.status_code == 404, got.get_data(as_text=True)[:300]
    else:
        got = send(world, endpoint, method, invalid, role)
        assert got.status_code == 422, got.get_data(as_text=True)[:300]
    assert dump(world.app) == before


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("editor", 403),
                                              ("admin", 200)])
def test_only_an_admin_sees_the_accounts_page(world: World, role: str, status: int) -> None:
    assert world.client(role).get("/admin/users").status_code == status


def test_an_anonymous_visitor_is_sent_to_sign_in_for_the_accounts_page(world: World) -> None:
    got = world.client().get("/admin/users")
    assert got.status_code == 401 and 'href="/signin?next=/admin/users"' in got.text
