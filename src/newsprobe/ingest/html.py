"""HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document

from newsprobe.errors import Errors, InputError
from newsprobe.ingest.build import build_article
from newsprobe.model import Article
from newsprobe.settings import Options


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def article_from_html(html: str, source: str | None, options: Options, url: str | None = None) -> Article:
    """Title, date, author and site name from the page; the text is `title`, empty line, main text."""
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
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
