"""Who is asking: a signed-in editor (session cookie) or an API token (Bearer header)."""

from __future__ import annotations

from flask import g, request, session

from .db import get_session
from .errors import Forbidden, Unauthorized
from .models import User
from .services import users


def current_user() -> User | None:
    """Return the user behind this request's token or session, or None."""
    if "current_user" in g:
        return g.current_user
    user: User | None = None
    db = get_session()
    if has_bearer_token():
        user = users.user_for_token(db, request.headers["Authorization"][7:].strip())
        if user is None:
            raise Unauthorized("The API token is not valid.")
        if db.dirty and request.method in ("GET", "HEAD"):
            # The token's last-used time: a read commits nothing else, so keep it now.
            db.commit()
    elif session.get("user_id") is not None:
        found = db.get(User, session["user_id"])
        user = found if found is not None and found.active else None
    g.current_user = user
    return user


def has_bearer_token() -> bool:
    """Return whether this request carries an ``Authorization: Bearer`` header."""
    return request.headers.get("Authorization", "").lower().startswith("bearer ")


def require(action: str, *, token_only: bool = False) -> User:
    """Return the current user if they may do ``action``; raise 401 or 403 otherwise.

    With ``token_only`` the sign-in cookie does not count: only a Bearer token does.
    """
    if token_only and not has_bearer_token():
        signed_in = session.get("user_id") is not None
        raise Unauthorized(
            "Send 'Authorization: Bearer <token>' to do this"
            + ("; the API does not accept the sign-in cookie for changes." if signed_in
               else "."))
    user = current_user()
    if user is None:
        raise Unauthorized("Sign in or send 'Authorization: Bearer <token>' to do this.")
    if not users.can(user, action):
        raise Forbidden(f"Your role ({user.role}) does not allow this.")
    return user


def actor_name() -> str | None:
    """Return the current user's name for the audit log, or None."""
    user = current_user()
    return user.username if user else None
