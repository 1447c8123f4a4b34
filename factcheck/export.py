"""Discrepancy reports: one registry of exporters, each a function from a report to bytes.

Every format reads the same ``DiscrepancyReport`` (``factcheck.services.report``), built from
the database by ``export_story`` or from a pipeline comparison by ``export_comparison``.
Nothing here needs a Flask app or request: the HTML is rendered with Jinja2 directly from the
project's templates/ folder.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from sqlalchemy.orm import Session

from . import pipeline
from .config import PROJECT_ROOT
from .errors import InvalidInput
from .services.report import ClaimInfo, DiscrepancyReport, PairInfo, comparison_report, story_report

SCHEMA_PATH = Path(__file__).resolve().parent / "jsonschema" / "discrepancy-report.schema.json"
SCHEMA_ID = "urn:factcheck:schema:discrepancy-report:1"
TEMPLATES = PROJECT_ROOT / "templates"
REPORT_FORMAT_VERSION = 1

FORMATS: dict[str, str] = {}  # format name -> content type, filled by the exporters below


@dataclass(frozen=True)
class Exported:
    """An exported report: its bytes, content type and a download file name."""

    content: bytes
    content_type: str
    filename: str


@dataclass(frozen=True)
class Exporter:
    """One report format: how to render it, its content type and file name ending."""

    name: str
    content_type: str
    suffix: str
    render: Callable[[DiscrepancyReport], bytes]
    needs_reviews: bool = False


EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str, content_type: str, suffix: str, *, needs_reviews: bool = False
             ) -> Callable[[Callable[[DiscrepancyReport], bytes]],
                           Callable[[DiscrepancyReport], bytes]]:
    """Register the decorated function as the exporter of format ``name``."""
    def register(fn: Callable[[DiscrepancyReport], bytes]) -> Callable[[DiscrepancyReport], bytes]:
        EXPORTERS[name] = Exporter(name, content_type, suffix, fn, needs_reviews)
        FORMATS[name] = content_type
        return fn
    return register


# --- shared helpers ---------------------------------------------------------------------------

SECTION_TITLES = (("conflicts", "Conflicts"), ("complements", "Complements"),
                  ("agreements", "Agreements"),
                  ("unrelated", "Set aside by an editor as not the same fact"))
LABEL_NAMES = {"conflict": "conflict", "complement": "complement", "agree": "agree",
               "unrelated": "unrelated"}


def slugify(text: str, *, fallback: str = "story", limit: int = 80) -> str:
    """Return ``text`` as a lowercase ASCII file-name slug ("UN Convention" -> "un-convention")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or fallback


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _moment(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def is_web_url(url: str | None) -> bool:
    """Return whether ``url`` is an http(s) address, the only kind an export makes a link."""
    return bool(url) and re.match(r"https?://[^\s<>\"'`]+$", url or "", re.IGNORECASE) is not None


def _filters_text(report: DiscrepancyReport) -> str:
    parts = []
    if report.label_filter:
        parts.append(f"label = {report.label_filter}")
    if report.status_filter:
        parts.append(f"status = {report.status_filter}")
    return ", ".join(parts) or "none (every pair)"


def _review_text(p: PairInfo) -> str:
    if p.status == "unreviewed":
        return "not reviewed yet"
    verb = "confirmed" if p.status == "confirmed" else f"corrected to {p.label}"
    who = f" by {p.reviewer}" if p.reviewer else ""
    when = f" on {_moment(p.reviewed_at)}" if p.reviewed_at else ""
    return f"{verb}{who}{when}"


# --- Markdown ---------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>|~#!])")


def md_escape(text: str | None) -> str:
    """Return ``text`` safe inside a Markdown table cell or paragraph: one line, markup escaped."""
    if not text:
        return ""
    one_line = " ".join(text.split())
    escaped = _MD_INLINE.sub(r"\\\1", one_line)
    escaped = re.sub(r"&(?=#?\w+;)", r"\\&", escaped)  # "&amp;" must not become "&"
    # A leading "-", "+", "1." or "=" would start a list or heading underline in a paragraph.
    escaped = re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)
    return re.sub(r"^([-+=])", r"\\\1", escaped)


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _md_code(text: str) -> str:
    return f"`{text.replace('`', '')}`" if text else ""


def _md_pair(lines: list[str], n: int, p: PairInfo) -> None:
    lines.append(f"### {n}. {md_escape(_short(p.earlier.text))}")
    lines.append("")
    lines.append(f"| | {md_escape(p.a.outlet)} | {md_escape(p.b.outlet)} |")
    lines.append("|---|---|---|")
    lines.append(f"| Quote | {md_escape(p.a.text)} | {md_escape(p.b.text)} |")
    lines.append(f"| Published | {_day(p.a.published) or '—'} | {_day(p.b.published) or '—'} |")
    lines.append(f"| Values | {md_escape(p.a.values_text) or '—'} | "
                 f"{md_escape(p.b.values_text) or '—'} |")
    lines.append("")
    lines.append(f"- **Label:** {p.label} (machine: {p.machine_label}, "
                 f"confidence {p.confidence:.2f})")
    lines.append(f"- **Reasons:** {', '.join(_md_code(r) for r in p.reasons) or '—'}")
    lines.append(f"- **Explanation:** {md_escape(p.explanation) or '—'}")
    lines.append(f"- **Editor:** {md_escape(_review_text(p))}")
    if p.note:
        lines.append(f"- **Note:** {md_escape(p.note)}")
    lines.append(f"- **Id:** {_md_code(p.key)}")
    lines.append("")


def _md_gaps(lines: list[str], report: DiscrepancyReport) -> None:
    lines.append(f"## Coverage gaps: claims only one outlet made ({len(report.coverage_gaps)})")
    lines.append("")
    if not report.gaps_included:
        lines.append("Left out: a label or status filter is set, and these claims have "
                     "neither.")
        lines.append("")
        return
    if not report.coverage_gaps:
        lines.append("Every checkable claim was matched in another report.")
        lines.append("")
        return
    for source in report.sources:
        gaps = [c for c in report.coverage_gaps if c.source == source.number]
        if not gaps:
            continue
        lines.append(f"### {md_escape(source.outlet)} ({len(gaps)})")
        lines.append("")
        for c in gaps:
            values = f" — {md_escape(c.values_text)}" if c.values else ""
            lines.append(f"- {md_escape(c.text)}{values}")
        lines.append("")


@exporter("md", "text/markdown; charset=utf-8", "md")
def to_markdown(report: DiscrepancyReport) -> bytes:
    """Render the report as Markdown: story, sources, summary, pairs by label, coverage gaps."""
    lines = [f"# Discrepancy report: {md_escape(report.story.title)}", ""]
    if report.story.description:
        lines += [md_escape(report.story.description), ""]
    lines += [f"Generated {_moment(report.generated_at)} by {md_escape(report.generator)}. "
              f"Filters: {md_escape(_filters_text(report))}.", ""]

    lines += ["## Sources", "", "| # | Outlet | Title | Published | URL | Claims | Content hash |",
              "|---|---|---|---|---|---|---|"]
    for s in report.sources:
        url = f"<{s.url}>" if is_web_url(s.url) and "|" not in (s.url or "") else md_escape(s.url)
        lines.append(f"| {s.number} | {md_escape(s.outlet)} | {md_escape(s.title) or '—'} | "
                     f"{_day(s.published) or '—'} | {url or '—'} | {s.claims} | "
                     f"{_md_code(s.content_hash[:16])} |")
    lines.append("")

    summary = report.summary
    statuses = list(summary.by_status)
    lines += ["## Summary", "", "| Label | " + " | ".join(statuses) + " | all |",
              "|---|" + "---:|" * (len(statuses) + 1)]
    for label, row in summary.by_label_status.items():
        lines.append(f"| {label} | " + " | ".join(str(row[s]) for s in statuses)
                     + f" | {summary.by_label[label]} |")
    lines += ["| **all** | " + " | ".join(f"**{summary.by_status[s]}**" for s in statuses)
              + f" | **{summary.pairs}** |", ""]
    gaps = str(summary.coverage_gaps) if report.gaps_included else "not counted (filtered)"
    lines += [f"{summary.claims} claims in {len(report.sources)} reports; coverage gaps: "
              f"{gaps}.", ""]

    for attr, title in SECTION_TITLES:
        pairs: tuple[PairInfo, ...] = getattr(report, attr)
        if attr == "unrelated" and not pairs:
            continue
        lines += [f"## {title} ({len(pairs)})", ""]
        if not pairs:
            lines += ["None.", ""]
        for n, p in enumerate(pairs, start=1):
            _md_pair(lines, n, p)
    _md_gaps(lines, report)
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


# --- HTML -------------------------------------------------------------------------------------

@cache
def _jinja() -> jinja2.Environment:
    """Return the Jinja environment of the exports (autoescaped, strict about typos)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["day"] = _day
    env.filters["moment"] = _moment
    env.globals["review_text"] = _review_text
    env.tests["web_url"] = is_web_url
    return env


@exporter("html", "text/html; charset=utf-8", "html")
def to_html(report: DiscrepancyReport) -> bytes:
    """Render the report as a standalone printable HTML page."""
    template = _jinja().get_template("export/report.html")
    sections = [(attr, title, getattr(report, attr)) for attr, title in SECTION_TITLES
                if attr != "unrelated" or report.unrelated]
    return template.render(report=report, sections=sections,
                           filters=_filters_text(report)).encode("utf-8")


# --- CSV --------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "story", "pair_id", "fact", "label", "machine_label", "confidence",
    "outlet_a", "published_a", "claim_a", "values_a", "url_a",
    "outlet_b", "published_b", "claim_b", "values_b", "url_b",
    "reasons", "explanation", "editor_label", "status", "note", "reviewer", "reviewed_at",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """Return a cell as text; text a spreadsheet would run as a formula gets a leading "'"."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_row(report: DiscrepancyReport, p: PairInfo) -> dict[str, object]:
    return {
        "story": report.story.title, "pair_id": p.id if p.id is not None else p.key,
        "fact": p.fact, "label": p.label, "machine_label": p.machine_label,
        "confidence": f"{p.confidence:.2f}",
        "outlet_a": p.a.outlet, "published_a": _day(p.a.published), "claim_a": p.a.text,
        "values_a": p.a.values_text, "url_a": p.a.url,
        "outlet_b": p.b.outlet, "published_b": _day(p.b.published), "claim_b": p.b.text,
        "values_b": p.b.values_text, "url_b": p.b.url,
        "reasons": "; ".join(p.reasons), "explanation": p.explanation,
        "editor_label": p.editor_label, "status": p.status, "note": p.note,
        "reviewer": p.reviewer, "reviewed_at": _iso(p.reviewed_at),
    }


@exporter("csv", "text/csv; charset=utf-8", "csv")
def to_csv(report: DiscrepancyReport) -> bytes:
    """Render one RFC 4180 row per pair, UTF-8 with a BOM so spreadsheets detect the encoding."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for p in report.pairs:
        row = _csv_row(report, p)
        writer.writerow([csv_cell(row[c]) for c in CSV_COLUMNS])
    return out.getvalue().encode("utf-8-sig")


# --- JSON -------------------------------------------------------------------------------------

def _claim_json(c: ClaimInfo) -> dict[str, Any]:
    return {
        "id": c.id, "source": c.source, "outlet": c.outlet, "published": _day(c.published) or None,
        "url": c.url, "text": c.text,
        "values": [{"kind": v.kind, "text": v.text, "readable": v.readable, "low": v.low,
                    "high": v.high, "unit": v.unit, "bound": v.bound} for v in c.values],
        "polarity": c.polarity, "hedged": c.hedged, "attribution": c.attribution,
    }


def _pair_json(p: PairInfo) -> dict[str, Any]:
    return {
        "id": p.id, "key": p.key, "fact": p.fact, "label": p.label,
        "machine_label": p.machine_label, "confidence": p.confidence,
        "similarity": p.similarity, "reasons": list(p.reasons), "explanation": p.explanation,
        "editor_label": p.editor_label, "status": p.status, "note": p.note,
        "reviewer": p.reviewer, "reviewed_at": _iso(p.reviewed_at),
        "a": _claim_json(p.a), "b": _claim_json(p.b),
    }


def report_json(report: DiscrepancyReport) -> dict[str, Any]:
    """Return the report as the JSON document described by the shipped JSON Schema."""
    s = report.summary
    return {
        "format": "factcheck.discrepancy-report", "version": REPORT_FORMAT_VERSION,
        "generator": report.generator, "generated_at": _iso(report.generated_at),
        "filters": {"label": report.label_filter, "status": report.status_filter},
        "story": {"id": report.story.id, "title": report.story.title,
                  "description": report.story.description},
        "sources": [{"number": x.number, "id": x.id, "outlet": x.outlet, "title": x.title,
                     "url": x.url, "published": _day(x.published) or None,
                     "content_hash": x.content_hash, "claims": x.claims}
                    for x in report.sources],
        "summary": {"pairs": s.pairs, "by_label": dict(s.by_label),
                    "by_status": dict(s.by_status),
                    "by_label_and_status": {k: dict(v) for k, v in s.by_label_status.items()},
                    "claims": s.claims,
                    "coverage_gaps": s.coverage_gaps if report.gaps_included else None},
        "facts": [{"number": f.number, "label": f.label, "topic": f.topic,
                   "outlets": list(f.outlets), "pairs": f.pairs} for f in report.facts],
        "conflicts": [_pair_json(p) for p in report.conflicts],
        "complements": [_pair_json(p) for p in report.complements],
        "agreements": [_pair_json(p) for p in report.agreements],
        "unrelated": [_pair_json(p) for p in report.unrelated],
        "coverage_gaps": ([_claim_json(c) for c in report.coverage_gaps]
                          if report.gaps_included else None),
    }


@exporter("json", "application/json", "json")
def to_json(report: DiscrepancyReport) -> bytes:
    """Render the full report as JSON (see factcheck/jsonschema/discrepancy-report.schema.json)."""
    return (json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def load_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the JSON export."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


# --- ClaimReview (schema.org JSON-LD) ---------------------------------------------------------

# ratingValue on a 1-3 scale, worst to best agreement between the sources.
RATINGS: dict[str, tuple[int, str]] = {
    "conflict": (1, "Sources conflict"),
    "complement": (2, "Partly reported"),
    "agree": (3, "Sources agree"),
}
REVIEWED_STATUSES = ("confirmed", "corrected")


def _creative_work(c: ClaimInfo, report: DiscrepancyReport) -> dict[str, Any]:
    source = report.sources[c.source - 1]
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if c.url:
        work["url"] = c.url
    work["name"] = source.title or c.outlet
    work["publisher"] = {"@type": "Organization", "name": c.outlet}
    if c.published:
        work["datePublished"] = c.published.isoformat()
    return work


def _review_url(report: DiscrepancyReport, p: PairInfo) -> str:
    path = f"/stories/{report.story.id}#pair-{p.id}"
    return (report.base_url or "").rstrip("/") + path


def claim_review(report: DiscrepancyReport, p: PairInfo) -> dict[str, Any]:
    """Return one schema.org ClaimReview of a reviewed pair."""
    value, name = RATINGS[p.label]
    first = p.earlier
    body = [p.explanation] if p.explanation else []
    body.append(f"{p.later.outlet}: \u201c{p.later.text}\u201d")
    if p.note:
        body.append(f"Editor's note: {p.note}")
    reviewed = p.reviewed_at or report.generated_at
    return {
        "@type": "ClaimReview",
        "@id": p.key,
        "url": _review_url(report, p),
        "claimReviewed": first.text,
        "reviewBody": " ".join(body),
        "datePublished": reviewed.date().isoformat(),
        "author": {"@type": "Organization", "name": report.author},
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 3,
                         "worstRating": 1, "alternateName": name,
                         "ratingExplanation": p.explanation},
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [_creative_work(c, report) for c in (first, p.later)],
            "firstAppearance": _creative_work(first, report),
            **({"datePublished": first.published.isoformat()} if first.published else {}),
            "author": {"@type": "Organization", "name": first.outlet},
        },
    }


@exporter("claimreview", "application/ld+json", "jsonld", needs_reviews=True)
def to_claimreview(report: DiscrepancyReport) -> bytes:
    """Render one ClaimReview per confirmed or corrected pair, in a schema.org @graph."""
    graph = [claim_review(report, p) for p in report.pairs
             if p.status in REVIEWED_STATUSES and p.label in RATINGS]
    doc = {"@context": "https://schema.org", "@graph": graph}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- entry points -----------------------------------------------------------------------------

def _exporter(fmt: str) -> Exporter:
    found = EXPORTERS.get(fmt)
    if found is None:
        raise InvalidInput(f"Unknown export format {fmt!r}.",
                           errors={"format": [f"Must be one of: {', '.join(FORMATS)}."]})
    return found


def render(report: DiscrepancyReport, fmt: str) -> Exported:
    """Return ``report`` rendered in format ``fmt`` with its content type and file name."""
    chosen = _exporter(fmt)
    base = slugify(report.story.title,
                   fallback=f"story-{report.story.id}" if report.story.id else "comparison")
    kind = "claimreview" if fmt == "claimreview" else "discrepancies"
    return Exported(chosen.render(report), chosen.content_type,
                    f"{base}-{kind}.{chosen.suffix}")


def export_story(session: Session, story_id: int, fmt: str, *, label: str | None = None,
                 status: str | None = None, author: str = "factcheck",
                 base_url: str | None = None) -> Exported:
    """Return story ``story_id``'s discrepancy report in format ``fmt``.

    ``author`` names the organisation in ClaimReview; ``base_url`` (e.g. the API's host URL)
    makes each ClaimReview ``url`` absolute.
    """
    _exporter(fmt)  # an unknown format fails before any query
    return render(story_report(session, story_id, label=label, status=status, author=author,
                               base_url=base_url), fmt)


def export_comparison(comparison: pipeline.Comparison, inputs: Sequence[pipeline.ReportInput],
                      fmt: str, *, title: str | None = None,
                      label: str | None = None) -> Exported:
    """Return the discrepancy report of compared files (no database) in format ``fmt``."""
    chosen = _exporter(fmt)
    if chosen.needs_reviews:
        raise InvalidInput(
            "ClaimReview needs editors' reviews, and files compared without a database have "
            "none; export md, html, csv or json instead.",
            errors={"format": ["claimreview needs a stored, reviewed story."]})
    return render(comparison_report(comparison, inputs, title=title, label=label), fmt)
