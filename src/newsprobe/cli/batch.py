"""`newsprobe batch`: analyse a corpus on Dask distributed into the store, resumably."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsprobe.batch import BatchOptions, BatchSummary, run_batch
from newsprobe.cli.options import profile_options, reading_options, reading_options_value, with_profile
from newsprobe.cli.store import DB_OPTION
from newsprobe.ingest import STDIN, expand_inputs
from newsprobe.store import Store
from newsprobe.store.engine import shown


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes of the local cluster.")
@click.option("--threads-per-worker", type=click.IntRange(min=1), default=1, show_default=True,
              help="Articles each worker analyses at once.")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786) instead of a local cluster.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=8, show_default=True,
              help="Articles per Dask task.")
@reading_options
@profile_options
def batch_command(inputs: tuple[str, ...], db: str | None, workers: int, threads_per_worker: int,
                  scheduler: str | None, chunk_size: int, only: tuple[str, ...], skip: tuple[str, ...],
                  max_bytes: int, max_chars: int, timeout: float, max_seconds: float, profile: str, propaganda_model: str | None) -> None:
    """Analyse INPUTS on Dask workers and write every analysis to the store.

    Re-running skips what the store holds from the current analyzer versions, so an interrupted run
    resumes where it stopped. An article that fails is reported with its error code; the rest go on.
    """
    analysis = with_profile(reading_options_value(only, skip, max_bytes, max_chars, timeout, max_seconds), profile,
                            propaganda_model)
    options = BatchOptions(workers, threads_per_worker, scheduler, chunk_size, analysis=analysis)
    expanded = expand_inputs(inputs)
    with Store(db) as store, _progress(_known_total(expanded)) as progress:
        click.echo(f"store: {shown(store.url)}", err=True)
        summary = run_batch(expanded, store, options, progress)
    for failure in summary.failures:
        click.echo(f"error: {failure.describe()}", err=True)
    click.echo(_summary_line(summary), err=True)
    if summary.failures:
        sys.exit(1)


def _known_total(expanded: list[str]) -> int | None:
    """Articles to expect: one per file, unknown when a JSON(L) file or stdin may hold many."""
    many = any(item == STDIN or item.endswith((".json", ".jsonl", ".ndjson")) for item in expanded)
    return None if many else len(expanded)


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[BatchSummary], None]]:
    """A live line on stderr: done/total, analysis rate, failures, and the dashboard link when there is one."""
    console = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not console.is_terminal) as bar:
        task = bar.add_task("starting the cluster", total=total)
        shown_dashboard = False

        def update(summary: BatchSummary) -> None:
            nonlocal shown_dashboard
            if summary.dashboard and not shown_dashboard:
                console.print(f"Dask dashboard: {summary.dashboard}")
                shown_dashboard = True
            of = f"/{total}" if total else ""
            bar.update(task, completed=summary.done, description=(
                f"{summary.done}{of} articles, {summary.analysed_per_s:.2f} analysed/s, "
                f"{len(summary.failures)} failed"))

        yield update


def _summary_line(summary: BatchSummary) -> str:
    return (f"{summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged (already stored), "
            f"{len(summary.failures)} failed, in {summary.seconds:.1f} s after {summary.startup_s:.1f} s "
            f"starting the workers ({summary.analysed_per_s:.2f} articles analysed/s)")
