"""Matching cost against story size: the blocking index side by side with all pairs.

    python -m factcheck.bench.scale [--sizes 10,50,200,1000] [--backend postgresql]
                                    [--adds 5] [--no-db] [--db-max 200]

Stories are built from real articles (``common.story_articles``: ECB+ topic by topic, then
AllSides). For each size it prints:

* whole story, in memory: ``pipeline.story_pairs`` (blocking) and the exhaustive
  comparison of every report with every other, their times, pairs, the ratio and the share
  of the exhaustive pairs the blocked run also finds (extraction is done once beforehand
  and not timed: both paths share it);
* adding one report, end to end through ``ingest.add_report`` on the database (extraction,
  matching, storing), median over ``--adds`` new articles, with the blocking index and
  exhaustively, each in a transaction that is rolled back so every add sees the same story;
  and with the blocking index in a worker whose claim cache is empty (just started).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..models import Story
from ..pipeline.compare import _all_pairs, _extracted, story_pairs
from ..pipeline.signals import clear_signals, signals
from ..services import ingest, matching
from .common import peak_rss_mb, scratch_database, story_articles


def _ends(pairs: list[Any]) -> set[tuple[int, int, int, int]]:
    return {(p.report_a, p.claim_a, p.report_b, p.claim_b) for p in pairs}


def whole_story(articles: list[dict[str, Any]], *, exhaustive: bool = True) -> dict[str, Any]:
    """Return the in-memory whole-story figures for ``articles``."""
    t0 = time.perf_counter()
    claims = [_extracted(a["text"], None, False).claims for a in articles]
    for report in claims:  # both paths read the same cached signals
        for c in report:
            signals(c)
    extract_s = time.perf_counter() - t0
    published = [None] * len(articles)
    t0 = time.perf_counter()
    fast = story_pairs(claims, published)
    fast_s = time.perf_counter() - t0
    out: dict[str, Any] = {"reports": len(articles), "claims": sum(len(c) for c in claims),
                           "extract_s": extract_s, "blocked_s": fast_s,
                           "blocked_pairs": len(fast)}
    if exhaustive:
        t0 = time.perf_counter()
        slow = _all_pairs(claims, published)
        slow_s = time.perf_counter() - t0
        found = _ends(fast) & _ends(slow)
        out |= {"exhaustive_s": slow_s, "exhaustive_pairs": len(slow),
                "share_found": len(found) / len(slow) if slow else 1.0,
                "speedup": slow_s / fast_s if fast_s else float("inf")}
    return out


def add_one(backend: str, articles: list[dict[str, Any]], extra: list[dict[str, Any]],
            tmp: Path) -> dict[str, Any]:
    """Build a story of ``articles`` on ``backend``; time adding each of ``extra`` to it."""
    with scratch_database(backend, tmp) as engine, Session(engine) as session:
        story = Story(title=f"{len(articles)} reports")
        session.add(story)
        session.commit()
        t0 = time.perf_counter()
        skipped = 0
        for a in articles:
            try:
                ingest.add_report(session, story, outlet=a["outlet"], text=a["text"],
                                  title=a["title"])
                session.commit()
            except InvalidInput:  # a page with no article text left: refused, as in the API
                session.rollback()
                skipped += 1
        build_s = time.perf_counter() - t0
        if backend == "postgresql":
            # Fresh statistics, as autovacuum (on by default) leaves them after a bulk load;
            # without them the planner takes the story's key index for a handful of rows.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
        times: dict[str, list[float]] = {"blocked": [], "exhaustive": [], "cold": []}
        pairs: dict[str, list[int]] = {"blocked": [], "exhaustive": [], "cold": []}
        extra = [a for a in extra if a["text"].strip()]
        for a in extra:
            # One untimed exhaustive add first, so both paths find all the story's claims
            # warm in the process's caches, as a long-running worker would; "cold" is a
            # worker that has not read any of the story's claims yet (and runs last).
            for run in ("warm-up", "blocked", "exhaustive", "cold"):
                # The article's own signals are worked out anew in each timed add, as for
                # an article the worker has never seen (the story's claims keep theirs).
                clear_signals()
                if run == "cold":
                    matching.CLAIMS.clear()
                t0 = time.perf_counter()
                result = ingest.add_report(session, story, outlet=a["outlet"],
                                           text=a["text"], title=a["title"],
                                           exhaustive=run in ("warm-up", "exhaustive"))
                session.flush()
                if run != "warm-up":
                    times[run].append(time.perf_counter() - t0)
                    pairs[run].append(result.new_pairs)
                session.rollback()
    return {"backend": backend, "build_s": build_s, "skipped": skipped,
            "add_ms_median": 1000 * statistics.median(times["blocked"]),
            "add_ms_max": 1000 * max(times["blocked"]),
            "add_cold_ms_median": 1000 * statistics.median(times["cold"]),
            "add_exhaustive_ms_median": 1000 * statistics.median(times["exhaustive"]),
            "same_pairs": pairs["blocked"] == pairs["exhaustive"] == pairs["cold"],
            "new_pairs": pairs["blocked"]}


def main(argv: list[str] | None = None) -> None:
    """Print the matching cost for each story size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,50,200,1000")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--adds", type=int, default=5, help="reports added per size")
    parser.add_argument("--no-db", action="store_true", help="only the in-memory figures")
    parser.add_argument("--db-max", type=int, default=200,
                        help="largest story built in the database (building is slow)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pool = story_articles(max(sizes) + args.adds)
    if pool is None:
        return
    print(f"matching cost against story size ({len(pool)} real articles available)")
    for n in sizes:
        w = whole_story(pool[:n])
        line = (f"{n:>5} reports, {w['claims']} claims: whole story blocked "
                f"{w['blocked_s']:.2f} s ({w['blocked_pairs']} pairs)")
        if "exhaustive_s" in w:
            line += (f", exhaustive {w['exhaustive_s']:.2f} s ({w['exhaustive_pairs']} pairs): "
                     f"{w['speedup']:.1f}x faster, {100 * w['share_found']:.2f}% of its pairs")
        print(line, flush=True)
        if not args.no_db and n <= args.db_max:
            with tempfile.TemporaryDirectory() as tmp:
                d = add_one(args.backend, pool[:n], pool[n:n + args.adds], Path(tmp))
            print(f"       add one report on {d['backend']}: median {d['add_ms_median']:.0f} ms"
                  f" (max {d['add_ms_max']:.0f}; a worker that has read none of the story's"
                  f" claims: {d['add_cold_ms_median']:.0f}), exhaustive median "
                  f"{d['add_exhaustive_ms_median']:.0f} ms; same pairs: {d['same_pairs']}"
                  f" {d['new_pairs']}; story built in {d['build_s']:.1f} s"
                  f" ({d['skipped']} articles refused)", flush=True)
    print(f"peak memory {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
