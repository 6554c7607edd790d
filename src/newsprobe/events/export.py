"""Events as ACLED-column CSV rows or GeoJSON features, with our extras in extra columns."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from newsprobe.actors import country_name
from newsprobe.model import Analysis, Event, EventActor, Place

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
EXTRA_COLUMNS = (
    "article_id", "event_rank", "event_score", "fatalities_low", "fatalities_best", "fatalities_high",
    "fatalities_evidence", "fatalities_evidence_start", "fatalities_evidence_end", "evidence_offsets",
    "date_note", "date_evidence", "location_mention", "geonameid", "sourcing",
)
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
_DISORDER = {"Protests": "Demonstrations", "Riots": "Political violence", "Strategic developments":
             "Strategic developments"}
CIVILIANS_INTER = 7


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the inter codes, lower first, 0 for a missing actor2 ("60")."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _names(actors: list[EventActor]) -> str:
    return "; ".join(actor.name for actor in actors)


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {}
    return {"country": country_name(place.country_code) if place.country_code else None, "admin1": place.admin1,
            "location": place.name or place.text, "latitude": place.lat, "longitude": place.lon,
            "location_mention": place.text, "geonameid": place.geonameid}


def _sourcing(event: Event) -> str:
    """"kind: source phrase (cue)" for each attribution."""
    parts = []
    for attribution in event.sourcing:
        words = [attribution.source.text] if attribution.source else []
        words += [f"({attribution.cue.text})"] if attribution.cue else []
        parts.append(f"{attribution.kind}: {' '.join(words)}".strip())
    return " | ".join(parts)


def _actor_columns(event: Event) -> dict[str, Any]:
    inter1 = event.actor1.inter if event.actor1 else None
    inter2 = event.actor2.inter if event.actor2 else None
    return {"actor1": event.actor1.name if event.actor1 else "", "assoc_actor_1": _names(event.assoc_actor_1),
            "inter1": inter1, "actor2": event.actor2.name if event.actor2 else "",
            "assoc_actor_2": _names(event.assoc_actor_2), "inter2": inter2,
            "interaction": interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS_INTER else ""}


def event_row(analysis: Analysis, rank: int, event: Event) -> dict[str, Any]:
    """One CSV row: ACLED's columns (empty where we code nothing) and our extras."""
    place = analysis.event_place(event)
    fatalities, date = event.fatalities, event.date
    row: dict[str, Any] = {
        "event_id_cnty": f"{analysis.id}-{rank + 1}", "event_date": date.date,
        "year": date.date[:4] if date.date else None, "time_precision": date.time_precision,
        "disorder_type": _DISORDER.get(event.event_type, "Political violence"), "event_type": event.event_type,
        "sub_event_type": event.sub_event_type, **_actor_columns(event), **_place_columns(place),
        "geo_precision": event.geo_precision, "source": analysis.article.outlet,
        "notes": " ".join(span.text for span in event.evidence), "fatalities": fatalities.best or 0,
        "article_id": analysis.id, "event_rank": rank + 1, "event_score": event.score,
        "fatalities_low": fatalities.low, "fatalities_best": fatalities.best, "fatalities_high": fatalities.high,
        "evidence_offsets": ";".join(f"{s.start}-{s.end}" for s in event.evidence),
        "date_note": date.note, "date_evidence": date.evidence.text if date.evidence else None,
        "sourcing": _sourcing(event),
    }
    if fatalities.evidence:
        row |= {"fatalities_evidence": fatalities.evidence.text, "fatalities_evidence_start": fatalities.evidence.start,
                "fatalities_evidence_end": fatalities.evidence.end}
    return {column: ("" if row.get(column) is None else row[column]) for column in COLUMNS}


def event_rows(analyses: Iterable[Analysis]) -> Iterator[dict[str, Any]]:
    """Rows of every event of every analysis, in salience order within an article."""
    for analysis in analyses:
        for rank, event in enumerate(analysis.events):
            yield event_row(analysis, rank, event)


def write_csv_rows(rows: Iterable[dict[str, Any]], handle: IO[str]) -> int:
    """Write the header and `rows` as CSV; returns the number of rows."""
    count = 0
    writer = csv.DictWriter(handle, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def feature_collection(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: a Point per located event, a null geometry for the others."""
    features = []
    for row in rows:
        located = row["latitude"] != "" and row["longitude"] != ""
        geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]} if located else None
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return {"type": "FeatureCollection", "features": features}


def write_acled_csv(analyses: Iterable[Analysis], path: Path) -> int:
    """Write the CSV; returns the number of events written."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        return write_csv_rows(event_rows(analyses), handle)


def write_geojson(analyses: Iterable[Analysis], path: Path) -> int:
    """Write a FeatureCollection of every event; returns the number of events written."""
    collection = feature_collection(event_rows(analyses))
    path.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(collection["features"])


EXPORTERS = {"acled-csv": write_acled_csv, "geojson": write_geojson}
