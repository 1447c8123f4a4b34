"""Fixtures of the API tests: users with a token per role, headers, a story with reports."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from factcheck.db import session_scope
from factcheck.services import users

from ..conftest import seed_texts


@pytest.fixture
def tokens(app: Flask) -> dict[str, str]:
    """Create a viewer, an editor and an admin; return an API token for each role."""
    made: dict[str, str] = {}
    with session_scope(app) as session:
        for role in ("viewer", "editor", "admin"):
            users.create_user(session, role, role=role)
            made[role] = users.create_token(session, role, name="tests")
    return made


@pytest.fixture
def as_role(tokens: dict[str, str]) -> Any:
    """Return the Authorization header of a role: ``as_role("editor")``."""
    return lambda role: {"Authorization": f"Bearer {tokens[role]}"}


def seed_report_bodies() -> list[dict[str, Any]]:
    """Return the bundled seed reports as API request bodies."""
    return [{"outlet": meta["outlet"], "title": meta.get("title"),
             "published_at": meta.get("published"), "text": body}
            for meta, body in seed_texts()]


@pytest.fixture
def story(client: FlaskClient, as_role: Any) -> dict[str, Any]:
    """Create a story holding both seed reports through the API; return the story."""
    created = client.post("/api/v1/stories", json={"title": "Cybercrime treaty"},
                          headers=as_role("editor"))
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    for report in seed_report_bodies():
        added = client.post(f"/api/v1/stories/{body['id']}/reports", json=report,
                            headers=as_role("editor"))
        assert added.status_code == 201, added.get_json()
    return dict(client.get(f"/api/v1/stories/{body['id']}").get_json())
