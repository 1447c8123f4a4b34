"""Measure cross-report matching on ECB+: do same-event sentences of two articles get linked?

For every same-event sentence pair of ``event_coref_sentence_pairs.jsonl`` the two whole
articles (from ``clusters.jsonl``) are paired with ``pair_claims``, as a story would be, and the
pair counts as linked when a claim inside sentence a is paired with a claim inside sentence b.
It also reports how many claim pairs are proposed per article pair over every article pair of
every cluster. Run: ``python -m factcheck.bench.matching [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import combinations
from pathlib import Path
from typing import Any

from ..pipeline.clean import joined_numbers
from ..pipeline.compare import _extracted, pair_claims
from ..pipeline.types import Claim, ClaimPair
from .common import read_jsonl

DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ecbplus"


def _norm(text: str) -> str:
    # The corpus prints "1, 000" and "6. 4"; claims read them as cleaning joins them.
    return " ".join(joined_numbers(text).split()).lower()


def _inside(claim: Claim, sentence: str) -> bool:
    c = _norm(claim.text)
    return bool(c) and (c[:60] in sentence or sentence[:60] in c)


def measure(data_dir: Path = DEFAULT_DIR, *, limit: int | None = None) -> dict[str, Any]:
    """Return the linked share of same-event sentence pairs and pairs per article pair."""
    pairs_path = data_dir / "event_coref_sentence_pairs.jsonl"
    clusters_path = data_dir / "clusters.jsonl"
    if not pairs_path.exists() or not clusters_path.exists():
        return {"skipped": f"{data_dir} is not there (the shared data sets are absent)"}
    started = time.perf_counter()
    texts: dict[str, str] = {}
    clusters = read_jsonl(clusters_path)
    for cluster in clusters:
        for art in cluster["articles"]:
            texts[art["doc_id"]] = art["text"]

    def claims(doc: str) -> tuple[Claim, ...]:
        return _extracted(texts[doc], None, False).claims

    found: dict[tuple[str, str], list[ClaimPair]] = {}

    def paired(x: str, y: str) -> list[ClaimPair]:
        if (x, y) not in found:
            found[(x, y)] = pair_claims(claims(x), claims(y))
        return found[(x, y)]

    rows = read_jsonl(pairs_path, limit)
    linked = 0
    scored = 0
    for row in rows:
        da, db = row["doc_a"], row["doc_b"]
        if da not in texts or db not in texts or da == db:
            continue
        scored += 1
        sa, sb = _norm(row["a"]), _norm(row["b"])
        ca, cb = claims(da), claims(db)
        for p in paired(da, db):
            if _inside(ca[p.i], sa) and _inside(cb[p.j], sb):
                linked += 1
                break
    counts: list[int] = []
    for cluster in clusters[: None if limit is None else max(1, limit // 100)]:
        docs = [a["doc_id"] for a in cluster["articles"]]
        for x, y in combinations(docs, 2):
            counts.append(len(paired(x, y)))
    return {
        "pairs": scored,
        "linked": linked,
        "linked_share": linked / scored if scored else 0.0,
        "article_pairs": len(counts),
        "clusters": len(clusters) if limit is None else max(1, limit // 100),
        "pairs_per_article_pair": sum(counts) / len(counts) if counts else 0.0,
        "seconds": time.perf_counter() - started,
    }


def main() -> None:
    """Print the matching figures on ECB+."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    report = measure(args.dir, limit=args.limit)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
