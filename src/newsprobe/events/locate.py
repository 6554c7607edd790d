"""Where an event happened: a place of the places layer, with ACLED's geo_precision, and the country."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from newsprobe.actors import event_country_code
from newsprobe.actors.country import bare_name, chain_names
from newsprobe.model import Analysis, Place, lies_within

_TOWN_FEATURES = ("P.", "S.", "L.", "H.", "T.", "V.")  # populated places and local features
_REGION_PRECISION = 3


class Location(NamedTuple):
    place_index: int | None
    geo_precision: int | None
    place: Place | None = None  # resolved here when no place of the places layer fits


def _is_town(place: Place) -> bool:
    return bool(place.feature and place.feature.startswith(_TOWN_FEATURES))


def _precision(place: Place) -> int:
    """The places layer's own precision, else 1 for a town, 2 for a place located near another, 3 for a region."""
    if place.precision:
        return place.precision
    if place.relation is not None:
        return 2
    return 1 if _is_town(place) else _REGION_PRECISION


def _rank(place: Place, country: str | None) -> tuple[int, int, int]:
    """Places in the event's country first, then towns before regions, then places with coordinates."""
    return (0 if country is None or place.country_code == country else 1,
            0 if _is_town(place) or place.relation else 1, 0 if place.lat is not None else 1)


def locate_event(analysis: Analysis, spans: list[tuple[int, int]]) -> Location:
    """A place named in the event's sentences, else the article's most-named town (near it), else any place;
    places in the country that the rest of the evidence supports come first."""
    places = analysis.places
    country = event_country_code(analysis, spans)
    inside = [i for i, p in enumerate(places) if p.lies_within(spans)
              and (p.lat is not None or p.relation is not None)]
    best = min(inside, key=lambda i: (_rank(places[i], country), places[i].start)) if inside else None
    if best is not None and _rank(places[best], country)[:2] == (0, 0):
        return Location(best, _precision(places[best]))  # a town in the event's country
    named = _named_in_country(analysis, spans, country) if country else None
    if named is not None:
        return Location(None, named.precision, named)
    if best is not None:
        return Location(best, _precision(places[best]))
    pool = [p for p in places if p.country_code == country] or places
    for wanted, precision in ((_is_town, 2), (lambda p: True, _REGION_PRECISION)):
        counts = Counter(p.geonameid for p in pool if p.geonameid is not None and wanted(p))
        if counts:
            top = counts.most_common(1)[0][0]
            return Location(next(i for i, p in enumerate(places) if p.geonameid == top), precision)
    return Location(None, None)


def _named_in_country(analysis: Analysis, spans: list[tuple[int, int]], country: str) -> Place | None:
    """The first name of the event's sentences that the gazetteer has in the event's country.

    Names are the places layer's mentions and the units of ACLED-style chains ("in Kotla village
    (Ludhiana district, Punjab)"), in text order, so the most specific unit found comes first: a village
    the gazetteer lacks falls back to its district, then its province.
    """
    from newsprobe.places import resolve_place

    text = analysis.article.text
    found = [(p.start, p.end) for p in analysis.places] + [(o, o + len(n)) for o, n in chain_names(text)]
    for start, end in sorted(set(found)):
        if not lies_within(start, end, spans):
            continue
        name = bare_name(text[start:end])
        candidate = resolve_place(name, country) if name else None
        if candidate and candidate.country_code == country and not candidate.feature.startswith("A.PCL"):
            precision = 1 if candidate.feature.startswith("P.") else 3 if candidate.feature == "A.ADM1" else 2
            return Place.of(text, start, end, name=candidate.name, geonameid=candidate.geonameid,
                            lat=candidate.lat, lon=candidate.lon, country_code=candidate.country_code,
                            admin1=candidate.admin1, feature=candidate.feature, precision=precision)
    return None
