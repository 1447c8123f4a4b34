"""Engine, sessions and migrations.

The engine and sessionmaker live in ``app.extensions["factcheck.db"]``; a request gets one
session (``get_session``) that is closed when the request ends. Views and commands commit;
services never do. ``upgrade`` brings any database to the newest schema with Alembic.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from .config import normalise_database_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_EXT = "factcheck.db"


@dataclass
class Database:
    """The engine and session factories of one app."""

    engine: Engine
    sessions: sessionmaker[Session]
    # Sessions for requests that only read (GET, HEAD) on PostgreSQL: each statement
    # commits on its own, which saves the BEGIN and ROLLBACK round trips of a transaction
    # that holds nothing. Under READ COMMITTED every statement sees its own snapshot
    # anyway. None where the backend needs its transactions (SQLite).
    reads: sessionmaker[Session] | None = None


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 10,
                pool_timeout: int = 10) -> Engine:
    """Create an engine with settings fit for the backend behind ``url``."""
    url = normalise_database_url(url)
    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        # Let the request threads of the dev server share the file; wait on locks, not fail.
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    else:
        kwargs.update(pool_size=pool_size, max_overflow=max_overflow,
                      pool_timeout=pool_timeout, pool_pre_ping=True)
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(conn: Any) -> None:
    # Take the write lock when the transaction starts: a transaction that first reads and
    # later writes would otherwise fail at once (SQLITE_BUSY) whenever another writer
    # committed in between, and an ingest must see every report committed before it.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling breaks savepoints; we emit BEGIN ourselves.
    dbapi_connection.isolation_level = None
    # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless asked on every connection;
    # WAL lets readers go on while a report is being ingested.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    """Return an Alembic config that runs our migrations on ``engine``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the database behind ``engine`` up to the newest schema."""
    command.upgrade(alembic_config(engine), "head")


def init_app(app: Flask) -> None:
    """Create the engine, migrate the database and register the per-request session."""
    url = app.config["DATABASE_URL"] or "sqlite:///" + str(
        Path(app.instance_path) / "factcheck.sqlite3"
    )
    app.config["DATABASE_URL"] = url
    engine = make_engine(
        url,
        pool_size=app.config["DB_POOL_SIZE"],
        max_overflow=app.config["DB_MAX_OVERFLOW"],
        pool_timeout=app.config["DB_POOL_TIMEOUT"],
    )
    reads = None
    if engine.dialect.name == "postgresql":
        reads = sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"),
                             expire_on_commit=False)
    app.extensions[_EXT] = Database(engine, sessionmaker(engine, expire_on_commit=False),
                                    reads)
    upgrade(engine)
    app.teardown_appcontext(_close_session)


def get_db(app: Flask | None = None) -> Database:
    """Return the ``Database`` of ``app`` (default: the current app)."""
    return (app or current_app).extensions[_EXT]


def get_session() -> Session:
    """Return the session of the current request or command, opening it on first use."""
    if "db_session" not in g:
        db = get_db()
        reading = has_request_context() and request.method in ("GET", "HEAD")
        g.db_session = ((db.reads if reading else None) or db.sessions)()
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


@contextmanager
def session_scope(app: Flask | None = None) -> Iterator[Session]:
    """Yield a session outside a request that commits on success and rolls back on error."""
    session = get_db(app).sessions()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def lock_for_bootstrap(session: Session) -> None:
    """Serialise first-start work across processes (PostgreSQL advisory lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7150001)"))
