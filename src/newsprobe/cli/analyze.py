"""`newsprobe analyze`: inputs in, reports out; a bad input is reported and skipped."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsprobe.cli.progress import progress_over
from newsprobe.errors import InputError
from newsprobe.ingest import STDIN, expand_inputs
from newsprobe.pipeline import analyze_many
from newsprobe.render import FORMATS, open_writer
from newsprobe.settings import (
    FETCH_TIMEOUT_S,
    MAX_ARTICLE_CHARS,
    MAX_INPUT_BYTES,
    PROPAGANDA_PROFILES,
    Options,
)


@click.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: terminal report; html: self-contained page; json/jsonl: the Analysis schema.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@click.option("--only", multiple=True, help="Run only these analyzers (repeatable).")
@click.option("--skip", multiple=True, help="Do not run these analyzers (repeatable).")
@click.option("--max-bytes", type=int, default=MAX_INPUT_BYTES, show_default=True, help="Refuse larger inputs.")
@click.option("--max-chars", type=int, default=MAX_ARTICLE_CHARS, show_default=True,
              help="Refuse articles whose text is longer.")
@click.option("--timeout", type=float, default=FETCH_TIMEOUT_S, show_default=True, help="URL fetch timeout (s).")
@click.option("--profile", type=click.Choice(PROPAGANDA_PROFILES), default="fast", show_default=True,
              help="Propaganda model: fast (MiniLM ensemble) or accurate (base-size encoder, slower).")
@click.option("--propaganda-model", type=click.Path(file_okay=False, exists=True),
              help="A propaganda model folder (e.g. one you trained) to use instead of the profile's.")
def analyze_command(
    inputs: tuple[str, ...], output_format: str, output: Path | None, only: tuple[str, ...],
    skip: tuple[str, ...], max_bytes: int, max_chars: int, timeout: float, profile: str,
    propaganda_model: str | None,
) -> None:
    """Analyse INPUTS: files, folders (recursive), http(s) URLs, or - for stdin.

    Text files follow the corpus convention (title line, empty line, body); .html pages and
    .json/.jsonl records ({"id", "text", "title", "url", "outlet", "published"}) are read too.
    """
    options = Options(max_bytes=max_bytes, max_chars=max_chars, fetch_timeout_s=timeout, only=only, skip=skip,
                      propaganda_profile=profile, propaganda_model=propaganda_model)
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
