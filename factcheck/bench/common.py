"""Shared helpers of the benchmarks: where the data is, and throwaway databases."""

from __future__ import annotations

import json
import os
import resource
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text

from ..config import PROJECT_ROOT, normalise_database_url
from ..db import make_engine, upgrade

DATA = PROJECT_ROOT.parent / "shared" / "data"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


def data_file(relative: str) -> Path | None:
    """Return the path of a shared data file, or None (with a message) when it is absent."""
    path = DATA / relative
    if not path.exists():
        print(f"skipped: {path} is not there (the shared data sets are not on this machine)")
        return None
    return path


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Return the records of a JSONL file (at most ``limit``), skipping blank lines."""
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@contextmanager
def scratch_database(backend: str, tmp: Path) -> Iterator[Engine]:
    """Yield an engine on an empty, migrated database that is thrown away afterwards."""
    if backend == "sqlite":
        path = tmp / f"bench-{uuid.uuid4().hex[:8]}.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        try:
            yield engine
        finally:
            engine.dispose()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        return
    base = normalise_database_url(os.environ.get("FACTCHECK_TEST_POSTGRES_URL", DEFAULT_PG))
    schema = f"fc_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}")
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def story_articles(n: int) -> list[dict[str, Any]] | None:
    """Return ``n`` real articles for one big story: ECB+ topic by topic, then AllSides.

    Each has ``outlet``, ``title`` and ``text``. ECB+ articles come first, in topic order, so
    a story of 10 or 50 reports is mostly one or a few events; beyond the 982 ECB+ articles
    the AllSides (NeuS) excerpts fill up. Returns None when the shared data is absent.
    """
    ecb = data_file("ecbplus/clusters.jsonl")
    if ecb is None:
        return None
    articles: list[dict[str, Any]] = []
    seen: set[str] = set()  # a story refuses the same text twice, so the count would be short
    for cluster in read_jsonl(ecb):
        for art in cluster["articles"]:
            if art["text"] in seen or not art["text"].strip():
                continue
            seen.add(art["text"])
            articles.append({"outlet": art.get("source") or f"ECB+ {art['doc_id']}",
                             "title": art.get("title"), "text": art["text"]})
    if len(articles) < n:
        neus = data_file("allsides_neus/clusters.jsonl")
        if neus is not None:
            for cluster in read_jsonl(neus):
                for k, art in enumerate(cluster["articles"]):
                    if art["text"] in seen:
                        continue
                    seen.add(art["text"])
                    articles.append({"outlet": art.get("source")
                                     or f"AllSides {cluster['cluster_id']}#{k}",
                                     "title": art.get("title"), "text": art["text"]})
                if len(articles) >= n:
                    break
    return articles[:n]
