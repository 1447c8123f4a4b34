"""Measure extraction speed on real news: ``python -m factcheck.bench.extract``.

Runs ``extract_report`` over every article of ../shared/data/ecbplus/clusters.jsonl (relative
to the project root) and prints articles/s, ms/article (median and p95), claims and values
per article, and peak memory. Exits 0 with a message when the data is absent. Options:
``--profile`` prints the top functions by cumulative time (cProfile); ``--repeat N`` runs the
corpus N times; ``--pathological`` also times inputs built to be slow (long runs of numbers,
no sentence ends, deep punctuation).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from factcheck.pipeline import extract_report
from factcheck.pipeline.errors import ExtractionError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "ecbplus" / "clusters.jsonl"


def load_articles(path: Path = DATA) -> list[str]:
    """Return the article texts of the ECB+ cluster file."""
    texts: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                for art in json.loads(line).get("articles", []):
                    text = art.get("text") or ""
                    if art.get("title"):
                        text = f"{art['title']}\n\n{text}"
                    texts.append(text)
    return texts


def _pathological() -> dict[str, str]:
    return {
        "100k numbers": " ".join(str(i) for i in range(100_000)),
        "1 MB no sentence end": ("word " * 200_000)[:1_000_000],
        "dots and digits": ("1." * 200_000),
        "quotes and commas": ('"a", ' * 150_000),
        "number words": ("one hundred and " * 50_000),
        "pipes": ("a | " * 200_000),
        "long line of capitals": ("Big " * 200_000),
    }


def run(texts: list[str], repeat: int = 1) -> dict[str, float]:
    """Extract every text ``repeat`` times and return the figures."""
    times: list[float] = []
    typical: list[float] = []  # articles of 3-4 KB, the size the target is stated for
    claims = values = 0
    gc.collect()
    cpu_all = time.process_time()
    start_all = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            # CPU time of this process: other processes on a busy machine do not inflate it.
            t0 = time.process_time()
            report = extract_report(text)
            elapsed = time.process_time() - t0
            times.append(elapsed)
            if 3000 <= len(text) <= 4000:
                typical.append(elapsed)
            claims += len(report.claims)
            values += sum(len(c.values) for c in report.claims)
    total = time.perf_counter() - start_all
    cpu = time.process_time() - cpu_all
    n = len(texts) * repeat
    times.sort()
    return {
        "articles": n, "seconds": total, "articles_per_s": n / total,
        "cpu_seconds": cpu, "articles_per_cpu_s": n / cpu,
        "ms_median": 1000 * statistics.median(times),
        "ms_p95": 1000 * times[int(0.95 * (len(times) - 1))],
        "ms_max": 1000 * times[-1],
        "typical_n": len(typical),
        "ms_typical_median": 1000 * statistics.median(typical) if typical else float("nan"),
        "claims_per_article": claims / n, "values_per_article": values / n,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--pathological", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"No benchmark data at {args.data}; nothing to measure.")
        return 0
    texts = load_articles(args.data)
    sizes = sorted(len(t) for t in texts)
    print(f"{len(texts)} articles, median {statistics.median(sizes):.0f} chars, "
          f"max {sizes[-1]} chars, {sum(sizes) / 1e6:.2f} MB in all")
    extract_report(texts[0])  # warm up: imports and compiled patterns
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        run(texts, args.repeat)
        prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
        return 0
    figures = run(texts, args.repeat)
    tracemalloc.start()
    for text in texts[:200]:
        extract_report(text)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"articles/s          {figures['articles_per_s']:.0f} wall clock, "
          f"{figures['articles_per_cpu_s']:.0f} per CPU second  "
          f"({figures['articles']} in {figures['seconds']:.2f} s, one process, one thread)")
    print(f"load average        {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          "(other processes slow the wall-clock figure)")
    print(f"CPU ms/article      median {figures['ms_median']:.2f}  p95 {figures['ms_p95']:.2f}  "
          f"max {figures['ms_max']:.2f}")
    print(f"3-4 KB articles     CPU median {figures['ms_typical_median']:.2f} ms "
          f"({figures['typical_n']} articles)")
    print(f"claims/article      {figures['claims_per_article']:.1f}")
    print(f"values/article      {figures['values_per_article']:.1f}")
    print(f"peak memory         {peak / 1e6:.1f} MB traced while extracting 200 articles; "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.pathological:
        for name, text in _pathological().items():
            t0 = time.perf_counter()
            try:
                report = extract_report(text)
                outcome = f"{len(report.claims)} claims"
            except ExtractionError as exc:
                outcome = f"refused: {exc}"
            print(f"pathological {name!r}: {1000 * (time.perf_counter() - t0):.0f} ms, {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
