"""Where an event happened: a place of the places layer, with ACLED's geo_precision, and the country."""

from __future__ import annotations

import re
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


def _rank(place: Place, country: str | None, towns: set[str | None], qualified: bool = False) -> tuple[int, int, int, int]:
    """Places in the event's country first, then towns (or places located from a town, `towns` being the
    names of the article's towns) before regions, then towns the text qualifies with their division ("in
    Pervomaisk, Luhansk", "in Colombo (Colombo, Western)"), then places with coordinates."""
    return (0 if country is None or place.country_code == country else 1,
            0 if _is_town(place) or _located_from_town(place, towns) else 1, 0 if qualified else 1,
            0 if place.lat is not None else 1)


def _located_from_town(place: Place, towns: set[str | None]) -> bool:
    """A place located through a relation to a town; one merely put at a province's middle is no town."""
    return place.relation is not None and (place.relation.bearing_deg is not None or place.relation.anchor_name in towns)


# How ACLED notes name the place an event is coded to: "[coded to Warsaw]", "(coded as Namtu town)".
_CODED_AT = re.compile(r"\bcoded (?:to|as|at|in) (?:the )?([A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)*(?: (?:town|village|city))?)")
_QUALIFIER = re.compile(r"\s*(?:\(|,\s*)")


def _qualified(text: str, place: Place, starts: set[int]) -> bool:
    """Whether brackets or a comma and another place follow the place's name."""
    after = _QUALIFIER.match(text, place.end)
    return after is not None and (after.group().strip() == "(" or after.end() in starts)


def locate_event(analysis: Analysis, spans: list[tuple[int, int]]) -> Location:
    """A place named in the event's sentences, else the article's most-named town (near it), else any place;
    places in the country that the rest of the evidence supports come first."""
    places = analysis.places
    country = event_country_code(analysis, spans)
    coded = _coded_place(analysis, spans, country) if country else None
    if coded is not None:
        return coded  # the note itself says where the event is coded
    inside = [i for i, p in enumerate(places) if p.lies_within(spans)
              and (p.lat is not None or p.relation is not None)]
    starts = {p.start for p in places}
    text = analysis.article.text
    qualified = {i: _qualified(text, places[i], starts) for i in inside}
    towns = {p.name for p in places if _is_town(p)}
    best = min(inside, key=lambda i: (_rank(places[i], country, towns, qualified[i]), places[i].start)) if inside else None
    if best is not None and _rank(places[best], country, towns)[:2] == (0, 0):
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
    text = analysis.article.text
    found = [(p.start, p.end) for p in analysis.places] + [(o, o + len(n)) for o, n in chain_names(text)]
    for start, end in sorted(set(found)):
        if lies_within(start, end, spans) and (place := _resolved_in_country(text, start, end, country)):
            return place
    return None


def _coded_place(analysis: Analysis, spans: list[tuple[int, int]], country: str) -> Location | None:
    """The place where an ACLED note says the event is coded ("[coded to Warsaw]", "(coded as Namtu
    town)"), when the gazetteer has it in the event's country; "coded as IRG" names an actor and is passed by."""
    text = analysis.article.text
    # Searched inside the event's sentences only: a search of the whole text per event was quadratic.
    for match in (found for low, high in spans for found in _CODED_AT.finditer(text, low, high)):
        start, end = match.span(1)
        if not lies_within(start, end, spans):
            continue
        for index, place in enumerate(analysis.places):
            if place.start == start and place.country_code == country and _is_town(place):
                return Location(index, _precision(place))
        if resolved := _resolved_in_country(text, start, end, country):
            return Location(None, resolved.precision, resolved)
    return None


def _resolved_in_country(text: str, start: int, end: int, country: str) -> Place | None:
    """The name at `[start, end)`, unit word dropped, as the gazetteer's likeliest place of that name in
    `country` (no country itself); precision 1 for a populated place, 2 for a district, 3 for a province."""
    from newsprobe.places import resolve_place

    name = bare_name(text[start:end])
    candidate = resolve_place(name, country) if name else None
    if not candidate or candidate.country_code != country or candidate.feature.startswith("A.PCL"):
        return None
    precision = 1 if candidate.feature.startswith("P.") else 3 if candidate.feature == "A.ADM1" else 2
    return Place.of(text, start, end, name=candidate.name, geonameid=candidate.geonameid, lat=candidate.lat,
                    lon=candidate.lon, country_code=candidate.country_code, admin1=candidate.admin1,
                    feature=candidate.feature, precision=precision)
