"""Command line: the ``factcheck`` console script and the Flask commands the app registers."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

from .db import get_db, session_scope


@click.group()
@click.version_option(package_name="factcheck")
def main() -> None:
    """Compare news reports of the same event, claim by claim."""


@main.command("compare")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False,
                                                                  path_type=Path))
def compare_cmd(files: tuple[Path, ...]) -> None:
    """Compare local report files (text or HTML, optional front matter); no database."""
    from . import pipeline
    from .frontmatter import FrontMatterError, parse_report_file

    inputs: list[pipeline.ReportInput] = []
    for path in files:
        try:
            parsed = parse_report_file(path.read_text(encoding="utf-8"), filename=path.name)
        except (FrontMatterError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"{path}: {exc}") from exc
        inputs.append(pipeline.ReportInput(parsed.body, outlet=parsed.meta.get("outlet") or
                                           path.stem, published=parsed.published,
                                           html=parsed.html))
    result = pipeline.compare(inputs)
    for pair in sorted(result.pairs, key=lambda p: p.judgement.label != "conflict"):
        a = result.reports[pair.report_a].claims[pair.claim_a]
        b = result.reports[pair.report_b].claims[pair.claim_b]
        click.echo(f"[{pair.judgement.label}] {inputs[pair.report_a].outlet}: {a.text}")
        click.echo(f"    vs {inputs[pair.report_b].outlet}: {b.text}")
        click.echo(f"    {pair.judgement.explanation}")
    sys.stdout.flush()


def _register_subcommands() -> None:
    from .evaluation import eval_cmd

    main.add_command(eval_cmd)


_register_subcommands()


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
    from flask import current_app

    from .services.ingest import load_sources

    target = folder or Path(current_app.config["SOURCES_DIR"])
    with session_scope() as session:
        stories = load_sources(session, target, on_error=lambda p, e: click.echo(
            f"skipped {p}: {e}", err=True))
    click.echo(f"loaded {len(stories)} stories from {target}")


def init_app(app: Flask) -> None:
    """Register the Flask commands."""
    app.cli.add_command(init_db_cmd)
    app.cli.add_command(load_sources_cmd)
