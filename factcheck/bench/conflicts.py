"""Count the conflicts ``compare`` finds in real multi-outlet news, and draw some to read.

Each of the 86 ECB+ clusters (``clusters.jsonl``: articles of several outlets on one topic) is
compared as one story. No labels say which of those pairs truly conflict, so the figure to
watch is how many conflicts there are and, with ``--sample N``, what a seeded random draw of
them says when read: a false conflict costs an editor time and trust. Run:
``python -m factcheck.bench.conflicts [--sample 40 --seed 7] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..pipeline import compare
from ..pipeline.types import ReportInput
from .common import read_jsonl
from .matching import DEFAULT_DIR


def measure(data_dir: Path = DEFAULT_DIR, *, sample: int = 0, seed: int = 7,
            limit: int | None = None) -> dict[str, Any]:
    """Return pair and conflict counts over the ECB+ clusters, with ``sample`` conflicts."""
    path = data_dir / "clusters.jsonl"
    if not path.exists():
        return {"skipped": f"{path} is not there (the shared data sets are absent)"}
    started = time.perf_counter()
    labels: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    conflicts: list[dict[str, Any]] = []
    for cluster in read_jsonl(path, limit):
        result = compare([ReportInput(text=a["text"]) for a in cluster["articles"]])
        for p in result.pairs:
            labels[p.judgement.label] += 1
            if p.judgement.label != "conflict":
                continue
            reasons[p.judgement.reasons[0]] += 1
            conflicts.append({
                "cluster": cluster["cluster_id"],
                "a": result.reports[p.report_a].claims[p.claim_a].text,
                "b": result.reports[p.report_b].claims[p.claim_b].text,
                "reasons": list(p.judgement.reasons),
                "confidence": p.judgement.confidence,
            })
    drawn = random.Random(seed).sample(conflicts, min(sample, len(conflicts)))
    return {"pairs": sum(labels.values()), "labels": dict(labels),
            "conflict_reasons": dict(reasons.most_common()), "sample": drawn,
            "seconds": time.perf_counter() - started}


def main(argv: list[str] | None = None) -> None:
    """Print the conflict figures (``--json`` for JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--sample", type=int, default=0, help="conflicts to print, drawn at random")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    out = measure(args.data, sample=args.sample, seed=args.seed, limit=args.limit)
    if args.json:
        print(json.dumps(out, indent=2))
        return
    if "skipped" in out:
        print(f"skipped: {out['skipped']}")
        return
    print(f"{out['pairs']} pairs in {out['seconds']:.1f} s: "
          + ", ".join(f"{n} {label}" for label, n in sorted(out["labels"].items())))
    print("conflicts by leading reason: "
          + ", ".join(f"{code} {n}" for code, n in out["conflict_reasons"].items()))
    for k, c in enumerate(out["sample"]):
        print(f"\n[{k}] {c['cluster']} {', '.join(c['reasons'])} ({c['confidence']:.2f})\n"
              f"  a: {c['a']}\n  b: {c['b']}")


if __name__ == "__main__":
    main()
