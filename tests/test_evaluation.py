"""`factcheck eval`: metrics on a small hand-made pair file, checked against hand-worked values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import evaluation
from factcheck.evaluation import eval_cmd, reliability, score
from factcheck.pipeline.types import Relation

# Gold and predicted labels of six rows; "unrelated" is scored as complement.
GOLD = ["agree", "agree", "complement", "complement", "conflict", "conflict"]
PRED = ["agree", "complement", "unrelated", "agree", "conflict", "complement"]


def test_score_counts_unrelated_as_complement_and_averages_f1_over_gold_classes() -> None:
    result = score(GOLD, PRED)
    # Right: rows 0, 2 (unrelated = complement) and 4 -> 3 of 6.
    assert result["accuracy"] == pytest.approx(0.5)
    agree = result["per_class"]["agree"]
    # agree predicted twice (rows 0, 3), right once; gold agree twice, found once.
    assert (agree["precision"], agree["recall"], agree["f1"]) == pytest.approx((0.5, 0.5, 0.5))
    complement = result["per_class"]["complement"]
    # complement predicted for rows 1, 2, 5, right only for row 2; gold rows 2, 3.
    assert complement["precision"] == pytest.approx(1 / 3)
    assert complement["recall"] == pytest.approx(0.5)
    assert complement["f1"] == pytest.approx(0.4)
    conflict = result["per_class"]["conflict"]
    # conflict predicted once (row 4), right; gold rows 4, 5 -> P 1, R 0.5, F1 2/3.
    assert (conflict["precision"], conflict["recall"]) == pytest.approx((1.0, 0.5))
    assert conflict["f1"] == pytest.approx(2 / 3)
    assert result["macro_f1"] == pytest.approx((0.5 + 0.4 + 2 / 3) / 3)
    assert result["confusion"]["conflict"] == {"agree": 0, "complement": 1, "conflict": 1}
    assert result["confusion"]["complement"] == {"agree": 1, "complement": 1, "conflict": 0}


def test_macro_f1_leaves_out_a_class_the_file_does_not_have() -> None:
    # fever_symmetric style: no gold complement. agree: P 1/2 R 1/2; conflict: P 1 R 1/2.
    result = score(["agree", "agree", "conflict", "conflict"],
                   ["agree", "conflict", "conflict", "complement"])
    assert result["classes"] == ["agree", "conflict"]
    assert result["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 2)


def test_reliability_bins_confidence_and_measures_the_gap() -> None:
    table = reliability([0.95, 0.91, 0.55, 0.52], [True, False, True, True])
    rows = {(round(b["low"], 1)): b for b in table["bins"]}
    assert rows[0.9]["n"] == 2 and rows[0.9]["accuracy"] == pytest.approx(0.5)
    assert rows[0.9]["confidence"] == pytest.approx(0.93)
    assert rows[0.5]["accuracy"] == pytest.approx(1.0)
    # ECE = 2/4 * |0.93 - 0.5| + 2/4 * |0.535 - 1.0|
    assert table["ece"] == pytest.approx(0.5 * 0.43 + 0.5 * 0.465)


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def fake_relate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace ``relate`` by a lookup on ``b`` so the command's arithmetic is what is tested."""
    answers = {"same": "agree", "more": "complement", "other": "unrelated", "not": "conflict"}

    def relater() -> evaluation.Relater:
        def run(a: str, b: str) -> Relation:
            return Relation(answers[b], 0.75, ("test.reason",), f"b says {b}.")  # type: ignore[arg-type]
        return run

    monkeypatch.setattr(evaluation, "_default_relater", relater)


ROWS = [
    {"id": "r1", "a": "x", "b": "same", "label": "agree"},
    {"id": "r2", "a": "x", "b": "not", "label": "agree"},
    {"id": "r3", "a": "x", "b": "other", "label": "complement"},
    {"id": "r4", "a": "x", "b": "not", "label": "conflict"},
]


@pytest.mark.usefixtures("fake_relate")
def test_eval_command_prints_json_metrics_of_each_file(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    _write(path, ROWS)
    result = CliRunner().invoke(eval_cmd, [str(path), "--json", "--errors", "5"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)[f"{tmp_path.name}/dev.jsonl"]
    assert data["n"] == 4
    assert data["accuracy"] == pytest.approx(0.75)
    # conflict predicted twice (r2, r4), right once; gold conflict once, found.
    assert data["per_class"]["conflict"]["precision"] == pytest.approx(0.5)
    assert data["per_class"]["conflict"]["recall"] == pytest.approx(1.0)
    assert [e["id"] for e in data["errors"]] == ["r2"]
    assert data["errors"][0]["explanation"] == "b says not."


@pytest.mark.usefixtures("fake_relate")
def test_eval_command_limit_and_calibration_table(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    _write(path, ROWS)
    result = CliRunner().invoke(eval_cmd, [str(path), "--limit", "2", "--calibration"])
    assert result.exit_code == 0, result.output
    assert "n=2 " in result.output
    assert "reliability (ECE=0.250)" in result.output  # both rows at 0.75, one of two right


@pytest.mark.usefixtures("fake_relate")
def test_eval_command_skips_side_files_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "dev_unrelated_sample.jsonl"
    _write(path, [{"id": "u1", "a": "x", "b": "other", "label": "unrelated"}])
    skipped = CliRunner().invoke(eval_cmd, [str(path)])
    assert skipped.exit_code == 0
    assert "skipped" in skipped.output
    run = CliRunner().invoke(eval_cmd, [str(path), "--side", "--json"])
    assert json.loads(run.output)[f"{tmp_path.name}/{path.name}"]["predicted"] == {
        "unrelated": {"unrelated": 1}}


def _example(id_: str, source: str, predicted: str, gold: str) -> evaluation.Example:
    return evaluation.Example(id_, "a", "b", gold, predicted, 0.5, ("paraphrase",), "",
                              "sentence", 90.0, "weak", source)


def test_fit_weighs_each_file_the_same_whatever_its_row_ids() -> None:
    # File x: 4 rows with ids that look like four files ("x-1-0" ...), all wrong; file y:
    # one row, right. Each file weighs half: the share right is 0.5, not 1/5 or 4/5.
    rows = [_example(f"x-{k}-0", "x.jsonl", "agree", "conflict") for k in range(4)]
    rows.append(_example("y-0", "y.jsonl", "agree", "agree"))
    table = evaluation.fit(rows, min_n=1)
    assert table[("agree", "*", "sentence", "*", "*")] == pytest.approx(0.5)
    # Rows that say the same as the row they fall back to are left out.
    assert ("agree", "paraphrase", "sentence", "weak", "80+") not in table
