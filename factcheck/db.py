"""Engine, sessions and migrations.

The engine and sessionmaker live in ``app.extensions["factcheck.db"]``; a request gets one
session (``get_session``) that is closed when the request ends. Views and commands commit;
services never do. ``upgrade`` brings any database to the newest schema with Alembic.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DisconnectionError
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
                      pool_timeout=pool_timeout)
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        _ping_when_idle(engine)
    return engine


# A pooled connection unused this long is pinged before it is handed out: the server may
# have restarted or a firewall dropped it meanwhile. One used more recently is handed out
# as it is. SQLAlchemy's pool_pre_ping pings on every checkout, which on a busy service
# is one more round trip to the database for every request (a request that reads the
# pairs API makes one query besides); a connection that died within the last seconds
# still fails its request once, and the pool then discards every connection of its age.
PING_AFTER_IDLE = 2.0


def _ping_when_idle(engine: Engine) -> None:
    """Ping a connection at checkout only when it has been idle ``PING_AFTER_IDLE`` s."""

    @event.listens_for(engine, "connect")
    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        # A connection just made needs no ping either.
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get("checked_in")
        if last is not None and time.monotonic() - last < PING_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool throws this connection away and checks out another (a new one).
            raise DisconnectionError("the database closed an idle connection") from exc


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
