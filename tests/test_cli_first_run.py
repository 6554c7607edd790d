"""What a new user meets first (issue 12): option errors, unwritable outputs, progress and one code path."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe.cli import progress
from newsprobe.cli.main import cli
from newsprobe.model import Analysis

ARTICLE = (
    "Militants shelled the town\n\nMilitants shelled the town | Example Wire\n\n"
    "The criminal IG* militants shelled the town of Deir ez-Zor on Monday, killing three civilians, residents said. "
    "These bloodthirsty terrorists will be wiped out like vermin, the governor promised.\n\n"
    "* A terrorist organization banned in Russia."
)
RUSSIAN = "Обстрел города\n\n" + "Боевики обстреляли город в понедельник, погибли три мирных жителя. " * 4


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.issue(12)
def test_an_unwritable_output_is_one_coded_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["analyze", _write(tmp_path, "a.txt", ARTICLE), "-o", str(tmp_path / "no" / "x.txt")])
    assert result.exit_code == 2, result.output
    assert "E020" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.issue(12)
def test_only_adds_the_analyzers_whose_layers_it_reads_and_says_so(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ARTICLE)
    only = runner.invoke(cli, ["analyze", path, "--only", "events", "-f", "json"])
    full = runner.invoke(cli, ["analyze", path, "-f", "json"])
    assert only.exit_code == 0, only.output
    assert "also running" in only.stderr and "places" in only.stderr
    analysed = Analysis.from_json(only.stdout)
    assert {"actors", "places", "quantities", "claims", "events"} <= set(analysed.analyzers)
    assert analysed.events == Analysis.from_json(full.stdout).events


@pytest.mark.issue(12)
@pytest.mark.parametrize(("options", "code"), [
    (["--skip", "places"], "E011"),
    (["--skip", "propaganda", "--only", "propaganda"], "E018"),
    (["--only", "signals", "--skip", "signals", "--skip", "places"], "E018"),
])
def test_contradictory_or_unmet_selections_are_refused(
    runner: CliRunner, tmp_path: Path, options: list[str], code: str
) -> None:
    result = runner.invoke(cli, ["analyze", _write(tmp_path, "a.txt", ARTICLE), *options])
    assert result.exit_code == 2 and code in result.stderr, result.output
    assert result.stdout == ""


@pytest.mark.issue(12)
def test_predict_writes_the_spans_analyze_finds(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "article1.txt", ARTICLE)
    out = tmp_path / "t.tsv"
    predicted = runner.invoke(cli, ["propaganda", "predict", path, "-o", str(out)])
    analysed = Analysis.from_json(runner.invoke(cli, ["analyze", path, "-f", "json"]).stdout)
    assert predicted.exit_code == 0, predicted.output
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(t, int(s), int(e)) for _, t, s, e in rows] == [(t.technique, t.start, t.end) for t in analysed.techniques]
    header_end = ARTICLE.index("\n\nThe criminal")
    footnote = ARTICLE.index("* A terrorist")
    assert rows and all(not 26 < int(s) < header_end and int(s) < footnote for _, _, s, _ in rows)
    assert "\n" not in "".join(ARTICLE[int(s) : int(e)] for _, _, s, e in rows)


@pytest.mark.issue(12)
def test_predict_reports_the_articles_it_skips(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "t.tsv"
    result = runner.invoke(cli, ["propaganda", "predict", _write(tmp_path, "ru.txt", RUSSIAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "ru.txt" in result.stderr and "propaganda skipped" in result.stderr
    assert "0 spans written" in result.stderr and "0 articles tagged" in result.stderr


@pytest.mark.issue(12)
def test_a_redirected_stderr_gets_progress_and_a_summary(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "PLAIN_EVERY_S", 0.0)
    good = [_write(tmp_path, f"{n}.txt", ARTICLE.replace("Monday", day)) for n, day in enumerate(["Monday", "Friday"])]
    result = runner.invoke(cli, ["analyze", *good, _write(tmp_path, "empty.txt", ""), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "analysing: 1/3" in result.stderr and "analysing: 3/3" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "2 articles analysed, 1 input failed."


@pytest.mark.issue(12)
def test_one_failed_input_is_said_in_the_singular(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["analyze", _write(tmp_path, "empty.txt", "")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "0 articles analysed, 1 input failed."


@pytest.mark.issue(12)
@pytest.mark.parametrize("command", [
    ["propaganda", "predict", "{article}", "-o", "{missing}"],
    ["export", "events", "{article}", "-o", "{missing}"],
])
def test_every_command_reports_an_unwritable_output_as_one_coded_line(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    paths = {"article": _write(tmp_path, "a.txt", ARTICLE), "missing": str(tmp_path / "no" / "out")}
    result = runner.invoke(cli, [word.format(**paths) for word in command])
    assert result.exit_code == 2, result.output
    assert "E020" in result.stderr and "Traceback" not in result.output


@pytest.mark.issue(12)
def test_a_reader_that_stops_early_gets_no_error(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    paths = [_write(tmp_path, f"{n}.txt", ARTICLE.replace("Monday", f"day {n}")) for n in range(3)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    command = [sys.executable, "-m", "newsprobe", "analyze", *paths, "-f", "jsonl"]
    # `newsprobe analyze ... | head -c 10`: the reader closes the pipe after the first bytes.
    shell = " ".join(f"'{word}'" for word in command) + " 2>err.txt | head -c 10"
    subprocess.run(["bash", "-c", shell], cwd=tmp_path, env=env, check=False, capture_output=True, timeout=300)
    errors = (tmp_path / "err.txt").read_text(encoding="utf-8")
    assert "error" not in errors.lower() and "Traceback" not in errors, errors
