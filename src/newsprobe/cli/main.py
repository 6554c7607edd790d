"""The `newsprobe` command: parses arguments and delegates to the library."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from newsprobe import __version__
from newsprobe.cli.analyze import analyze_command
from newsprobe.cli.batch import batch_command
from newsprobe.cli.bench import bench_analyze_command, bench_scaling_command
from newsprobe.cli.events import eval_events_command, export_events_command, train_events_command
from newsprobe.cli.events_core import eval_actors_command, eval_quantities_command, train_actors_command
from newsprobe.cli.places import eval_places_command, train_places_command
from newsprobe.cli.propaganda import (
    bench_propaganda_command,
    eval_propaganda_command,
    propaganda_group,
    train_propaganda_command,
)
from newsprobe.cli.store import (
    bench_api_command,
    bench_store_command,
    db_group,
    export_from_store,
    export_store_options,
    ingest_command,
    reanalyze_command,
    serve_command,
)
from newsprobe.errors import Errors, NewsprobeError


class NewsprobeGroup(click.Group):
    """Turns a `NewsprobeError` or an unopenable path into a one-line coded message and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except NewsprobeError as error:
            click.echo(f"error: {error.describe()}", err=True)
            ctx.exit(2)
        except BrokenPipeError:
            # The reader of our output has gone (`| head`): nothing to say, and nothing more to flush there.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except OSError as error:
            # A path the user gave that cannot be opened (missing folder, permissions, a full disk).
            coded = NewsprobeError(Errors.E020, path=error.filename or "a file", detail=error.strerror or str(error))
            click.echo(f"error: {coded.describe()}", err=True)
            ctx.exit(2)


@click.group(cls=NewsprobeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprobe")
def cli() -> None:
    """Read conflict news like an analyst: propaganda techniques, events, places, sourcing, provenance."""


@cli.group()
def train() -> None:
    """Train the models newsprobe ships (needs the research corpora)."""


@cli.group(name="eval")
def evaluate() -> None:
    """Measure accuracy against gold-annotated corpora."""


@cli.group(invoke_without_command=True)
@export_store_options
@click.pass_context
def export(ctx: click.Context, **options: Any) -> None:
    """Export analyses in research formats: from the store (`export --db URL --format F -o FILE`, with filters)
    or from analysis files (`export events`)."""
    if ctx.invoked_subcommand is None:
        export_from_store(**options)


@cli.group()
def bench() -> None:
    """Measure speed (articles/s, load time, memory) against a reference measured in the same run."""


cli.add_command(analyze_command)
cli.add_command(ingest_command)
cli.add_command(reanalyze_command)
cli.add_command(db_group)
cli.add_command(serve_command)
cli.add_command(batch_command)
bench.add_command(bench_analyze_command)
bench.add_command(bench_store_command, "store")
bench.add_command(bench_api_command, "api")
bench.add_command(bench_scaling_command)
evaluate.add_command(eval_quantities_command, "quantities")
evaluate.add_command(eval_actors_command, "actors")
train.add_command(train_actors_command, "actors")
train.add_command(train_events_command, "events")
evaluate.add_command(eval_events_command, "events")
export.add_command(export_events_command, "events")
train.add_command(train_places_command, "places")
evaluate.add_command(eval_places_command, "places")
cli.add_command(propaganda_group)
train.add_command(train_propaganda_command, "propaganda")
evaluate.add_command(eval_propaganda_command, "propaganda")
bench.add_command(bench_propaganda_command, "propaganda")


def main() -> None:
    cli()
