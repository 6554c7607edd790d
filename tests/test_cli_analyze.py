"""`newsprobe analyze` end to end through the real CLI entry point."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from newsprobe import __version__
from newsprobe.cli.main import cli
from newsprobe.model import Analysis

ARTICLE = (
    "Convoy attacked near the border\n\nConvoy attacked near the border | Example Wire\n\n"
    "A supply convoy was attacked near the border crossing on Monday, officials said. "
    "The IG* militants fled into the desert, according to residents.\n\n* A terrorist organization banned in Russia."
)


def _write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_analyze_json_follows_the_schema(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["analyze", _write(tmp_path, "a.txt", ARTICLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    analysis = Analysis.from_json(result.stdout)
    assert analysis.article.title == "Convoy attacked near the border"
    assert analysis.article.outlet == "Example Wire"
    assert analysis.article.language == "en"
    assert {"legal_disclaimer", "translation_artefact"} <= {s.kind for s in analysis.signals}
    assert analysis.analyzers["signals"] == "signals.v1"


def test_analyze_jsonl_keeps_input_ids(runner: CliRunner, tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"id": f"doc-{n}", "text": ARTICLE}) for n in range(3))
    result = runner.invoke(cli, ["analyze", _write(tmp_path, "in.jsonl", lines), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["doc-0", "doc-1", "doc-2"]


def test_bad_inputs_are_reported_one_line_each_and_the_rest_analysed(runner: CliRunner, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    russian_cp1251 = ("Заголовок\n\n" + "Войска продолжают наступление на востоке провинции. " * 5).encode("cp1251")
    inputs = [
        _write(tmp_path, "good.txt", ARTICLE),
        _write(tmp_path, "empty.txt", b""),
        _write(tmp_path, "binary.txt", b"\x00\x01\x02binary\x00" * 50),
        str(huge),
        _write(tmp_path, "cp1251.txt", russian_cp1251),
        _write(tmp_path, "mixed.jsonl", json.dumps({"id": "ok", "text": ARTICLE}) + "\n{not json}\n"),
        "http://127.0.0.1:9/unreachable",
    ]
    result = runner.invoke(cli, ["analyze", *inputs, "-f", "jsonl", "--timeout", "2"])
    assert result.exit_code == 1
    analyses = [Analysis.from_json(line) for line in result.stdout.splitlines()]
    assert [a.article.language for a in analyses] == ["en", "ru", "en"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5
    for name, code in [("empty.txt", "E001"), ("binary.txt", "E002"), ("huge.txt", "E003"),
                       ("mixed.jsonl", "E005"), ("unreachable", "E007")]:
        assert any(name in line and code in line for line in errors), (name, errors)
    assert "3 articles analysed, 5 inputs failed." in result.stderr


def test_stdin_input(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyze", "-", "-f", "json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert Analysis.from_json(result.stdout).article.source == "<stdin>"


def test_html_report_is_self_contained_with_a_legend(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["analyze", _write(tmp_path, "a.txt", ARTICLE), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert 'aria-label="legend"' in html and "Provenance signal" in html
    marks = re.findall(r'<mark [^>]*data-layers="([^"]*)"[^>]*>([^<]*)</mark>', html)
    signalled = "".join(text for layers, text in marks if "signals" in layers.split())
    assert "* A terrorist organization banned in Russia." in signalled


def test_text_report_shows_title_and_findings(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["analyze", _write(tmp_path, "a.txt", ARTICLE)])
    assert result.exit_code == 0, result.output
    assert "Convoy attacked near the border" in result.stdout
    assert "legal disclaimer" in result.stdout and "outlet: Example Wire" in result.stdout


def test_only_and_skip_choose_analyzers(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ARTICLE)
    skipped = runner.invoke(cli, ["analyze", path, "-f", "json", "--skip", "propaganda"])
    assert skipped.exit_code == 0 and Analysis.from_json(skipped.stdout).techniques == []
    unknown = runner.invoke(cli, ["analyze", path, "--only", "nonsense"])
    assert unknown.exit_code != 0 and "E010" in unknown.output


def test_several_json_outputs_form_an_array(runner: CliRunner, tmp_path: Path) -> None:
    paths = [_write(tmp_path, f"{n}.txt", ARTICLE.replace("Monday", day)) for n, day in enumerate(["Monday", "Friday"])]
    result = runner.invoke(cli, ["analyze", *paths, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [Analysis.model_validate(item).article.source for item in json.loads(result.stdout)] == paths
