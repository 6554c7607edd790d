"""`newsprobe bench ...`: speed measurements (benchmarks, not tests)."""

from __future__ import annotations

import click

from newsprobe.cli.analyze import note_added_analyzers
from newsprobe.ingest import expand_inputs
from newsprobe.pipeline.bench import bench_pipeline
from newsprobe.settings import Options


@click.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--only", multiple=True, help="Measure only these analyzers.")
@click.option("--skip", multiple=True, help="Leave these analyzers out.")
def bench_analyze_command(inputs: tuple[str, ...], only: tuple[str, ...], skip: tuple[str, ...]) -> None:
    """Articles per second of `analyze` over INPUTS, and its cost relative to reading them."""
    options = Options(only=only, skip=skip)
    note_added_analyzers(options)
    result = bench_pipeline(expand_inputs(inputs), options)
    click.echo(f"articles            {result.articles}")
    click.echo(f"analyzer load       {result.load_s:.2f} s")
    click.echo(f"read + language id  {result.read_s:.2f} s (reference)")
    click.echo(f"analyse             {result.analyse_s:.2f} s = {result.articles_per_s:.1f} articles/s")
    click.echo(f"analyse / reference {result.cost_vs_reading:.2f}x")
    click.echo(f"peak RSS            {result.peak_rss_mb:.0f} MB")
    for name, seconds in result.analyzer_s.items():
        click.echo(f"  {name:<17} {seconds:7.2f} s  {1000 * seconds / max(1, result.articles):6.1f} ms/article")
