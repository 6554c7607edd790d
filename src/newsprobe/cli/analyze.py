"""`newsprobe analyze`: inputs in, reports out; a bad input is reported and skipped."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsprobe.cli.options import reading_options, reading_options_value
from newsprobe.cli.progress import progress_over
from newsprobe.errors import InputError
from newsprobe.ingest import STDIN, expand_inputs
from newsprobe.pipeline import analyze_many
from newsprobe.render import FORMATS, open_writer


@click.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: terminal report; html: self-contained page; json/jsonl: the Analysis schema.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@reading_options
def analyze_command(
    inputs: tuple[str, ...], output_format: str, output: Path | None, only: tuple[str, ...],
    skip: tuple[str, ...], max_bytes: int, max_chars: int, timeout: float,
) -> None:
    """Analyse INPUTS: files, folders (recursive), http(s) URLs, or - for stdin.

    Text files follow the corpus convention (title line, empty line, body); .html pages and
    .json/.jsonl records ({"id", "text", "title", "url", "outlet", "published"}) are read too.
    """
    options = reading_options_value(only, skip, max_bytes, max_chars, timeout)
    expanded = expand_inputs(inputs)
    # A JSONL file or stdin holds an unknown number of articles: the bar then counts without a total.
    many_per_input = any(item == STDIN or item.endswith((".json", ".jsonl", ".ndjson")) for item in expanded)
    total = None if many_per_input else len(expanded)
    failures = 0
    with open_writer(output_format, output) as writer:
        for result in progress_over(analyze_many(expanded, options), total=total, label="analysing"):
            if isinstance(result, InputError):
                failures += 1
                click.echo(f"error: {result.describe()}", err=True)
            else:
                writer.write(result)
    if failures:
        click.echo(f"{failures} input(s) failed; the rest were analysed.", err=True)
        sys.exit(1)
