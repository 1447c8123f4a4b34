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
    header = request.headers.get("Authorization", "")
    db = get_session()
    if header.lower().startswith("bearer "):
        user = users.user_for_token(db, header[7:].strip())
        if user is None:
            raise Unauthorized("The API token is not valid.")
    elif session.get("user_id") is not None:
        found = db.get(User, session["user_id"])
        user = found if found is not None and found.active else None
    g.current_user = user
    return user


def require(action: str) -> User:
    """Return the current user if they may do ``action``; raise 401 or 403 otherwise."""
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
