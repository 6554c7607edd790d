"""Every reader on inputs the tests build: text, HTML, JSON, JSONL, folders, stdin, URLs, bad bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprobe.errors import InputError
from newsprobe.ingest import articles_from_json, decode_bytes, read_articles, with_language
from newsprobe.ingest.html import article_from_html
from newsprobe.ingest.plaintext import parse_header
from newsprobe.model import Article
from newsprobe.settings import Options

RUSSIAN = "Правительственные войска продолжают наступление на востоке провинции. Боевики отступили к границе."
ENGLISH = "Government forces continued their advance in the east of the province. The militants withdrew."


def _only_articles(items: list[Article | InputError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


@pytest.mark.parametrize(
    ("text", "title", "outlet"),
    [
        ("Army advances\n\nBody text.", "Army advances", None),
        ("Army advances\n\nArmy advances | The Wire\n\nBody text.", "Army advances", "The Wire"),
        ("Army advances\n\nArmy advances — Вести\n\nBody text.", "Army advances", "Вести"),
        ("One long paragraph without a title line.", None, None),
        ("Army advances\nno empty line after it\nbody", None, None),
    ],
)
def test_parse_header_reads_title_and_outlet(text: str, title: str | None, outlet: str | None) -> None:
    header = parse_header(text)
    assert (header.title, header.outlet) == (title, outlet)


def test_read_text_file_detects_language_and_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Advance in the east\n\n{ENGLISH}\n", encoding="utf-8")
    [article] = _only_articles(list(read_articles([str(path)])))
    assert article.title == "Advance in the east"
    assert article.language == "en"
    assert article.source == str(path)
    assert article.text.endswith("withdrew.")


def test_reading_can_leave_the_language_for_later(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Advance in the east\n\n{ENGLISH}\n", encoding="utf-8")
    [article] = _only_articles(list(read_articles([str(path)], Options(detect_language=False))))
    assert (article.language, article.language_score) == (None, None)
    detected = with_language(article, Options())
    assert detected.language == "en" and detected.language_score and detected.id == article.id
    assert with_language(detected, Options(languages=("ru",))) is detected  # a known language is kept


def test_decode_reads_cp1251_that_is_not_utf8() -> None:
    data = (RUSSIAN * 3).encode("cp1251")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data, "x", 10_000) == RUSSIAN * 3


def test_cp1251_file_is_read_as_russian(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(f"Сводка\n\n{RUSSIAN * 2}".encode("cp1251"))
    [article] = _only_articles(list(read_articles([str(path)])))
    assert article.language == "ru"
    assert article.title == "Сводка"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E001"),
        (b"   \n\t ", "E001"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "E002"),
        (bytes(range(256)) * 4, "E002"),
    ],
)
def test_decode_rejects_empty_and_binary(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "bad", 10_000)
    assert caught.value.code == code
    assert "bad:" in caught.value.describe()


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    [error] = list(read_articles([str(path)]))
    assert isinstance(error, InputError) and error.code == "E003"
    assert "62,914,560 bytes" in error.message


def test_utf16_with_bom_is_decoded() -> None:
    assert decode_bytes("Bonjour le monde".encode("utf-16"), "x", 1000) == "Bonjour le monde"


def test_html_page_yields_main_text_and_metadata() -> None:
    html = """<!doctype html><html><head><title>Convoy hit near the river</title>
    <meta property="og:site_name" content="Test Monitor"><meta name="author" content="A. Writer">
    <meta property="article:published_time" content="2024-05-01"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Convoy hit near the river</h1>
    <p>A convoy carrying medicine was hit by artillery fire on Wednesday near the river crossing, officials said.</p>
    <p>Two drivers were wounded and a lorry was destroyed, according to the regional administration.</p>
    </article><footer>All rights reserved</footer></body></html>"""
    article = article_from_html(html, "page.html", Options())
    assert article.title == "Convoy hit near the river"
    assert article.outlet == "Test Monitor"
    assert article.published == "2024-05-01"
    assert "lorry was destroyed" in article.text
    assert "All rights reserved" not in article.text and "Sport" not in article.text
    assert article.text.startswith("Convoy hit near the river\n")


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(InputError) as caught:
        article_from_html("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", "e.html", Options())
    assert caught.value.code == "E009"


def test_jsonl_keeps_ids_and_reports_a_malformed_line() -> None:
    lines = [
        json.dumps({"id": "a1", "text": ENGLISH, "title": "T", "outlet": "Wire", "published": "2024-01-02"}),
        '{"id": "a2", "text": "broken',
        json.dumps({"id": "a3", "text": ""}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": ENGLISH, "url": "https://example.org/x"}),
    ]
    items = list(articles_from_json("\n".join(lines), "batch.jsonl", Options()))
    assert [type(item).__name__ for item in items] == ["Article", "InputError", "InputError", "InputError", "Article"]
    first, last = items[0], items[4]
    assert isinstance(first, Article) and first.id == "a1" and first.outlet == "Wire" and first.published == "2024-01-02"
    assert isinstance(last, Article) and last.id == last.checksum and last.url == "https://example.org/x"
    codes = [item.code for item in items if isinstance(item, InputError)]
    assert codes == ["E005", "E006", "E013"]
    assert "line 2" in items[1].describe()


def test_json_document_and_array() -> None:
    one = list(articles_from_json(json.dumps({"text": ENGLISH}, indent=2), "one.json", Options()))
    many = list(articles_from_json(json.dumps([{"text": ENGLISH}, {"text": RUSSIAN}]), "many.json", Options()))
    assert len(one) == 1 and isinstance(one[0], Article)
    assert [a.language for a in _only_articles(many)] == ["en", "ru"]


def test_folder_is_read_recursively_and_missing_paths_are_errors(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "sub" / "ignored.png").write_bytes(b"\x89PNG....")
    items = list(read_articles([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [a.language for a in _only_articles(items)] == ["en", "ru"]
    assert isinstance(items[-1], InputError) and items[-1].code == "E008"


def test_overlong_article_text_is_refused_and_its_batch_goes_on(tmp_path: Path) -> None:
    long_text = tmp_path / "long.txt"
    long_text.write_text("Report\n\n" + "The convoy moved on. " * 60, encoding="utf-8")
    records = tmp_path / "batch.jsonl"
    records.write_text(json.dumps({"id": "long", "text": "Word " * 300}) + "\n"
                       + json.dumps({"id": "short", "text": "Fighting resumed near the border."}) + "\n",
                       encoding="utf-8")
    results = list(read_articles([str(long_text), str(records)], Options(max_chars=1000)))
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.code for e in errors] == ["E017", "E017"]
    assert "over the limit of 1,000" in errors[0].message
    assert [r.id for r in results if not isinstance(r, InputError)] == ["short"]
