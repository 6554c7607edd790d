"""`newsprobe eval events` on a tiny ACLED-format CSV written for the test."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from newsprobe.cli.main import cli

ROWS = [
    {"event_id_cnty": "TST1", "event_date": "2023-04-02", "event_type": "Protests",
     "sub_event_type": "Peaceful protest", "actor1": "", "actor2": "", "fatalities": "0", "latitude": "10.5",
     "longitude": "20.25",
     "notes": "On 2 April 2023, hundreds of nurses marched through the city centre to demand better pay."},
    {"event_id_cnty": "TST2", "event_date": "2023-04-03", "event_type": "Violence against civilians",
     "sub_event_type": "Attack", "actor1": "", "actor2": "", "fatalities": "4", "latitude": "10.5",
     "longitude": "20.25",
     "notes": "On 3 April 2023, gunmen shot dead 4 traders at a market and fled on motorbikes. [size=no report]"},
]


def test_eval_events_reports_every_metric(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "gold.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    result = runner.invoke(cli, ["eval", "events", "--data", str(data), "--split", "all"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["rows"] == 2
    assert report["pipeline"]["event_type_accuracy"] == 1.0
    assert report["date_exact"] == 1.0
    assert report["fatalities_exact"] == 1.0
    assert {"actor1_match", "actor2_match", "location_within_25km", "note_classifier"} <= set(report)


def test_eval_events_rejects_a_csv_without_notes(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("event_id_cnty,fatalities\nX1,0\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", "events", "--data", str(data)])
    assert result.exit_code != 0
    assert "E401" in str(result.exception) + result.output
