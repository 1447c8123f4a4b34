"""The pool's check of idle PostgreSQL connections."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

import factcheck.db as db
from factcheck.db import make_engine

pytestmark = pytest.mark.postgres


def _backend_pid(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _count_pings(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    pings: list[int] = []
    real = engine.dialect.do_ping

    def counting(dbapi_connection: object) -> bool:
        pings.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counting)
    return pings


def test_a_connection_in_steady_use_is_not_pinged(postgres_url: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(postgres_url, pool_size=1, max_overflow=0)
    try:
        pings = _count_pings(engine, monkeypatch)
        first = _backend_pid(engine)
        assert [_backend_pid(engine) for _ in range(5)] == [first] * 5
        assert pings == []
    finally:
        engine.dispose()


def test_an_idle_connection_is_pinged(postgres_url: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(postgres_url, pool_size=1, max_overflow=0)
    try:
        pings = _count_pings(engine, monkeypatch)
        _backend_pid(engine)
        monkeypatch.setattr(db, "PING_AFTER_IDLE", 0.0)
        _backend_pid(engine)
        _backend_pid(engine)
        assert len(pings) == 2
    finally:
        engine.dispose()


def test_an_idle_connection_the_server_closed_is_replaced(postgres_url: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(postgres_url, pool_size=1, max_overflow=0)
    other = make_engine(postgres_url, pool_size=1, max_overflow=0)
    try:
        dead = _backend_pid(engine)
        with other.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:pid)"),
                                {"pid": dead}).scalar_one()
        monkeypatch.setattr(db, "PING_AFTER_IDLE", 0.0)
        # The ping finds the pooled connection closed; the pool opens a new one, so the
        # request never sees the error.
        assert _backend_pid(engine) != dead
    finally:
        engine.dispose()
        other.dispose()
