"""`newsprobe analyze`: inputs in, reports out; a bad input is reported and skipped."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsprobe.cli.progress import progress_over
from newsprobe.errors import Errors, InputError
from newsprobe.ingest import STDIN, expand_inputs
from newsprobe.model import Analysis
from newsprobe.pipeline import analyze_many
from newsprobe.render import FORMATS, open_writer
from newsprobe.render.writers import Writer
from newsprobe.settings import (
    FETCH_TIMEOUT_S,
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_SECONDS,
    MAX_INPUT_BYTES,
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
@click.option("--timeout", type=float, default=FETCH_TIMEOUT_S, show_default=True,
              help="Seconds for a whole URL fetch: connecting, headers, body and retries.")
@click.option("--max-seconds", type=float, default=MAX_ARTICLE_SECONDS, show_default=True,
              help="Time budget per article; one over it fails with E030 and the rest go on (0: none).")
def analyze_command(
    inputs: tuple[str, ...], output_format: str, output: Path | None, only: tuple[str, ...],
    skip: tuple[str, ...], max_bytes: int, max_chars: int, timeout: float, max_seconds: float,
) -> None:
    """Analyse INPUTS: files, folders (recursive), http(s) URLs, or - for stdin.

    Text files follow the corpus convention (title line, empty line, body); .html pages and
    .json/.jsonl records ({"id", "text", "title", "url", "outlet", "published"}) are read too.
    """
    options = Options(max_bytes=max_bytes, max_chars=max_chars, fetch_timeout_s=timeout, max_seconds=max_seconds or None,
                      only=only, skip=skip)
    expanded = expand_inputs(inputs)
    # A JSONL file or stdin holds an unknown number of articles: the bar then counts without a total.
    many_per_input = any(item == STDIN or item.endswith((".json", ".jsonl", ".ndjson")) for item in expanded)
    total = None if many_per_input else len(expanded)
    failures = 0
    with open_writer(output_format, output) as writer:
        for result in progress_over(analyze_many(expanded, options), total=total, label="analysing"):
            error = result if isinstance(result, InputError) else _write(writer, result)
            if error:
                failures += 1
                click.echo(f"error: {error.describe()}", err=True)
    if failures:
        click.echo(f"{failures} input(s) failed; the rest were analysed.", err=True)
        sys.exit(1)


def _write(writer: Writer, analysis: Analysis) -> InputError | None:
    """Write one analysis; a writer failure becomes an error for that article alone."""
    try:
        writer.write(analysis)
    except Exception as error:  # noqa: BLE001 (one unwritable article must not stop the others)
        source = analysis.article.source or analysis.article.id
        return InputError(Errors.E032, source, detail=f"{type(error).__name__}: {error}")
    return None
