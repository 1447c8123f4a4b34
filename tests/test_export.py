"""Discrepancy report exports: Markdown, HTML (and its PDF), CSV, JSON and ClaimReview."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from factcheck import export, pipeline
from factcheck.errors import InvalidInput, NotFound
from factcheck.models import Pair
from factcheck.services import ingest, review, stories
from factcheck.services.report import readable_value
from tests.conftest import seed_texts

TITLE = "UN Convention against Cybercrime"
THIRD_OUTLET = "Daily | Planet"  # a pipe, to prove Markdown tables survive it
THIRD_TEXT = (
    "The UN General Assembly adopted the Convention against Cybercrime on Tuesday. "
    "The treaty took seven years to finalize. "
    "The convention was adopted by a vote of 150 to 10."
)
CONFLICT_NOTE = "=HYPERLINK(\"http://evil\") <b>checked</b> | UN says five years"
CHROMIUM = Path("/usr/bin/chromium")


def _add_seed(session: Session, story_id: int) -> None:
    story = stories.get_story(session, story_id)
    for meta, body in seed_texts():
        ingest.add_report(session, story, outlet=meta["outlet"], text=body,
                          title=meta.get("title"), url=meta.get("url"),
                          published=date.fromisoformat(str(meta["published"])))


def _add_third(session: Session, story_id: int) -> None:
    ingest.add_report(session, stories.get_story(session, story_id), outlet=THIRD_OUTLET,
                      text=THIRD_TEXT, title="Treaty took seven years",
                      url="https://example.org/treaty?x=1&y=2", published=date(2024, 12, 27))


def _find(pairs: list[Pair], a_part: str, b_part: str) -> Pair | None:
    for p in pairs:
        texts = (p.claim_a.text, p.claim_b.text)
        if (a_part in texts[0] and b_part in texts[1]) or (a_part in texts[1]
                                                          and b_part in texts[0]):
            return p
    return None


@pytest.fixture
def story_id(session: Session) -> int:
    """The seed story plus a third report, with one conflict, one correction, one confirmation.

    The reviews make the labels deterministic whatever the classifier currently says.
    """
    story = stories.create_story(session, title=TITLE, description="Seed story & a <third> one")
    _add_seed(session, story.id)
    _add_third(session, story.id)
    pairs, _ = stories.list_pairs(session, story.id)
    third = [p for p in pairs if THIRD_OUTLET in (p.claim_a.report.outlet,
                                                  p.claim_b.report.outlet)]
    assert third, "the third report matched nothing; the exporter tests need one pair"
    conflict = _find(pairs, "5 years to finalize", "seven years") or third[0]
    review.review_pair(session, conflict.id, version=conflict.version, actor="alice",
                       label="conflict", note=CONFLICT_NOTE)
    rest = [p for p in pairs if p.id != conflict.id]
    corrected = next(p for p in rest if p.label != "agree")
    review.review_pair(session, corrected.id, version=corrected.version, actor="bob",
                       label="agree")
    confirmed = next(p for p in rest if p.id != corrected.id)
    review.review_pair(session, confirmed.id, version=confirmed.version, actor="bob",
                       status="confirmed")
    session.commit()
    session.expunge_all()
    return story.id


def _db_pairs(session: Session, story_id: int, **filters: Any) -> list[Pair]:
    pairs, _ = stories.list_pairs(session, story_id, **filters)
    return pairs


def _conflict_pair(session: Session, story_id: int) -> Pair:
    return next(p for p in _db_pairs(session, story_id) if p.note == CONFLICT_NOTE)


def _json(session: Session, story_id: int, **filters: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(export.export_story(session, story_id, "json",
                                                         **filters).content)
    return doc


def _all_json_pairs(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return doc["conflicts"] + doc["complements"] + doc["agreements"] + doc["unrelated"]


def _validate(doc: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(
        export.load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.validate(doc)


# --- the registry -----------------------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "content_type", "filename"), [
    ("md", "text/markdown; charset=utf-8", "un-convention-against-cybercrime-discrepancies.md"),
    ("html", "text/html; charset=utf-8", "un-convention-against-cybercrime-discrepancies.html"),
    ("csv", "text/csv; charset=utf-8", "un-convention-against-cybercrime-discrepancies.csv"),
    ("json", "application/json", "un-convention-against-cybercrime-discrepancies.json"),
    ("claimreview", "application/ld+json",
     "un-convention-against-cybercrime-claimreview.jsonld"),
])
def test_each_format_has_its_content_type_and_a_file_name_from_the_title(
        session: Session, story_id: int, fmt: str, content_type: str, filename: str) -> None:
    exported = export.export_story(session, story_id, fmt)
    assert export.FORMATS[fmt] == content_type
    assert exported.content_type == content_type
    assert exported.filename == filename
    assert exported.content


def test_an_unknown_format_or_filter_is_invalid_input_naming_the_field(
        session: Session, story_id: int) -> None:
    with pytest.raises(InvalidInput) as bad_format:
        export.export_story(session, story_id, "docx")
    assert "claimreview" in bad_format.value.errors["format"][0]
    with pytest.raises(InvalidInput) as bad_label:
        export.export_story(session, story_id, "md", label="maybe")
    assert "label" in bad_label.value.errors
    with pytest.raises(InvalidInput) as bad_status:
        export.export_story(session, story_id, "md", status="done")
    assert "status" in bad_status.value.errors


def test_a_missing_story_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound):
        export.export_story(session, 999, "md")


@pytest.mark.parametrize(("args", "shown"), [
    (("duration", 5, 5, "years", "exactly", "five years"), "five years (5 years)"),
    (("count", 2000, 2000, "people", "more_than", "more than 2,000 people"),
     "more than 2,000 people"),
    (("count", 150000, 150000, "", "about", ""), "about 150,000"),
    (("percent", 12.5, 12.5, "", "exactly", "12.5%"), "12.5%"),
    (("date", 739246, 739246, "", "exactly", "26 Dec 2024"), "26 Dec 2024 (2024-12-26)"),
    (("date", 738886, 739251, "", "exactly", "2024"), "2024 (2024-01-01 to 2024-12-31)"),
    (("date", 0, 0, "", "exactly", "someday"), "someday"),
    (("count", 1, 1, "delegations", "exactly", "one delegation"), "one delegation (1 delegation)"),
])
def test_values_read_as_the_report_words_then_the_normalised_value(
        args: tuple[Any, ...], shown: str) -> None:
    assert readable_value(*args) == shown


def test_only_http_urls_become_links(session: Session) -> None:
    story = stories.create_story(session, title="Links")
    ingest.add_report(session, story, outlet="Odd", text=THIRD_TEXT,
                      url="javascript:alert(1)")
    session.commit()
    page = export.export_story(session, story.id, "html").content.decode()
    assert "javascript:alert(1)" in page and 'href="javascript:' not in page
    md = export.export_story(session, story.id, "md").content.decode()
    assert "<javascript:alert(1)>" not in md
    assert export.is_web_url("https://example.org/a?b=1&c=2")
    assert not export.is_web_url("data:text/html,x")


def test_slugify_makes_ascii_file_names() -> None:
    assert export.slugify("Élection à Genève: 2024!") == "election-a-geneve-2024"
    assert export.slugify("???", fallback="story-3") == "story-3"


def test_export_module_loads_without_flask() -> None:
    code = "import sys, factcheck.export; print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_every_format_renders_a_story_without_reports(session: Session) -> None:
    story = stories.create_story(session, title="Nothing yet")
    session.commit()
    for fmt in export.FORMATS:
        assert export.export_story(session, story.id, fmt).content
    doc = _json(session, story.id)
    _validate(doc)
    assert doc["sources"] == [] and doc["summary"]["pairs"] == 0


def test_the_report_is_built_in_the_same_number_of_queries_for_any_story_size(
        session: Session) -> None:
    story = stories.create_story(session, title="Growing story")
    _add_seed(session, story.id)
    session.commit()

    def queries() -> int:
        session.expunge_all()
        seen: list[str] = []

        def count(*args: Any) -> None:
            if args[2].lstrip().upper().startswith("SELECT"):  # not BEGIN, whose place varies
                seen.append(args[2])

        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", count)
        try:
            export.export_story(session, story.id, "json")
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    with_two = queries()
    _add_third(session, story.id)
    session.commit()
    assert len(stories.list_reports(session, story.id)) == 3
    assert queries() == with_two
    assert with_two <= 4  # story, reports, claims, pairs


# --- Markdown ---------------------------------------------------------------------------------

def test_markdown_shows_sources_summary_then_conflicts_complements_agreements_and_gaps(
        session: Session, story_id: int) -> None:
    md = export.export_story(session, story_id, "md").content.decode("utf-8")
    headings = ["# Discrepancy report: UN Convention against Cybercrime", "## Sources",
                "## Summary", "## Conflicts", "## Complements", "## Agreements",
                "## Coverage gaps"]
    positions = [md.index(h) for h in headings]
    assert positions == sorted(positions)
    for report in stories.list_reports(session, story_id):
        assert report.content_hash[:16] in md
    conflict = _conflict_pair(session, story_id)
    section = md[md.index("## Conflicts"):md.index("## Complements")]
    assert export.md_escape(conflict.claim_a.text) in section
    assert export.md_escape(conflict.claim_b.text) in section
    assert export.md_escape(CONFLICT_NOTE) in section
    verdict = "confirmed" if conflict.label == "conflict" else "corrected to conflict"
    assert f"{verdict} by alice" in section


def test_markdown_tables_keep_their_columns_when_quotes_hold_pipes(
        session: Session, story_id: int) -> None:
    md = export.export_story(session, story_id, "md").content.decode("utf-8")
    assert "Daily \\| Planet" in md
    widths = set()
    block: list[str] = []
    for line in [*md.splitlines(), ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            cells = [len(_unescaped_pipes(row)) for row in block]
            assert len(set(cells)) == 1, block
            widths.add(cells[0])
            block = []
    assert widths  # there were tables to check


def _unescaped_pipes(row: str) -> list[int]:
    return [i for i, ch in enumerate(row) if ch == "|" and (i == 0 or row[i - 1] != "\\")]


@pytest.mark.parametrize(("raw", "escaped"), [
    ("a | b", "a \\| b"),
    ("line\nbreak", "line break"),
    ("<script>x</script>", "\\<script\\>x\\</script\\>"),
    ("- not a list", "\\- not a list"),
    ("1. not a list", "1\\. not a list"),
    ("*bold* _it_ [link](x)", "\\*bold\\* \\_it\\_ \\[link\\](x)"),
    ("Tom &amp; Jerry", "Tom \\&amp; Jerry"),
    ("plain words, 5 years", "plain words, 5 years"),
])
def test_md_escape_neutralises_markup_and_table_breakers(raw: str, escaped: str) -> None:
    assert export.md_escape(raw) == escaped


# --- HTML and PDF -----------------------------------------------------------------------------

def test_html_is_a_standalone_printable_page_with_escaped_text(
        session: Session, story_id: int) -> None:
    page = export.export_story(session, story_id, "html").content.decode("utf-8")
    assert page.startswith("<!doctype html>")
    assert "@media print" in page and "break-before: page" in page
    assert "<link" not in page and "<script" not in page  # nothing to fetch when offline
    assert "&lt;b&gt;checked&lt;/b&gt;" in page and "<b>checked</b>" not in page
    assert "Seed story &amp; a &lt;third&gt; one" in page
    order = [page.index(f'id="{s}"') for s in ("sources", "summary", "conflicts",
                                                  "complements", "agreements", "coverage-gaps")]
    assert order == sorted(order)
    conflict = _conflict_pair(session, story_id)
    assert f'id="pair-{conflict.id}"' in page


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (/usr/bin/chromium)")
def test_headless_chromium_prints_the_html_report_to_a_pdf(
        session: Session, story_id: int, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    html.write_bytes(export.export_story(session, story_id, "html").content)
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()],
        check=True, capture_output=True, timeout=120)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 1000


# --- CSV --------------------------------------------------------------------------------------

def _unguard(cell: str) -> str:
    return cell[1:] if cell[:2] in {"'=", "'+", "'-", "'@"} else cell


def test_csv_is_rfc4180_utf8_with_bom_and_one_row_per_pair_matching_the_database(
        session: Session, story_id: int) -> None:
    data = export.export_story(session, story_id, "csv").content
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    pairs = {p.id: p for p in _db_pairs(session, story_id)}
    assert len(rows) == len(pairs)
    assert {int(r["pair_id"]) for r in rows} == set(pairs)
    for row in rows:
        p = pairs[int(row["pair_id"])]
        assert row["story"] == TITLE
        assert _unguard(row["claim_a"]) == p.claim_a.text
        assert _unguard(row["claim_b"]) == p.claim_b.text
        assert row["outlet_a"] == p.claim_a.report.outlet
        assert row["outlet_b"] == p.claim_b.report.outlet
        assert row["published_a"] == p.claim_a.report.published_at.date().isoformat()
        assert row["label"] == (p.editor_label or p.label)
        assert row["machine_label"] == p.label
        assert float(row["confidence"]) == pytest.approx(p.confidence, abs=0.005)
        assert row["reasons"].split("; ") == list(p.reasons) or not p.reasons
        assert _unguard(row["explanation"]) == p.explanation
        assert row["editor_label"] == (p.editor_label or "")
        assert row["status"] == p.status
        assert _unguard(row["note"]) == (p.note or "")
        assert row["reviewer"] == (p.reviewed_by or "")
        assert (row["reviewed_at"] != "") == (p.reviewed_at is not None)
        for side, claim in (("a", p.claim_a), ("b", p.claim_b)):
            for value in claim.values:
                assert value["text"] in row[f"values_{side}"]


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_get_an_apostrophe(
        session: Session, story_id: int) -> None:
    text = export.export_story(session, story_id, "csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    notes = [r["note"] for r in rows if r["note"]]
    assert "'" + CONFLICT_NOTE in notes
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx"):
        assert export.csv_cell(cell) == "'" + cell
    assert export.csv_cell("5 years") == "5 years"
    assert export.csv_cell(None) == ""


def test_csv_rows_end_with_crlf(session: Session, story_id: int) -> None:
    text = export.export_story(session, story_id, "csv").content.decode("utf-8-sig")
    header, _, _ = text.partition("\r\n")
    assert header.split(",") == list(export.CSV_COLUMNS)
    assert text.endswith("\r\n")
    assert re.search(r"(?<!\r)\n", text) is None  # no bare LF: every record ends in CRLF


# --- JSON -------------------------------------------------------------------------------------

def test_json_validates_against_the_shipped_schema_and_matches_the_database(
        session: Session, story_id: int) -> None:
    doc = _json(session, story_id)
    _validate(doc)
    pairs = _db_pairs(session, story_id)
    assert doc["summary"]["pairs"] == len(pairs)
    by_label = Counter(p.editor_label or p.label for p in pairs)
    assert {k: v for k, v in doc["summary"]["by_label"].items() if v} == dict(by_label)
    assert doc["summary"]["by_status"]["corrected"] == sum(p.status == "corrected"
                                                            for p in pairs)
    assert len(doc["conflicts"]) == by_label["conflict"]
    assert len(doc["agreements"]) == by_label["agree"]
    assert [s["outlet"] for s in doc["sources"]] == ["NewsBytes", "IBNS (India Blooms)",
                                                     THIRD_OUTLET]

    conflict = _conflict_pair(session, story_id)
    entry = next(p for p in doc["conflicts"] if p["id"] == conflict.id)
    assert entry["note"] == CONFLICT_NOTE and entry["reviewer"] == "alice"
    assert entry["a"]["text"] == conflict.claim_a.text
    assert entry["b"]["outlet"] == conflict.claim_b.report.outlet
    assert entry["machine_label"] == conflict.label
    assert entry["key"] == f"urn:factcheck:story:{story_id}:pair:{conflict.id}"


def test_json_coverage_gaps_are_checkable_claims_in_no_pair(
        session: Session, story_id: int) -> None:
    doc = _json(session, story_id)
    paired = {cid for p in _db_pairs(session, story_id) if (p.editor_label or p.label)
              != "unrelated" for cid in (p.claim_a_id, p.claim_b_id)}
    expected = {c.id for c in stories.list_claims(session, story_id)
                if c.checkable and c.id not in paired}
    assert {c["id"] for c in doc["coverage_gaps"]} == expected
    assert doc["summary"]["coverage_gaps"] == len(expected)


def test_the_schema_rejects_a_report_with_a_misplaced_label(
        session: Session, story_id: int) -> None:
    doc = _json(session, story_id)
    doc["agreements"].append(dict(doc["conflicts"][0]))
    with pytest.raises(jsonschema.ValidationError):
        _validate(doc)


# --- filters ----------------------------------------------------------------------------------

def test_label_filter_uses_the_editors_label_over_the_machines(
        session: Session, story_id: int) -> None:
    corrected = [p for p in _db_pairs(session, story_id)
                 if p.status == "corrected" and p.editor_label == "agree"]
    assert corrected
    agree = _json(session, story_id, label="agree")
    _validate(agree)
    ids = {p["id"] for p in _all_json_pairs(agree)}
    assert {p.id for p in corrected} <= ids
    assert all(p["label"] == "agree" for p in _all_json_pairs(agree))
    assert len(ids) == len(_db_pairs(session, story_id, label="agree"))
    complement = _json(session, story_id, label=corrected[0].label)
    assert corrected[0].id not in {p["id"] for p in _all_json_pairs(complement)}
    assert agree["coverage_gaps"] is None and agree["filters"]["label"] == "agree"


def test_status_filter_keeps_only_reviewed_pairs_in_every_format(
        session: Session, story_id: int) -> None:
    confirmed = {p.id for p in _db_pairs(session, story_id, status="confirmed")}
    assert confirmed
    doc = _json(session, story_id, status="confirmed")
    assert {p["id"] for p in _all_json_pairs(doc)} == confirmed
    text = export.export_story(session, story_id, "csv",
                               status="confirmed").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert {int(r["pair_id"]) for r in rows} == confirmed
    md = export.export_story(session, story_id, "md", status="confirmed").content.decode()
    assert "status = confirmed" in md and "Left out: a label or status filter" in md


# --- ClaimReview ------------------------------------------------------------------------------

def test_claimreview_has_one_review_per_confirmed_or_corrected_pair(
        session: Session, story_id: int) -> None:
    doc = json.loads(export.export_story(session, story_id, "claimreview").content)
    assert doc["@context"] == "https://schema.org"
    reviewed = {f"urn:factcheck:story:{story_id}:pair:{p.id}": p
                for p in _db_pairs(session, story_id)
                if p.status in ("confirmed", "corrected")
                and (p.editor_label or p.label) != "unrelated"}
    graph = doc["@graph"]
    assert {r["@id"] for r in graph} == set(reviewed)
    names = {"conflict": "Sources conflict", "agree": "Sources agree",
             "complement": "Partly reported"}
    for r in graph:
        p = reviewed[r["@id"]]
        assert r["@type"] == "ClaimReview"
        assert r["claimReviewed"] in (p.claim_a.text, p.claim_b.text)
        assert r["author"] == {"@type": "Organization", "name": "factcheck"}
        assert r["datePublished"] == p.reviewed_at.date().isoformat()
        assert r["url"].endswith(f"/stories/{story_id}#pair-{p.id}")
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] == names[p.editor_label or p.label]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        item = r["itemReviewed"]
        assert item["@type"] == "Claim"
        outlets = {w["publisher"]["name"] for w in item["appearance"]}
        assert outlets == {p.claim_a.report.outlet, p.claim_b.report.outlet}
        for work in item["appearance"]:
            assert work["@type"] == "CreativeWork" and work["name"]
            assert work["publisher"]["@type"] == "Organization"
        dates = [w["datePublished"] for w in item["appearance"]]
        assert item["firstAppearance"]["datePublished"] == min(dates)
    conflict = next(r for r in graph if r["reviewRating"]["alternateName"] == "Sources conflict")
    assert conflict["reviewRating"]["ratingValue"] == 1


def test_claimreview_ids_are_stable_across_exports_and_urls_use_the_base(
        session: Session, story_id: int) -> None:
    first = json.loads(export.export_story(session, story_id, "claimreview").content)
    again = json.loads(export.export_story(session, story_id, "claimreview",
                                           base_url="https://fc.example.org/",
                                           author="Example Desk").content)
    assert [r["@id"] for r in first["@graph"]] == [r["@id"] for r in again["@graph"]]
    assert all(r["url"].startswith("https://fc.example.org/stories/") for r in again["@graph"])
    assert again["@graph"][0]["author"]["name"] == "Example Desk"


# --- files compared without a database --------------------------------------------------------

def _compared() -> tuple[pipeline.Comparison, list[pipeline.ReportInput]]:
    inputs = [pipeline.ReportInput(body, outlet=meta["outlet"], title=meta.get("title"),
                                   published=date.fromisoformat(str(meta["published"])))
              for meta, body in seed_texts()]
    inputs.append(pipeline.ReportInput(THIRD_TEXT, outlet=THIRD_OUTLET,
                                       published=date(2024, 12, 27)))
    return pipeline.compare(inputs), inputs


def test_compared_files_export_the_same_formats_without_a_database() -> None:
    comparison, inputs = _compared()
    doc = json.loads(export.export_comparison(comparison, inputs, "json").content)
    _validate(doc)
    assert doc["story"]["id"] is None
    assert doc["summary"]["pairs"] == len(comparison.pairs)
    assert Counter(p["label"] for p in _all_json_pairs(doc)) == Counter(
        p.judgement.label for p in comparison.pairs)
    assert [s["content_hash"] for s in doc["sources"]] == [
        ingest.content_hash(i.text, html=i.html) for i in inputs]
    text = export.export_comparison(comparison, inputs, "csv").content.decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text, newline="")))) == len(comparison.pairs)
    md = export.export_comparison(comparison, inputs, "md")
    assert md.filename.endswith("-discrepancies.md")
    assert md.content.decode().startswith("# Discrepancy report: Comparison of NewsBytes")
    page = export.export_comparison(comparison, inputs, "html").content.decode()
    anchors = re.findall(r' id="([^"]+)"', page)
    assert len(anchors) == len(set(anchors)) > len(comparison.pairs)
    again = json.loads(export.export_comparison(*_compared(), "json").content)
    assert [p["key"] for p in _all_json_pairs(doc)] == [p["key"] for p in _all_json_pairs(again)]


def test_compared_files_have_no_claimreview_because_nobody_reviewed_them() -> None:
    with pytest.raises(InvalidInput) as err:
        export.export_comparison(*_compared(), "claimreview")
    assert "format" in err.value.errors

