"""Labelled news snippets (JSONL): the news dev and test sets, and the written news training set.

A line is `{"id", "text", "sub_event_type", "register"}`, the label one of ACLED's 25 sub-types or "no event".
Reading them needs no pipeline, so training (below `pipeline` in the layering) reads them too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.events.taxonomy import NO_EVENT, SUB_EVENT_TYPES

LABELS = (*SUB_EVENT_TYPES, NO_EVENT)
# News sentences written for newsprobe as training data (never the dev or test snippets; tests check overlap).
NEWS_TRAIN_PATH = Path(__file__).resolve().parent / "data" / "news-train.jsonl"


@dataclass(frozen=True)
class Snippet:
    """One labelled news snippet."""

    id: str
    text: str
    label: str
    register: str


def _snippet(line: str, number: int, path: Path) -> Snippet:
    """One JSONL line as a snippet; E403 when it is not an object with `text` and a known `sub_event_type`."""
    try:
        record = json.loads(line)
        snippet = Snippet(str(record.get("id", number)), record["text"], record["sub_event_type"],
                          record.get("register", ""))
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
        raise NewsprobeError(Errors.E403, path=str(path), line=number, detail=str(error)) from error
    if snippet.label not in LABELS:
        raise NewsprobeError(Errors.E403, path=str(path), line=number, detail=f"unknown label {snippet.label!r}")
    return snippet


def read_snippets(path: Path) -> list[Snippet]:
    """The labelled snippets of a JSONL file (`text`, `sub_event_type`, optional `id` and `register`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [_snippet(line, number, path) for number, line in enumerate(lines, 1) if line.strip()]
