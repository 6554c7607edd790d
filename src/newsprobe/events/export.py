"""Events as ACLED-column CSV rows or GeoJSON features, with our extras in extra columns."""

from __future__ import annotations

import csv
import functools
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
# ACLED's disorder type by event type, and by sub-event type where one event type spans two.
_DISORDER = {"Protests": "Demonstrations", "Riots": "Political violence", "Strategic developments":
             "Strategic developments"}
_DISORDER_BY_SUB_TYPE = {"Violent demonstration": "Demonstrations"}
CIVILIANS_INTER = 7
# Event types in which civilians can be the target; in a battle or a protest they never are.
_TARGETING_TYPES = frozenset(("Violence against civilians", "Explosions/Remote violence", "Riots"))
REGIONS_PATH = Path(__file__).parent / "data" / "acled_regions.json"


@functools.cache
def _regions() -> dict[str, dict[str, Any]]:
    """ISO alpha-2 → ACLED's numeric `iso` and `region` (built by tools/build_acled_regions.py)."""
    loaded: dict[str, dict[str, Any]] = json.loads(REGIONS_PATH.read_text(encoding="utf-8"))
    return loaded


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type: violent demonstrations are demonstrations, mob violence is political violence."""
    return _DISORDER_BY_SUB_TYPE.get(sub_event_type) or _DISORDER.get(event_type, "Political violence")


def civilian_targeting(event: Event) -> str:
    """ "Civilian targeting" when civilians are the target (actor2) of an event type that can target them."""
    targets = [actor for actor in (event.actor2, *event.assoc_actor_2) if actor]
    targeted = any(actor.inter == CIVILIANS_INTER for actor in targets)
    return "Civilian targeting" if targeted and event.event_type in _TARGETING_TYPES else ""


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the inter codes, lower first, 0 for a missing actor2 ("60")."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _names(actors: list[EventActor]) -> str:
    return "; ".join(actor.name for actor in actors)


def _place_columns(place: Place | None) -> dict[str, Any]:
    """Country, its ACLED iso and region, the divisions the place names, and its point."""
    if place is None:
        return {}
    code = place.country_code
    region = _regions().get(code or "", {})
    is_district = (place.feature or "").startswith("A.ADM2")
    return {"country": country_name(code) if code else None, "iso": region.get("iso"), "region": region.get("region"),
            "admin1": place.admin1, "admin2": place.name if is_district else None, "location": place.name or place.text,
            "latitude": place.lat, "longitude": place.lon, "location_mention": place.text,
            "geonameid": place.geonameid}


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
            "interaction": interaction(inter1, inter2), "civilian_targeting": civilian_targeting(event)}


def event_row(analysis: Analysis, rank: int, event: Event) -> dict[str, Any]:
    """One CSV row: ACLED's columns (empty where we code nothing) and our extras."""
    place = analysis.event_place(event)
    fatalities, date = event.fatalities, event.date
    row: dict[str, Any] = {
        "event_id_cnty": f"{analysis.id}-{rank + 1}", "event_date": date.date,
        "year": date.date[:4] if date.date else None, "time_precision": date.time_precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type), "event_type": event.event_type,
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
