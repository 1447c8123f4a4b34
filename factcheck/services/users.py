"""Users, roles, passwords and API tokens; secrets are stored hashed only."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload
from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import Conflict, InvalidInput, NotFound
from ..models import ROLES, ApiToken, User, utcnow
from . import audit

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)
TOKEN_PREFIX = "fc_"


def create_user(session: Session, username: str, *, role: str = "viewer",
                password: str | None = None, actor: str | None = None) -> User:
    """Create a user with a role; the password, if given, is hashed."""
    username = (username or "").strip()
    errors: dict[str, list[str]] = {}
    if not username or len(username) > 80:
        errors["username"] = ["A username of 1-80 characters is required."]
    if role not in ROLES:
        errors["role"] = [f"Must be one of: {', '.join(ROLES)}."]
    if password is not None and len(password) < 8:
        errors["password"] = ["Use at least 8 characters."]
    if errors:
        raise InvalidInput("The user is not valid.", errors=errors)
    if session.scalar(select(User).where(User.username == username)):
        raise Conflict(f"user {username!r} already exists")
    user = User(username=username, role=role,
                password_hash=generate_password_hash(password) if password else None)
    session.add(user)
    session.flush()
    audit.record(session, actor=actor, action="user.created", entity_type="user",
                 entity_id=user.id, username=username, role=role)
    return user


def get_user(session: Session, username: str) -> User:
    """Return the user called ``username`` or raise NotFound."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"user {username!r} does not exist")
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """Return the user if the password is right; throttle after repeated failures."""
    user = session.scalar(select(User).where(User.username == username))
    now = utcnow()
    if user is None or not user.active or not user.password_hash:
        return None
    locked = user.locked_until
    if locked is not None and locked.replace(tzinfo=locked.tzinfo or UTC) > now:
        return None
    if check_password_hash(user.password_hash, password):
        user.failed_logins = 0
        user.locked_until = None
        return user
    user.failed_logins += 1
    if user.failed_logins >= MAX_FAILED_LOGINS:
        user.locked_until = now + LOCKOUT
        user.failed_logins = 0
    return None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, username: str, *, name: str = "",
                 actor: str | None = None) -> str:
    """Create an API token for a user and return it; only its digest is stored."""
    user = get_user(session, username)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, name=name, prefix=token[:10], token_hash=_digest(token)))
    session.flush()
    audit.record(session, actor=actor, action="token.created", entity_type="user",
                 entity_id=user.id, name=name, prefix=token[:10])
    return token


def user_for_token(session: Session, token: str) -> User | None:
    """Return the active user who owns ``token``, or None."""
    # The owner in the same query: every API request with a token asks this.
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token))
                         .options(joinedload(ApiToken.user)))
    if row is None or not row.user.active:
        return None
    last = row.last_used_at
    now = datetime.now(UTC)
    # Write the last-used time at most once a minute so reads stay reads.
    if last is None or now - last.replace(tzinfo=last.tzinfo or UTC) > timedelta(minutes=1):
        row.last_used_at = now
    return row.user


def can(user: User | None, action: str) -> bool:
    """Return whether ``user`` may do ``action`` (read, review, write, admin)."""
    need = {"read": 0, "review": 1, "write": 1, "admin": 2}[action]
    if user is None:
        return False
    return ROLES.index(user.role) >= need


def list_users(session: Session) -> list[User]:
    """Return every account, by username."""
    return list(session.scalars(select(User).order_by(User.username)))
