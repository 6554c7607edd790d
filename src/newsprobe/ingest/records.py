"""JSON documents and JSON Lines: `{"id"?, "text", "title"?, "url"?, "outlet"?, "published"?}` per record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsprobe.errors import Errors, InputError
from newsprobe.ingest.build import build_article
from newsprobe.model import Article
from newsprobe.settings import Options

_METADATA_KEYS = ("title", "url", "outlet", "published", "author", "language")


def looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def articles_from_json(text: str, source: str, options: Options) -> Iterator[Article | InputError]:
    """One article per record; a bad record becomes an error value and the rest go on."""
    stripped = text.strip()
    if stripped.startswith("[") or _is_single_document(stripped):
        try:
            document = json.loads(stripped)
        except json.JSONDecodeError as error:
            yield InputError(Errors.E005, source, line=error.lineno, detail=error.msg)
            return
        except RecursionError:
            yield InputError(Errors.E033, source, line=1)
            return
        records = document if isinstance(document, list) else [document]
        for index, record in enumerate(records, start=1):
            yield _article_or_error(record, f"{source}:{index}", index, options)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _parse_line(line, source, number, options)


def _is_single_document(text: str) -> bool:
    """A JSON object spread over several lines rather than JSON Lines."""
    first_line = text.split("\n", 1)[0].strip()
    try:
        json.loads(first_line)
    except RecursionError:
        return False  # a line too deep for Python's parser: read line by line, so only that line fails
    except json.JSONDecodeError:
        try:
            json.loads(text)
        except json.JSONDecodeError:
            return False
        except RecursionError:
            return True  # one document too deep for Python's parser (its recursion ends near 1,000 levels)
        return True
    return False


def _parse_line(line: str, source: str, number: int, options: Options) -> Article | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(Errors.E005, source, line=number, detail=error.msg)
    except RecursionError:
        return InputError(Errors.E033, source, line=number)
    return _article_or_error(record, f"{source}:{number}", number, options)


def _article_or_error(record: Any, source: str, number: int, options: Options) -> Article | InputError:
    if not isinstance(record, dict):
        return InputError(Errors.E013, source, line=number)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(Errors.E006, source, line=number)
    try:
        metadata = {key: str(record[key]) for key in _METADATA_KEYS if record.get(key) not in (None, "")}
        record_id = str(record["id"]) if record.get("id") not in (None, "") else None
    except RecursionError:  # a metadata field nested too deep to print
        return InputError(Errors.E033, source, line=number)
    try:
        return build_article(text, source, options, id=record_id, **metadata)
    except InputError as error:
        return error
