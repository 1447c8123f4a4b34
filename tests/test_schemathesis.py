"""schemathesis against the live OpenAPI document: no server error, and every response
matches the schema the document gives for it.

The app is served by werkzeug on a free loopback port with the seed story loaded and an
editor's token, so writes run too (deletes answer 403: the run keeps its data). URL fetches
are answered by a stand-in page: generated URLs must not reach the network.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance
from werkzeug.serving import make_server

from factcheck import api
from factcheck.db import get_db, session_scope
from factcheck.services import users
from factcheck.services.fetch import FetchedPage

from .conftest import make_app

EXAMPLES = 25  # per operation; keeps the whole run well under two minutes


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Serve a seeded app over HTTP; yield its base URL and an editor's token."""
    tmp = tmp_path_factory.mktemp("schemathesis")
    app = make_app(f"sqlite:///{tmp / 'db.sqlite3'}", Path(tmp), LOAD_SOURCES=True)
    with session_scope(app) as session:
        users.create_user(session, "fuzzer", role="editor")
        token = users.create_token(session, "fuzzer")
    patch = pytest.MonkeyPatch()
    patch.setattr(api, "fetch_report", lambda url, **_kw: FetchedPage(
        "<p>The treaty was adopted on 24 December 2024.</p>", True, url))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"base": f"http://127.0.0.1:{server.server_port}", "token": token}
    finally:
        server.shutdown()
        server.server_close()
        patch.undo()
        get_db(app).engine.dispose()


@pytest.fixture(scope="module")
def api_schema(live: dict[str, str]) -> Any:
    """Load the OpenAPI document from the running server."""
    return schemathesis.openapi.from_url(f"{live['base']}/api/v1/openapi.json")


OPERATIONS = [
    ("GET", "/api/v1/stories"), ("POST", "/api/v1/stories"),
    ("GET", "/api/v1/stories/{story_id}"), ("PATCH", "/api/v1/stories/{story_id}"),
    ("DELETE", "/api/v1/stories/{story_id}"),
    ("GET", "/api/v1/stories/{story_id}/reports"), ("POST", "/api/v1/stories/{story_id}/reports"),
    ("GET", "/api/v1/reports/{report_id}"), ("DELETE", "/api/v1/reports/{report_id}"),
    ("GET", "/api/v1/stories/{story_id}/claims"), ("GET", "/api/v1/stories/{story_id}/pairs"),
    ("GET", "/api/v1/pairs/{pair_id}"), ("PATCH", "/api/v1/pairs/{pair_id}"),
    ("GET", "/api/v1/stories/{story_id}/groups"), ("GET", "/api/v1/stories/{story_id}/report"),
    ("POST", "/api/v1/compare"),
]
# The seed story, its first report and its first pair exist, so these ids reach real rows.
KNOWN_IDS = {"story_id": 1, "report_id": 1, "pair_id": 1}


def test_every_documented_operation_is_fuzzed(api_schema: Any) -> None:
    documented = {(op.ok().method.upper(), op.ok().path)
                  for op in api_schema.get_all_operations()}
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize("mode", ["positive", "negative", "known-ids"])
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_never_errors_and_answers_as_documented(
        api_schema: Any, live: dict[str, str], method: str, path: str, mode: str) -> None:
    operation = api_schema[path][method]
    if mode == "known-ids":
        if "{" not in path:
            pytest.skip("no path parameters")
        ids = {k: v for k, v in KNOWN_IDS.items() if "{" + k + "}" in path}
        strategy = operation.as_strategy(path_parameters=ids)
    else:
        strategy = operation.as_strategy(generation_mode=GenerationMode(mode))
    headers = {"Authorization": f"Bearer {live['token']}"}

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.call_and_validate(headers=headers,
                               checks=[not_a_server_error, response_schema_conformance])

    check()
