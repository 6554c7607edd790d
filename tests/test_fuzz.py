"""Property-based tests over the readers and `analyze` (issue 18): whatever the bytes, only documented
errors come out, and every span of an analysis matches the text for any Unicode.

The suite runs few examples per property; CI's fuzzing step (`scripts/test.sh`) runs many more by setting
NEWSPROBE_FUZZ_EXAMPLES, bounded to a few minutes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from http_replies import send_reply
from newsprobe import analyze
from newsprobe.errors import Errors, InputError
from newsprobe.ingest import articles_from_json, read_input
from newsprobe.ingest.html import article_from_html
from newsprobe.ingest.sources import articles_from_bytes
from newsprobe.model import Article, iter_spans
from newsprobe.settings import Options

EXAMPLES = int(os.environ.get("NEWSPROBE_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
DOCUMENTED = {error.name for error in Errors}
OPTIONS = Options(max_bytes=200_000, max_chars=20_000, fetch_timeout_s=5.0)
# The analyzers that read any text fast; propaganda's model is exercised by its own tests.
ANALYSE = Options(skip=("propaganda",), max_seconds=None)

pytestmark = [pytest.mark.issue(18), pytest.mark.fuzz]

# Characters that break naive offset arithmetic: combining marks, right-to-left text and marks, emoji with
# zero-width joiners and skin tones, NUL and other controls, CRLF, U+2028/2029, BOM, noncharacters.
TRICKY = st.sampled_from(
    ["e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0631\u0642\u0629", "\u200f", "\u202e", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
     "\U0001f44d\U0001f3fd", "\ud800", "\udfff", "\x00", "\x1b[2J", "\r\n", "\r", "\u2028", "\u2029", "\ufeff", "\ufffe", "\u0085",
     "Raqqa", "IG*", "30 km west of ", "more than 5 million ", "«", "»", "(", ")", "'", "’", ". ", "\n\n",
     "killed", "according to ", "said", "Abu ", "yesterday", "1000000 days ago", "9" * 40]
)
WORDS = st.lists(st.one_of(TRICKY, st.text(max_size=12)), max_size=60).map("".join)
TEXT = st.builds(lambda title, body: f"{title}\n\n{body}", st.text(max_size=40), WORDS)


def _check(items: Iterator[Article | InputError]) -> list[Article]:
    """The articles, after checking that every error carries a documented code."""
    articles = []
    for item in items:
        if isinstance(item, InputError):
            assert item.code in DOCUMENTED, item.describe()
        else:
            assert isinstance(item, Article)
            articles.append(item)
    return articles


def _read(reader: Iterator[Article | InputError]) -> list[Article]:
    try:
        return _check(reader)
    except InputError as error:  # a whole-input error, raised before any article
        assert error.code in DOCUMENTED
        return []


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["", ".txt", ".json", ".jsonl", ".html"]))
def test_any_bytes_give_articles_or_documented_errors(data: bytes, suffix: str) -> None:
    _read(articles_from_bytes(data, "fuzz", OPTIONS, suffix=suffix))


@FUZZ
@given(TEXT, st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1251", "utf-8-sig"]))
def test_any_text_in_any_encoding_is_read_or_refused_with_a_code(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    _read(articles_from_bytes(data, "fuzz.txt", OPTIONS, suffix=".txt"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
RECORDS = st.fixed_dictionaries(
    {"text": st.one_of(TEXT, JSON_VALUES)},
    optional={key: st.one_of(st.text(), JSON_VALUES) for key in ("id", "title", "outlet", "published", "url")},
)


@FUZZ
@given(st.lists(st.one_of(RECORDS, JSON_VALUES), min_size=1, max_size=5), st.booleans())
def test_any_json_records_give_articles_or_documented_errors(records: list[object], lines: bool) -> None:
    # json.dumps escapes lone surrogates as \udxxx, the way hostile feeds deliver them.
    text = "\n".join(json.dumps(record) for record in records) if lines else json.dumps(records)
    _read(articles_from_json(text, "fuzz.jsonl", OPTIONS))


HTML_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<br>", "<script>", "</script>", "<!--", "-->",
     "&#xFFFE;", "&#0;", "&amp;", "&nbsp;", "&#x1F600;", "<title>", "</title>", "<a href='x'>", "</a>", "<", ">"]
)
HTML = st.lists(st.one_of(HTML_PIECES, TRICKY, st.text(max_size=10)), max_size=80).map(
    lambda parts: "<html><body>" + "".join(parts) + "</body></html>"
)


@FUZZ
@given(HTML)
def test_any_html_gives_an_article_or_a_documented_error(page: str) -> None:
    _read(_html_articles(page))


def _html_articles(page: str) -> Iterator[Article]:
    yield article_from_html(page, "fuzz.html", OPTIONS)


def _raw_utf8(text: str) -> bytes:
    """UTF-8 that keeps lone surrogates as the invalid bytes a broken server would send."""
    return text.encode("utf-8", "surrogatepass")


class _Replies:
    """What the fuzzing server answers next: status, content type, body."""

    reply: tuple[int, str, bytes] = (200, "text/plain", b"")


class _FuzzHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        send_reply(self, *_Replies.reply)

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def fuzz_server(serve: Callable[[type[BaseHTTPRequestHandler]], str]) -> str:
    return serve(_FuzzHandler)


@pytest.mark.network
@FUZZ
@given(
    st.sampled_from([200, 204, 301, 404, 500]),
    st.sampled_from(["text/plain", "text/html; charset=utf-8", "application/json", "application/octet-stream", ""]),
    st.one_of(st.binary(max_size=1000), HTML.map(_raw_utf8), TEXT.map(_raw_utf8)),
)
def test_any_http_response_gives_articles_or_documented_errors(
    fuzz_server: str, status: int, kind: str, body: bytes
) -> None:
    _Replies.reply = (status, kind, body)
    _read(read_input(f"{fuzz_server}/page", OPTIONS))


@FUZZ
@given(TEXT, st.sampled_from([None, "0001-01-01", "9999-12-31", "2020-02-29"]))
def test_analyze_keeps_every_span_on_the_text(text: str, published: str | None) -> None:
    try:
        article = Article.create(text, language="en", published=published, title=text.split("\n")[0] or None)
    except ValueError:
        return  # pydantic refuses an empty title: not a reader path
    analysis = analyze(article, ANALYSE)
    for span in iter_spans(analysis):
        assert 0 <= span.start <= span.end <= len(analysis.article.text)
        assert analysis.article.text[span.start : span.end] == span.text
