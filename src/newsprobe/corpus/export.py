"""Exports from the store: JSONL analyses, ACLED-column CSV and GeoJSON events, PTC TSV technique spans.

The event formats reuse the exporters of `newsprobe.events` row by row, so a file written from the store and
one written from analysis files have the same columns.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsprobe.actors import country_name
from newsprobe.events.export import event_row, feature_collection, write_csv_rows
from newsprobe.render import open_writer
from newsprobe.store import Filters, Store

FORMATS = ("jsonl", "acled-csv", "geojson", "ptc-tsv")
PAGE = 1000


def country_filter(value: str | None, store: Store) -> str | None:
    """The ISO alpha-2 code for a code ("SY") or a country name ("Syria") as the exports write it."""
    if not value:
        return None
    if len(value) == 2 and value.isalpha():
        return value.upper()
    wanted = value.casefold()
    # Only the store's countries can match: names are looked up for those, not for every country.
    return next((code for code in store.country_codes() if country_name(code).casefold() == wanted), value)


def event_rows_page(store: Store, filters: Filters, limit: int, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """ACLED-column rows of one page of the store's events (see `Store.events`)."""
    page = store.events(filters, limit=limit, cursor=cursor)
    analyses = {a.id: a for a in store.get_many(dict.fromkeys(item.article_id for item in page.items))}
    rows = [event_row(analyses[item.article_id], item.rank, analyses[item.article_id].events[item.rank])
            for item in page.items if item.article_id in analyses]
    return rows, page.next_cursor


def all_event_rows(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    """Rows of every matching event, read a page at a time."""
    cursor: str | None = None
    while True:
        rows, cursor = event_rows_page(store, filters, PAGE, cursor)
        yield from rows
        if cursor is None:
            return


def export_store(store: Store, filters: Filters, output_format: str, path: Path) -> int:
    """Write the matching analyses, events or technique spans to `path`; returns how many records."""
    if output_format == "jsonl":
        count = 0
        with open_writer("jsonl", path) as writer:
            for analysis in store.analyses(filters):
                writer.write(analysis)
                count += 1
        return count
    if output_format == "acled-csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            return write_csv_rows(all_event_rows(store, filters), handle)
    if output_format == "geojson":
        collection = feature_collection(all_event_rows(store, filters))
        path.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return len(collection["features"])
    return _write_ptc(store, filters, path)


def _write_ptc(store: Store, filters: Filters, path: Path) -> int:
    """PTC rows `id<TAB>technique<TAB>start<TAB>end`, offsets into the stored (normalised) text."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for analysis in store.analyses(filters):
            for span in analysis.techniques:
                handle.write(f"{analysis.id}\t{span.technique}\t{span.start}\t{span.end}\n")
                count += 1
    return count
