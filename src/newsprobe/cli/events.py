"""CLI for events: `train events`, `eval events`, `export events`; each delegates to `newsprobe.events`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsprobe.cli.progress import plural, progress_over
from newsprobe.errors import Errors, InputError, NewsprobeError
from newsprobe.events import EXPORTERS, analyses_from, evaluate_events, evaluate_news, train_events
from newsprobe.events.classifier import MODEL_PATH
from newsprobe.model import Analysis

_DATA = click.option("--data", "data", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
                     help="ACLED-format CSV (`notes` in, coded columns as gold).")


@click.command("events")
@_DATA
@click.option("--ptc", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="PTC training folder: its background sentences add 'no event' examples.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=MODEL_PATH,
              show_default="the model shipped in newsprobe.events", help="Where the model (.npz) goes; its card (.json) is written next to it.")
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path),
              help="An .npz file that keeps the sentence vectors between training runs (computing them takes "
                   "most of the time).")
@click.option("--news", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Labelled news snippets (as for `eval events --news`) whose scores the model card records.")
def train_events_command(data: Path, ptc: Path | None, output: Path, cache: Path | None, news: Path | None) -> None:
    """Train the event-type classifier on ACLED notes, news rewrites and written priors; prints the model card."""
    try:
        click.echo(json.dumps(train_events(data, ptc, output, cache=cache, news=news), indent=2))
    except NewsprobeError as error:
        raise click.ClickException(error.describe()) from error


@click.command("events")
@click.option("--data", "data", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="ACLED-format CSV (`notes` in, coded columns as gold).")
@click.option("--news", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSONL of news snippets labelled with one sub-type or 'no event' "
                   "(e.g. benchmarks/events-news-dev.jsonl): weighted F1, no-event rate, confusion matrix.")
@click.option("--split", type=click.Choice(["heldout", "train", "all"]), default="heldout", show_default=True,
              help="ACLED rows to score: the fixed held-out fifth never trained on, the rest, or all.")
@click.option("--limit", type=int, help="Score only the first N ACLED rows of the split.")
def eval_events_command(data: Path | None, news: Path | None, split: str, limit: int | None) -> None:
    """Type, actors, fatalities, location and date of events[0] vs ACLED's coded columns, or the event
    coding of labelled news snippets (--news)."""
    try:
        if news is not None and data is None:
            click.echo(json.dumps(evaluate_news(news), indent=2))
        elif data is not None and news is None:
            click.echo(json.dumps(evaluate_events(data, split, limit), indent=2))
        else:
            raise NewsprobeError(Errors.E404)
    except NewsprobeError as error:
        raise click.ClickException(error.describe()) from error


@click.command("events")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(list(EXPORTERS)), default="acled-csv",
              show_default=True, help="acled-csv: ACLED columns plus our extras; geojson: a FeatureCollection.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
def export_events_command(inputs: tuple[str, ...], output_format: str, output: Path) -> None:
    """Export the events of INPUTS: analysis JSON/JSONL files, or articles (analysed first)."""
    analyses: list[Analysis] = []
    failures = 0
    for result in progress_over(analyses_from(inputs), total=None, label="reading"):
        if isinstance(result, InputError):
            failures += 1
            click.echo(f"error: {result.describe()}", err=True)
        else:
            analyses.append(result)
    count = EXPORTERS[output_format](analyses, output)
    click.echo(f"{plural(count, 'event')} from {plural(len(analyses), 'article')} written to {output}; "
               f"{plural(failures, 'input')} failed.", err=True)
    if failures:
        sys.exit(1)
