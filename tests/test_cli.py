"""The command line: ``factcheck compare`` without a database, and the Flask commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import func, select

from factcheck import export, pipeline
from factcheck.cli import main
from factcheck.db import get_db
from factcheck.models import Report, Story
from factcheck.pipeline.types import (
    Claim,
    Cleaned,
    Comparison,
    ExtractedReport,
    Judgement,
    PairResult,
)
from factcheck.services import users

from .conftest import SEED_STORY, SHARED

SEED_FILES = sorted(SEED_STORY.glob("*.txt"))


def write(folder: Path, name: str, text: str) -> Path:
    """Write a report file and return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- factcheck compare ---------------------------------------------------------------------


def test_compare_prints_the_seed_reports_outlets_and_pairs() -> None:
    got = CliRunner().invoke(main, ["compare", *map(str, SEED_FILES)])
    assert got.exit_code == 0, got.output
    assert got.output.startswith("Compared 2 reports:")
    assert "NewsBytes (2024-12-26)" in got.output
    assert "IBNS (India Blooms) (2024-08-11)" in got.output
    assert "why: " in got.output


def fake_comparison() -> Comparison:
    """Two reports, an agreeing fact and a conflicting one, in that order."""
    a = ExtractedReport(Cleaned("x"), (Claim("It took five years.", 0, 19),
                                       Claim("The vote was on Tuesday.", 20, 44)))
    b = ExtractedReport(Cleaned("y"), (Claim("A five-year effort.", 0, 19),
                                       Claim("The vote was on Monday.", 20, 43)))
    agree = PairResult(0, 0, 1, 0, Judgement("agree", 0.9, ("value.equal",), "Same length."))
    conflict = PairResult(0, 1, 1, 1, Judgement("conflict", 0.8, ("value.mismatch.date",),
                                                "Different days."))
    return Comparison((a, b), (agree, conflict), ((0,), (1,)))


def test_compare_text_shows_conflicts_first_with_quotes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "compare", lambda inputs: fake_comparison())
    a = write(tmp_path, "a.txt", "---\noutlet: Alpha\n---\nbody a")
    b = write(tmp_path, "b.txt", "---\noutlet: Beta\n---\nbody b")
    got = CliRunner().invoke(main, ["compare", str(a), str(b)])
    assert got.exit_code == 0, got.output
    out = got.output
    assert "Pairs: 1 conflict, 1 agree" in out
    assert out.index("CONFLICT:") < out.index("AGREE:")
    assert "Alpha  “The vote was on Tuesday.”" in out
    assert "Beta   “The vote was on Monday.”" in out
    assert "why: Different days." in out
    only = CliRunner().invoke(main, ["compare", str(a), str(b), "--label", "agree"])
    assert "CONFLICT" not in only.output and "AGREE:" in only.output


def test_flags_override_front_matter_file_by_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[pipeline.ReportInput]] = []

    def spy(inputs: list[pipeline.ReportInput]) -> Comparison:
        seen.append(inputs)
        return fake_comparison()

    monkeypatch.setattr(pipeline, "compare", spy)
    a = write(tmp_path, "a.txt", "---\noutlet: Alpha\npublished: 2024-01-02\n---\nbody a")
    b = write(tmp_path, "b.html", "<p>body b</p>")
    got = CliRunner().invoke(main, ["compare", str(a), str(b), "--outlet", "", "--outlet",
                                    "Beta", "--published", "2024-03-04", "--published", ""])
    assert got.exit_code == 0, got.output
    first, second = seen[0]
    assert (first.outlet, first.published.isoformat() if first.published else None) == (
        "Alpha", "2024-03-04")
    assert (second.outlet, second.published, second.html) == ("Beta", None, True)


def test_a_flag_given_for_some_files_only_is_a_usage_error(tmp_path: Path) -> None:
    a, b = write(tmp_path, "a.txt", "a"), write(tmp_path, "b.txt", "b")
    got = CliRunner().invoke(main, ["compare", str(a), str(b), "--outlet", "Only one"])
    assert got.exit_code == 2
    assert "--outlet was given 1 times for 2 files" in got.output


@pytest.mark.parametrize(("content", "expected"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8 text"),
    (b"---\noutlet: A\ntitle: B\n", "never closed"),
    (b"---\noutlet A\n---\ntext", "line 2: expected 'key: value'"),
    (b"---\npublished: last week\n---\ntext", "not an ISO date"),
    (b"---\noutlet: A\n---\n   \n", "has no report text"),
])
def test_a_bad_file_is_named_with_exit_status_2_and_no_traceback(
        tmp_path: Path, content: bytes, expected: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    got = CliRunner().invoke(main, ["compare", str(SEED_FILES[0]), str(bad)])
    assert got.exit_code == 2
    assert str(bad) in got.output and expected in got.output
    assert "Traceback" not in got.output


def test_a_missing_file_is_exit_status_2() -> None:
    got = CliRunner().invoke(main, ["compare", "/no/such/file.txt"])
    assert got.exit_code == 2 and "/no/such/file.txt" in got.output


def test_report_formats_come_from_export_comparison(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str | None, int]] = []

    def fake(comparison: Comparison, inputs: list[pipeline.ReportInput], fmt: str, *,
             label: str | None = None, title: str | None = None) -> export.Exported:
        calls.append((fmt, label, len(inputs)))
        return export.Exported(b"outlet,claim\r\nA,x\r\n", "text/csv", "c.csv")

    monkeypatch.setattr(export, "export_comparison", fake, raising=False)
    out = tmp_path / "out.csv"
    got = CliRunner().invoke(main, ["compare", *map(str, SEED_FILES), "--format", "csv",
                                    "-o", str(out)])
    assert got.exit_code == 0, got.output
    assert out.read_bytes() == b"outlet,claim\r\nA,x\r\n"
    assert calls == [("csv", None, 2)]
    to_stdout = CliRunner().invoke(main, ["compare", *map(str, SEED_FILES), "--format", "csv"])
    assert to_stdout.stdout_bytes == b"outlet,claim\r\nA,x\r\n"


def test_report_formats_without_an_exporter_give_a_clear_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(export, "export_comparison", raising=False)
    got = CliRunner().invoke(main, ["compare", *map(str, SEED_FILES), "--format", "md"])
    assert got.exit_code == 1
    assert "--format md is not available" in got.output and "Traceback" not in got.output


def test_real_markdown_export_of_a_comparison() -> None:
    if not hasattr(export, "export_comparison") or "md" not in export.FORMATS:
        pytest.skip("factcheck.export has no markdown export of comparisons yet")
    got = CliRunner().invoke(main, ["compare", *map(str, SEED_FILES), "--format", "md"])
    assert got.exit_code == 0, got.output
    assert "NewsBytes" in got.stdout_bytes.decode("utf-8")


# --- users and tokens ------------------------------------------------------------------------


def test_tokens_are_printed_alone_on_the_last_line_and_work(app: Flask,
                                                            runner: FlaskCliRunner) -> None:
    made = runner.invoke(args=["users", "create", "ana", "--role", "editor"])
    assert made.exit_code == 0, made.output
    assert "created user ana (editor)" in made.output
    got = runner.invoke(args=["tokens", "create", "ana", "--label", "nightly script"])
    assert got.exit_code == 0, got.output
    token = got.output.splitlines()[-1]
    assert token.startswith("fc_") and " " not in token
    with get_db(app).sessions() as s:
        user = users.user_for_token(s, token)
        assert user is not None and user.username == "ana"
    answer = app.test_client().post("/api/v1/stories", json={"title": "by token"},
                                    headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 201


def test_password_is_read_from_stdin(app: Flask, runner: FlaskCliRunner) -> None:
    got = runner.invoke(args=["users", "create", "bo", "--role", "admin", "--password-stdin"],
                        input="correct horse battery\n")
    assert got.exit_code == 0, got.output
    with get_db(app).sessions() as s:
        assert users.authenticate(s, "bo", "correct horse battery") is not None
        assert users.authenticate(s, "bo", "wrong") is None


@pytest.mark.parametrize(("args", "expected"), [
    (["users", "create", "ana", "--role", "editor"], "already exists"),
    (["users", "create", "x", "--role", "boss"], "Invalid value for '--role'"),
    (["tokens", "create", "nobody"], "does not exist"),
])
def test_user_and_token_mistakes_are_one_clear_line(runner: FlaskCliRunner, args: list[str],
                                                    expected: str) -> None:
    runner.invoke(args=["users", "create", "ana", "--role", "editor"])
    got = runner.invoke(args=args)
    assert got.exit_code != 0
    assert expected in got.output and "Traceback" not in got.output


def test_a_short_password_is_refused(runner: FlaskCliRunner) -> None:
    got = runner.invoke(args=["users", "create", "cy", "--password-stdin"], input="short\n")
    assert got.exit_code == 1 and "at least 8 characters" in got.output


# --- ingest ------------------------------------------------------------------------------------


def stored(app: Flask) -> tuple[list[str], int]:
    """Return the story titles and the number of reports in the database."""
    with get_db(app).sessions() as s:
        titles = list(s.scalars(select(Story.title).order_by(Story.id)))
        return titles, int(s.scalar(select(func.count(Report.id))) or 0)


def test_ingest_a_folder_loads_good_files_and_names_the_bad_one(
        app: Flask, runner: FlaskCliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in SEED_FILES:
        (folder / path.name).write_bytes(path.read_bytes())
    write(folder, "03-broken.txt", "---\noutlet: Broken\nthe front matter never closes\n")
    write(folder, "notes.csv", "ignored,file\n")
    got = runner.invoke(args=["ingest", str(folder), "--story", "Cybercrime treaty"])
    assert got.exit_code == 1, got.output
    assert "failed: " in got.output and "03-broken.txt" in got.output
    assert "2 reports added, 0 already stored, 1 failed, in 1 stories" in got.output
    assert stored(app) == (["Cybercrime treaty"], 2)

    again = runner.invoke(args=["ingest", str(folder), "--story", "Cybercrime treaty"])
    assert "0 reports added, 2 already stored, 1 failed" in again.output
    assert stored(app) == (["Cybercrime treaty"], 2)


def test_ingest_a_folder_without_story_uses_its_story_toml_title(
        app: Flask, runner: FlaskCliRunner) -> None:
    got = runner.invoke(args=["ingest", str(SEED_STORY)])
    assert got.exit_code == 0, got.output
    assert stored(app) == (["UN Convention against Cybercrime"], 2)


def clusters_file(tmp_path: Path) -> Path:
    """Write a small clusters.jsonl: two clusters, a bad line, an article without text."""
    rows = [
        {"cluster_id": "c1", "articles": [
            {"source": "Alpha", "title": "Treaty adopted", "date": "2024-12-24",
             "url": None, "text": "The UN adopted the treaty after five years of talks."},
            {"source": None, "title": None, "date": None, "url": "https://beta.example/x",
             "text": "The treaty was adopted after three years of committee work."},
            {"source": "Gamma", "title": "No text", "date": None, "url": None, "text": None},
        ]},
        {"cluster_id": "c2", "articles": [
            {"source": None, "title": None, "date": "24 December 2024", "url": None,
             "text": "Storm Bert left 40,000 homes without power on Sunday."},
        ]},
    ]
    path = tmp_path / "clusters.jsonl"
    lines = [json.dumps(rows[0]), "{not json", json.dumps(rows[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_jsonl_makes_one_story_per_cluster_and_lists_failures(
        app: Flask, runner: FlaskCliRunner, tmp_path: Path) -> None:
    got = runner.invoke(args=["ingest", str(clusters_file(tmp_path))])
    assert got.exit_code == 1, got.output
    failures = [line for line in got.output.splitlines() if line.startswith("failed: ")]
    assert len(failures) == 2
    assert any("clusters.jsonl:2" in f and "not valid JSON" in f for f in failures)
    assert any("c1 article 3" in f and "no text" in f for f in failures)
    assert "3 reports added, 0 already stored, 2 failed, in 2 stories" in got.output
    assert stored(app) == (["Treaty adopted (c1)", "c2"], 3)
    with get_db(app).sessions() as s:
        outlets = list(s.scalars(select(Report.outlet).order_by(Report.id)))
        days = [r.published_at.date().isoformat() if r.published_at else None
                for r in s.scalars(select(Report).order_by(Report.id))]
    assert outlets == ["Alpha", "beta.example", "source 1"]
    assert days == ["2024-12-24", None, "2024-12-24"]


def test_ingest_jsonl_into_one_named_story(app: Flask, runner: FlaskCliRunner,
                                           tmp_path: Path) -> None:
    got = runner.invoke(args=["ingest", str(clusters_file(tmp_path)), "--story", "Everything"])
    assert got.exit_code == 1, got.output  # the bad line and the article without text
    assert stored(app) == (["Everything"], 3)


def test_ingest_real_clusters_when_the_shared_data_is_there(
        app: Flask, runner: FlaskCliRunner) -> None:
    path = SHARED / "data" / "ecbplus" / "clusters.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not here (third-party data, not shipped)")
    got = runner.invoke(args=["ingest", str(path), "--limit", "2"])
    assert got.exit_code == 0, got.output
    titles, reports = stored(app)
    assert len(titles) == 2 and reports > 2
    assert f"{reports} reports added" in got.output


# --- export ------------------------------------------------------------------------------------


def fake_export(calls: list[Any]) -> Any:
    """Return a stand-in for export_story that records its arguments."""
    def fake(session: Any, story_id: int, fmt: str, *, label: str | None = None,
             status: str | None = None, author: str = "factcheck",
             base_url: str | None = None) -> export.Exported:
        calls.append((story_id, fmt, label, status))
        return export.Exported(f"# story {story_id}\n".encode(), "text/markdown", "s.md")

    return fake


def test_export_writes_the_report_of_a_story_named_by_title_or_id(
        app: Flask, runner: FlaskCliRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(export, "export_story", fake_export(calls))
    runner.invoke(args=["ingest", str(SEED_STORY)])
    out = tmp_path / "report.md"
    got = runner.invoke(args=["export", "UN Convention against Cybercrime", "--format", "md",
                              "-o", str(out), "--label", "conflict"])
    assert got.exit_code == 0, got.output
    assert out.read_text(encoding="utf-8") == "# story 1\n"
    by_id = runner.invoke(args=["export", "1", "--format", "md"])
    assert by_id.stdout_bytes == b"# story 1\n"
    assert calls == [(1, "md", "conflict", None), (1, "md", None, None)]


@pytest.mark.parametrize(("story", "expected"), [("99", "story 99 does not exist"),
                                                 ("No such title", "no story has the id")])
def test_export_of_an_unknown_story_is_a_clear_error(runner: FlaskCliRunner, story: str,
                                                     expected: str) -> None:
    got = runner.invoke(args=["export", story])
    assert got.exit_code == 1 and expected in got.output and "Traceback" not in got.output


def test_export_of_an_unknown_format_says_which_formats_exist(runner: FlaskCliRunner) -> None:
    runner.invoke(args=["ingest", str(SEED_STORY)])
    got = runner.invoke(args=["export", "1", "--format", "nosuch"])
    assert got.exit_code == 1
    assert "Unknown export format 'nosuch'" in got.output and "format:" in got.output


def test_real_markdown_export_of_a_story(runner: FlaskCliRunner, tmp_path: Path) -> None:
    if "md" not in export.FORMATS:
        pytest.skip("factcheck.export offers no markdown format yet")
    runner.invoke(args=["ingest", str(SEED_STORY)])
    out = tmp_path / "r.md"
    got = runner.invoke(args=["export", "1", "--format", "md", "-o", str(out)])
    assert got.exit_code == 0, got.output
    assert "NewsBytes" in out.read_text(encoding="utf-8")



def test_python_dash_m_factcheck_runs_the_console_script(tmp_path: Path) -> None:
    import subprocess
    import sys

    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"a": "The treaty took five years.",
                                 "b": "The treaty took seven years.",
                                 "label": "conflict"}) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "factcheck", "eval", str(pairs), "--json"],
                          capture_output=True, text=True, timeout=120, check=True)
    (result,) = json.loads(done.stdout).values()  # one file's metrics, keyed by its name
    assert (result["n"], result["per_class"]["conflict"]["support"]) == (1, 1)
