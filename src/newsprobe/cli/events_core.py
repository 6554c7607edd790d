"""CLI for the rule-based event layers: `eval quantities`, `eval actors`, `eval claims`, `train actors`."""

from __future__ import annotations

from pathlib import Path

import click

from newsprobe.actors.build import CANONICAL_PATH, build_actor_table
from newsprobe.actors.evaluate import evaluate_actors
from newsprobe.quantities.evaluate import evaluate_fatalities

_SPLIT = click.option(
    "--split",
    type=click.Choice(["test", "dev", "all"]),
    default="test",
    show_default=True,
    help="Rows to score: the held-out fifth (test), the rest (dev) or all.",
)
_DATA = click.option(
    "--data",
    "data",
    type=click.Path(path_type=Path),
    required=True,
    help="ACLED-format CSV with `notes` and the coded columns.",
)


@click.command("quantities")
@_DATA
@_SPLIT
@click.option("--errors", "show_errors", default=0, show_default=True, help="Print this many mismatches.")
def eval_quantities_command(data: Path, split: str, show_errors: int) -> None:
    """Fatalities read from ACLED notes vs the coded `fatalities` column (exact match)."""
    report = evaluate_fatalities(data, split, keep_errors=show_errors)
    for name, tally in report.subsets.items():
        click.echo(f"{name}: {tally.exact}/{tally.rows} exact = {tally.accuracy:.4f}")
    for gold, predicted, event_id in report.errors:
        click.echo(f"  {event_id}: gold {gold}, read {predicted}")


@click.command("actors")
@_DATA
@_SPLIT
@click.option(
    "--given-country", is_flag=True, help="Use the gold `country` column instead of reading it from notes."
)
@click.option("--misses", "show_misses", default=0, show_default=True, help="Print this many missed actors.")
def eval_actors_command(data: Path, split: str, given_country: bool, show_misses: int) -> None:
    """Recall of ACLED actor1/actor2 among the actors found in each note."""
    report = evaluate_actors(data, split, given_country, keep_misses=show_misses)
    click.echo(
        f"country from {'gold column' if given_country else 'notes'}: "
        f"{report.country.exact}/{report.country.rows} = {report.country.accuracy:.4f}"
    )
    for name, tally in [*report.columns.items(), *sorted(report.by_inter.items())]:
        click.echo(f"{name} recall: {tally.exact}/{tally.rows} = {tally.accuracy:.4f}")
    for gold, found in report.misses:
        click.echo(f"  missed {gold!r}; found: {found}")


@click.command("actors")
@_DATA
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=CANONICAL_PATH,
    show_default="the table shipped in newsprobe.actors",
    help="Where to write the canonical actor table.",
)
@click.option(
    "--all-rows",
    is_flag=True,
    help="Also read the rows `eval events --split heldout` scores (by default they are left out, so that "
    "the held-out actor figures do not see their own names).",
)
def train_actors_command(data: Path, output: Path, all_rows: bool) -> None:
    """Regenerate the canonical actor table (names, inter codes, countries) from an ACLED CSV."""
    from newsprobe.events.training import is_heldout

    count = build_actor_table(data, output, keep=lambda row: all_rows or not is_heldout(row["event_id_cnty"]))
    click.echo(f"wrote {count} canonical actors to {output}")
