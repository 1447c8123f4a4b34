"""One small world shared by the bad-input, role and security tests, and ways to look at it.

A story with two reports that disagree, so it has claims and a pair; a viewer, an editor and
an admin, each with a password and an API token. ``dump`` reads every table, so a test can
say "nothing changed" about the whole database, not a few counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from flask import Flask, url_for
from flask.testing import FlaskClient
from sqlalchemy import select

from factcheck.db import get_db, session_scope
from factcheck.models import Base, Pair
from factcheck.services import ingest, users

from .conftest import make_app, make_story

ROLES = ("viewer", "editor", "admin")
PASSWORD = "a good long password"
REPORT_A = ("The committee met in Vienna on Monday. The treaty took 5 years to finalize. "
            "More than 150 countries signed it.")
REPORT_B = ("Delegates gathered in Vienna. The treaty took seven years to finalize. "
            "About 150 countries signed it.")
_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@dataclass
class World:
    """The app and the ids and secrets of what is in its database."""

    app: Flask
    story_id: int
    report_id: int
    pair_id: int
    tokens: dict[str, str]
    user_ids: dict[str, int]

    def ids(self) -> dict[str, int]:
        """Return the ids to fill a route's path with."""
        return {"story_id": self.story_id, "report_id": self.report_id,
                "pair_id": self.pair_id}

    def bearer(self, role: str) -> dict[str, str]:
        """Return the Authorization header of ``role``'s API token."""
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def client(self, role: str | None = None) -> FlaskClient:
        """Return a browser-like client, signed in as ``role`` (None: anonymous)."""
        client = self.app.test_client()
        if role is not None:
            with client.session_transaction() as session:
                session["user_id"] = self.user_ids[role]
        return client


def build_world(database_url: str, tmp_path: Path, **config: Any) -> World:
    """Create an app on ``database_url`` holding the story, its pair and one user per role."""
    app = make_app(database_url, tmp_path, **config)
    tokens: dict[str, str] = {}
    user_ids: dict[str, int] = {}
    with session_scope(app) as session:
        for role in ROLES:
            user = users.create_user(session, f"the-{role}", role=role, password=PASSWORD)
            user_ids[role] = user.id
            tokens[role] = users.create_token(session, user.username, name="tests")
        story = make_story(session, "Treaty")
        first = ingest.add_report(session, story, outlet="Alpha", text=REPORT_A,
                                  published=date(2024, 12, 26))
        ingest.add_report(session, story, outlet="Beta", text=REPORT_B,
                          published=date(2024, 12, 27))
        pair_id = session.scalars(select(Pair.id).where(Pair.story_id == story.id)).first()
        assert pair_id is not None, "the two reports produced no pair"
        world = World(app, story.id, first.report.id, pair_id, tokens, user_ids)
    return world


def dump(app: Flask) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every table, in primary key order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with get_db(app).sessions() as session:
        for table in Base.metadata.sorted_tables:
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(row) for row in rows]
    return out


def csrf_token(client: FlaskClient, page: str = "/") -> str:
    """Return the CSRF token of ``client``'s session, read from a form on ``page``."""
    found = _CSRF.search(client.get(page).text)
    assert found, f"{page} has no CSRF token"
    return found.group(1)


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def write_routes(app: Flask) -> set[tuple[str, str]]:
    """Return (endpoint, method) of every route of ``app`` that takes a write method."""
    return {(rule.endpoint, method) for rule in app.url_map.iter_rules()
            for method in (rule.methods or set()) & WRITE_METHODS}


def path_for(app: Flask, endpoint: str, ids: dict[str, int]) -> str:
    """Return the path of ``endpoint`` with the ids its rule takes."""
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    with app.test_request_context():
        return url_for(endpoint, **{k: v for k, v in ids.items() if k in rule.arguments})
