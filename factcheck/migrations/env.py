"""Alembic environment: runs on the engine the app hands over in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from factcheck.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    if connection.dialect.name == "postgresql":
        # Several gunicorn workers start at once: only one may migrate at a time.
        connection.execute(text("SELECT pg_advisory_lock(7150000)"))
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    finally:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_unlock(7150000)"))
            connection.commit()
