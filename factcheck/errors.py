"""One exception tree for the whole service; each error knows its HTTP status.

    FactcheckError (500)
    ├── InvalidInput (422)        bad field values; ``errors`` maps field -> messages
    │   └── EmptyReport (422)     a report with no usable text
    ├── NotFound (404)
    ├── Conflict (409)            stale version, duplicate name
    ├── Forbidden (403)
    ├── Unauthorized (401)
    └── FetchError (422)          a URL that may not or could not be fetched

Only ``factcheck.app`` maps these to responses: JSON under /api, an HTML page elsewhere.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error the service raises on purpose."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str, *, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class InvalidInput(FactcheckError):
    """The request is well formed but a field value is not acceptable."""

    status = 422
    code = "invalid_input"


class EmptyReport(InvalidInput):
    """A report whose text is empty once page junk is removed."""

    code = "empty_report"


class NotFound(FactcheckError):
    """The thing asked for does not exist."""

    status = 404
    code = "not_found"


class Conflict(FactcheckError):
    """The change collides with the stored state (stale version, duplicate)."""

    status = 409
    code = "conflict"


class Forbidden(FactcheckError):
    """The user is known but their role does not allow this."""

    status = 403
    code = "forbidden"


class Unauthorized(FactcheckError):
    """No valid credentials were given."""

    status = 401
    code = "unauthorized"


class FetchError(InvalidInput):
    """A report URL that may not be fetched (unsafe) or could not be (timeout, size)."""

    code = "fetch_failed"
