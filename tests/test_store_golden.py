"""The issue's 'done when': the seed article and the examples ingested, then read back over HTTP and exported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsprobe import Store
from newsprobe.cli.main import cli
from newsprobe.corpus import IngestSummary, ingest
from newsprobe.web import create_app
from store_fixtures import seed_like

pytestmark = pytest.mark.issue(13)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_seed_article_ingested_then_served(seed_article_path: Path, store_url: str) -> None:
    with Store(store_url) as store:
        summary = IngestSummary()
        for result in ingest([str(seed_article_path), str(EXAMPLES)], store):
            summary.count(result)
        assert summary.failures == [] and summary.new >= 2
        client = TestClient(create_app(store))
        hits = client.get("/api/search", params={"q": "Muayzilah"}).json()
        seed_id = hits["hits"][0]["id"]
        assert "<mark>Muayzilah</mark>" in hits["hits"][0]["snippet"]
        analysis = client.get(f"/api/articles/{seed_id}").json()
        assert analysis["article"]["outlet"] == "Русская весна" and analysis["techniques"]
        techniques = {facet["value"] for facet in hits["facets"]["technique"]}
        assert {"Loaded_Language", "Name_Calling,Labeling"} <= techniques
        events = client.get("/api/events", params={"country": "Syria", "limit": 1000}).json()["items"]
        assert any(e["article_id"] == seed_id and e["event_type"] == "Battles" for e in events)
        rows = list(csv.DictReader(client.get("/api/events", params={"country": "Syria", "format": "csv"}).text
                                   .splitlines()))
        assert any(row["article_id"] == seed_id and row["country"] == "Syria" for row in rows)
        geo = client.get("/api/events", params={"country": "Syria", "format": "geojson"}).json()
        assert any(f["properties"]["article_id"] == seed_id and f["geometry"] for f in geo["features"])


@pytest.mark.parametrize(("output_format", "expected"), [
    ("jsonl", 1), ("acled-csv", 1), ("geojson", 1), ("ptc-tsv", 1)])
def test_export_from_the_store(runner: CliRunner, tmp_path: Path, output_format: str, expected: int) -> None:
    db = str(tmp_path / "x.db")
    with Store(db) as store:
        store.add_many([seed_like("a"), seed_like("b", outlet="Other Wire", language="ru")])
    output = tmp_path / "out"
    result = runner.invoke(cli, ["export", "--db", db, "--format", output_format, "-o", str(output),
                                 "--country", "Syria", "--language", "en", "--from", "2024-01-01"])
    assert result.exit_code == 0, result.output
    written = output.read_text(encoding="utf-8")
    if output_format == "geojson":
        assert len(json.loads(written)["features"]) == expected
    elif output_format == "acled-csv":
        assert [row["article_id"] for row in csv.DictReader(written.splitlines())] == ["a"]
    else:
        assert written.count("\n") == expected and written.startswith(("a\t", '{"schema_version"'))


def test_export_from_a_missing_store_is_one_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "[E506]" in result.output
    assert runner.invoke(cli, ["export", "--db", str(tmp_path / "none.db")]).exit_code == 2
