"""Inputs of `export events`: analysis JSON/JSONL files read as they are, anything else analysed first."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsprobe.errors import Errors, InputError
from newsprobe.ingest import expand_inputs
from newsprobe.model import Analysis
from newsprobe.pipeline import analyze_many
from newsprobe.settings import Options

_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")


def _records(path: Path) -> list[Any]:
    """JSON objects of a .json file (object or array) or a JSONL file; [] when it is not JSON."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        pass
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError:
        return []


def _is_analysis(record: Any) -> bool:
    return isinstance(record, dict) and "article" in record and "schema_version" in record


def analyses_from(inputs: Iterable[str], options: Options | None = None) -> Iterator[Analysis | InputError]:
    """Analyses stored by `newsprobe analyze --format json/jsonl`, or made now from articles.

    Args:
        inputs: files, folders, URLs or `-`, as `newsprobe analyze` takes them.
        options: analyzer selection for inputs that must be analysed.

    Returns:
        An iterator of analyses, with an `InputError` for each input that failed.
    """
    for item in expand_inputs(inputs):
        path = Path(item)
        records = _records(path) if path.suffix in _JSON_SUFFIXES and path.is_file() else []
        if records and all(_is_analysis(record) for record in records):
            yield from _validated(records, item)
        else:
            yield from analyze_many([item], options)


def _validated(records: list[Any], source: str) -> Iterator[Analysis | InputError]:
    for number, record in enumerate(records, 1):
        try:
            yield Analysis.model_validate(record)
        except ValueError as error:
            yield InputError(Errors.E016, f"{source}:{number}", detail=str(error).splitlines()[0])
