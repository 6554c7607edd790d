"""CLI for the corpus store: `ingest`, `reanalyze`, `db upgrade`, `serve`, `export --db`, `bench store|api`;
each parses options and delegates."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import click

from newsprobe.cli.options import (
    profile_options,
    reading_options,
    reading_options_value,
    with_options,
    with_profile,
)
from newsprobe.cli.progress import progress_over
from newsprobe.corpus import IngestSummary, ingest, reanalyze
from newsprobe.corpus.bench import bench_store
from newsprobe.corpus.export import FORMATS, country_filter, export_store
from newsprobe.corpus.ingest import FLUSH_EVERY, Result
from newsprobe.ingest import STDIN, expand_inputs
from newsprobe.model import Analysis
from newsprobe.settings import Options
from newsprobe.store import BATCH_SIZE, Filters, Store
from newsprobe.store.engine import head_revision, shown
from newsprobe.web import create_app
from newsprobe.web.bench import bench_api
from newsprobe.web.limits import WebLimits

DB_OPTION = click.option("--db", "db", envvar="NEWSPROBE_DB", default=None, show_envvar=True,
                         help="Store URL: a SQLite file path or sqlite:///…, or postgresql://user@host/db "
                              "[default: newsprobe.db in the user's data directory].")


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@reading_options
@profile_options
@click.option("--batch-size", type=click.IntRange(1), default=FLUSH_EVERY, show_default=True,
              help="Analyses written per transaction: at most this many are analysed again after a kill.")
def ingest_command(inputs: tuple[str, ...], db: str | None, only: tuple[str, ...], skip: tuple[str, ...],
                   max_bytes: int, max_chars: int, timeout: float, max_seconds: float, profile: str, propaganda_model: str | None, batch_size: int) -> None:
    """Analyse INPUTS and keep them in the store: files, folders, JSON/JSONL, URLs, RSS/Atom feeds, - for stdin.

    Articles already stored with the same analyzer versions are skipped, so a run stopped halfway
    resumes where it stopped; older analyses are replaced.
    """
    options = with_profile(reading_options_value(only, skip, max_bytes, max_chars, timeout, max_seconds), profile,
                           propaganda_model)
    expanded = expand_inputs(inputs)
    many = any(item == STDIN or "://" in item or item.endswith((".json", ".jsonl", ".ndjson")) for item in expanded)
    with Store(db) as store:
        click.echo(f"store: {shown(store.url)}", err=True)
        results = progress_over(ingest(expanded, store, options, batch_size), total=None if many else len(expanded),
                                label="ingesting")
        _finish(_summarise(results))


# --outlet, --from, --to: the filters `reanalyze` and `export --db` share.
_where_options = with_options(
    click.option("--outlet", help="Only articles of this outlet."),
    click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]),
                 help="Published on or after this date (YYYY-MM-DD)."),
    click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]),
                 help="Published on or before this date (YYYY-MM-DD)."),
)


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


@click.command("reanalyze")
@DB_OPTION
@_where_options
def reanalyze_command(db: str | None, outlet: str | None, date_from: datetime | None,
                      date_to: datetime | None) -> None:
    """Re-run the analyzers on stored articles analysed by older analyzer versions (after an upgrade)."""
    filters = Filters(outlet=outlet, date_from=_day(date_from), date_to=_day(date_to))
    with Store(db, create=False) as store:
        total, results = reanalyze(store, filters=filters)
        click.echo(f"{total} stored article(s) need reanalysis", err=True)
        _finish(_summarise(progress_over(results, total=total, label="reanalysing")))


def _summarise(results: Iterator[Result]) -> IngestSummary:
    """Count the results; on Ctrl-C, say what was stored (it stays stored) and how to resume."""
    summary = IngestSummary()
    try:
        for result in results:
            summary.count(result)
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: {summary.line()} so far; run the same command again to resume", err=True)
        sys.exit(130)
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



# The options of `export` that read the store (`newsprobe export --db URL --format …`).
export_store_options = with_options(
    _where_options,
    DB_OPTION,
    click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="jsonl",
                 show_default=True, help="jsonl: full analyses; acled-csv / geojson: events; ptc-tsv: "
                 "technique spans (offsets into the stored text)."),
    click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write."),
    click.option("--language", help="Only articles in this language (ISO 639-1)."),
    click.option("--technique", help="Only articles with a span of this technique."),
    click.option("--event-type", help="Only articles with (for events: only) events of this type."),
    click.option("--country", help="Only articles with a place or event in this country (name or ISO code)."),
    click.option("--query", "-q", help="Only articles matching this full-text query."),
)


def export_from_store(db: str | None, output_format: str, output: Path | None, outlet: str | None,
                      date_from: datetime | None, date_to: datetime | None, language: str | None,
                      technique: str | None, event_type: str | None, country: str | None,
                      query: str | None) -> None:
    """Write the store's matching records to OUTPUT (what `newsprobe export --db` runs)."""
    if output is None:
        raise click.UsageError("export from the store needs --output (-o) FILE")
    with Store(db, create=False) as store:
        filters = Filters(outlet=outlet, language=language, date_from=_day(date_from), date_to=_day(date_to),
                          technique=technique, event_type=event_type, country=country_filter(country, store),
                          query=query)
        count = export_store(store, filters, output_format, output)
    click.echo(f"{count} {RECORDS[output_format]} written to {output}", err=True)


RECORDS = {"jsonl": "analyses", "acled-csv": "event(s)", "geojson": "event(s)", "ptc-tsv": "technique span(s)"}


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="NEWSPROBE_TOKEN", show_envvar=True,
              help="Bearer token that enables the write endpoints (POST/DELETE /api/articles); off without it.")
@click.option("--tiles", envvar="NEWSPROBE_TILES", show_envvar=True, metavar="URL",
              help="Online map tiles over the offline base map, e.g. https://tile.example.org/{z}/{x}/{y}.png "
                   "(off by default: no page needs the internet).")
@click.option("--max-body", type=click.IntRange(1), default=WebLimits.max_body_bytes, show_default=True,
              metavar="BYTES", help="Largest request body accepted (413 with E050 over it).")
@click.option("--rate-limit", type=click.IntRange(0), default=WebLimits.analyses_per_minute, show_default=True,
              metavar="N", help="Analyses (POST /api/analyze, the analyse form) per client address a minute; "
                                "429 with E051 past it; 0 for no limit.")
@profile_options
def serve_command(db: str | None, host: str, port: int, token: str | None, tiles: str | None, max_body: int,
                  rate_limit: int, profile: str, propaganda_model: str | None) -> None:
    """Serve the store: JSON API under /api (OpenAPI docs at /docs) and the web pages. The analyse form and
    the API analyse with `--profile` unless a request chooses the other profile."""
    import uvicorn

    with Store(db, create=False) as store:
        click.echo(f"serving {shown(store.url)} on http://{host}:{port} (API docs: /docs; writes "
                   f"{'need the bearer token' if token else 'off'})", err=True)
        limits = WebLimits(max_body_bytes=max_body, analyses_per_minute=rate_limit)
        options = with_profile(Options(), profile, propaganda_model)
        uvicorn.run(create_app(store, token=token, options=options, tiles_url=tiles, limits=limits), host=host,
                    port=port, log_level="warning")


@click.command("store")
@click.argument("analyses", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@DB_OPTION
@click.option("--count", type=click.IntRange(1), default=10_000, show_default=True, help="Analyses to write.")
@click.option("--batch-size", type=click.IntRange(1), default=BATCH_SIZE, show_default=True,
              help="Analyses per add_many call.")
def bench_store_command(analyses: Path, db: str | None, count: int, batch_size: int) -> None:
    """Write rate of precomputed analyses: replicas (new ids) of the analyses in a JSONL file (`analyze -f jsonl`)."""
    originals = [Analysis.from_json(line) for line in analyses.read_text(encoding="utf-8").splitlines() if line]
    with Store(db) as store:
        result = bench_store(store, originals, count, batch_size)
        click.echo(f"store                {shown(store.url)} ({store.count()} articles after the run)")
    click.echo(f"analyses written     {result.analyses}")
    click.echo(f"serialise to JSON    {result.reference_s:.2f} s (reference)")
    click.echo(f"write                {result.write_s:.2f} s = {result.per_s:.0f} analyses/s")
    click.echo(f"write / reference    {result.cost_vs_json:.1f}x")


@click.command("api")
@DB_OPTION
@click.option("--repeats", type=click.IntRange(20), default=200, show_default=True, help="Requests per kind.")
def bench_api_command(db: str | None, repeats: int) -> None:
    """API latency p50/p95 per kind of request on a stored corpus (fill one with `bench store`)."""
    with Store(db, create=False) as store:
        click.echo(f"store {shown(store.url)}: {store.count()} articles, {store.event_count()} events")
        for kind, (p50, p95) in bench_api(store, repeats).items():
            click.echo(f"  {kind:<45} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
