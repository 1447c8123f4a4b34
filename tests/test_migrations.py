"""Migrations create exactly the schema the models describe, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from factcheck.db import get_db
from factcheck.models import Base


def test_migrated_database_matches_the_models(app: Flask) -> None:
    with get_db(app).engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
