"""The application factory: config -> database -> blueprints -> errors -> commands."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from . import api, cli, db, web
from .config import PROJECT_ROOT, load_settings
from .db import lock_for_bootstrap, session_scope
from .errors import FactcheckError

log = logging.getLogger(__name__)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create and configure the factcheck app."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(Path(__file__).resolve().parent / "static"),
    )
    app.config.update(load_settings())
    if test_config:
        app.config.update(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )

    db.init_app(app)
    api.init_app(app)
    web.init_app(app)
    register_error_handlers(app)
    cli.init_app(app)
    if app.config["LOAD_SOURCES"]:
        load_bundled_sources(app)
    return app


def _instance_secret(instance: Path) -> str:
    """Return a secret key kept in the instance folder, creating it once."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def load_bundled_sources(app: Flask) -> None:
    """Load the stories under SOURCES_DIR into the database if it has no story yet."""
    from sqlalchemy import func, select

    from .models import Story
    from .services.ingest import load_sources

    with session_scope(app) as session:
        lock_for_bootstrap(session)
        if session.scalar(select(func.count(Story.id))):
            return
        stories = load_sources(session, Path(app.config["SOURCES_DIR"]))
        if stories:
            log.info("loaded %d bundled stories", len(stories))


def wants_json() -> bool:
    """Return whether this request is answered in JSON (the API) rather than HTML."""
    return request.path.startswith("/api/")


def error_body(status: int, code: str, message: str,
               errors: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Return the JSON error shape used everywhere under /api."""
    return {"code": code, "status": status, "message": message, "errors": errors or {}}


def register_error_handlers(app: Flask) -> None:
    """Map our exception tree and HTTP errors to JSON under /api and to pages elsewhere."""

    def render(status: int, code: str, message: str,
               errors: dict[str, list[str]] | None = None) -> tuple[Response | str, int]:
        if wants_json():
            return jsonify(error_body(status, code, message, errors)), status
        return render_template("errors/error.html", status=status, message=message,
                               errors=errors or {}), status

    @app.errorhandler(FactcheckError)
    def _factcheck_error(exc: FactcheckError) -> tuple[Response | str, int]:
        return render(exc.status, exc.code, exc.message, exc.errors)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Any:
        status = exc.code or 500
        data = getattr(exc, "data", None) or {}
        messages = data.get("messages") if isinstance(data, dict) else None
        errors: dict[str, list[str]] = {}
        if isinstance(messages, dict):
            # flask-smorest/webargs nest messages by location (json, query); flatten them.
            for fields in messages.values():
                if isinstance(fields, dict):
                    for name, msgs in fields.items():
                        errors[str(name)] = msgs if isinstance(msgs, list) else [str(msgs)]
        code = (exc.name or "error").lower().replace(" ", "_")
        response = render(status, code, exc.description or exc.name or "Error", errors)
        if status == 405 and exc.get_response().headers.get("Allow"):
            body, st = response
            resp = app.make_response((body, st))
            resp.headers["Allow"] = exc.get_response().headers["Allow"]
            return resp
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response | str, int]:
        log.exception("unhandled error")
        return render(500, "internal_error", "Something went wrong on our side.")
