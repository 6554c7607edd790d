"""`newsprobe export events`: ACLED columns and GeoJSON from a stored analysis file, through the real CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from newsprobe.cli.main import cli
from newsprobe.events.assemble import assemble_events
from newsprobe.events.classifier import load_classifier
from newsprobe.events.export import ACLED_COLUMNS, EXTRA_COLUMNS
from test_events_assembly import build_analysis


def _analysis_file(tmp_path: Path) -> Path:
    analysis = build_analysis()
    analysis.events = assemble_events(analysis, load_classifier())
    path = tmp_path / "analyses.jsonl"
    path.write_text(analysis.to_json() + "\n", encoding="utf-8")
    return path


def test_export_acled_csv_columns(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(cli, ["export", "events", str(_analysis_file(tmp_path)), "--format", "acled-csv",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS + EXTRA_COLUMNS
    clash = rows[0]
    assert (clash["event_type"], clash["sub_event_type"], clash["fatalities"]) == ("Battles", "Armed clash", "12")
    assert (clash["actor1"], clash["inter1"], clash["interaction"]) == ("Military Forces of Testland (2001-)", "1", "12")
    assert (clash["location"], clash["latitude"], clash["geo_precision"]) == ("Karrow", "10.5", "1")
    assert (clash["event_date"], clash["time_precision"]) == ("2024-05-07", "1")
    assert clash["fatalities_low"] == "12" and clash["fatalities_high"] == ""
    assert clash["fatalities_evidence"] == "at least 12 fighters"
    start, end = map(int, clash["evidence_offsets"].split("-"))
    assert build_analysis().article.text[start:end] == clash["notes"]
    assert clash["sourcing"].startswith("named: local officials")


def test_export_geojson_points(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "events.geojson"
    result = runner.invoke(cli, ["export", "events", str(_analysis_file(tmp_path)), "-f", "geojson", "-o", str(out)])
    assert result.exit_code == 0, result.output
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    first = collection["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [20.25, 10.5]}
    assert first["properties"]["sub_event_type"] == "Armed clash"


def test_export_analyses_articles_first(tmp_path: Path, runner: CliRunner) -> None:
    article = tmp_path / "report.txt"
    article.write_text("Market attack\n\nGunmen shot dead four traders at a market in the north on Monday.\n",
                       encoding="utf-8")
    out = tmp_path / "events.csv"
    result = runner.invoke(cli, ["export", "events", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows[0]["event_type"] == "Violence against civilians"
