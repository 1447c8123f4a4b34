"""Fixtures for the browser tests: the seeded app served on a free port, and real Chromium.

Chromium is Debian's package at /usr/bin/chromium (``make test`` installs it), driven by
Playwright from PyPI; Playwright's own browser download is never used.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from factcheck.db import session_scope
from factcheck.services import users

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
EDITOR = ("desk-editor", "correct horse battery")

if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Chromium at {CHROMIUM} (run `make browser` or "
                "`apt-get install chromium`)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@dataclass
class Live:
    """The served app: its base URL and the Flask app behind it."""

    url: str
    app: Flask


@pytest.fixture
def live(seeded_app: Flask) -> Iterator[Live]:
    """Serve the seeded app (with an editor and an admin) on 127.0.0.1, a free port."""
    with session_scope(seeded_app) as session:
        users.create_user(session, EDITOR[0], role="editor", password=EDITOR[1])
    server = make_server("127.0.0.1", 0, seeded_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Live(f"http://127.0.0.1:{server.server_port}", seeded_app)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Launch Debian's Chromium once for the whole run."""
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: Any, live: Live) -> Iterator[Any]:
    """A fresh browser tab (own cookies) that fails the test on any script error."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=live.url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
    assert not errors, f"script errors on the page: {errors}"


def shoot(page: Any, name: str) -> None:
    """Save full-page screenshots of the current page at 1280 and 400 pixels wide."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 400):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def sign_in(page: Any, username: str = EDITOR[0], password: str = EDITOR[1]) -> None:
    """Sign in through the form."""
    page.goto("/signin")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
