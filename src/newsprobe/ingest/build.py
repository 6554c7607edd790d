"""From decoded text and whatever metadata the reader found to an `Article`."""

from __future__ import annotations

from newsprobe.errors import Errors, InputError
from newsprobe.ingest.language import detect_language
from newsprobe.ingest.plaintext import parse_header
from newsprobe.model import Article, normalise_text
from newsprobe.settings import Options


def build_article(
    text: str, source: str | None, options: Options, *, id: str | None = None, **metadata: str | None
) -> Article:
    """Normalise the text, fill title/outlet from its header when not given, detect the language."""
    body = normalise_text(text)
    if not body:
        raise InputError(Errors.E001, source)
    if len(body) > options.max_chars:
        raise InputError(Errors.E017, source, size=len(body), limit=options.max_chars)
    header = parse_header(body)
    given: dict[str, str | None] = {key: value for key, value in metadata.items() if value}
    given.setdefault("title", header.title)
    given.setdefault("outlet", header.outlet)
    if "language" not in given and options.detect_language:
        given["language"], score = detect_language(body, options.languages)
    else:
        score = None
    return Article.create(body, id=id, source=source, language_score=score, **given)


def with_language(article: Article, options: Options) -> Article:
    """`article` with its language detected when it has none (as read with `detect_language=False`)."""
    if article.language is not None:
        return article
    language, score = detect_language(article.text, options.languages)
    return article.model_copy(update={"language": language, "language_score": score})


def article_from_text(text: str, options: Options | None = None, source: str | None = None) -> Article:
    """An article from raw text in the corpus convention (title line, empty line, body)."""
    return build_article(text, source, options or Options())
