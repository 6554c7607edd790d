"""HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

import re

import trafilatura
from trafilatura.settings import Document

from newsprobe.errors import Errors, InputError
from newsprobe.ingest.build import build_article
from newsprobe.model import Article
from newsprobe.settings import MAX_HTML_DEPTH, Options

# `[^<>]*` rather than `[^>]*`: an unclosed `<a` then stops at the next `<`, so the scan stays linear.
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*>")
_REFERENCE = re.compile(r"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")
_VOID_ELEMENTS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def article_from_html(html: str, source: str | None, options: Options, url: str | None = None) -> Article:
    """Title, date, author and site name from the page; the text is `title`, empty line, main text."""
    page = flatten_deep_html(_replace_bad_references(html))
    document = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False)
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        raise InputError(Errors.E009, source)
    body = document.text
    title = document.title
    # The corpus convention puts the title on the first line; the page body often repeats it already.
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return build_article(
        text,
        source,
        options,
        title=title,
        outlet=document.sitename,
        author=document.author,
        published=document.date,
        url=url or document.url,
    )


def _replace_bad_references(html: str) -> str:
    """Character references XML cannot hold (`&#xFFFE;`, `&#0;`, surrogates, beyond U+10FFFF) become U+FFFD:
    lxml refuses the whole page over one of them."""
    return _REFERENCE.sub(lambda match: match.group() if _xml_char(_reference_value(match)) else "\ufffd", html)


def _reference_value(match: re.Match[str]) -> int:
    digits = match.group(1)
    return int(digits[1:], 16) if digits[0] in "xX" else int(digits)


def _xml_char(value: int) -> bool:
    """Whether XML 1.0 allows the code point (what libxml2 checks)."""
    return value in (0x9, 0xA, 0xD) or 0x20 <= value <= 0xD7FF or 0xE000 <= value <= 0xFFFD \
        or 0x10000 <= value <= 0x10FFFF


def flatten_deep_html(html: str) -> str:
    """The page with tags below `MAX_HTML_DEPTH` removed and their text kept: libxml2 drops everything nested
    deeper than 255 elements, so a page nested 50,000 deep would lose its deep text."""
    depth = 0
    pieces: list[str] = []
    last = 0
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID_ELEMENTS:
            continue
        depth = depth - 1 if closing else depth + 1
        if depth >= MAX_HTML_DEPTH or (closing and depth + 1 >= MAX_HTML_DEPTH):
            pieces.append(html[last : match.start()] + " ")
            last = match.end()
    return "".join(pieces) + html[last:] if pieces else html
