"""Settings: defaults here, then ``FACTCHECK_*`` environment variables, then test overrides.

Every setting is listed in ``SETTINGS`` with its environment variable and a description,
so the README table and the running app cannot drift apart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    """One configuration key: its default, environment variable and meaning."""

    key: str
    default: Any
    env: str
    help: str


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


SETTINGS: tuple[Setting, ...] = (
    Setting("SECRET_KEY", None, "FACTCHECK_SECRET_KEY",
            "Signs sessions and CSRF tokens. Unset: a random key is made and kept in the "
            "instance folder."),
    Setting("DATABASE_URL", None, "DATABASE_URL",
            "SQLAlchemy URL of the database. Unset: a SQLite file `factcheck.sqlite3` in the "
            "instance folder. `postgresql://...` uses PostgreSQL through psycopg 3."),
    Setting("SOURCES_DIR", str(PROJECT_ROOT / "sources"), "FACTCHECK_SOURCES_DIR",
            "Folder of bundled stories loaded into an empty database on first start."),
    Setting("LOAD_SOURCES", True, "FACTCHECK_LOAD_SOURCES",
            "Load the stories in SOURCES_DIR when the database has no story yet."),
    Setting("MAX_CONTENT_LENGTH", 5 * 1024 * 1024, "FACTCHECK_MAX_CONTENT_LENGTH",
            "Largest request body in bytes; larger requests get 413."),
    Setting("READ_ACCESS", "open", "FACTCHECK_READ_ACCESS",
            "`open`: anyone may read the API and pages; `token`: API reads need a token and "
            "pages need sign-in."),
    Setting("DB_POOL_SIZE", 8, "FACTCHECK_DB_POOL_SIZE",
            "Connections kept open per process (PostgreSQL): one for each of gunicorn.conf.py's "
            "8 threads a worker."),
    Setting("DB_MAX_OVERFLOW", 10, "FACTCHECK_DB_MAX_OVERFLOW",
            "Extra connections allowed above the pool size under load (PostgreSQL)."),
    Setting("DB_POOL_TIMEOUT", 10, "FACTCHECK_DB_POOL_TIMEOUT",
            "Seconds to wait for a free connection before failing the request."),
    Setting("URL_FETCH_TIMEOUT", 10.0, "FACTCHECK_URL_FETCH_TIMEOUT",
            "Seconds allowed to fetch a report from a URL."),
    Setting("URL_FETCH_MAX_BYTES", 5 * 1024 * 1024, "FACTCHECK_URL_FETCH_MAX_BYTES",
            "Largest page fetched from a URL."),
    Setting("URL_FETCH_ALLOW_PRIVATE", False, "FACTCHECK_URL_FETCH_ALLOW_PRIVATE",
            "Allow fetching loopback and private addresses (for tests only)."),
    Setting("PUBLIC_URL", "", "FACTCHECK_PUBLIC_URL",
            "The service's public base URL (e.g. https://factcheck.example.org/), used for "
            "absolute links in exports. Unset: the URL the request came in on."),
    Setting("CLAIMREVIEW_AUTHOR", "factcheck", "FACTCHECK_CLAIMREVIEW_AUTHOR",
            "The organisation named as author of exported ClaimReview items."),
    Setting("SESSION_COOKIE_SECURE", False, "FACTCHECK_SESSION_COOKIE_SECURE",
            "Always mark the session cookie Secure (HTTPS only). Unset, it is Secure whenever "
            "the request came over HTTPS (behind a proxy: see PROXY_COUNT)."),
    Setting("PROXY_COUNT", 0, "FACTCHECK_PROXY_COUNT",
            "Reverse proxies in front of the app (e.g. 1 behind nginx) whose X-Forwarded-For, "
            "-Proto, -Host and -Port headers are trusted. 0: those headers are ignored, as "
            "any client could forge them."),
)


def _coerce(default: Any, raw: str) -> Any:
    """Turn an environment string into the type of the setting's default."""
    if isinstance(default, bool):
        return _bool(raw)
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw


def load_settings(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Return every setting: its default, overridden by the environment when set."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(setting.env)
        values[setting.key] = setting.default if raw in (None, "") else _coerce(
            setting.default, raw
        )
    return values


def normalise_database_url(url: str) -> str:
    """Point plain ``postgresql://`` URLs at the psycopg 3 driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
