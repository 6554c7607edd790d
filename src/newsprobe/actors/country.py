"""The country an event happened in, weighed from all the place evidence of the text, not from one place.

A place name resolved by the places layer votes for its country; every name also votes, split evenly,
for each country the gazetteer has a place of that name in, so that names which agree ("Ludhiana",
"Punjab" → India) outvote one resolution that nothing else supports ("Punjab" → Pakistan). ACLED-style
administrative chains in brackets ("(Rutshuru, Nord-Kivu)") and after "in" ("in Tijuana, Baja
California") vote the same way even when the places layer did not recognise them.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from newsprobe.actors.table import load_table
from newsprobe.model import Analysis, Place
from newsprobe.quantities.tokens import tokenize

_POPULATION_FLOOR = 10_000
_ABBREVIATION = re.compile(r"(?:[A-Z]\.?){1,4}")  # "NC", "D.C.", "SUD": read as places, often are not
_ABBREVIATION_WEIGHT = 0.25
_RESOLVED_WEIGHT = 0.5  # the places layer read the name in its context
_COUNTRY_WEIGHT = 0.25  # a country named is often what a protest is about, not where it happens
_OUTSIDE_WEIGHT = 0.25  # evidence outside the event's own sentences
_DEMONYM_WEIGHT = 0.25  # "Dutch farmers", "the Iraqi Dinar": a hint, outweighed by any place
_BRACKETS = re.compile(r"\(([^()]{2,120})\)")
# Possessive `*+`: a word cannot be re-split at its capitals, which made "in ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# backtrack exponentially.
_IN_CHAIN = re.compile(r"\bin ((?:[A-Z][\w'’.-]*+\s?)+(?:[a-z]+\s?)?(?:,\s*(?:[A-Z][\w'’.-]*+\s?)+)+)")
# One article's evidence per thread (batch workers analyse in threads).
_CACHE = threading.local()
_CHUNK_SEPARATOR = re.compile(r"\s*(?:,|;|\s-\s)\s*")
# Unit words ACLED notes append to names ("Siraha district", "Shankharapur municipality-3").
_UNIT_WORDS = re.compile(
    r"\s+(?:district|province|region|state|county|municipality|rural municipality|township|governorate|"
    r"department|city|town|village|regency|prefecture|division|sub-?district|area|countryside|oblast|raion|"
    r"rayon|commune|groupment|sector|tehsil|block|ward|locality|territory|zone|LGA)(?:-\d+)?$",
    re.IGNORECASE,
)


def bare_name(name: str) -> str | None:
    """A place name without ACLED's unit word ("Siraha district" → "Siraha"); None when no name is left."""
    bare = _UNIT_WORDS.sub("", name.strip())
    return bare if bare[:1].isupper() and len(bare) >= 3 else None


def candidate_countries(name: str) -> dict[str, int]:
    """Country codes of the gazetteer places spelt `name` (unit words dropped), with their largest town's size."""
    from newsprobe.places import lookup_place

    bare = bare_name(name)
    countries: dict[str, int] = {}
    for candidate in lookup_place(bare) if bare else ():
        if candidate.country_code:
            # Only towns spelt so tell prominence: a province of millions is no likelier to be meant, nor is
            # Cairo when the text says "Karrow" (a transliteration-variant match).
            exact = candidate.feature.startswith("P.") and candidate.spelt_as_named
            population = candidate.population if exact else 0
            countries[candidate.country_code] = max(countries.get(candidate.country_code, 0), population)
    return countries


def _spread(votes: dict[str, float], countries: dict[str, int], weight: float) -> None:
    """One vote split over the countries a name may be in, by their largest place of that name: "Bogota" is
    far likelier the capital of Colombia than a town of 8,000 in New Jersey; villages share alike."""
    total = sum(population + _POPULATION_FLOOR for population in countries.values())
    for code in sorted(countries):  # a fixed order: ties go to the same country in every run
        votes[code] += weight * (countries[code] + _POPULATION_FLOOR) / total


def _place_votes(place: Place, weight: float) -> dict[str, float]:
    votes: dict[str, float] = defaultdict(float)
    if place.feature and place.feature.startswith("A.PCL"):
        weight *= _COUNTRY_WEIGHT
    if _ABBREVIATION.fullmatch(place.text):
        weight *= _ABBREVIATION_WEIGHT
    countries = candidate_countries(place.text)
    if place.country_code and place.name is not None:  # without a gazetteer entry the country is only inferred
        votes[place.country_code] += weight * _RESOLVED_WEIGHT
        countries.setdefault(place.country_code, 0)
    _spread(votes, countries, weight)
    return votes


def _add(votes: dict[str, float], more: dict[str, float], scale: float = 1.0) -> None:
    for code, weight in more.items():
        votes[code] += weight * scale


def chain_names(text: str, start: int = 0) -> tuple[tuple[int, str], ...]:
    """Names of administrative chains, with their offsets: "(Rutshuru, Nord-Kivu)", "in Tijuana, Baja California".

    Cached: every event of an article asks again."""
    return _chain_names(text, start)


@functools.lru_cache(maxsize=4)
def _chain_names(text: str, start: int) -> tuple[tuple[int, str], ...]:
    found = []
    for pattern in (_BRACKETS, _IN_CHAIN):
        for match in pattern.finditer(text, start):
            offset = match.start(1)
            for chunk in _CHUNK_SEPARATOR.split(match.group(1)):
                offset = text.find(chunk, offset)
                found.append((offset, chunk.strip()))
    return tuple(found)


def _demonym_evidence(text: str, start: int) -> list[_Vote]:
    """Country names and demonyms of the text ("Dutch", "Iraqi"), each a small vote."""
    by_demonym = load_table().by_demonym
    found = []
    for token in tokenize(text, start):
        country = by_demonym.get(token.text.removesuffix("'s").removesuffix("’s"))
        if country:
            found.append(_Vote(token.start, token.end, {country.iso2: _DEMONYM_WEIGHT}))
    return found


@dataclass(frozen=True)
class _Vote:
    """One piece of place evidence at `[start, end)` with its votes at full weight."""

    start: int
    end: int
    votes: dict[str, float]


@dataclass(frozen=True)
class _Evidence:
    """Every vote of one article, sorted by offset, and their sum."""

    analysis: Analysis  # kept so the identity check of the cache cannot meet a recycled id
    key: tuple[str, int, tuple[tuple[int, int], ...]]
    votes: list[_Vote]
    starts: list[int]
    total: dict[str, float]

    def inside(self, spans: list[tuple[int, int]]) -> Iterator[_Vote]:
        """The votes that lie inside one of `spans`, each once, found by bisection."""
        seen: set[int] = set()
        for low, high in spans:
            for index in range(bisect.bisect_left(self.starts, low), bisect.bisect_left(self.starts, high)):
                if index not in seen and self.votes[index].end <= high:
                    seen.add(index)
                    yield self.votes[index]


def _evidence(analysis: Analysis, skip: list[tuple[int, int]]) -> _Evidence:
    """The article's votes, built once and reused by each of its events: per-event rescans of the whole
    text made long articles quadratic."""
    key = (analysis.article.text, len(analysis.places), tuple(skip))
    cached: _Evidence | None = getattr(_CACHE, "evidence", None)
    if cached is not None and cached.analysis is analysis and cached.key == key:
        return cached
    votes = sorted(_collect_votes(analysis, skip), key=lambda vote: vote.start)
    total: dict[str, float] = defaultdict(float)
    for vote in votes:
        _add(total, vote.votes)
    _CACHE.evidence = _Evidence(analysis, key, votes, [vote.start for vote in votes], dict(total))
    return _CACHE.evidence


def _collect_votes(analysis: Analysis, skip: list[tuple[int, int]]) -> Iterator[_Vote]:
    """Votes of the places layer, of administrative chains it missed, and of demonyms outside `skip`."""
    for place in analysis.places:
        if not place.lies_within(skip):
            yield _Vote(place.start, place.end, _place_votes(place, 1.0))
    text, body = analysis.article.text, analysis.article.body_start
    mentioned = {(place.start, place.text) for place in analysis.places}  # these voted already
    for offset, name in chain_names(text, body):
        if (offset, name) not in mentioned and not any(s <= offset < e for s, e in skip):
            chain: dict[str, float] = defaultdict(float)
            _spread(chain, candidate_countries(name), 1.0)
            yield _Vote(offset, offset + len(name), dict(chain))
    yield from _demonym_evidence(blank_out(text, skip), body)


def country_votes(
    analysis: Analysis, spans: list[tuple[int, int]] | None = None, skip: list[tuple[int, int]] | None = None
) -> dict[str, float]:
    """Weighted votes per ISO country code from the places layer and the text's administrative chains.

    Args:
        analysis: the analysis, with its places layer when it ran.
        spans: the event's sentences (evidence elsewhere counts a quarter); None weighs the whole text alike.
        skip: spans to ignore, such as legal notices.

    Returns:
        Votes per country code; empty when nothing names a place.
    """
    evidence = _evidence(analysis, skip or [])
    if spans is None:
        return defaultdict(float, evidence.total)
    # Every vote counts `_OUTSIDE_WEIGHT`, and those inside the event's sentences the rest of a full vote.
    votes: dict[str, float] = defaultdict(float)
    _add(votes, evidence.total, _OUTSIDE_WEIGHT)
    for vote in evidence.inside(spans):
        _add(votes, vote.votes, 1.0 - _OUTSIDE_WEIGHT)
    return votes


def blank_out(text: str, skip: list[tuple[int, int]]) -> str:
    """The text with the skipped spans replaced by spaces, so offsets stay valid (one copy of the text)."""
    pieces, last = [], 0
    for start, end in sorted(skip):
        start = max(start, last)
        if end > start:
            pieces += [text[last:start], " " * (end - start)]
            last = end
    return "".join(pieces) + text[last:]
