"""Reading articles from what analysts have: text, HTML, JSON/JSONL, URLs, stdin and folders."""

from newsprobe.ingest.build import article_from_text, build_article, with_language
from newsprobe.ingest.decode import decode_bytes
from newsprobe.ingest.fetch import fetch_url
from newsprobe.ingest.html import article_from_html
from newsprobe.ingest.language import detect_language
from newsprobe.ingest.records import articles_from_json
from newsprobe.ingest.sources import STDIN, expand_inputs, read_articles, read_input

__all__ = [
    "STDIN",
    "article_from_html",
    "article_from_text",
    "articles_from_json",
    "build_article",
    "decode_bytes",
    "detect_language",
    "expand_inputs",
    "fetch_url",
    "read_articles",
    "read_input",
    "with_language",
]
