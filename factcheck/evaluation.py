"""`factcheck eval`: score ``relate`` on labelled pair files (a, b, label)."""

from __future__ import annotations

import click


@click.command("eval")
@click.argument("files", nargs=-1, required=True)
def eval_cmd(files: tuple[str, ...]) -> None:
    """Score the agree / complement / conflict judgement on labelled JSONL pair files."""
    raise click.ClickException("evaluation is not available yet")
