"""RSS and Atom feeds (feedparser): each entry's own content when the feed carries it, else its link."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import feedparser
import lxml.html

from newsprobe.errors import Errors, InputError
from newsprobe.ingest.build import build_article
from newsprobe.model import Article
from newsprobe.settings import Options

_FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")
_BLOCKS = ("p", "div", "li", "br", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr")


@dataclass(frozen=True)
class FeedLink:
    """An entry whose article must be fetched from `url`; `metadata` fills what the page lacks."""

    url: str
    metadata: dict[str, str] = field(default_factory=dict)


def looks_like_feed(text: str) -> bool:
    """An XML document whose root is a feed; a text that merely mentions `<rss>` is not one."""
    head = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    return head.startswith(("<?xml", *_FEED_ROOTS)) and any(root in head for root in _FEED_ROOTS)


def feed_entries(text: str, source: str, options: Options) -> Iterator[Article | FeedLink | InputError]:
    """Articles from entries with content, links for the others, an error for an entry with neither."""
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        raise InputError(Errors.E507, source, url=source, detail=str(parsed.get("bozo_exception", "not a feed")))
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        metadata = _entry_metadata(entry, outlet)
        try:
            yield _entry_item(entry, metadata, f"{source}#{number}", options)
        except InputError as error:
            yield error


def _entry_item(entry: dict, metadata: dict[str, str], source: str, options: Options) -> Article | FeedLink:
    body = _content_text(entry)
    if body:
        title = metadata.get("title")
        text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        return build_article(text, source, options, **metadata)
    if entry.get("link"):
        return FeedLink(entry["link"], metadata)
    raise InputError(Errors.E508, source, entry=entry.get("title") or source, url=source)


def _content_text(entry: dict) -> str:
    """The entry's full content (`content:encoded`, Atom `content`) as text; summaries do not count."""
    for content in entry.get("content", []):
        text = _fragment_text(content.get("value", ""))
        if text:
            return text
    return ""


def _fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, a blank line after each block (paragraphs stay paragraphs)."""
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return re.sub(r"\n{3,}", "\n\n", root.text_content()).strip()


def _entry_metadata(entry: dict, outlet: str | None) -> dict[str, str]:
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    values = {"title": entry.get("title"), "outlet": outlet, "url": entry.get("link"),
              "author": entry.get("author"),
              "published": time.strftime("%Y-%m-%dT%H:%M:%SZ", published) if published else None}
    return {key: value for key, value in values.items() if value}


def with_feed_metadata(article: Article, metadata: dict[str, str]) -> Article:
    """The fetched article, with the feed's title, outlet, date and link where the page gave none."""
    missing = {key: value for key, value in metadata.items() if not getattr(article, key)}
    return article.model_copy(update=missing) if missing else article
