"""The app under gunicorn with 50 clients reading and writing at once, on PostgreSQL.

Fifty threads share one pooled HTTP client for FACTCHECK_LOAD_SECONDS seconds (60 unless
set; shorten it locally): they read the story page and the pairs API, review pairs with the
version they last saw, and add reports with texts of their own. No answer may be a 5xx, and
every write the server acknowledged must be in the database afterwards. A 409 answers a
stale version and is correct. Speed is measured by ``python -m factcheck.bench.load``, not
here.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import urllib3
from sqlalchemy import select

from factcheck.bench.load import free_port, wait_until_up
from factcheck.db import get_db, session_scope
from factcheck.models import AuditEvent, Pair, Report
from factcheck.services import ingest, users

from .conftest import ROOT, SEED_STORY, _truncate, make_app

pytestmark = [pytest.mark.postgres, pytest.mark.load]

CLIENTS = 50
SECONDS = float(os.environ.get("FACTCHECK_LOAD_SECONDS", "60"))
CITIES = ("Vienna", "New York", "Geneva", "Nairobi")


def report_text(tag: str, k: int) -> str:
    """Return a report about the treaty whose numbers vary with ``k``; ``tag`` makes it unique."""
    return (f"Filed by desk {tag}. Delegates in {CITIES[k % 4]} adopted the convention on "
            f"{24 + k % 3} December 2024. The treaty took {5 if k % 4 else 3} years to finalize. "
            f"More than {150 + (k % 5) * 10} countries signed it on the first day. "
            f"Officials said funding of ${10 + k % 3} million would follow.")


@dataclass
class Seen:
    """What the clients saw: statuses per endpoint, failures, acknowledged writes."""

    statuses: dict[str, Counter[int]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    reviews: list[tuple[int, int, str]] = field(default_factory=list)  # pair, version, note
    reports: list[tuple[int, str]] = field(default_factory=list)  # report id, outlet
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, endpoint: str, status: int) -> None:
        """Count one answer of ``endpoint``."""
        with self.lock:
            self.statuses.setdefault(endpoint, Counter())[status] += 1


@pytest.fixture
def server(postgres_url: str, tmp_path: Path) -> Iterator[tuple[str, int, str, list[int]]]:
    """Seed a small story, start gunicorn on it; yield (base URL, story id, token, pair ids)."""
    _truncate(postgres_url)
    app = make_app(postgres_url, tmp_path)
    with session_scope(app) as session:
        story = ingest.load_sources(session, SEED_STORY.parent)[0]
        for k in range(6):
            ingest.add_report(session, story, outlet=f"Seed desk {k}",
                              text=report_text(f"seed-{k}", k), published=date(2024, 12, 26))
        users.create_user(session, "load", role="editor")
        token = users.create_token(session, "load", name="load test")
        story_id = story.id
        pair_ids = list(session.scalars(select(Pair.id).where(Pair.story_id == story_id)))
    get_db(app).engine.dispose()
    port = free_port()
    env = dict(os.environ, DATABASE_URL=postgres_url, FACTCHECK_LOAD_SOURCES="false",
               FACTCHECK_SECRET_KEY="load-test")
    workers = min(2 * (os.cpu_count() or 1) + 1, 5)
    log = (tmp_path / "gunicorn.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind",
         f"127.0.0.1:{port}", "--timeout", "60", "wsgi:app"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/v1/stories", proc)
        yield f"http://127.0.0.1:{port}", story_id, token, pair_ids
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def client_loop(n: int, http: urllib3.PoolManager, base: str, story_id: int, token: str,
                pair_ids: list[int], deadline: float, seen: Seen) -> None:
    """Read and write at random until ``deadline``, recording every answer."""
    rnd = random.Random(n)
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    versions: dict[int, int] = {}
    done = 0
    while time.monotonic() < deadline:
        roll = rnd.random()
        try:
            if roll < 0.3:
                answer = http.request("GET", f"{base}/stories/{story_id}")
                seen.count("story page", answer.status)
            elif roll < 0.6:
                answer = http.request(
                    "GET", f"{base}/api/v1/stories/{story_id}/pairs"
                           f"?per_page=20&page={rnd.randint(1, 4)}")
                seen.count("pairs API", answer.status)
            elif roll < 0.9:
                # A few hot pairs: reviews race each other, as on a busy story.
                pid = rnd.choice(pair_ids[:6])
                note = f"load {n}-{done}"
                body = {"label": rnd.choice(["agree", "complement", "conflict"]),
                        "note": note, "version": versions.get(pid, 1)}
                answer = http.request("PATCH", f"{base}/api/v1/pairs/{pid}",
                                      body=json.dumps(body), headers=auth)
                seen.count("review", answer.status)
                if answer.status == 200:
                    version = answer.json()["version"]
                    versions[pid] = version
                    with seen.lock:
                        seen.reviews.append((pid, version, note))
                elif answer.status == 409:  # stale: read the pair again, as a client would
                    fresh = http.request("GET", f"{base}/api/v1/pairs/{pid}")
                    seen.count("pair", fresh.status)
                    if fresh.status == 200:
                        versions[pid] = fresh.json()["version"]
            else:
                outlet = f"Load desk {n}-{done}"
                answer = http.request(
                    "POST", f"{base}/api/v1/stories/{story_id}/reports", headers=auth,
                    body=json.dumps({"outlet": outlet, "text": report_text(outlet, n + done),
                                     "published_at": "2024-12-27"}))
                seen.count("add report", answer.status)
                if answer.status == 201:
                    with seen.lock:
                        seen.reports.append((answer.json()["id"], outlet))
        except Exception as exc:  # a refused or broken connection is a failure too
            with seen.lock:
                seen.failures.append(f"client {n}: {exc!r}")
        done += 1


def test_fifty_clients_get_no_server_error_and_every_acknowledged_write_is_kept(
        server: tuple[str, int, str, list[int]], postgres_url: str, tmp_path: Path) -> None:
    base, story_id, token, pair_ids = server
    assert pair_ids, "the seeded story has no pairs to review"
    http = urllib3.PoolManager(maxsize=CLIENTS, block=True, retries=False,
                               timeout=urllib3.Timeout(total=60))
    seen = Seen()
    deadline = time.monotonic() + SECONDS
    threads = [threading.Thread(target=client_loop, args=(n, http, base, story_id, token,
                                                          pair_ids, deadline, seen))
               for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert not seen.failures, seen.failures[:5]
    server_errors = {name: {s: n for s, n in counts.items() if s >= 500}
                     for name, counts in seen.statuses.items()}
    assert not any(server_errors.values()), (server_errors, seen.statuses)
    for name in ("story page", "pairs API", "review", "add report"):
        ok = sum(n for s, n in seen.statuses.get(name, Counter()).items() if 200 <= s < 300)
        assert ok, f"no {name} request succeeded: {seen.statuses}"
    assert set(seen.statuses["review"]) <= {200, 409}, seen.statuses
    assert set(seen.statuses["add report"]) <= {201}, seen.statuses

    app = make_app(postgres_url, tmp_path)
    with session_scope(app) as session:
        outlets = dict(session.execute(select(Report.id, Report.outlet)
                                       .where(Report.story_id == story_id)).all())
        assert all(outlets.get(rid) == outlet for rid, outlet in seen.reports), \
            "an acknowledged report is missing"
        reviewed = {pid for pid, _v, _n in seen.reviews}
        logged = {(e.entity_id, (e.data.get("after") or {}).get("note"))
                  for e in session.scalars(select(AuditEvent).where(
                      AuditEvent.action == "pair.reviewed",
                      AuditEvent.entity_id.in_(reviewed)))}
        assert all((pid, note) in logged for pid, _v, note in seen.reviews), \
            "an acknowledged review is missing from the audit log"
        last: dict[int, tuple[int, str]] = {}
        for pid, version, note in seen.reviews:
            if version > last.get(pid, (0, ""))[0]:
                last[pid] = (version, note)
        final = {p.id: (p.version, p.note) for p in session.scalars(
            select(Pair).where(Pair.id.in_(reviewed)))}
        assert all(final.get(pid) == state for pid, state in last.items()), \
            "a pair is not in the state of its last acknowledged review"
    # What the workers kept while threads read and wrote at once must be what a process
    # that kept nothing serves now: the same pair lists and story pages, byte for byte.
    fresh = app.test_client()
    paths = [f"/api/v1/stories/{story_id}/pairs?per_page=20&page={k}" for k in range(1, 5)]
    paths += [f"/api/v1/stories/{story_id}/pairs?per_page=20&label={label}"
              for label in ("conflict", "complement", "agree")]
    paths += [f"/stories/{story_id}", f"/stories/{story_id}?page=2",
              f"/stories/{story_id}?label=conflict"]
    # And the pages holding the pairs the clients reviewed, wherever their labels put them.
    hot, page_no = set(pair_ids[:6]), 1
    while hot:
        path = f"/api/v1/stories/{story_id}/pairs?per_page=100&page={page_no}"
        items = fresh.get(path).get_json()["items"]
        assert items, f"reviewed pairs {sorted(hot)} are on no page"
        if hot & {item["id"] for item in items}:
            paths.append(path)
            hot -= {item["id"] for item in items}
        page_no += 1
    for path in paths:
        expected = fresh.get(path).data
        for _ in range(6):  # several workers and threads answer
            assert http.request("GET", base + path).data == expected, path
    get_db(app).engine.dispose()
    # Every worker's page counts the reports added during the run (no stale cached facts).
    for _ in range(10):
        page = http.request("GET", f"{base}/stories/{story_id}").data.decode()
        assert f"{len(outlets)} reports · " in page
