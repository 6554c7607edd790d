"""Rows of each layer as plain strings for people, shared by the text and HTML reports."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from newsprobe.model import Analysis, Entity, Event, Place
from newsprobe.render.wording import clip, relation_phrase, technique_name, value_range

Table = tuple[str, list[str], list[list[str]]]
T = TypeVar("T")


def layer_tables(analysis: Analysis) -> list[Table]:
    """(title, columns, rows) for every non-empty layer."""
    tables = [
        _signal_table(analysis), _technique_table(analysis), _place_table(analysis),
        _quantity_table(analysis), _event_table(analysis), _claim_table(analysis), _entity_table(analysis),
    ]
    return [table for table in tables if table[2]]


def _grouped(items: Iterable[T], key: Callable[[T], object]) -> list[list[T]]:
    """Items grouped by `key`, groups in order of first appearance."""
    groups: dict[object, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.values())


def _mentions(texts: list[str]) -> str:
    """Distinct surfaces of one thing, with the number of mentions: `Abu Kamal, Abu-Kemal (×7)`."""
    distinct = ", ".join(dict.fromkeys(texts))
    return f"{distinct} (×{len(texts)})" if len(texts) > 1 else distinct


def _signal_table(analysis: Analysis) -> Table:
    rows = [[s.kind.replace("_", " "), clip(s.text), s.explanation, f"{s.start}–{s.end}"] for s in analysis.signals]
    return ("Provenance signals", ["kind", "text", "explanation", "offsets"], rows)


def _technique_table(analysis: Analysis) -> Table:
    rows = [[technique_name(t.technique), clip(t.text), f"{t.score:.2f}", f"{t.start}–{t.end}"]
            for t in analysis.techniques]
    return ("Propaganda techniques", ["technique", "text", "score", "offsets"], rows)


def _place_key(place: Place) -> object:
    """One place: its GeoNames id, else its surface and point (two villages located at one anchor stay apart)."""
    point = (round(place.lat, 3), round(place.lon, 3)) if place.lat is not None and place.lon is not None else None
    return place.geonameid or (place.text.lower(), point)


def _place_table(analysis: Analysis) -> Table:
    rows = []
    for group in _grouped(analysis.places, _place_key):
        p = group[0]
        coordinates = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else ""
        resolved = f"{p.name} ({p.geonameid})" if p.name and p.geonameid else p.name or ""
        rows.append([_mentions([place.text for place in group]), resolved, coordinates, p.country_code or "",
                     str(p.precision or ""), relation_phrase(p.relation) if p.relation else ""])
    return ("Places", ["mentions", "resolved (GeoNames id)", "lat, lon", "country", "precision", "relative to"], rows)


def _quantity_table(analysis: Analysis) -> Table:
    rows = [[q.text, q.role or "", q.unit or "", value_range(q.low, q.best, q.high), q.hedge or ""]
            for q in analysis.quantities]
    return ("Quantities", ["text", "role", "unit", "count", "hedge"], rows)


def _event_table(analysis: Analysis) -> Table:
    rows = [[f"{e.event_type} / {e.sub_event_type}", _event_actors(e), _event_place(analysis, e),
             _fatalities(e), e.date.date or "", f"{e.score:.2f}"] for e in analysis.events]
    return ("Events", ["type", "actors", "place", "fatalities", "date", "score"], rows)


def _event_actors(event: Event) -> str:
    return " vs ".join(actor.name for actor in (event.actor1, event.actor2) if actor)


def _event_place(analysis: Analysis, event: Event) -> str:
    place = analysis.event_place(event)
    return (place.name or place.text) if place else ""


def _fatalities(event: Event) -> str:
    found = event.fatalities
    return "" if found.best is None and found.low is None else value_range(found.low, found.best, found.high)


def _claim_table(analysis: Analysis) -> Table:
    rows = [[clip(c.text), c.attribution.kind, c.attribution.source.text if c.attribution.source else "",
             "yes" if c.hedged else ""] for c in analysis.claims]
    return ("Claims and sourcing", ["claim", "source kind", "source", "hedged"], rows)


def _entity_key(entity: Entity) -> object:
    return (entity.label, entity.canonical or entity.text.lower())


def _entity_table(analysis: Analysis) -> Table:
    rows = [[_mentions([e.text for e in group]), group[0].label, group[0].canonical or ""]
            for group in _grouped(analysis.entities, _entity_key)]
    return ("Actors and entities", ["mentions", "label", "canonical"], rows)
