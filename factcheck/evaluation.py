"""`factcheck eval`: score ``relate`` on labelled pair files (a, b, label).

Scoring is plain Python so it can be tested on hand-made rows: ``score`` takes gold and
predicted labels (``unrelated`` predictions count as ``complement``) and returns accuracy,
macro-F1 over the classes the file has, per-class precision/recall/F1 and the confusion matrix.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from .pipeline.explain import calibration_keys, similarity_bin
from .pipeline.types import LABELS, Relation

Relater = Callable[[str, str], Relation]
Key = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class Example:
    """One scored row: the gold label, the prediction and the pipeline's explanation."""

    id: str
    a: str
    b: str
    gold: str
    predicted: str
    confidence: float
    reasons: tuple[str, ...]
    explanation: str
    shape: str = ""
    similarity: float = 0.0
    strength: str = "weak"
    source: str = ""  # the file the row came from


def as_three_way(label: str) -> str:
    """Map a relation label onto the three scored classes (``unrelated`` -> complement)."""
    return "complement" if label == "unrelated" else label


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Return accuracy, macro-F1, per-class P/R/F1 and the confusion matrix.

    Macro-F1 averages over the classes present in ``gold`` only: fever_symmetric has no
    complement class and wice no conflict class, and a class nobody could get right would
    only lower every system's figure by the same constant.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    pred = [as_three_way(p) for p in predicted]
    n = len(gold)
    confusion: dict[str, dict[str, int]] = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    per_class: dict[str, dict[str, float]] = {}
    for c in LABELS:
        tp = confusion[c][c]
        predicted_c = sum(confusion[g][c] for g in LABELS)
        gold_c = sum(confusion[c].values())
        precision = tp / predicted_c if predicted_c else 0.0
        recall = tp / gold_c if gold_c else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[c] = {"precision": precision, "recall": recall, "f1": f1,
                        "support": gold_c, "predicted": predicted_c}
    present = [c for c in LABELS if per_class[c]["support"]]
    macro = sum(per_class[c]["f1"] for c in present) / len(present) if present else 0.0
    correct = sum(confusion[c][c] for c in LABELS)
    return {"n": n, "accuracy": correct / n if n else 0.0, "macro_f1": macro,
            "classes": present, "per_class": per_class, "confusion": confusion}


def reliability(
    confidences: Sequence[float], correct: Sequence[bool], *, bins: int = 10
) -> dict[str, Any]:
    """Return a reliability table (per confidence bin: n, mean confidence, accuracy) and ECE."""
    rows: list[dict[str, float]] = []
    ece = 0.0
    n = len(confidences)
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        idx = [i for i, c in enumerate(confidences)
               if low <= c < high or (k == bins - 1 and c == 1.0)]
        if not idx:
            continue
        mean_conf = sum(confidences[i] for i in idx) / len(idx)
        acc = sum(1 for i in idx if correct[i]) / len(idx)
        ece += len(idx) / n * abs(mean_conf - acc)
        rows.append({"low": low, "high": high, "n": len(idx), "confidence": mean_conf,
                     "accuracy": acc})
    return {"bins": rows, "ece": ece}


def _pair_row(line: str, where: str) -> dict[str, Any]:
    """Return one line of a pair file, or raise ValueError naming ``where`` and the fault."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise ValueError(f"{where}: JSON nested too deeply") from None
    if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("a", "b")):
        raise ValueError(f"{where}: expected an object with string fields 'a' and 'b'")
    return row


def read_pairs(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Return the rows of a JSONL pair file (``a``, ``b``, ``label``), at most ``limit``.

    Raises ValueError naming the file and line of the first line that is not a pair.
    """
    rows: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                rows.append(_pair_row(line, f"{path}:{number}"))
                if limit is not None and len(rows) >= limit:
                    break
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return rows


def run(
    rows: Iterable[dict[str, Any]], relater: Relater, *, source: str = ""
) -> list[Example]:
    """Run ``relater`` on every row of file ``source`` and return the scored examples."""
    out: list[Example] = []
    for k, row in enumerate(rows):
        rel = relater(str(row["a"]), str(row["b"]))
        out.append(Example(str(row.get("id", k)), str(row["a"]), str(row["b"]),
                           str(row["label"]), rel.label, rel.confidence, rel.reasons,
                           rel.explanation, rel.shape, rel.similarity, rel.strength, source))
    return out


def evaluate(
    examples: Sequence[Example], *, errors: int = 0, calibration: bool = False
) -> dict[str, Any]:
    """Return the metrics of ``examples``, optionally with misjudged rows and calibration."""
    result = score([e.gold for e in examples], [e.predicted for e in examples])
    if calibration:
        result["calibration"] = reliability(
            [e.confidence for e in examples],
            [as_three_way(e.predicted) == e.gold for e in examples])
    if errors:
        wrong = [e for e in examples if as_three_way(e.predicted) != e.gold][:errors]
        result["errors"] = [
            {"id": e.id, "gold": e.gold, "predicted": e.predicted, "confidence": e.confidence,
             "reasons": list(e.reasons), "explanation": e.explanation,
             "a": _clip(e.a), "b": _clip(e.b)} for e in wrong]
    return result


def _clip(text: str, n: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def format_result(name: str, result: dict[str, Any]) -> str:
    """Return the plain-text report of one file's metrics."""
    lines = [f"{name}: n={result['n']}  accuracy={result['accuracy']:.3f}  "
             f"macro-F1={result['macro_f1']:.3f}  (seconds={result.get('seconds', 0):.1f})"]
    lines.append(f"  {'class':<11} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for c in LABELS:
        m = result["per_class"][c]
        lines.append(f"  {c:<11} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
                     f"{m['support']:6d} {m['predicted']:6d}")
    lines.append("  confusion (rows gold, columns predicted):")
    lines.append("  " + " " * 11 + "".join(f"{c:>11}" for c in LABELS))
    for g in LABELS:
        lines.append(f"  {g:<11}" + "".join(f"{result['confusion'][g][p]:>11d}" for p in LABELS))
    if "calibration" in result:
        cal = result["calibration"]
        lines.append(f"  reliability (ECE={cal['ece']:.3f}):")
        lines.append(f"  {'confidence':<12} {'n':>6} {'mean conf':>10} {'accuracy':>9}")
        for b in cal["bins"]:
            lines.append(f"  {b['low']:.1f}-{b['high']:.1f}     {b['n']:6d} "
                         f"{b['confidence']:10.3f} {b['accuracy']:9.3f}")
    for e in result.get("errors", []):
        lines.append(f"  - {e['id']}: gold {e['gold']}, predicted {e['predicted']} "
                     f"({e['confidence']:.2f}) {', '.join(e['reasons'])}")
        lines.append(f"    a: {e['a']}")
        lines.append(f"    b: {e['b']}")
        lines.append(f"    why: {e['explanation']}")
    return "\n".join(lines)


def _default_relater() -> Relater:
    from .pipeline import relate

    def relater(a: str, b: str) -> Relation:
        return relate(a, b)

    return relater


@click.command("eval")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--errors", type=int, default=0, show_default=True,
              help="Show this many misjudged examples with their explanations.")
@click.option("--calibration", is_flag=True, help="Print a reliability table of confidence.")
@click.option("--limit", type=int, default=None, help="Score only the first N rows of a file.")
@click.option("--side", is_flag=True,
              help="Also run side files whose labels are not agree/complement/conflict "
                   "(prints what they were labelled).")
@click.option("--matching", is_flag=True,
              help="Measure cross-report matching on ECB+ same-event sentence pairs.")
@click.option("--fit-calibration", is_flag=True,
              help="Print the (label, leading reason, shape) -> share right table of FILES, "
                   "for pipeline/explain.py CALIBRATION (fit on dev files only).")
def eval_cmd(files: tuple[Path, ...], as_json: bool, errors: int, calibration: bool,
             limit: int | None, side: bool, matching: bool, fit_calibration: bool) -> None:
    """Score the agree / complement / conflict judgement on labelled JSONL pair files."""
    if not files and not matching:
        raise click.UsageError("give at least one FILE.jsonl, or --matching")
    relater = _default_relater()
    results: dict[str, Any] = {}
    fitted: list[Example] = []
    for path in files:
        try:
            rows = read_pairs(path, limit=limit)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        labels = {str(r.get("label")) for r in rows}
        name = f"{path.parent.name}/{path.name}"
        if not labels <= set(LABELS):
            if not side:
                click.echo(f"{name}: skipped, labels {sorted(labels - set(LABELS))} are not "
                           "agree/complement/conflict (use --side to run it)", err=True)
                continue
            started = time.perf_counter()
            predicted: dict[str, dict[str, int]] = {}
            for e in run(rows, relater):
                predicted.setdefault(e.gold, {}).setdefault(e.predicted, 0)
                predicted[e.gold][e.predicted] += 1
            results[name] = {"n": len(rows), "side": True, "predicted": predicted,
                             "seconds": time.perf_counter() - started}
            if not as_json:
                click.echo(f"{name}: n={len(rows)} (side file) predicted {predicted}")
            continue
        started = time.perf_counter()
        examples = run(rows, relater, source=name)
        fitted += examples
        result = evaluate(examples, errors=errors, calibration=calibration)
        result["seconds"] = time.perf_counter() - started
        results[name] = result
        if not as_json:
            click.echo(format_result(name, result))
    if matching:
        from .bench.matching import DEFAULT_DIR, measure

        report = measure(DEFAULT_DIR, limit=limit)
        results["matching"] = report
        if not as_json:
            click.echo(format_matching(report))
    if fit_calibration:
        click.echo(format_calibration(fit(fitted)))
    if as_json:
        click.echo(json.dumps(results, indent=2))


def fit(
    examples: Sequence[Example], *, min_n: int = 20, min_gap: float = 0.03
) -> dict[Key, float]:
    """Return the share of right judgements per calibration row, to 0.01.

    Rows go from (label, leading reason, shape, strength, similarity bin) down to (label,
    any reason, shape), as ``explain.calibration_keys`` looks them up. Each file weighs the
    same (rows are weighted by 1 / rows of their file), so a large file does not set the
    confidence alone. Rows with fewer than ``min_n`` judgements are left out, and so are rows
    within ``min_gap`` of the row they would fall back to.
    """
    per_file: dict[str, int] = {}
    for e in examples:
        per_file[_file_of(e)] = per_file.get(_file_of(e), 0) + 1
    right: dict[Key, float] = {}
    total: dict[Key, float] = {}
    count: dict[Key, int] = {}
    chains: dict[Key, tuple[Key, ...]] = {}
    for e in examples:
        w = 1.0 / per_file[_file_of(e)]
        keys = calibration_keys(e.predicted, e.reasons[0] if e.reasons else "", e.shape,
                                e.strength, similarity_bin(e.similarity))
        for k, key in enumerate(keys):
            chains[key] = keys[k + 1:]
            total[key] = total.get(key, 0.0) + w
            count[key] = count.get(key, 0) + 1
            if as_three_way(e.predicted) == e.gold:
                right[key] = right.get(key, 0.0) + w
    share = {k: round(right.get(k, 0.0) / total[k], 2) for k in total if count[k] >= min_n}
    table: dict[Key, float] = {}
    # General rows first, so a specific row is compared with the row it would fall back to.
    for key in sorted(share, key=lambda k: (-k.count("*"), k)):
        fallback = next((table[k] for k in chains[key] if k in table), None)
        # The pooled row of strong evidence stands for many cells: always kept.
        if fallback is None or key[2] == "*" or abs(share[key] - fallback) >= min_gap:
            table[key] = share[key]
    return dict(sorted(table.items()))


def _file_of(example: Example) -> str:
    # Row ids do not name their file reliably (climate_fever's carry a claim number too).
    return example.source or example.id.rsplit("-", 1)[0]


def format_calibration(table: dict[Key, float]) -> str:
    """Return ``table`` as the Python source of a CALIBRATION dict."""
    lines = ["CALIBRATION: dict[tuple[str, str, str, str, str], float] = {"]
    lines += [f"    {key!r}: {share}," for key, share in table.items()]
    return "\n".join([*lines, "}"])


def format_matching(report: dict[str, Any]) -> str:
    """Return the plain-text report of the ECB+ matching measurement."""
    if "skipped" in report:
        return f"matching: skipped ({report['skipped']})"
    return (f"matching on ECB+ same-event sentence pairs: n={report['pairs']}  "
            f"linked={report['linked_share']:.3f}  "
            f"(a claim inside sentence a paired with a claim inside sentence b)\n"
            f"  proposed pairs per article pair: mean={report['pairs_per_article_pair']:.2f} "
            f"over {report['article_pairs']} article pairs of {report['clusters']} clusters  "
            f"(seconds={report['seconds']:.1f})")
