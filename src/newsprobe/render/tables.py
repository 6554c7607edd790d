"""Rows of each layer as plain strings, shared by the text and HTML reports."""

from __future__ import annotations

from newsprobe.model import Analysis

Table = tuple[str, list[str], list[list[str]]]


def layer_tables(analysis: Analysis) -> list[Table]:
    """(title, columns, rows) for every non-empty layer."""
    tables = [
        _signal_table(analysis), _technique_table(analysis), _place_table(analysis),
        _quantity_table(analysis), _event_table(analysis), _claim_table(analysis), _entity_table(analysis),
    ]
    return [table for table in tables if table[2]]


def _where(start: int, end: int) -> str:
    return f"{start}-{end}"


def _signal_table(analysis: Analysis) -> Table:
    rows = [[s.kind, s.text[:80], s.explanation, _where(s.start, s.end)] for s in analysis.signals]
    return ("Provenance signals", ["kind", "text", "explanation", "offsets"], rows)


def _technique_table(analysis: Analysis) -> Table:
    rows = [[t.technique, t.text[:80], f"{t.score:.2f}", _where(t.start, t.end)] for t in analysis.techniques]
    return ("Propaganda techniques", ["technique", "text", "score", "offsets"], rows)


def _place_table(analysis: Analysis) -> Table:
    rows = []
    for p in analysis.places:
        coordinates = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else ""
        relation = ""
        if p.relation:
            relation = f"{p.relation.distance_km_low}-{p.relation.distance_km_high} km, bearing {p.relation.bearing_deg} from {p.relation.anchor_name}"
        rows.append([p.text, p.name or "", str(p.geonameid or ""), coordinates, p.country_code or "",
                     str(p.precision or ""), relation])
    return ("Places", ["mention", "resolved", "geonameid", "lat, lon", "country", "precision", "relative to"], rows)


def _quantity_table(analysis: Analysis) -> Table:
    rows = [[q.text, q.role or "", q.unit or "", f"{q.low}/{q.best}/{q.high}", q.hedge or ""]
            for q in analysis.quantities]
    return ("Quantities", ["text", "role", "unit", "low/best/high", "hedge"], rows)


def _event_table(analysis: Analysis) -> Table:
    rows = []
    for e in analysis.events:
        place = analysis.event_place(e)
        actors = " vs ".join(a.name for a in (e.actor1, e.actor2) if a)
        rows.append([f"{e.event_type} / {e.sub_event_type}", actors, place.text if place else "", str(e.fatalities.best or ""),
                     e.date.date or "", f"{e.score:.2f}"])
    return ("Events", ["type", "actors", "place", "fatalities", "date", "score"], rows)


def _claim_table(analysis: Analysis) -> Table:
    rows = [[c.text[:90], c.attribution.kind, c.attribution.source.text if c.attribution.source else "",
             "yes" if c.hedged else ""] for c in analysis.claims]
    return ("Claims and sourcing", ["claim", "source kind", "source", "hedged"], rows)


def _entity_table(analysis: Analysis) -> Table:
    rows = [[e.text, e.label, e.canonical or ""] for e in analysis.entities]
    return ("Actors and entities", ["mention", "label", "canonical"], rows)
