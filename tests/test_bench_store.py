"""`newsprobe bench store` and `bench api` run end to end on a small store (figures are in BENCHMARKS.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe import Store
from newsprobe.cli.main import cli
from store_fixtures import seed_like

pytestmark = pytest.mark.issue(13)


def test_bench_store_then_api(runner: CliRunner, tmp_path: Path) -> None:
    analyses = tmp_path / "analyses.jsonl"
    analyses.write_text(seed_like("a").to_json() + "\n" + seed_like("b").to_json() + "\n", encoding="utf-8")
    db = str(tmp_path / "bench.db")
    written = runner.invoke(cli, ["bench", "store", str(analyses), "--db", db, "--count", "60", "--batch-size", "25"])
    assert written.exit_code == 0, written.output
    assert "analyses written     60" in written.output and "analyses/s" in written.output
    with Store(db) as store:
        assert store.count() == 60 and store.search("Muayzilah").total == 60
    latency = runner.invoke(cli, ["bench", "api", "--db", db, "--repeats", "20"])
    assert latency.exit_code == 0, latency.output
    assert "search with facets" in latency.output and latency.output.count(" p95 ") == 5
