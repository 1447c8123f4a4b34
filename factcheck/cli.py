"""Command line: the ``factcheck`` console script and the Flask commands the app registers.

``factcheck compare`` and ``factcheck eval`` need no server and no database. The Flask
commands (``flask --app wsgi ...``) work on the app's database: ``init-db``,
``load-sources``, ``ingest``, ``export``, ``users create`` and ``tokens create``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from .db import get_db, session_scope

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from . import pipeline
    from .models import Story
    from .services.ingest import IngestResult

LABEL_ORDER = {"conflict": 0, "complement": 1, "agree": 2}
COMPARE_FORMATS = ("text", "json", "md", "csv", "html")


class FileProblem(click.ClickException):
    """A bad input file: named in the message, exit status 2, no traceback."""

    exit_code = 2


def _fail(exc: Exception) -> click.ClickException:
    """Turn a service error into a one-line command error with its field messages."""
    message = getattr(exc, "message", None) or str(exc)
    errors = getattr(exc, "errors", None) or {}
    details = "; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items())
    return click.ClickException(f"{message} ({details})" if details else message)


@click.group()
@click.version_option(package_name="factcheck")
def main() -> None:
    """Compare news reports of the same event, claim by claim."""


# --- factcheck compare ------------------------------------------------------------------------


def _per_file(values: tuple[str, ...], count: int, flag: str) -> list[str | None]:
    """Return one value of a repeated flag per file ('' or absent: keep the file's own)."""
    if values and len(values) != count:
        raise click.UsageError(f"{flag} was given {len(values)} times for {count} files; give "
                               f"it once per file, in the same order ('' keeps a file's own).")
    return [v or None for v in values] if values else [None] * count


def read_inputs(files: tuple[Path, ...], outlets: tuple[str, ...], published: tuple[str, ...],
                titles: tuple[str, ...]) -> list[pipeline.ReportInput]:
    """Read report files (front matter + text or HTML) into pipeline inputs; flags win."""
    from . import pipeline
    from .frontmatter import (
        FrontMatterError,
        NotText,
        decode_report_bytes,
        parse_date,
        parse_report_file,
    )
    from .pipeline.clean import sanitize
    from .pipeline.errors import ExtractionError

    outlet_of = _per_file(outlets, len(files), "--outlet")
    published_of = _per_file(published, len(files), "--published")
    title_of = _per_file(titles, len(files), "--title")
    inputs: list[pipeline.ReportInput] = []
    for n, path in enumerate(files):
        try:
            content = decode_report_bytes(path.read_bytes(),
                                          html=path.suffix.lower() in (".html", ".htm"))
        except NotText as exc:
            raise FileProblem(f"{path}: {exc}; is it a binary file?") from exc
        except OSError as exc:
            raise FileProblem(f"{path}: cannot be read ({exc.strerror})") from exc
        if "\x00" in content:
            raise FileProblem(f"{path}: contains NUL bytes; is it a binary file?")
        try:
            parsed = parse_report_file(content, filename=path.name)
            given = published_of[n]
            day: date | None = parse_date(given) if given else parsed.published
        except FrontMatterError as exc:
            raise FileProblem(f"{path}: {exc}") from exc
        if not parsed.body.strip():
            raise FileProblem(f"{path}: has no report text")
        try:
            # Cheap next to extraction, and it lets the error name the file.
            sanitize(parsed.body, html=parsed.html)
        except ExtractionError as exc:
            raise FileProblem(f"{path}: {exc}") from exc
        inputs.append(pipeline.ReportInput(
            parsed.body, outlet=outlet_of[n] or parsed.meta.get("outlet") or path.stem,
            published=day, html=parsed.html, title=title_of[n] or parsed.meta.get("title")))
    return inputs


def _write_stdout(content: bytes) -> None:
    """Write bytes to standard output as they are (a report file keeps its encoding)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()


def _quote(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"


def render_text(result: pipeline.Comparison, inputs: list[pipeline.ReportInput],
                label: str | None = None) -> Iterator[str]:
    """Yield the readable comparison: a summary, then fact groups, conflicts first."""
    from . import pipeline

    yield f"Compared {len(inputs)} reports:"
    for given, extracted in zip(inputs, result.reports, strict=True):
        day = given.published.isoformat() if given.published else "undated"
        yield f"  {given.outlet} ({day}): {len(extracted.claims)} claims"
    counts: dict[str, int] = {}
    for p in result.pairs:
        counts[p.judgement.label] = counts.get(p.judgement.label, 0) + 1
    if not result.pairs:
        yield "No claims were matched across the reports."
        return
    yield "Pairs: " + ", ".join(f"{counts[k]} {k}" for k in sorted(
        counts, key=lambda k: LABEL_ORDER.get(k, 9)))
    groups = [list(g) for g in result.groups] or pipeline.group_pairs(
        [((p.report_a, p.claim_a), (p.report_b, p.claim_b)) for p in result.pairs])

    def rank(p: pipeline.PairResult) -> int:
        return LABEL_ORDER.get(p.judgement.label, 9)

    ordered = []
    for g in groups:
        members = sorted((result.pairs[k] for k in g), key=lambda p: (
            rank(p), -p.judgement.confidence))
        if label:
            members = [p for p in members if p.judgement.label == label]
        if members:
            ordered.append(members)
    ordered.sort(key=lambda m: (rank(m[0]), -len(m)))
    width = max(len(i.outlet) for i in inputs)
    for members in ordered:
        claims = {(p.report_a, p.claim_a) for p in members} | {
            (p.report_b, p.claim_b) for p in members}
        topic = min((result.reports[r].claims[c].text for r, c in claims), key=len)
        yield ""
        yield f"{members[0].judgement.label.upper()}: {_quote(topic, 100)}"
        for p in members:
            a = result.reports[p.report_a].claims[p.claim_a]
            b = result.reports[p.report_b].claims[p.claim_b]
            j = p.judgement
            yield f"  [{j.label} {j.confidence:.2f}]"
            yield f"    {inputs[p.report_a].outlet:<{width}}  {_quote(a.text)}"
            yield f"    {inputs[p.report_b].outlet:<{width}}  {_quote(b.text)}"
            if j.explanation:
                yield f"    why: {j.explanation}"


@main.command("compare")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(COMPARE_FORMATS), default="text",
              show_default=True, help="text: readable groups; md, csv, json, html: a report.")
@click.option("--outlet", "outlets", multiple=True, metavar="NAME",
              help="Outlet of each file, once per file in order ('' keeps the file's own).")
@click.option("--published", multiple=True, metavar="YYYY-MM-DD",
              help="Publication date of each file, once per file in order.")
@click.option("--title", "titles", multiple=True, help="Title of each file, once per file.")
@click.option("--label", type=click.Choice(("agree", "complement", "conflict")),
              help="Show only pairs with this label.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def compare_cmd(files: tuple[Path, ...], fmt: str, outlets: tuple[str, ...],
                published: tuple[str, ...], titles: tuple[str, ...], label: str | None,
                output: Path | None) -> None:
    """Compare local report files (text or HTML, optional front matter); no database.

    A file may start with front matter: a '---' line, 'key: value' lines (outlet, title,
    url, published as YYYY-MM-DD) and a closing '---'. Flags override it, given once per
    file in the order of the files.
    """
    from . import pipeline

    inputs = read_inputs(files, outlets, published, titles)
    result = pipeline.compare(inputs)
    if fmt == "text":
        text = "\n".join(render_text(result, inputs, label)) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
        return
    from . import export
    from .errors import InvalidInput

    export_comparison = getattr(export, "export_comparison", None)
    if export_comparison is None:
        raise click.ClickException(f"--format {fmt} is not available in this version "
                                   f"(factcheck.export has no export_comparison); use text.")
    try:
        exported = export_comparison(result, inputs, fmt, label=label)
    except InvalidInput as exc:
        raise _fail(exc) from exc
    if output:
        output.write_bytes(exported.content)
    else:
        _write_stdout(exported.content)


def _register_subcommands() -> None:
    from .evaluation import eval_cmd

    main.add_command(eval_cmd)


_register_subcommands()


# --- Flask commands ------------------------------------------------------------------------------


@click.command("init-db")
@with_appcontext
def init_db_cmd() -> None:
    """Bring the database up to the newest schema."""
    from .db import upgrade

    upgrade(get_db().engine)
    click.echo("database is up to date")


@click.command("load-sources")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def load_sources_cmd(folder: Path | None) -> None:
    """Load every story folder under FOLDER (default: the bundled sources/)."""
    from .services.ingest import load_sources

    target = folder or Path(current_app.config["SOURCES_DIR"])
    with session_scope() as session:
        stories = load_sources(session, target, on_error=lambda p, e: click.echo(
            f"skipped {p}: {e}", err=True))
    click.echo(f"loaded {len(stories)} stories from {target}")


@dataclass
class Job:
    """One report to load: the story it goes to, a name for messages, and how to add it."""

    story: str
    name: str
    load: Callable[[Session, Story], IngestResult]
    description: str = ""


def _folder_jobs(folder: Path, story: str | None) -> list[Job]:
    """Return a job per report file of ``folder`` (front matter format)."""
    import tomllib

    from .services.ingest import REPORT_SUFFIXES

    title = story
    if title is None:
        meta_file = folder / "story.toml"
        meta: dict[str, Any] = {}
        if meta_file.exists():
            try:
                meta = tomllib.loads(meta_file.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise FileProblem(f"{meta_file}: {exc}") from exc
        title = str(meta.get("title") or folder.name)
    jobs = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in REPORT_SUFFIXES:
            jobs.append(Job(title, str(path), _file_loader(path)))
    return jobs


def _file_loader(path: Path) -> Callable[[Session, Story], IngestResult]:
    """Return a loader of the report file at ``path``."""
    from .services.ingest import load_report_file

    def load(session: Session, story: Story) -> IngestResult:
        return load_report_file(session, story, path)

    return load


def _article_job(story: str, name: str, article: dict[str, Any], number: int,
                 description: str) -> Job:
    """Return the job of one article of a clusters.jsonl line."""
    from urllib.parse import urlsplit

    from .errors import InvalidInput
    from .services.ingest import add_report

    def load(session: Session, target: Story) -> IngestResult:
        text = article.get("text")
        if not isinstance(text, str):
            raise InvalidInput("The article has no text.", errors={"text": ["Missing."]})
        url = article.get("url") if isinstance(article.get("url"), str) else None
        outlet = (article.get("source") if isinstance(article.get("source"), str) else None) \
            or (urlsplit(url).hostname if url else None) or f"source {number}"
        title = article.get("title") if isinstance(article.get("title"), str) else None
        return add_report(session, target, outlet=outlet, text=text, title=title, url=url,
                          published=_article_date(article.get("date")))

    return Job(story, name, load, description)


def _article_date(raw: Any) -> date | None:
    """Return an article's date: ISO, or anything dateutil reads; None when absent."""
    from dateutil import parser as dateparser

    from .errors import InvalidInput

    if raw in (None, ""):
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        pass
    try:
        return dateparser.parse(str(raw)).date()
    except (ValueError, OverflowError) as exc:
        raise InvalidInput(f"The date {raw!r} is not a date.",
                           errors={"date": ["Not a date."]}) from exc


def _jsonl_jobs(path: Path, story: str | None, limit: int | None,
                failures: list[str]) -> list[Job]:
    """Return a job per article of a clusters.jsonl file; bad lines go to ``failures``."""
    jobs: list[Job] = []
    clusters = 0
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            if limit is not None and clusters >= limit:
                break
            clusters += 1
            try:
                cluster = json.loads(line)
            except json.JSONDecodeError as exc:
                failures.append(f"{path}:{number}: not valid JSON ({exc.msg})")
                continue
            except RecursionError:
                failures.append(f"{path}:{number}: JSON nested too deeply")
                continue
            articles = cluster.get("articles") if isinstance(cluster, dict) else None
            if not isinstance(articles, list):
                failures.append(f"{path}:{number}: no 'articles' list")
                continue
            cid = str(cluster.get("cluster_id") or f"line {number}")
            titles = [a.get("title") for a in articles
                      if isinstance(a, dict) and isinstance(a.get("title"), str)]
            title = story or (f"{titles[0]} ({cid})" if titles else cid)[:300]
            for k, article in enumerate(articles, start=1):
                name = f"{path.name}:{number} {cid} article {k}"
                if not isinstance(article, dict):
                    failures.append(f"{name}: not an object")
                    continue
                jobs.append(_article_job(title, name, article, k, f"cluster {cid}"))
    return jobs


@click.command("ingest")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--story", "story_title", metavar="TITLE",
              help="Put every report in this story (found by exact title or created). "
                   "Default: a folder's story.toml title or name; one story per JSONL cluster.")
@click.option("--limit", type=click.IntRange(min=1), help="JSONL: load only the first N lines.")
@with_appcontext
def ingest_cmd(path: Path, story_title: str | None, limit: int | None) -> None:
    """Bulk-load reports from a folder of report files or a clusters JSONL file.

    Exits with status 1 when any report failed; the others are loaded all the same.
    """
    from .errors import FactcheckError
    from .frontmatter import FrontMatterError, NotText
    from .services import stories

    failures: list[str] = []
    if path.is_dir():
        jobs = _folder_jobs(path, story_title)
    else:
        try:
            jobs = _jsonl_jobs(path, story_title, limit, failures)
        except UnicodeDecodeError as exc:
            raise FileProblem(f"{path}: not UTF-8 text") from exc
    added = existing = pairs = 0
    touched: set[int] = set()
    session = get_db().sessions()
    try:
        rows, _ = stories.list_stories(session, limit=10**9)
        by_title: dict[str, Story] = {}
        for row in reversed(rows):  # the oldest story of a title wins
            by_title.setdefault(row.title, row)
        with click.progressbar(jobs, label="Ingesting", file=sys.stderr,
                               item_show_func=lambda j: j.name[-40:] if j else None) as bar:
            for job in bar:
                title = job.story.strip()[:300]
                target = by_title.get(title)
                new_story = target is None
                try:
                    with session.begin_nested():
                        if target is None:
                            target = stories.create_story(session, title=title,
                                                          description=job.description)
                            by_title[title] = target
                        result = job.load(session, target)
                except (FactcheckError, FrontMatterError, NotText, UnicodeDecodeError,
                        OSError) as exc:
                    if new_story:
                        by_title.pop(title, None)  # the story was rolled back with the report
                    problem = (f"not UTF-8 text (byte {exc.start})"
                               if isinstance(exc, UnicodeDecodeError) else _fail(exc).message)
                    failures.append(f"{job.name}: {problem}")
                    continue
                session.commit()  # one report at a time, so an interrupted load keeps its work
                touched.add(target.id)
                if result.created:
                    added += 1
                    pairs += result.new_pairs
                else:
                    existing += 1
    finally:
        session.close()
    for line in failures:
        click.echo(f"failed: {line}", err=True)
    click.echo(f"{added} reports added, {existing} already stored, {len(failures)} failed, "
               f"in {len(touched)} stories; {pairs} new pairs.")
    if failures:
        # The reports that loaded are kept; the status tells a script that some did not.
        sys.exit(1)


def find_story(session: Session, ref: str) -> Story:
    """Return the story with id ``ref`` or exactly the title ``ref``."""
    from .errors import NotFound
    from .services import stories

    if ref.isdigit():
        return stories.get_story(session, int(ref))
    rows, _ = stories.list_stories(session, limit=10**9)
    found = [s for s in rows if s.title == ref]
    if not found:
        raise NotFound(f"no story has the id or title {ref!r}")
    if len(found) > 1:
        raise NotFound(f"several stories have the title {ref!r} (ids "
                       f"{', '.join(str(s.id) for s in found)}); give an id")
    return found[0]


@click.command("export")
@click.argument("story")
@click.option("--format", "fmt", default="md", show_default=True,
              help="md, json, csv, html, claimreview (see docs/exports.md).")
@click.option("--label", type=click.Choice(("agree", "complement", "conflict", "unrelated")))
@click.option("--status", type=click.Choice(("unreviewed", "confirmed", "corrected")))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@with_appcontext
def export_cmd(story: str, fmt: str, label: str | None, status: str | None,
               output: Path | None) -> None:
    """Export STORY's discrepancy report (STORY is an id or an exact title)."""
    from . import export
    from .errors import FactcheckError

    try:
        with session_scope() as session:
            found = find_story(session, story)
            exported = export.export_story(
                session, found.id, fmt, label=label, status=status,
                author=current_app.config["CLAIMREVIEW_AUTHOR"],
                base_url=current_app.config["PUBLIC_URL"] or None)
    except FactcheckError as exc:
        raise _fail(exc) from exc
    if output:
        output.write_bytes(exported.content)
        click.echo(f"wrote {output} ({len(exported.content)} bytes, {exported.content_type})",
                   err=True)
    else:
        _write_stdout(exported.content)


@click.group("users")
def users_group() -> None:
    """Manage editor accounts."""


@users_group.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(("viewer", "editor", "admin")), default="viewer",
              show_default=True)
@click.option("--password-stdin", is_flag=True,
              help="Read the password from the first line of standard input.")
@with_appcontext
def users_create_cmd(name: str, role: str, password_stdin: bool) -> None:
    """Create a user NAME with a role (viewer reads, editor adds and reviews, admin deletes)."""
    from .errors import FactcheckError
    from .services import users

    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        with session_scope() as session:
            user = users.create_user(session, name, role=role, password=password)
            summary = f"created user {user.username} ({user.role})"
    except FactcheckError as exc:
        raise _fail(exc) from exc
    click.echo(summary + ("" if password else "; no password: API tokens only"))


@click.group("tokens")
def tokens_group() -> None:
    """Manage API tokens."""


@tokens_group.command("create")
@click.argument("name")
@click.option("--label", default="", help="What the token is for, e.g. the script's name.")
@with_appcontext
def tokens_create_cmd(name: str, label: str) -> None:
    """Create an API token for user NAME; the token is printed once, alone on the last line."""
    from .errors import FactcheckError
    from .services import users

    try:
        with session_scope() as session:
            token = users.create_token(session, name, name=label)
    except FactcheckError as exc:
        raise _fail(exc) from exc
    click.echo(f"API token for {name} (shown once; only its hash is stored):")
    click.echo(token)


@click.command("dump")
@click.argument("story")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@with_appcontext
def dump_cmd(story: str, output: Path | None) -> None:
    """Dump STORY (id or exact title) with its reviews and history as JSON."""
    from .errors import FactcheckError
    from .services import backup

    try:
        with session_scope() as session:
            data = backup.dump_story(session, find_story(session, story).id)
    except FactcheckError as exc:
        raise _fail(exc) from exc
    content = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if output:
        output.write_bytes(content)
        click.echo(f"wrote {output} ({len(data['reports'])} reports, {len(data['pairs'])} "
                   "pairs)", err=True)
    else:
        _write_stdout(content)


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def restore_cmd(file: Path) -> None:
    """Restore a story from a FILE written by `dump`, as a new story."""
    from .errors import FactcheckError
    from .services import backup

    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"{file}: not a JSON story dump ({exc})") from exc
    except RecursionError:
        raise click.ClickException(f"{file}: not a JSON story dump (nested too deeply)"
                                   ) from None
    try:
        with session_scope() as session:
            story = backup.restore_story(session, data)
            summary = f"restored story {story.id}: {story.title}"
    except FactcheckError as exc:
        raise _fail(exc) from exc
    click.echo(summary)


@click.command("rebuild")
@click.argument("stories", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Rebuild every story.")
@click.option("--check", is_flag=True,
              help="Change nothing; exit 1 when the stored pairs differ from a rebuild.")
@with_appcontext
def rebuild_cmd(stories: tuple[str, ...], every: bool, check: bool) -> None:
    """Recompute the blocking index and pairs of STORIES (ids or exact titles) from scratch.

    Pairs found again keep their reviews; pairs no longer found are removed, their reviews
    kept in the audit log. Run it after upgrading factcheck to relabel stored stories.
    """
    from sqlalchemy import select

    from .errors import FactcheckError
    from .models import Story
    from .services import matching

    if not stories and not every:
        raise click.UsageError("name one or more stories, or give --all")
    differ = 0
    try:
        with session_scope() as session:
            found = (list(session.scalars(select(Story).order_by(Story.id))) if every
                     else [find_story(session, ref) for ref in stories])
            for story in found:
                result = matching.rebuild_story(session, story, dry_run=check)
                differ += not result.unchanged
                verb = "would change" if check and not result.unchanged else (
                    "unchanged" if result.unchanged else "rebuilt")
                click.echo(f"story {story.id} {verb}: {result.kept} pairs kept, "
                           f"{result.relabelled} relabelled, {result.added} added, "
                           f"{result.removed} removed ({result.reviewed_removed} reviewed); "
                           + ", ".join(f"{n} {label}" for label, n
                                       in sorted(result.labels.items())))
            if check:
                session.rollback()
    except FactcheckError as exc:
        raise _fail(exc) from exc
    if check and differ:
        raise click.exceptions.Exit(1)


def init_app(app: Flask) -> None:
    """Register the Flask commands."""
    for command in (init_db_cmd, load_sources_cmd, ingest_cmd, export_cmd, users_group,
                    tokens_group, dump_cmd, restore_cmd, rebuild_cmd):
        app.cli.add_command(command)
