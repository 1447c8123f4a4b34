"""Fetch a report from a URL, safely: http(s) only, no private addresses, capped in size,
time and redirects, HTML or text only."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import FetchError


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page: its body as text, whether it is HTML, and the URL it ended at."""

    text: str
    html: bool
    final_url: str


def fetch_report(url: str, *, timeout: float = 10.0, max_bytes: int = 5 * 1024 * 1024,
                 allow_private: bool = False, max_redirects: int = 5) -> FetchedPage:
    """Fetch ``url`` under the safety rules and return its body."""
    raise FetchError("Fetching reports from a URL is not available yet.",
                     errors={"url": ["Fetching from a URL is not available yet."]})
