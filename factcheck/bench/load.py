"""Load benchmark: the web app under gunicorn, 50 clients reading and reviewing a 200-report story.

    .venv/bin/python -m factcheck.bench.load [--reports 200] [--duration 60] [--clients 50]
        [--workers 5] [--threads N] [--worker-connections N] [--think-ms 0] [--one-client]
        [--database-url postgresql://postgres@127.0.0.1:5432/factcheck_load [--reuse]
         [--keep-reviews]]

Builds a PostgreSQL database (a scratch schema, dropped afterwards, unless --database-url
names one) holding one story of ``--reports`` real articles (``story_articles``) added through
the ingest service the API uses, the bundled seed stories, and an editor with an API token.
``--reuse`` keeps a story built by an earlier run on the named database, and sets back the
reviews earlier runs made of it, so that every run starts from the same state
(``--keep-reviews``: keep them, to measure a story long under review). Then it starts
gunicorn on 127.0.0.1 and drives it with wrk (Debian's ``wrk``) for ``--duration`` seconds:
a share of the clients read the story page, a share page through the pairs API, and the rest
review random pairs through ``PATCH /api/v1/pairs/<id>`` with the version they last saw
(a 409 is the right answer to a stale version, not an error). It prints requests, requests/s,
p50/p95/p99 latency and 5xx per endpoint and overall, then checks that every acknowledged
review is in the database: each pair ends in the state of its last acknowledged review, and
the audit log holds every acknowledged review. Targets: story page p95 < 150 ms, pairs API
p95 < 100 ms, no 5xx.

``--one-client`` measures what one request costs instead: for the story page and the pairs
API (the same paths as the load), the CPU time of a request in process (Flask's test
client, median and 90th percentile of 60), then one wrk connection for ``--duration``
seconds against one sync worker: latency percentiles, requests/s and the worker's CPU time
a request.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from ..app import create_app
from ..config import PROJECT_ROOT
from ..db import get_db, make_engine, upgrade
from ..errors import InvalidInput
from ..models import AuditEvent, Pair, Story, User
from ..services import ingest, stories, users
from .common import scratch_database, story_articles

TITLE = "Load benchmark: {n} reports"
EDITOR = "load-editor"
TARGETS_MS = {"story page": 150.0, "pairs API": 100.0}


@dataclass
class Seeded:
    """What the load runs against: the big story, its pair ids and an editor's token."""

    story_id: int
    reports: int
    claims: int
    pairs: int
    token: str


def build(engine: Engine, n: int, *, reuse: bool, keep_reviews: bool = False) -> Seeded | None:
    """Return the big story (built now, or reused) and a fresh editor token.

    A reused story's reviews are set back (each pair as the machine judged it, unreviewed),
    unless ``keep_reviews``: each run reviews its own pool of pairs, and a story that
    gathered every earlier run's reviews costs more to read than a fresh one.
    """
    title = TITLE.format(n=n)
    with Session(engine) as session:
        story = session.scalar(select(Story).where(Story.title == title)) if reuse else None
        if story is None:
            articles = story_articles(n + 20)  # spares, should the service refuse a few
            if articles is None:
                return None
            story = _ingest_story(session, title, articles, n)
            if session.scalar(select(func.count(Story.id)).where(Story.title != title)) == 0:
                ingest.load_sources(session, PROJECT_ROOT / "sources")  # a few small stories
                session.commit()
        if reuse and not keep_reviews:
            # Straight in SQL, as a scratch database allows: the audit log keeps the
            # reviews, and the web workers start after this with nothing kept.
            session.execute(update(Pair).where(Pair.story_id == story.id, Pair.review_seq > 0)
                            .values(editor_label=None, status="unreviewed", note=None,
                                    reviewed_by=None, reviewed_at=None, review_seq=0))
        if session.scalar(select(func.count()).where(User.username == EDITOR)) == 0:
            users.create_user(session, EDITOR, role="editor")
        token = users.create_token(session, EDITOR, name="load benchmark")
        session.commit()
        story_id = story.id
    if engine.dialect.name == "postgresql":
        # Fresh statistics, as autovacuum would leave them after a day's ingest.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    with Session(engine) as session:
        counts = stories.story_counts(session, [story_id])[story_id]
        return Seeded(story_id, counts.reports, counts.claims, counts.pairs, token)


def _ingest_story(session: Session, title: str, articles: list[dict[str, Any]],
                  n: int) -> Story:
    story = stories.create_story(session, title=title, actor="load benchmark")
    session.commit()
    started = time.perf_counter()
    added = 0
    for art in articles:
        if added == n:
            break
        try:
            ingest.add_report(session, story, outlet=art["outlet"][:200], text=art["text"],
                              title=(art.get("title") or "")[:500] or None,
                              actor="load benchmark")
            session.commit()
            added += 1
        except InvalidInput as exc:
            session.rollback()
            print(f"  an article was refused ({exc.message} {exc.errors}); taking the next")
        if added % 20 == 0 and added:
            print(f"  {added} reports added in {time.perf_counter() - started:.0f} s",
                  flush=True)
    return story


# ------------------------------------------------------------------------------ gunicorn

def cpu_seconds(master: int) -> float:
    """Return the CPU time (user + system) used so far by gunicorn's workers."""
    total = 0.0
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return float("nan")  # not Linux: the figure is left out
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def gunicorn(database_url: str, port: int, *, workers: int | None, threads: int | None,
             log: Path, worker_connections: int | None = None,
             ) -> Iterator[subprocess.Popen[bytes]]:
    """Run gunicorn 'wsgi:app' on ``port`` until the block ends.

    gunicorn reads the project's gunicorn.conf.py; ``threads`` 1 runs sync workers instead,
    more than 1 threaded workers with that many threads; None (here and for ``workers``
    and ``worker_connections``) as the file says.
    """
    env = dict(os.environ, DATABASE_URL=database_url, FACTCHECK_LOAD_SOURCES="false",
               FACTCHECK_SECRET_KEY="load-benchmark")
    cmd = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
           "--backlog", "256", "--timeout", "60"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    if threads == 1:
        cmd += ["--worker-class", "sync"]
    elif threads is not None:
        cmd += ["--worker-class", "gthread", "--threads", str(threads)]
    if worker_connections is not None:
        cmd += ["--worker-connections", str(worker_connections)]
    cmd.append("wsgi:app")
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/v1/stories", proc)
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def warm_up(base: str, story_id: int, at_once: int) -> None:
    """Read the story page and a page of pairs, ``at_once`` requests at a time: every
    worker then holds the story's structure before the measured run (a worker that got
    no request would build it during the run)."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [f"/stories/{story_id}", f"/api/v1/stories/{story_id}/pairs?per_page=50"]

    def read(k: int) -> None:
        urllib.request.urlopen(base + paths[k % 2], timeout=120).read()

    with ThreadPoolExecutor(max_workers=at_once) as pool:
        for _round in range(3):
            list(pool.map(read, range(at_once)))


def wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Wait until ``url`` answers 200; fail if the server exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


# ------------------------------------------------------------------------------ wrk scripts

# Shared by every script: count statuses per thread and print one JSON line when done.
LUA_COMMON = r"""
local threads = {}
local counter = 0
statuses = {}
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(tid * 7919 + os.time())
end
function delay()
  if THINK_MS > 0 then
    return math.random(math.floor(THINK_MS / 2), math.floor(THINK_MS * 3 / 2))
  end
  return 0
end
local function count(status)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local codes = {}
  local acked = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do codes[code] = (codes[code] or 0) + n end
    local a = t:get("acked")
    if a then for _, line in ipairs(a) do table.insert(acked, line) end end
  end
  local parts = {}
  for code, n in pairs(codes) do table.insert(parts, string.format('"%d": %d', code, n)) end
  local out = io.open(OUT, "w")
  out:write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50": %.3f, "p95": %.3f, "p99": %.3f, ' ..
    '"max": %.3f, "timeouts": %d, "socket_errors": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.timeout, summary.errors.connect + summary.errors.read +
    summary.errors.write, table.concat(parts, ", ")))
  out:close()
  local ack = io.open(OUT .. ".acked", "w")
  for _, line in ipairs(acked) do ack:write(line, "\n") end
  ack:close()
end
"""

LUA_READ = r"""
function request()
  return wrk.format("GET", PATHS[math.random(#PATHS)])
end
function response(status, headers, body)
  count(status)
end
"""

# One connection per wrk thread, so each response answers this thread's last request.
LUA_REVIEW = r"""
acked = {}
local versions = {}
local current, note, n = nil, nil, 0
local labels = {"agree", "complement", "conflict", "unrelated"}
function request()
  local k = math.random(#PAIR_IDS)
  current = PAIR_IDS[k]
  if versions[current] == nil then versions[current] = PAIR_VERSIONS[k] end
  n = n + 1
  note = string.format("load %d-%d", tid, n)
  local body = string.format('{"label": "%s", "note": "%s", "version": %d}',
                             labels[math.random(4)], note, versions[current])
  return wrk.format("PATCH", "/api/v1/pairs/" .. current,
                    {["Content-Type"] = "application/json",
                     ["Authorization"] = "Bearer " .. TOKEN}, body)
end
function response(status, headers, body)
  count(status)
  if status == 200 then
    local v = tonumber(string.match(body, '"version":%s*(%d+)'))
    versions[current] = v
    table.insert(acked, string.format("%d %d %s", current, v, note))
  elseif status == 409 then
    local v = tonumber(string.match(body, "Current version is (%d+)"))
    if v then versions[current] = v end
  end
end
"""


def _lua_list(values: list[Any]) -> str:
    return "{" + ", ".join(json.dumps(v) for v in values) + "}"


def write_script(path: Path, body: str, *, think_ms: int, out: Path, **consts: Any) -> None:
    """Write a wrk Lua script: constants, the shared part, then ``body``."""
    lines = [f"THINK_MS = {int(think_ms)}", f"OUT = {json.dumps(str(out))}"]
    for name, value in consts.items():
        shown = _lua_list(value) if isinstance(value, list) else json.dumps(value)
        lines.append(f"{name} = {shown}")
    path.write_text("\n".join(lines) + LUA_COMMON + body, encoding="utf-8")


# ------------------------------------------------------------------------------ the run

def endpoints(engine: Engine, seeded: Seeded, clients: int) -> list[tuple[str, str, int,
                                                                          dict[str, Any]]]:
    """Return (name, Lua body, clients, constants) of each endpoint driven."""
    per_page = 50
    last_page = max(1, -(-seeded.pairs // per_page))
    pair_paths = [f"/api/v1/stories/{seeded.story_id}/pairs?per_page={per_page}&page={p}"
                  for p in range(1, min(last_page, 20) + 1)]
    pair_paths += [f"/api/v1/stories/{seeded.story_id}/pairs?per_page={per_page}"
                   f"&label={lab}" for lab in ("conflict", "complement", "agree")]
    pair_paths.append(f"/api/v1/stories/{seeded.story_id}/pairs?per_page={per_page}"
                      f"&page={last_page}")
    story_paths = [f"/stories/{seeded.story_id}"] * 4 + [
        f"/stories/{seeded.story_id}?page=2", f"/stories/{seeded.story_id}?label=conflict"]
    with Session(engine) as session:
        ids = list(session.execute(select(Pair.id, Pair.version)
                                   .where(Pair.story_id == seeded.story_id)
                                   .order_by(Pair.id)))  # the same pool every run
    pool = random.Random(8).sample(ids, min(len(ids), 500))
    readers = clients * 2 // 5
    writers = clients - 2 * readers
    return [
        ("story page", LUA_READ, readers, {"PATHS": story_paths}),
        ("pairs API", LUA_READ, readers, {"PATHS": pair_paths}),
        ("review (PATCH)", LUA_REVIEW, writers,
         {"PAIR_IDS": [p[0] for p in pool], "PAIR_VERSIONS": [p[1] for p in pool],
          "TOKEN": seeded.token}),
    ]


def drive(base: str, plan: list[tuple[str, str, int, dict[str, Any]]], *, duration: int,
          think_ms: int, tmp: Path) -> dict[str, dict[str, Any]]:
    """Run one wrk per endpoint at once; return each one's figures."""
    procs = []
    for k, (name, body, clients, consts) in enumerate(plan):
        script, out = tmp / f"ep{k}.lua", tmp / f"ep{k}.json"
        write_script(script, body, think_ms=think_ms, out=out, **consts)
        # Reviews need one connection per thread (see LUA_REVIEW); reads need few threads.
        threads = clients if body is LUA_REVIEW else min(clients, 2)
        cmd = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{duration}s",
               "--timeout", "30s", "-s", str(script), base]
        procs.append((name, out, subprocess.Popen(cmd, stdout=subprocess.DEVNULL)))
    results: dict[str, dict[str, Any]] = {}
    for name, out, proc in procs:
        proc.wait()
        results[name] = json.loads(out.read_text(encoding="utf-8"))
        acked = Path(str(out) + ".acked").read_text(encoding="utf-8").split("\n")
        results[name]["acked"] = [line.split(" ", 2) for line in acked if line]
    return results


def print_figures(results: dict[str, dict[str, Any]], clients: int) -> bool:
    """Print the table of figures; return whether every target was met."""
    print(f"\n{'endpoint':16s} {'clients':>7s} {'requests':>9s} {'req/s':>7s} {'p50 ms':>7s} "
          f"{'p95 ms':>7s} {'p99 ms':>7s} {'5xx':>4s}  statuses")
    met = True
    total = fivexx = 0
    seconds = max(r["seconds"] for r in results.values())
    for name, r in results.items():
        bad = sum(n for code, n in r["statuses"].items() if code.startswith("5"))
        total += r["requests"]
        fivexx += bad
        codes = " ".join(f"{c}:{n}" for c, n in sorted(r["statuses"].items()))
        rate = r["requests"] / r["seconds"]
        print(f"{name:16s} {r['clients']:7d} {r['requests']:9d} {rate:7.1f} "
              f"{r['p50']:7.1f} {r['p95']:7.1f} {r['p99']:7.1f} {bad:4d}  {codes}"
              + (f" timeouts:{r['timeouts']}" if r["timeouts"] else "")
              + (f" socket errors:{r['socket_errors']}" if r["socket_errors"] else ""))
        target = TARGETS_MS.get(name)
        if target is not None and r["p95"] >= target:
            met = False
            print(f"{'':16s} p95 target {target:.0f} ms MISSED")
        if bad or r["timeouts"] or r["socket_errors"]:
            met = False
    print(f"{'overall':16s} {clients:7d} {total:9d} {total / seconds:7.1f} {'':7s} {'':7s} "
          f"{'':7s} {fivexx:4d}")
    return met


def check_writes(engine: Engine, acked: list[list[str]]) -> bool:
    """Print whether every acknowledged review is in the database; return whether it is."""
    last: dict[int, tuple[int, str]] = {}
    for raw_pid, raw_version, note in acked:
        if int(raw_version) > last.get(int(raw_pid), (0, ""))[0]:
            last[int(raw_pid)] = (int(raw_version), note)
    with Session(engine) as session:
        final = {p.id: p for p in session.scalars(select(Pair).where(Pair.id.in_(list(last))))}
        notes: set[tuple[int, str | None]] = set()
        for event in session.scalars(select(AuditEvent).where(
                AuditEvent.action == "pair.reviewed", AuditEvent.entity_type == "pair",
                AuditEvent.entity_id.in_(list(last)))):
            notes.add((event.entity_id, (event.data.get("after") or {}).get("note")))
    lost, later = [], []
    for pair_id, (version, note) in last.items():
        found = final.get(pair_id)
        if found is not None and found.version == version and found.note == note:
            continue
        # wrk stops at the deadline with a request in flight on each connection: the server
        # may still commit it, so a newer version than the last answer seen is not a loss.
        if found is not None and found.version > version and (pair_id, found.note) in notes:
            later.append(pair_id)
        else:
            lost.append(pair_id)
    missing = [(pid, note) for pid, _v, note in acked if (int(pid), note) not in notes]
    print(f"\nacknowledged reviews: {len(acked)} on {len(last)} pairs; pairs not in the state "
          f"of their last acknowledged review: {len(lost)} (and {len(later)} changed since "
          f"by a review in flight when the run ended, in the audit log); acknowledged "
          f"reviews missing from the audit log: {len(missing)}")
    return not lost and not missing


def one_client(engine: Engine, seeded: Seeded, *, duration: int, tmp: Path) -> None:
    """Print what one request of each read endpoint costs, in process and under gunicorn."""
    url = engine.url.render_as_string(hide_password=False)
    reads = [(name, consts["PATHS"]) for name, body, _c, consts in endpoints(
        engine, seeded, 5) if body is LUA_READ]
    app = create_app({"DATABASE_URL": url, "LOAD_SOURCES": False,
                      "SECRET_KEY": "load-benchmark"})
    client = app.test_client()
    print(f"\n{'endpoint':16s} {'CPU ms p50':>10s} {'CPU ms p90':>10s} {'KB':>6s}  in process, "
          "60 requests over the load's paths")
    for name, paths in reads:
        for path in paths:  # each path once first: the caches a running worker has
            client.get(path)
        cpu, size = [], []
        for k in range(60):
            started = time.process_time()
            response = client.get(paths[k % len(paths)])
            cpu.append(1000 * (time.process_time() - started))
            size.append(len(response.get_data()))
        cpu.sort()
        print(f"{name:16s} {cpu[len(cpu) // 2]:10.1f} {cpu[len(cpu) * 9 // 10]:10.1f} "
              f"{sum(size) / len(size) / 1024:6.0f}")
    get_db(app).engine.dispose()
    print(f"\n{'endpoint':16s} {'p50 ms':>7s} {'p95 ms':>7s} {'p99 ms':>7s} {'req/s':>7s} "
          f"{'CPU ms':>7s}  one wrk connection, one sync worker, {duration} s")
    for name, paths in reads:
        port = free_port()
        with gunicorn(url, port, workers=1, threads=1, log=tmp / "gunicorn.log") as server:
            base = f"http://127.0.0.1:{port}"
            for path in paths:
                urllib.request.urlopen(base + path, timeout=120).read()
            before = cpu_seconds(server.pid)
            result = drive(base, [(name, LUA_READ, 1, {"PATHS": paths})], duration=duration,
                           think_ms=0, tmp=tmp)[name]
            used = cpu_seconds(server.pid) - before
        served = max(result["requests"], 1)
        print(f"{name:16s} {result['p50']:7.1f} {result['p95']:7.1f} {result['p99']:7.1f} "
              f"{served / result['seconds']:7.1f} {1000 * used / served:7.1f}")
    print(f"load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the database, run gunicorn under wrk, print the figures and checks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn workers (default: as gunicorn.conf.py says)")
    parser.add_argument("--threads", type=int, default=None,
                        help="1: sync workers; >1: threaded workers with this many threads "
                             "(default: as gunicorn.conf.py says)")
    parser.add_argument("--worker-connections", type=int, default=None,
                        help="connections a threaded worker holds at most (default: as "
                             "gunicorn.conf.py says)")
    parser.add_argument("--think-ms", type=int, default=0,
                        help="mean pause of each client between requests")
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL database to build in and keep (default: scratch)")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the story an earlier run built on --database-url")
    parser.add_argument("--keep-reviews", action="store_true",
                        help="with --reuse: keep the reviews earlier runs made")
    parser.add_argument("--one-client", action="store_true",
                        help="measure the cost of one request of each read instead")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed (Debian: apt-get install wrk)")
        return 2
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with _database(args.database_url, tmp) as engine:
            started = time.perf_counter()
            seeded = build(engine, args.reports, reuse=args.reuse,
                           keep_reviews=args.keep_reviews)
            if seeded is None:
                return 0
            url = engine.url.render_as_string(hide_password=False)
            print(f"story {seeded.story_id}: {seeded.reports} reports, {seeded.claims} claims, "
                  f"{seeded.pairs} pairs (ready in {time.perf_counter() - started:.0f} s)")
            if args.one_client:
                one_client(engine, seeded, duration=args.duration, tmp=tmp)
                return 0
            port = free_port()
            # What gunicorn will run: the command line's settings over gunicorn.conf.py's
            # (set them here, not in GUNICORN_CMD_ARGS, which this description ignores).
            conf = runpy.run_path(str(PROJECT_ROOT / "gunicorn.conf.py"))
            workers = args.workers if args.workers is not None else int(conf["workers"])
            threads = args.threads if args.threads is not None else int(conf["threads"])
            if threads == 1:
                kind = "sync workers"
            else:
                connections = args.worker_connections or conf["worker_connections"]
                kind = f"gthread workers x {threads} threads, {connections} connections each"
            print(f"gunicorn: {workers} {kind}; wrk: {args.clients} clients, "
                  f"{args.duration} s, think time {args.think_ms} ms")
            plan = endpoints(engine, seeded, args.clients)
            with gunicorn(url, port, workers=args.workers, threads=args.threads,
                          worker_connections=args.worker_connections,
                          log=tmp / "gunicorn.log") as server:
                base = f"http://127.0.0.1:{port}"
                warm_up(base, seeded.story_id, workers * threads)
                load_before, cpu_before = os.getloadavg()[0], cpu_seconds(server.pid)
                results = drive(base, plan, duration=args.duration, think_ms=args.think_ms,
                                tmp=tmp)
                cpu = cpu_seconds(server.pid) - cpu_before
                load_after = os.getloadavg()[0]
            for (name, _body, clients, _c) in plan:
                results[name]["clients"] = clients
            met = print_figures(results, args.clients)
            served = sum(r["requests"] for r in results.values())
            print(f"gunicorn workers used {cpu:.1f} CPU-s: {1000 * cpu / max(served, 1):.1f} ms "
                  f"a request; load average {load_before:.1f} before, {load_after:.1f} after "
                  f"({os.cpu_count()} cores)")
            written = check_writes(engine, [a for r in results.values() for a in r["acked"]])
            log = (tmp / "gunicorn.log").read_text(encoding="utf-8", errors="replace")
            restarts = log.count("Booting worker") - workers
            if restarts > 0:
                print(f"\ngunicorn restarted {restarts} worker(s) during the run "
                      f"({log.count('WORKER TIMEOUT')} timed out)")
            if "Traceback" in log:
                print("\ngunicorn logged errors:\n" + log[-3000:])
            print(f"\ntargets {'met' if met else 'NOT met'}; acknowledged writes "
                  f"{'all present' if written else 'NOT all present'}")
            return 0 if met and written else 1


@contextmanager
def _database(url: str | None, tmp: Path) -> Iterator[Engine]:
    if url is None:
        with scratch_database("postgresql", tmp) as engine:
            yield engine
        return
    engine = make_engine(url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
