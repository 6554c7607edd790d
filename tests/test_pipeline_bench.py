"""`newsprobe bench analyze`: the pipeline's cost as a ratio to a reference run on the same texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe.cli.main import cli
from newsprobe.pipeline.bench import bench_pipeline
from newsprobe.settings import Options

pytestmark = pytest.mark.issue(17)

TEXTS = (
    "Shelling near Kharkiv\n\nShelling near Kharkiv killed at least 3 people on Monday, officials said.\n",
    "Convoy attacked\n\nA convoy was attacked near the border crossing, according to residents.\n",
)


def _inputs(tmp_path: Path) -> list[str]:
    paths = []
    for number, text in enumerate(TEXTS):
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_bench_spacy_reference_runs_on_the_same_texts(tmp_path: Path) -> None:
    result = bench_pipeline(_inputs(tmp_path), Options(only=("signals", "quantities")), reference="spacy")
    assert result.articles == 2 and result.words == sum(len(text.split()) for text in TEXTS)
    assert result.reference == "spacy" and result.reference_time.wall > 0 and result.ratio > 0
    assert result.reference_time.cpu > 0 and result.cpu_ratio > 0
    assert set(result.analyzer_s) == {"signals", "quantities"} and result.peak_rss_mb > 0


def test_cli_bench_analyze_reports_the_ratio(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["bench", "analyze", *_inputs(tmp_path), "--only", "signals", "--reference", "spacy"])
    assert result.exit_code == 0, result.output
    assert "(spacy)" in result.output and "analyse / reference" in result.output and "words/s" in result.output


@pytest.mark.issue(19)
def test_cli_bench_analyze_measures_the_profile_asked_for(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["bench", "analyze", *_inputs(tmp_path), "--only", "propaganda", "--profile", "huge"])
    assert result.exit_code == 2 and "huge" in result.output
    result = runner.invoke(cli, ["bench", "analyze", *_inputs(tmp_path), "--only", "propaganda", "--profile",
                                 "accurate", "--propaganda-model", str(tmp_path / "0.txt")])
    # A text file is no model: the profile option reached the pipeline, which refuses it with its code.
    assert result.exit_code == 2 and "[E114]" in result.output and "Traceback" not in result.output
