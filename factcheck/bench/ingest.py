"""Ingest benchmark: every ECB+ article into its story, through the service the API uses.

    python -m factcheck.bench.ingest [--backend sqlite|postgresql|both] [--limit N]

Prints articles/s, claims/s, pairs found and peak memory per backend.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..models import Claim, Pair, Story
from ..services import ingest
from .common import data_file, peak_rss_mb, read_jsonl, scratch_database


def _published(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw[:10]) if raw else None
    except ValueError:
        return None


def run(backend: str, clusters: list[dict[str, Any]], tmp: Path) -> dict[str, float]:
    """Ingest ``clusters`` on ``backend`` and return the figures."""
    per_article: list[float] = []
    failed = 0
    with scratch_database(backend, tmp) as engine:
        started = time.perf_counter()
        for cluster in clusters:
            with Session(engine) as session:
                story = Story(title=str(cluster["cluster_id"]))
                session.add(story)
                session.commit()
                for n, article in enumerate(cluster["articles"]):
                    t0 = time.perf_counter()
                    try:
                        ingest.add_report(
                            session, story,
                            outlet=article.get("source") or article.get("doc_id") or f"#{n}",
                            text=article.get("text") or "", title=article.get("title"),
                            url=article.get("url"), published=_published(article.get("date")),
                        )
                        session.commit()
                    except InvalidInput:
                        session.rollback()
                        failed += 1
                    per_article.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - started
        with Session(engine) as session:
            claims = session.scalar(select(func.count(Claim.id))) or 0
            pairs = session.scalar(select(func.count(Pair.id))) or 0
    articles = len(per_article)
    per_article.sort()
    return {
        "articles": articles, "failed": failed, "seconds": elapsed,
        "articles_per_s": articles / elapsed, "claims": claims, "claims_per_s": claims / elapsed,
        "pairs": pairs, "median_ms": statistics.median(per_article) * 1000,
        "p95_ms": per_article[int(0.95 * (articles - 1))] * 1000,
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the ingest benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    args = parser.parse_args(argv)
    path = data_file("ecbplus/clusters.jsonl")
    if path is None:
        return 0
    clusters = read_jsonl(path, args.limit)
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    print(f"ingest: {sum(len(c['articles']) for c in clusters)} articles in {len(clusters)} "
          f"stories from {path}")
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            r = run(backend, clusters, Path(tmp))
            print(f"{backend:>10}: {r['articles']:.0f} articles ({r['failed']:.0f} refused) in "
                  f"{r['seconds']:.1f} s = {r['articles_per_s']:.1f} articles/s, "
                  f"{r['claims_per_s']:.0f} claims/s; {r['claims']:.0f} claims, "
                  f"{r['pairs']:.0f} pairs; per article median {r['median_ms']:.1f} ms, "
                  f"p95 {r['p95_ms']:.1f} ms; peak RSS {r['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
