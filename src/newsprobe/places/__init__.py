"""Places: offline geoparsing of English news to GeoNames places and coordinates.

The small API other analyzers use: `resolve_place` (a name, optionally in a country, to a gazetteer place),
`lookup_place` (every gazetteer place of a name), `geoparse` (every place mention of a text) and
`normalize_name` (the spelling-insensitive key).
"""

from __future__ import annotations

import functools

from newsprobe.places.analyzer import PlacesAnalyzer
from newsprobe.places.gazetteer import Candidate, Gazetteer, load_gazetteer
from newsprobe.places.geoparse import Geoparser, Located
from newsprobe.places.normalize import loose_key, normalize_name
from newsprobe.places.recognize import SPACY_MODEL

__all__ = [
    "SPACY_MODEL", "Candidate", "Gazetteer", "Geoparser", "Located", "PlacesAnalyzer", "geoparse", "load_gazetteer",
    "lookup_place", "loose_key", "normalize_name", "resolve_place",
]


@functools.cache
def _geoparser() -> Geoparser:
    return Geoparser()


def resolve_place(name: str, country_hint: str | None = None) -> Candidate | None:
    """The likeliest gazetteer place called `name`.

    Args:
        name: a place name in any common spelling ("Abu Kemal", "Deir ez-Zor province", "Абу-Камаль").
        country_hint: ISO 3166 alpha-2 code of the country the place should be in, when known.

    Returns:
        The chosen `Candidate` (geonameid, name, lat, lon, country_code, admin1, feature), or None.
    """
    return _geoparser().resolve_place(name, country_hint)


def lookup_place(name: str) -> tuple[Candidate, ...]:
    """Every gazetteer place called `name` (exact spellings first, else transliteration variants)."""
    return load_gazetteer().lookup(name)


def geoparse(text: str) -> list[Located]:
    """Every place mention of an English text, resolved and located."""
    return _geoparser().parse(text)
