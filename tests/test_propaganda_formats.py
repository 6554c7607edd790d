"""`propaganda predict` and `propaganda classify`: PTC TSV rows in the offsets of the files as read."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsprobe.cli.main import cli
from newsprobe.propaganda import LABELS
from newsprobe.propaganda.ptc import format_rows, read_span_rows

# Written for the tests; the trailing spaces on the title line shift every later offset by two
# once the article is normalised, which is what the offset map must undo.
ARTICLE = (
    "Traitors sell out the nation again  \n\n"
    "The corrupt elite and their cowardly puppets have once again betrayed every honest worker.\n"
    "These bloodthirsty thugs will stop at nothing to destroy our glorious homeland.\n"
    "Wake up, patriots: either you stand with us or you stand with the enemy!\n"
    "The ministry said the road would reopen on Monday.\n"
)


def write_article(folder: Path, name: str = "article123.txt") -> Path:
    path = folder / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_predict_writes_ptc_rows_in_file_offsets(runner: CliRunner, tmp_path: Path) -> None:
    write_article(tmp_path)
    out = tmp_path / "out.tsv"
    result = runner.invoke(cli, ["propaganda", "predict", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = read_span_rows(out)
    assert rows, "a text this loaded should yield technique spans"
    for row in rows:
        assert row.article_id == "123"
        assert row.technique in LABELS
        assert 0 <= row.start < row.end <= len(ARTICLE)
        surface = ARTICLE[row.start : row.end]
        assert surface == surface.strip() and any(char.isalnum() for char in surface)
    assert all(len(line.split("\t")) == 4 for line in out.read_text().splitlines())


def test_predict_uses_the_article_id_for_other_names(runner: CliRunner, tmp_path: Path) -> None:
    write_article(tmp_path, "speech.txt")
    out = tmp_path / "out.tsv"
    assert runner.invoke(cli, ["propaganda", "predict", str(tmp_path / "speech.txt"), "-o", str(out)]).exit_code == 0
    assert {row.article_id for row in read_span_rows(out)} == {"speech"}


def test_classify_labels_given_spans_in_order(runner: CliRunner, tmp_path: Path) -> None:
    write_article(tmp_path)
    start = ARTICLE.index("bloodthirsty thugs")
    other = ARTICLE.index("either you stand")
    spans = tmp_path / "spans.tsv"
    spans.write_text(
        f"123\t?\t{other}\t{other + 52}\n123\t?\t{start}\t{start + 18}\n123\t?\t{start}\t{start + 18}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.tsv"
    result = runner.invoke(cli, ["propaganda", "classify", str(tmp_path), "--spans", str(spans), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = read_span_rows(out)
    assert [(row.article_id, row.start, row.end) for row in rows] == [
        ("123", other, other + 52), ("123", start, start + 18), ("123", start, start + 18),
    ]
    assert all(row.technique in LABELS for row in rows)
    # A span listed twice has two gold labels in PTC: it gets its two likeliest techniques.
    assert rows[1].technique != rows[2].technique


def test_classify_reports_an_unknown_article(runner: CliRunner, tmp_path: Path) -> None:
    write_article(tmp_path)
    spans = tmp_path / "spans.tsv"
    spans.write_text("999\t?\t0\t5\n", encoding="utf-8")
    result = runner.invoke(cli, ["propaganda", "classify", str(tmp_path), "--spans", str(spans),
                                 "-o", str(tmp_path / "out.tsv")])
    assert result.exit_code != 0
    assert "E104" in str(result.exception) + result.output


def test_span_rows_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_text("5\tDoubt\t0\t4\n\n5\t?\t10\t20\n", encoding="utf-8")
    rows = read_span_rows(path)
    assert format_rows(rows) == "5\tDoubt\t0\t4\n5\t?\t10\t20\n"


def test_eval_command_prints_si_and_tc_on_a_ptc_folder(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "labels").mkdir()
    write_article(tmp_path / "articles")
    start = ARTICLE.index("bloodthirsty thugs")
    (tmp_path / "labels" / "article123.labels").write_text(
        f"123\tName_Calling,Labeling\t{start}\t{start + 18}\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["eval", "propaganda", "--data", str(tmp_path), "--split", "all"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "split all: 1 articles"
    assert lines[1].startswith("SI  precision ") and "(1 gold spans, merged)" in lines[1]
    assert lines[2].startswith("TC  micro-F1 ") and "1 gold labels" in lines[2]
    assert any(line.startswith("Name_Calling,Labeling") for line in lines[4:])


def test_eval_command_rejects_a_folder_without_articles(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["eval", "propaganda", "--data", str(tmp_path)])
    assert result.exit_code != 0
    assert "E101" in str(result.exception) + result.output
