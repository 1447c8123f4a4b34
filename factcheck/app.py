"""The application factory: config -> database -> blueprints -> errors -> commands."""

from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, Response, g, has_request_context, jsonify, render_template, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

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
    if "MAX_FORM_MEMORY_SIZE" not in (test_config or {}):
        # Flask caps one form field at 500 kB; a pasted report may be as long as any body.
        app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    app.session_interface = HttpsAwareSessions()
    proxies = int(app.config.get("PROXY_COUNT") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies)

    db.init_app(app)
    api.init_app(app)
    web.init_app(app)
    register_error_handlers(app)
    cli.init_app(app)
    if app.config["LOAD_SOURCES"]:
        load_bundled_sources(app)
    return app


class HttpsAwareSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with a Secure cookie on every request over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        """Return True when configured, or when this request came over HTTPS."""
        return bool(app.config["SESSION_COOKIE_SECURE"]) or (
            has_request_context() and request.is_secure)


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


def _json_problem(exc: Any) -> str:
    """Return what is wrong with a body that is not JSON, in one sentence."""
    if not isinstance(exc, json.JSONDecodeError):
        return "The request body is not valid JSON."
    if exc.msg.startswith("Bytes decoding error"):
        return (f"The request body is not UTF-8 text (byte {exc.pos}); send JSON as UTF-8.")
    return (f"The request body is not valid JSON: {exc.msg} "
            f"(line {exc.lineno}, column {exc.colno}).")


def register_error_handlers(app: Flask) -> None:
    """Map our exception tree and HTTP errors to JSON under /api and to pages elsewhere.

    Under /api every error is ``{"code", "status", "message", "errors": {field: [msgs]}}``
    and the request's session is rolled back, so a refused request changes nothing.
    """

    # Code words of HTTP errors that do not come from our exception tree.
    http_codes = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                  405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
                  415: "unsupported_media_type", 422: "invalid_input",
                  429: "too_many_requests"}

    def flatten(messages: Any, prefix: str = "") -> dict[str, list[str]]:
        """Flatten marshmallow's nested messages to ``{"reports.0.text": [...]}``."""
        out: dict[str, list[str]] = {}
        if isinstance(messages, dict):
            for key, value in messages.items():
                out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        elif isinstance(messages, list | tuple) and all(isinstance(m, str) for m in messages):
            out[prefix or "_schema"] = [str(m) for m in messages]
        elif isinstance(messages, list | tuple):
            for item in messages:
                for key, value in flatten(item, prefix).items():
                    out.setdefault(key, []).extend(value)
        else:
            out[prefix or "_schema"] = [str(messages)]
        return out

    def render(status: int, code: str, message: str,
               errors: dict[str, list[str]] | None = None,
               headers: dict[str, str] | None = None) -> Response:
        if wants_json():
            session = g.get("db_session")
            if session is not None:
                session.rollback()
            response = jsonify(error_body(status, code, message, errors))
        else:
            response = app.make_response(render_template(
                "errors/error.html", status=status, message=message, errors=errors or {}))
        response.status_code = status
        for name, value in (headers or {}).items():
            response.headers[name] = value
        return response

    @app.errorhandler(FactcheckError)
    def _factcheck_error(exc: FactcheckError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 and wants_json() else None
        return render(exc.status, exc.code, exc.message, exc.errors, headers)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        data = getattr(exc, "data", None)
        data = data if isinstance(data, dict) else {}
        # Keep the headers that matter to the client (Allow on 405, Retry-After ...).
        headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
        headers.update(data.get("headers") or {})
        errors: dict[str, list[str]] = {}
        message = exc.description or exc.name or "Error"
        limit = app.config.get("MAX_CONTENT_LENGTH")
        if status == 413 and message == RequestEntityTooLarge.description and limit:
            message = f"The request is larger than {limit:,} bytes, the most accepted."
        messages = data.get("messages")
        if status == 400 and messages is not None:
            # webargs found a body that is not JSON at all.
            return render(400, "invalid_json", _json_problem(getattr(exc, "exc", None)), {},
                          headers)
        if isinstance(messages, dict):
            # webargs nests messages by location (json, query); name the fields only.
            for located in messages.values():
                errors.update(flatten(located))
            if status == 422:
                message = "Some fields are not valid: " + ", ".join(sorted(errors)) + "."
        code = http_codes.get(status) or (exc.name or "error").lower().replace(" ", "_")
        return render(status, code, message, errors, headers)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unhandled error")
        return render(500, "internal_error", "Something went wrong on our side.")
