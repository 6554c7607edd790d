"""`newsprobe bench ...`: speed measurements (benchmarks, not tests)."""

from __future__ import annotations

from pathlib import Path

import click

from newsprobe.cli.analyze import note_added_analyzers
from newsprobe.cli.options import profile_options, with_profile
from newsprobe.ingest import expand_inputs
from newsprobe.pipeline.bench import REFERENCES, bench_pipeline
from newsprobe.pipeline.families import FAMILIES
from newsprobe.pipeline.scaling import SIZES, bench_scaling, scaling_table
from newsprobe.settings import Options


@click.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--only", multiple=True, help="Measure only these analyzers.")
@click.option("--skip", multiple=True, help="Leave these analyzers out.")
@click.option("--reference", type=click.Choice(REFERENCES), default="reading", show_default=True,
              help="What the time is compared with: reading the inputs alone, or spaCy's small English "
                   "pipeline (en_core_web_sm, nlp.pipe) on the same texts, alternating in chunks.")
@profile_options
def bench_analyze_command(inputs: tuple[str, ...], only: tuple[str, ...], skip: tuple[str, ...],
                          reference: str, profile: str, propaganda_model: str | None) -> None:
    """Articles per second of `analyze` over INPUTS, and its cost relative to a reference in the same run."""
    options = with_profile(Options(only=only, skip=skip), profile, propaganda_model)
    note_added_analyzers(options)
    result = bench_pipeline(expand_inputs(inputs), options, reference)
    per_article = 1000 / max(1, result.articles)
    click.echo(f"articles            {result.articles} ({result.words:,} words)")
    click.echo(f"analyzer load       {result.load_s:.2f} s")
    spent, analyse = result.reference_time, result.analyse_time
    click.echo(f"reference           {spent.wall:.2f} s, CPU {spent.cpu:.2f} s ({result.reference})")
    click.echo(f"analyse             {analyse.wall:.2f} s, CPU {analyse.cpu:.2f} s = "
               f"{result.articles_per_s:.2f} articles/s, {result.words_per_s:,.0f} words/s")
    click.echo(f"analyse / reference {result.ratio:.2f}x wall, {result.cpu_ratio:.2f}x CPU")
    click.echo(f"peak RSS            {result.peak_rss_mb:.0f} MB")
    for name, seconds in result.analyzer_s.items():
        click.echo(f"  {name:<17} {seconds:7.2f} s  {seconds * per_article:6.1f} ms/article")


@click.command("scaling")
@click.option("--family", "families", multiple=True, type=click.Choice([*FAMILIES, "ptc"]),
              help="Text families to measure (repeatable; default: all, plus ptc with --ptc).")
@click.option("--sizes", default=",".join(map(str, SIZES)), show_default=True, help="Article sizes in characters.")
@click.option("--ptc", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A PTC folder (articles/*.txt): its articles joined give the real-news family `ptc`.")
@click.option("--only", multiple=True, help="Measure only these analyzers.")
@click.option("--skip", multiple=True, help="Leave these analyzers out.")
def bench_scaling_command(
    families: tuple[str, ...], sizes: str, ptc: Path | None, only: tuple[str, ...], skip: tuple[str, ...]
) -> None:
    """Time per 1,000 characters of `analyze` as articles grow, per text family (flat = linear time)."""
    chosen = families or (*FAMILIES, *(("ptc",) if ptc else ()))
    options = Options(only=only, skip=skip, max_seconds=None)
    rows = bench_scaling(chosen, [int(size) for size in sizes.split(",")], options, ptc)
    click.echo(scaling_table(rows))
