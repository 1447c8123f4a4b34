"""Fixtures: an app per test on SQLite and on PostgreSQL, a client, a session, row factories.

PostgreSQL tests use a schema of their own per test run, so runs never see each other's rows.
They skip with the reason when the server is not reachable, unless FACTCHECK_REQUIRE_POSTGRES
is set (CI sets it), in which case they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from factcheck.app import create_app
from factcheck.config import normalise_database_url
from factcheck.db import get_db, make_engine, upgrade
from factcheck.models import Base, Story

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SHARED = ROOT.parent / "shared"
SEED_STORY = SOURCES / "un-cybercrime-convention"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """Yield a URL of a fresh, migrated PostgreSQL schema for this test run."""
    base = normalise_database_url(os.environ.get("FACTCHECK_TEST_POSTGRES_URL", DEFAULT_PG))
    schema = f"fc_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        reason = f"PostgreSQL not reachable at {base}: {exc.orig}"
        if os.environ.get("FACTCHECK_REQUIRE_POSTGRES"):
            pytest.fail(reason)
        pytest.skip(reason)
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _truncate(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Return an empty database URL: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    _truncate(url)
    return url


def make_app(database_url: str, tmp_path: Path, **overrides: Any) -> Flask:
    """Create a test app on ``database_url`` with sources not loaded unless asked."""
    config: dict[str, Any] = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret",
        "LOAD_SOURCES": False,
        "SOURCES_DIR": str(SOURCES),
    }
    config.update(overrides)
    app = create_app(config)
    app.instance_path = str(tmp_path / "instance")
    return app


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    """An app on an empty database."""
    application = make_app(database_url, tmp_path)
    yield application
    get_db(application).engine.dispose()


@pytest.fixture
def seeded_app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    """An app that loaded the bundled stories on first start, as `make run` does."""
    application = make_app(database_url, tmp_path, LOAD_SOURCES=True)
    yield application
    get_db(application).engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of ``app``."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    """A CLI runner of ``app``."""
    return app.test_cli_runner()


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    """A session on ``app``'s database; the test commits what it wants kept."""
    with app.app_context():
        db = get_db(app).sessions()
        try:
            yield db
        finally:
            db.close()


def make_story(session: Session, title: str = "A story") -> Story:
    """Create and flush a story."""
    story = Story(title=title, description="")
    session.add(story)
    session.flush()
    return story


def seed_texts() -> list[tuple[dict[str, str], str]]:
    """Return the bundled seed reports as (metadata, body) pairs."""
    from factcheck.frontmatter import parse_report_file

    out = []
    for path in sorted(SEED_STORY.glob("*.txt")):
        parsed = parse_report_file(path.read_text(encoding="utf-8"), filename=path.name)
        out.append((parsed.meta, parsed.body))
    return out


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def module_database_url(request: pytest.FixtureRequest,
                        tmp_path_factory: pytest.TempPathFactory) -> str:
    """Return an empty database URL that one test module shares: SQLite, then PostgreSQL.

    For modules whose many tests each change nothing (or undo what they change): one app
    and one set of rows serve them all. Such a module must not also use ``database_url``.
    """
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    _truncate(url)
    return url
