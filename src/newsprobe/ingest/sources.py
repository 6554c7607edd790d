"""Where articles come from: files, folders, URLs, stdin; each yields articles or errors, never both lost."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprobe.errors import Errors, InputError
from newsprobe.ingest.build import build_article
from newsprobe.ingest.decode import check_size, decode_bytes
from newsprobe.ingest.feeds import FeedLink, feed_entries, looks_like_feed, with_feed_metadata
from newsprobe.ingest.fetch import fetch_url, is_url
from newsprobe.ingest.html import article_from_html, looks_like_html
from newsprobe.ingest.records import articles_from_json, looks_like_json
from newsprobe.model import Article
from newsprobe.settings import ARTICLE_SUFFIXES, Options

STDIN = "-"


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Inputs with every folder replaced by its article files (recursively, sorted)."""
    expanded: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != STDIN and not is_url(item) and path.is_dir():
            files = sorted(str(file) for file in path.rglob("*") if _is_article_file(file))
            expanded.extend(files or [item])
        else:
            expanded.append(item)
    return expanded


def read_articles(inputs: Iterable[str], options: Options | None = None) -> Iterator[Article | InputError]:
    """Every article in `inputs`; an input that cannot be read yields an `InputError` in its place."""
    options = options or Options()
    for item in expand_inputs(inputs):
        try:
            yield from read_input(item, options)
        except InputError as error:
            yield error


def read_input(item: str, options: Options) -> Iterator[Article | InputError]:
    """Articles of one input: a path, a URL or `-` for stdin."""
    if is_url(item):
        page = fetch_url(item, options.fetch_timeout_s, options.max_bytes)
        yield from articles_from_bytes(page.data, item, options, url=page.url, content_type=page.content_type)
        return
    if item == STDIN:
        yield from articles_from_bytes(sys.stdin.buffer.read(options.max_bytes + 1), "<stdin>", options)
        return
    path = Path(item)
    if path.is_dir():
        raise InputError(Errors.E014, item, path=item)
    if not path.is_file():
        raise InputError(Errors.E008, item, path=item)
    check_size(path.stat().st_size, options.max_bytes, item)
    yield from articles_from_bytes(path.read_bytes(), item, options, suffix=path.suffix.lower())


def articles_from_bytes(
    data: bytes, source: str, options: Options, *, url: str | None = None, content_type: str = "", suffix: str = ""
) -> Iterator[Article | InputError]:
    """Decode, recognise the format (JSON/JSONL, HTML or plain text) and read the article(s)."""
    text = decode_bytes(data, source, options.max_bytes)
    if suffix in (".json", ".jsonl", ".ndjson") or "json" in content_type or (not suffix and looks_like_json(text)):
        yield from articles_from_json(text, source, options)
    elif looks_like_feed(text):
        yield from articles_from_feed(text, source, options)
    elif suffix in (".html", ".htm") or "html" in content_type or looks_like_html(text):
        yield article_from_html(text, source, options, url=url)
    else:
        yield build_article(text, source, options, url=url)


def articles_from_feed(text: str, source: str, options: Options) -> Iterator[Article | InputError]:
    """Every entry of an RSS/Atom feed; entries without content are fetched from their link."""
    for item in feed_entries(text, source, options):
        if not isinstance(item, FeedLink):
            yield item
            continue
        try:
            for article in read_input(item.url, options):
                yield with_feed_metadata(article, item.metadata) if isinstance(article, Article) else article
        except InputError as error:
            yield error


def _is_article_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")
