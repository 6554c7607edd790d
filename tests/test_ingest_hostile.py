"""Hostile inputs to the readers and writers (issue 18): each fails alone with its code, or is read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe.cli.analyze import _write
from newsprobe.cli.main import cli
from newsprobe.errors import InputError
from newsprobe.ingest import articles_from_json, decode_bytes, read_articles
from newsprobe.ingest.html import article_from_html, flatten_deep_html
from newsprobe.model import Analysis, Article
from newsprobe.settings import MAX_HTML_DEPTH, Options

BODY = "Government forces shelled positions of the militants near Raqqa on Monday, a military source said."
RECORD = {"id": "ok", "text": f"Shelling near Raqqa\n\n{BODY}"}
PAGE_BODY = f"<p>{BODY} {BODY}</p><p>{BODY}</p>"

pytestmark = pytest.mark.issue(18)


def _codes(items: list[Article | InputError]) -> list[str]:
    return [item.code if isinstance(item, InputError) else "article" for item in items]


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (_nested(100_000), ["E033"]),
        (json.dumps(RECORD) + "\n" + _nested(100_000) + "\n" + json.dumps(RECORD), ["article", "E033", "article"]),
        (json.dumps({**RECORD, "title": "TITLE"}).replace('"TITLE"', _nested(100_000)), ["E033"]),
        (json.dumps({**RECORD, "title": "TITLE"}).replace('"TITLE"', _nested(900)) + "\n" + json.dumps(RECORD),
         ["article", "article"]),
    ],
    ids=["whole-file", "one-line", "in-a-field", "within-the-parser-depth"],
)
def test_json_nested_deep_fails_alone_with_its_code(text: str, codes: list[str]) -> None:
    assert _codes(list(articles_from_json(text, "deep.jsonl", Options()))) == codes


@pytest.mark.parametrize("field", ["text", "id", "title", "outlet"])
def test_lone_surrogate_from_json_becomes_a_replacement_character(field: str) -> None:
    record = {**RECORD, "outlet": "Wire", "title": "Shelling"}
    record[field] = record[field] + "\ud800"
    line = json.dumps(record)  # escapes the surrogate as \ud800, as a hostile feed would
    [article] = list(articles_from_json(line, "s.jsonl", Options()))
    assert isinstance(article, Article)
    assert getattr(article, field).endswith("\ufffd")
    Analysis.of(article).to_json().encode("utf-8")  # the writer can encode it


@pytest.mark.parametrize(
    "data",
    [
        "Заголовок\n\nТекст".encode("utf-16") + b"\x00",  # odd length
        b"\xff\xfe" + "Title\n\nBody ".encode("utf-16-le") + b"\x00\xd8" + "more".encode("utf-16-le"),
    ],
    ids=["odd-length", "lone-surrogate"],
)
def test_broken_utf16_is_e004(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "u16.txt", 10_000)
    assert caught.value.code == "E004"


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "utf-16"])
def test_files_with_a_byte_order_mark_are_read_in_their_encoding(encoding: str) -> None:
    text = f"Shelling near Raqqa\n\n{BODY}"
    data = ("\ufeff" + text).encode(encoding) if encoding.endswith("-be") else text.encode(encoding)
    assert decode_bytes(data, "bom.txt", 10_000) == text


def test_jsonl_beginning_with_a_utf8_bom_keeps_its_first_record(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (json.dumps(RECORD) + "\n" + json.dumps({**RECORD, "id": "two"})).encode())
    assert [item.id for item in read_articles([str(path)]) if isinstance(item, Article)] == ["ok", "two"]


@pytest.mark.parametrize("reference", ["&#xFFFE;", "&#65535;", "&#0;", "&#xD800;", "&#x110000;"])
def test_a_character_reference_xml_forbids_does_not_lose_the_page(reference: str) -> None:
    page = f"<html><head><title>Shelling</title></head><body><article>{PAGE_BODY}<p>a {reference} b</p>" \
           f"{PAGE_BODY}</article></body></html>"
    article = article_from_html(page, "p.html", Options())
    assert "a \ufffd b" in article.text


def test_html_nested_50000_deep_keeps_its_deep_text() -> None:
    deep = "<div>" * 50_000 + PAGE_BODY.replace("Raqqa", "Homs") + "</div>" * 50_000
    page = f"<html><head><title>Shelling</title></head><body><article>{PAGE_BODY}{deep}</article></body></html>"
    article = article_from_html(page, "deep.html", Options())
    assert "Homs" in article.text and "Raqqa" in article.text


def test_flattening_keeps_shallow_pages_unchanged() -> None:
    page = "<html><body>" + "<div>" * (MAX_HTML_DEPTH - 5) + "x<br>" + "</div>" * (MAX_HTML_DEPTH - 5) + "</body></html>"
    assert flatten_deep_html(page) == page


@pytest.mark.skipif(os.name != "posix", reason="needs a file system that takes any bytes as a name")
def test_file_name_that_is_not_utf8_is_analysed_and_written(runner: CliRunner, tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-\xff.txt")
    (tmp_path / name).write_text(f"Shelling near Raqqa\n\n{BODY}", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(tmp_path / name), "-f", "jsonl", "--only", "signals"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["source"].endswith("caf\ufffd-\ufffd.txt")


def test_one_bad_input_among_many_does_not_stop_the_others(runner: CliRunner, tmp_path: Path) -> None:
    lines = [json.dumps(RECORD), _nested(100_000), json.dumps(RECORD).replace("Raqqa", "Raqqa \\ud800")]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path), "-f", "jsonl", "--only", "signals"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert "[E033]" in result.stderr and "Traceback" not in result.output


class _BrokenWriter:
    def write(self, analysis: Analysis) -> None:
        raise ValueError("cannot render")

    def close(self) -> None:
        """Nothing to flush."""


def test_a_writer_failure_is_an_error_for_that_article() -> None:
    article = Article.create(f"Shelling\n\n{BODY}", source="a.txt")
    error = _write(_BrokenWriter(), Analysis.of(article))
    assert error is not None and error.code == "E032" and error.source == "a.txt"


def test_an_error_about_a_name_that_is_not_utf8_can_be_printed(tmp_path: Path) -> None:
    missing = str(tmp_path / os.fsdecode(b"gone-\xff.txt"))
    [error] = list(read_articles([missing]))
    assert isinstance(error, InputError) and error.code == "E008"
    assert "gone-\ufffd.txt" in error.describe().encode("utf-8").decode("utf-8")
