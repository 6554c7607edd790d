"""CLI for the corpus store: `ingest`, `reanalyze`, `db upgrade`; each parses options and delegates."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import click

from newsprobe.cli.options import reading_options, reading_options_value
from newsprobe.cli.progress import progress_over
from newsprobe.corpus import IngestSummary, ingest, reanalyze
from newsprobe.corpus.ingest import FLUSH_EVERY, Result
from newsprobe.ingest import STDIN, expand_inputs
from newsprobe.store import Filters, Store
from newsprobe.store.engine import head_revision, shown

DB_OPTION = click.option("--db", "db", envvar="NEWSPROBE_DB", default=None, show_envvar=True,
                         help="Store URL: a SQLite file path or sqlite:///…, or postgresql://user@host/db "
                              "[default: newsprobe.db in the user's data directory].")


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@reading_options
@click.option("--batch-size", type=click.IntRange(1), default=FLUSH_EVERY, show_default=True,
              help="Analyses written per transaction: at most this many are analysed again after a kill.")
def ingest_command(inputs: tuple[str, ...], db: str | None, only: tuple[str, ...], skip: tuple[str, ...],
                   max_bytes: int, max_chars: int, timeout: float, batch_size: int) -> None:
    """Analyse INPUTS and keep them in the store: files, folders, JSON/JSONL, URLs, RSS/Atom feeds, - for stdin.

    Articles already stored with the same analyzer versions are skipped, so a run stopped halfway
    resumes where it stopped; older analyses are replaced.
    """
    options = reading_options_value(only, skip, max_bytes, max_chars, timeout)
    expanded = expand_inputs(inputs)
    many = any(item == STDIN or "://" in item or item.endswith((".json", ".jsonl", ".ndjson")) for item in expanded)
    with Store(db) as store:
        click.echo(f"store: {shown(store.url)}", err=True)
        results = progress_over(ingest(expanded, store, options, batch_size), total=None if many else len(expanded),
                                label="ingesting")
        _finish(_summarise(results))


@click.command("reanalyze")
@DB_OPTION
@click.option("--outlet", help="Only articles of this outlet.")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Published on or before (YYYY-MM-DD).")
def reanalyze_command(db: str | None, outlet: str | None, date_from: Any, date_to: Any) -> None:
    """Re-run the analyzers on stored articles analysed by older analyzer versions."""
    filters = Filters(outlet=outlet, date_from=date_from.date() if date_from else None,
                      date_to=date_to.date() if date_to else None)
    with Store(db, create=False) as store:
        total, results = reanalyze(store, filters=filters)
        click.echo(f"{total} stored article(s) need reanalysis", err=True)
        _finish(_summarise(progress_over(results, total=total, label="reanalysing")))


def _summarise(results: Iterator[Result]) -> IngestSummary:
    summary = IngestSummary()
    for result in results:
        summary.count(result)
    return summary


def _finish(summary: IngestSummary) -> None:
    click.echo(summary.line(), err=True)
    for failure in summary.failures:
        click.echo(f"  failed: {failure.describe()}", err=True)
    if summary.failures:
        sys.exit(1)


@click.group("db")
def db_group() -> None:
    """Manage the store's schema."""


@db_group.command("upgrade")
@DB_OPTION
def db_upgrade_command(db: str | None) -> None:
    """Migrate a store made by an older newsprobe to this version's schema (creates an empty store)."""
    with Store(db, migrate=True) as store:
        before = store.revision_before
        if before == head_revision():
            click.echo(f"{shown(store.url)} is up to date (schema revision {before})")
        else:
            click.echo(f"{shown(store.url)} migrated from revision {before or 'none'} to {head_revision()}")

