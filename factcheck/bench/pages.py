"""Page benchmark: how long the editors' pages take to render for a story of many reports.

    .venv/bin/python -m factcheck.bench.pages [--reports 50] [--runs 20]
        [--database-url postgresql://postgres@127.0.0.1:5432/scratch]

Builds a story of N synthetic reports (each a few sentences about one treaty, with numbers,
dates and durations that partly agree and partly differ, so pairs of every label appear),
then requests the stories, story, report and pair pages through Flask's test client and
prints the median and 95th-percentile time and the number of SQL queries of each page.
Target: the story page of a 50-report story in under 150 ms. The story is deleted at the
end, so a scratch database given with --database-url is left as it was found.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, select

from ..app import create_app
from ..db import get_db, session_scope
from ..models import AuditEvent, Pair, Report, Story
from ..services import ingest

TEMPLATE = (
    "Filed by desk {k}. Delegates in {city} adopted the convention on {day}. "
    "The treaty took {years} years to finalize. "
    "More than {countries} countries signed it on the first day. "
    "The agreement was {verb} by the General Assembly. "
    "Officials said funding of ${money} million would follow."
)
CITIES = ("Vienna", "New York", "Geneva")
VERBS = ("adopted", "approved", "endorsed")


def report_text(k: int) -> str:
    """Return the text of synthetic report ``k``."""
    return TEMPLATE.format(k=k, city=CITIES[k % 3], day=(date(2024, 12, 24) + timedelta(k % 3))
                           .strftime("%d %B %Y"), years=5 if k % 4 else 3,
                           countries=150 + (k % 5) * 10, verb=VERBS[k % 3], money=10 + k % 2)


def build(app: Any, n: int) -> tuple[int, int, int]:
    """Create the story; return (story id, a report id, a pair id)."""
    with session_scope(app) as session:
        story = Story(title=f"Benchmark story of {n} reports", description="")
        session.add(story)
        session.flush()
        for k in range(n):
            ingest.add_report(session, story, outlet=f"Outlet {k:02d}", text=report_text(k),
                              published=date(2024, 12, 26) + timedelta(days=k % 7))
        report_id = session.scalars(select(Report.id).where(Report.story_id == story.id)).first()
        pair_id = session.scalars(select(Pair.id).where(Pair.story_id == story.id)).first()
        pairs = len(session.scalars(select(Pair.id).where(Pair.story_id == story.id)).all())
        print(f"story of {n} reports: {pairs} pairs")
        assert report_id is not None and pair_id is not None
        return story.id, report_id, pair_id


def measure(app: Any, url: str, runs: int) -> tuple[float, float, int]:
    """Return (median ms, p95 ms, queries) of GET ``url``."""
    client = app.test_client()
    engine = get_db(app).engine
    queries = [0]

    def count(*_args: Any) -> None:
        queries[0] += 1

    assert client.get(url).status_code == 200  # warm caches and templates
    times = []
    for _ in range(runs):
        queries[0] = 0
        event.listen(engine, "before_cursor_execute", count)
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        event.remove(engine, "before_cursor_execute", count)
        assert response.status_code == 200
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], queries[0]


def main() -> None:
    """Build the story and print the figures of each page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=50)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "LOAD_SOURCES": False})
        started = time.perf_counter()
        story_id, report_id, pair_id = build(app, args.reports)
        print(f"built in {time.perf_counter() - started:.1f} s on {url.split(':')[0]}")
        for name, page in (("stories", "/"), ("story", f"/stories/{story_id}"),
                           ("story, filtered", f"/stories/{story_id}?label=conflict&q=treaty"),
                           ("report", f"/reports/{report_id}"), ("pair", f"/pairs/{pair_id}")):
            median, p95, queries = measure(app, page, args.runs)
            print(f"{name:16s} median {median:7.1f} ms   p95 {p95:7.1f} ms   {queries} queries")
        with session_scope(app) as session:  # leave a shared database as it was found
            found = session.get(Story, story_id)
            if found is not None:
                session.delete(found)
            session.execute(delete(AuditEvent).where(AuditEvent.story_id == story_id))
        get_db(app).engine.dispose()


if __name__ == "__main__":
    main()
