"""`newsprobe analyze`: inputs in, reports out; a bad input is reported and skipped."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsprobe.cli.options import profile_options, reading_options, reading_options_value, with_profile
from newsprobe.cli.progress import progress_over, summary_line
from newsprobe.errors import Errors, InputError
from newsprobe.ingest import STDIN, expand_inputs
from newsprobe.model import Analysis
from newsprobe.pipeline import added_requirements, analyze_many
from newsprobe.render import FORMATS, open_writer
from newsprobe.render.writers import Writer
from newsprobe.settings import Options


@click.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: terminal report; html: self-contained page; json/jsonl: the Analysis schema.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@reading_options
@profile_options
def analyze_command(
    inputs: tuple[str, ...], output_format: str, output: Path | None, only: tuple[str, ...],
    skip: tuple[str, ...], max_bytes: int, max_chars: int, timeout: float, max_seconds: float, profile: str,
    propaganda_model: str | None,
) -> None:
    """Analyse INPUTS: files, folders (recursive), http(s) URLs, or - for stdin.

    Text files follow the corpus convention (title line, empty line, body); .html pages and
    .json/.jsonl records ({"id", "text", "title", "url", "outlet", "published"}) are read too.
    """
    options = with_profile(reading_options_value(only, skip, max_bytes, max_chars, timeout, max_seconds),
                           profile, propaganda_model)
    note_added_analyzers(options)
    expanded = expand_inputs(inputs)
    # A JSONL file or stdin holds an unknown number of articles: the bar then counts without a total.
    many_per_input = any(item == STDIN or item.endswith((".json", ".jsonl", ".ndjson")) for item in expanded)
    total = None if many_per_input else len(expanded)
    done = failures = 0
    with open_writer(output_format, output) as writer:
        for result in progress_over(analyze_many(expanded, options), total=total, label="analysing"):
            error = result if isinstance(result, InputError) else _write(writer, result)
            if error:
                failures += 1
                click.echo(f"error: {error.describe()}", err=True)
            else:
                done += 1
    if done + failures > 1 or failures:
        click.echo(summary_line(done, failures), err=True)
    if failures:
        sys.exit(1)


def note_added_analyzers(options: Options) -> None:
    """Say which analyzers run although `--only` did not name them (a chosen one reads their layers)."""
    if added := added_requirements(options.only, options.skip):
        click.echo(f"note: also running {', '.join(added)}: {', '.join(options.only)} reads their layers", err=True)


def _write(writer: Writer, analysis: Analysis) -> InputError | None:
    """Write one analysis; a writer failure becomes an error for that article alone."""
    try:
        writer.write(analysis)
    except BrokenPipeError:
        raise  # the reader of our output has gone (`| head`): the whole run ends quietly, see cli.main
    except Exception as error:  # noqa: BLE001 (one unwritable article must not stop the others)
        source = analysis.article.source or analysis.article.id
        return InputError(Errors.E032, source, detail=f"{type(error).__name__}: {error}")
    return None
