"""Choose the gazetteer place each mention refers to, from evidence in the whole article."""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from newsprobe.places.build import (
    ABBREVIATION,
    ALTERNATE,
    COMPASS_WORDS,
    DIVISION_WORDS,
    LANDFORM_WORDS,
    LOOSE,
    MAIN,
    bare_division_name,
)
from newsprobe.places.gazetteer import Candidate, Gazetteer
from newsprobe.places.geo import distance_km
from newsprobe.places.normalize import normalize_name, strip_article

RANKER_FILE = "ranker.json"
# Generic words after a settlement's name ("Savar city", "Nukus town"); a municipality is mostly its town.
SETTLEMENT_WORDS = frozenset(("city", "town", "village", "hamlet", "settlement", "municipality"))
# Last words of the names of streets, squares, buildings and works: "Orchard Street", "Penn State University",
# "Zaporizhzhia Nuclear Power Plant". Such a name is no mention of the place inside it (the state of a state
# university, the town a street is named after); it stands where the text puts it, or nowhere.
FACILITY_WORDS = frozenset((
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "highway", "square",
    "plaza", "bridge", "building", "tower", "towers", "university", "college", "school", "academy", "institute",
    "hospital", "clinic", "airport", "airfield", "airbase", "base", "station", "plant", "stadium", "arena",
    "center", "centre", "hall", "church", "cathedral", "mosque", "temple", "synagogue", "prison", "jail", "mall",
    "hotel", "market", "dam", "museum", "library", "courthouse", "factory", "refinery", "depot", "campus",
))
# Facility words of ways and open spaces: a street is named after a place or a person, not located in it
# ("Washington Street"), unless a division word names its county ("Douglas County Road").
WAY_WORDS = frozenset((
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "highway", "square",
    "plaza", "bridge",
))
# Words that open a place's formal name: "City of Richmond", "Province of Ontario".
_FORMAL_PREFIX = re.compile(r"^(?:city|town|village|province|state|county|district|region|municipality|commonwealth)"
                            r"\s+of\s+(?=\S)", re.IGNORECASE)
MAX_CANDIDATES = 40
# A compass word before a town names a part of it only when the town is large ("South Philadelphia").
PART_OF_TOWN = 100_000
# A district's namesake town lies this close to the district's point (the mean of its towns).
SEAT_KM = 50.0
# The smallest town taken for a division of its name that the gazetteer lacks (seats of provinces and of most
# districts are larger; hamlets that share a county's name are not).
SEAT_MIN_POPULATION = 20_000
# A transliteration-variant match must still look like the name it matched (Kemal ~ Kamal, not Missoula).
LOOSE_SIMILARITY = 75.0
FEATURES = (
    "bias", "log_population", "is_country", "is_admin1", "is_admin2", "is_city", "is_region", "is_capital",
    "main_name", "alternate_name", "loose_name", "abbreviation", "largest", "ambiguity", "division_word",
    "country_share", "country_named", "admin1_named", "proximity", "qualified", "focus_country", "seat_division",
    "admin1_share", "relative_population", "admin2_share", "nearby_names", "namesake_seat", "county_pair", "state_pair",
)
# Keys of the context-only names that stand for the countries whose people an article names ("Syrian forces").
DEMONYM_KEY = "@demonym "
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")
# Another name of the article with a place this close to a candidate supports it (Lebanon, Zionsville,
# Boone County: all three have a place in central Indiana).
NEARBY_KM = 100.0


@dataclass(frozen=True)
class Choice:
    """The candidate chosen for one mention and its score (probability the choice is right)."""

    candidate: Candidate | None
    score: float


def load_weights(path: Path | None = None) -> dict[str, float]:
    """The ranker's learned feature weights (see `newsprobe train places`)."""
    path = path or Path(str(resources.files("newsprobe.places") / "models" / RANKER_FILE))
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


def candidates_for(surface: str, gazetteer: Gazetteer, division: bool = False,
                   within: frozenset[tuple[str, str]] = frozenset()) -> list[Candidate]:
    """Gazetteer places a surface may name, filtered and capped by population; those inside the divisions
    `within` ((country, admin1) pairs, admin1 "" for a whole country) are kept before the cap."""
    if is_facility(surface):
        # Only a town the whole phrase names ("College Station"), else the town or county that opens it.
        towns = [c for c in gazetteer.lookup(surface) if c.spelt_as_named and not c.is_division]
        return (towns or _named_county(surface, gazetteer))[:MAX_CANDIDATES]
    abbreviation = surface.replace(".", "").isupper() and len(surface.replace(".", "")) <= 4
    bare = bare_division_name(surface)
    found: tuple[Candidate, ...] = ()
    if division or bare != surface:
        # A division the gazetteer lacks under that name ("Atyrau region") is found by its namesake seat, a
        # town of some size: "Saint Bernard Parish" is not a hamlet called Saint Bernard in Ohio.
        found = (tuple(c for c in gazetteer.lookup(bare) if c.is_division) or gazetteer.lookup(surface)
                 or tuple(c for c in gazetteer.lookup(bare) if c.population >= SEAT_MIN_POPULATION and c.match != LOOSE))
    found = found or gazetteer.lookup(surface, abbreviation) or gazetteer.lookup(strip_the(surface))
    # "Savar city", "Batumi City", "Puerto Tejada municipality": the place under its own name, when the whole
    # phrase names none ("Mexico City" does, and is found above); a far-fetched loose match is no name.
    settlements = _settlements(surface, gazetteer)
    kept = _plausible(surface, found) or _plausible(surface, settlements) or _inner_place(surface, gazetteer)
    if within and not any(_inside(c, within) for c in kept):
        # "Hays city (Hays, Al Hudaydah)": Hays, Kansas goes by "Hays City", the town meant by "Hays".
        kept += [c for c in settlements if _inside(c, within) and c not in kept]
    # A demonym given as a place ("Kenyan" in a gold span) stands for its country, though a village may share
    # the word (Canadian, Texas): the country joins the candidates.
    kept = kept if division else _without_seat_districts(kept)
    code = gazetteer.demonym_country(strip_the(surface))
    country = gazetteer.country(code) if code else None
    if country and country not in kept:
        kept.append(country)
    return sorted(kept, key=lambda c: (not _inside(c, within), -c.population))[:MAX_CANDIDATES]


def _inner_place(surface: str, gazetteer: Gazetteer) -> list[Candidate]:
    """For a name the gazetteer lacks, the place it says it lies in: the rest after compass words ("North
    Texas", "South Philadelphia": a part of that place) or a formal prefix ("City of Norfolk"), else the
    county that opens it with its division word ("Lamar County Commissioners")."""
    words = surface.split()
    compass = 0
    while compass < len(words) - 1 and _compass_word(words[compass]):
        compass += 1
    rest = " ".join(words[compass:]) if compass else _FORMAL_PREFIX.sub("", surface)
    if rest == surface:
        return _named_county(surface, gazetteer)
    if normalize_name(rest.split()[-1]) in LANDFORM_WORDS or not rest[:1].isupper():
        return []  # "West End", "East Side" name no place called "End"
    # A part of an area or of a large town ("North Texas", "South Philadelphia"); "West Metro" is no Metro.
    return [c for c in gazetteer.lookup(rest) if c.spelt_as_named and (c.is_division or c.population >= PART_OF_TOWN)]


def _compass_word(word: str) -> bool:
    """"North", "North-West", "northeast" (not "Central": "Central Park" lies in no place called Park)."""
    return all(normalize_name(part) in COMPASS_WORDS - {"central"} for part in word.split("-"))


def _named_county(surface: str, gazetteer: Gazetteer) -> list[Candidate]:
    """The counties or districts that open a longer name with their division word: "Titus County Jail",
    "Douglas County Road" lie in that county. (Not "Ohio State University": a state is no county.)"""
    words = surface.split()
    for end in range(len(words) - 1, 1, -1):
        head = words[:end]
        if normalize_name(head[-1]) in DIVISION_WORDS and all(w[:1].isupper() for w in head):
            return [c for c in gazetteer.lookup(" ".join(head)) if c.feature == "A.ADM2"]
    return []


def _opening_names(surface: str) -> list[str]:
    """Keys of the capitalised runs that open a longer name, longest first ("St. Cloud Hospital" → "st
    cloud"); none for a street or road, which is named after a place, not located in it."""
    words = surface.split()
    if len(words) < 2 or normalize_name(words[-1]) in WAY_WORDS:
        return []
    heads = [words[:end] for end in range(len(words) - 1, 0, -1)]
    return [normalize_name(" ".join(head)) for head in heads
            if all(w[:1].isupper() for w in head) and normalize_name(head[-1]) not in FACILITY_WORDS]


def seat_choice(surface: str, choices: dict[str, Choice]) -> Choice | None:
    """For a facility or body the gazetteer cannot place, the town or county it is named after when the
    article names that place too ("Amherst College" beside "Amherst"); never a province or country, which
    a "<State> State University" only bears the name of."""
    for key in _opening_names(surface):
        choice = choices.get(key)
        place = choice.candidate if choice else None
        if place is not None and (place.feature.startswith("P.") or place.feature == "A.ADM2"):
            return choice
    return None


def _without_seat_districts(candidates: list[Candidate]) -> list[Candidate]:
    """Without the districts that have their namesake town among the candidates: a bare "Mosul" is the city;
    the district is "Mosul district" (found with its division word). A town not assigned to a district
    counts when it lies in the district's province within SEAT_KM of the district's point."""
    towns = [c for c in candidates if c.feature.startswith("P.")]
    return [c for c in candidates if c.feature != "A.ADM2" or not any(_seat_of_district(t, c) for t in towns)]


def _seat_of_district(town: Candidate, district: Candidate) -> bool:
    if within(town, district):
        return True
    return (not town.admin2 and (town.country_code, town.admin1) == (district.country_code, district.admin1)
            and distance_km(town.lat, town.lon, district.lat, district.lon) <= SEAT_KM)


def is_facility(surface: str) -> bool:
    """Whether a name of several words ends in a facility word ("Orchard St.", "Kherson power station")."""
    words = surface.split()
    return len(words) > 1 and normalize_name(words[-1]) in FACILITY_WORDS


def _inside(candidate: Candidate, areas: AbstractSet[tuple[str, str]]) -> bool:
    """Whether a candidate lies in one of the (country, admin1) areas; admin1 "" stands for a whole country."""
    return (candidate.country_code, candidate.admin1) in areas or (candidate.country_code, "") in areas


def qualified_areas(keys: frozenset[str], gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    """The countries and first-level divisions that qualifying names can be ("Tucuman" → ("AR", "24"))."""
    return frozenset((c.country_code, "" if c.feature == "A.PCLI" else c.admin1)
                     for key in keys for c in gazetteer.lookup(key) if c.feature in ("A.PCLI", "A.ADM1"))


def _plausible(surface: str, found: tuple[Candidate, ...]) -> list[Candidate]:
    """The candidates, less transliteration-variant matches that no longer look like the surface."""
    return [c for c in found if c.match != LOOSE or _similar(surface, c.name)]


def _settlements(surface: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """Populated places named by a surface without its trailing settlement word ("Savar city" → Savar)."""
    bare = without_settlement_word(surface)
    return tuple(c for c in gazetteer.lookup(bare) if not c.is_division) if bare != surface else ()


def without_settlement_word(surface: str) -> str:
    """The name without a trailing settlement word ("Muayzilah settlement" → "Muayzilah"), else unchanged."""
    words = surface.split()
    return " ".join(words[:-1]) if len(words) > 1 and normalize_name(words[-1]) in SETTLEMENT_WORDS else surface


# "the left bank of the Dnipro", "the shores of the Tigris": the name that follows is a river or a lake.
_WATER_CUE = re.compile(r"\b(?:banks?|shores?|mouth|estuary|delta)\s+of\s+the\s+$", re.IGNORECASE)


def water_before(text: str, start: int) -> bool:
    """Whether the words before a name make it a river or a lake ("the left bank of the Dnipro")."""
    return bool(_WATER_CUE.search(text[max(0, start - 30) : start]))


# What may follow a dateline's name before its dash: its state or country, the agency ("SPRINGFIELD, Ill. --",
# "NEW YORK (Reuters) -").
_DATELINE_REST = re.compile(r"(?:,[^\n,\-–—]{1,25})?\s*(?:\([^)\n]{1,25}\))?\s*(?:--|[-–—])\s")


def dateline_at(text: str, start: int, end: int) -> bool:
    """Whether a name in capitals opens a dateline ("WASHINGTON — Denouncing ..."): wire style names there the
    city the story was filed from, so the name is a town, not a state or country of the same name. A name
    after a comma is the city's state or country ("TBILISI, GEORGIA --"), not the city."""
    return (text[start:end].isupper() and not text[:start].rstrip().endswith(",")
            and bool(_DATELINE_REST.match(text, end)))


# A town's own bodies after its name ("Delta Police Department", "Paris City Council"): the name is the town's.
# Only bodies no country or state has under that name: countries and states have police and councils too
# ("Georgian police", "the NATO-Russia Council", "the Texas Fire Service").
_MUNICIPAL_BODY = re.compile(r"(?:'s|’s)?\s+(?:(?:city|town|village|borough)\s+(?:council|hall|police|manager)"
                             r"|(?:police|fire)\s+(?:department|dept\b))", re.IGNORECASE)


def division_follows(text: str, end: int) -> bool:
    """Whether a division word comes right after a name ("Deir ez-Zor province", "Homs governorate")."""
    following = text[end : end + 20].split()
    return bool(following) and normalize_name(following[0]) in DIVISION_WORDS


def strip_the(surface: str) -> str:
    return surface[4:] if surface.lower().startswith("the ") else surface


def _similar(surface: str, name: str) -> bool:
    left, right = strip_article(normalize_name(surface)), strip_article(normalize_name(name))
    return fuzz.ratio(left, right) >= LOOSE_SIMILARITY


Distribution = dict[Candidate, float]


def prior(candidates: list[Candidate]) -> Distribution:
    """A first guess before context: larger places are likelier (softmax over log population)."""
    if not candidates:
        return {}
    logits = [2.0 * math.log10(c.population + 10) for c in candidates]
    top = max(logits)
    weights = [math.exp(value - top) for value in logits]
    total = sum(weights)
    return {c: w / total for c, w in zip(candidates, weights, strict=True)}


@dataclass(frozen=True)
class Context:
    """What the other names of the article say: country mass, named countries and divisions, points."""

    country_mass: dict[str, float]
    groups: int
    countries: frozenset[str]
    divisions: frozenset[tuple[str, str]]
    points: tuple[tuple[float, float], ...]
    containers: frozenset[tuple[str, str]] = frozenset()  # (country, admin1 or "") of "X, <qualifier>"
    focus: str = ""
    admin1_mass: dict[tuple[str, str], float] = field(default_factory=dict)
    admin2_mass: dict[tuple[str, str, str], float] = field(default_factory=dict)
    nearby: dict[Candidate, float] = field(default_factory=dict)
    paired: frozenset[Candidate] = frozenset()
    in_state: frozenset[Candidate] = frozenset()


def build_context(beliefs: dict[str, Distribution], exclude: str, qualifiers: frozenset[str] = frozenset(),
                  nearby: dict[Candidate, float] | None = None, paired: frozenset[Candidate] = frozenset(),
                  in_state: frozenset[Candidate] = frozenset()) -> Context:
    """The context for one name: every other distinct name's current belief, and `nearby` support."""
    mass: dict[str, float] = defaultdict(float)
    admin1_mass: dict[tuple[str, str], float] = defaultdict(float)
    admin2_mass: dict[tuple[str, str, str], float] = defaultdict(float)
    countries, divisions, points = set(), set(), []
    others = [dist for key, dist in beliefs.items() if key != exclude and dist]
    for dist in others:
        for candidate, p in dist.items():
            mass[candidate.country_code] += p
            if candidate.admin1 and candidate.feature != "A.PCLI":
                admin1_mass[(candidate.country_code, candidate.admin1)] += p
            if candidate.admin2:  # a county and the towns inside it support each other (Huntsville, Walker County)
                admin2_mass[_admin2_key(candidate)] += p
        best, p = max(dist.items(), key=lambda item: item[1])
        if best.feature == "A.PCLI" and p >= 0.5:
            countries.add(best.country_code)
        elif best.feature == "A.ADM1" and p >= 0.5:
            divisions.add((best.country_code, best.admin1))
        if best.feature.startswith(("P.", "A.ADM2")):
            points.append((best.lat, best.lon))
    focus = max(mass, key=mass.__getitem__, default="")
    return Context(dict(mass), len(others), frozenset(countries), frozenset(divisions), tuple(points),
                   _containers(beliefs, qualifiers), focus, dict(admin1_mass), dict(admin2_mass), nearby or {},
                   paired, in_state)


def _is_point(candidate: Candidate) -> bool:
    return candidate.feature.startswith("P.") or candidate.feature == "A.ADM2"


def nearby_support(names: dict[str, Name]) -> dict[str, dict[Candidate, float]]:
    """For each candidate of each name, the share of the other names that have a candidate near it: a
    point within NEARBY_KM of a town or county (or a demonym of its country), any place inside a province or
    country. Country names give no support (see `_gives_support`). Beliefs play no
    part, so a small place that only its neighbours point to is found even when a big namesake leads."""
    cells: dict[tuple[int, int], list[tuple[str, Candidate]]] = defaultdict(list)
    regions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, name in names.items():
        for candidate in name.candidates if _gives_support(name) else ():
            if _is_point(candidate):
                cells[(math.floor(candidate.lat), math.floor(candidate.lon))].append((key, candidate))
                regions[(candidate.country_code, candidate.admin1)].add(key)
                regions[(candidate.country_code, "")].add(key)
    peoples = {name.candidates[0].country_code: key for key, name in names.items() if key.startswith(DEMONYM_KEY)}
    others = max(len(names) - 1, 1)
    support: dict[str, dict[Candidate, float]] = {}
    for key, name in names.items():
        support[key] = {}
        for candidate in name.candidates:
            if _is_point(candidate):
                row, col = math.floor(candidate.lat), math.floor(candidate.lon)
                near = {other for r in (row - 1, row, row + 1) for c in (col - 1, col, col + 1)
                        for other, place in cells.get((r, c), ())
                        if other != key and distance_km(candidate.lat, candidate.lon, place.lat, place.lon) <= NEARBY_KM}
                # The people of its country named in the article ("Syrian forces") are near a town too.
                near |= {peoples[candidate.country_code]} if candidate.country_code in peoples else set()
            elif candidate.feature in ("A.ADM1", "A.PCLI"):
                admin1 = candidate.admin1 if candidate.feature == "A.ADM1" else ""
                near = regions.get((candidate.country_code, admin1), set()) - {key}
            else:
                near = set()
            support[key][candidate] = len(near) / others
    return support


def county_pairs(names: dict[str, Name]) -> dict[str, frozenset[Candidate]]:
    """For each name, its candidates that pair with another name's candidate as a town and the county or
    district it lies in ("Paris" and "Henry County": Paris, Tennessee is the seat of Henry County,
    Tennessee), whatever the current beliefs, so that such a pair is found when bigger namesakes lead."""
    counties: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    towns: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for key, name in names.items():
        for candidate in name.candidates if not key.startswith(DEMONYM_KEY) else ():
            if candidate.feature == "A.ADM2":
                counties[_admin2_key(candidate)].add(key)
            elif candidate.feature.startswith("P.") and candidate.admin2:
                towns[_admin2_key(candidate)].add(key)
    pairs: dict[str, frozenset[Candidate]] = {}
    for key, name in names.items():
        pairs[key] = frozenset(
            c for c in name.candidates
            if (c.feature == "A.ADM2" and towns.get(_admin2_key(c), set()) - {key})
            or (c.feature.startswith("P.") and c.admin2 and counties.get(_admin2_key(c), set()) - {key}))
    return pairs


def state_pairs(names: dict[str, Name]) -> dict[str, frozenset[Candidate]]:
    """For each name, its towns and counties that lie in a first-level division another name can be
    ("Athens" beside "Tennessee"), whatever the current beliefs: a state is no point, so `nearby_support`
    gives a town none from it, and the shares of belief miss a state whose name is also a country's. A
    division the name can be itself lends its towns nothing: "Mexico" beside "Mexico City", which both can
    be the federal district, is no evidence that the bare name is the city rather than the country."""
    states: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, name in names.items():
        for candidate in name.candidates if not key.startswith(DEMONYM_KEY) else ():
            if candidate.feature == "A.ADM1":
                states[(candidate.country_code, candidate.admin1)].add(key)
    return {key: frozenset(c for c in name.candidates if _is_point(c)
                           and states.get((c.country_code, c.admin1), set()) - {key}
                           and key not in states.get((c.country_code, c.admin1), set()))
            for key, name in names.items()}


def _gives_support(name: Name) -> bool:
    """Whether a name's candidates count as neighbours of the others': not a country's name, which news
    means as the country (a village called Russia in Ohio is no evidence that "Palmyra" lies there), and
    not a demonym's country, which is no point."""
    return not name.key.startswith(DEMONYM_KEY) and not any(c.feature == "A.PCLI" and c.match == MAIN
                                                               for c in name.candidates)


def demonym_names(text: str, gazetteer: Gazetteer) -> dict[str, Name]:
    """The countries whose people the article names ("a Syrian military source"), each as a name with the
    country as its only candidate: context for the other names (a Palmyra beside Syrians is Syria's), never
    a mention."""
    codes = {code for word in set(_CAPITALISED_WORD.findall(text)) if (code := gazetteer.demonym_country(word))}
    countries = [country for code in sorted(codes) if (country := gazetteer.country(code))]
    return {DEMONYM_KEY + c.country_code: Name(DEMONYM_KEY + c.country_code, [c], False) for c in countries}


def _admin2_key(candidate: Candidate) -> tuple[str, str, str]:
    return candidate.country_code, candidate.admin1, candidate.admin2


def _containers(beliefs: dict[str, Distribution], qualifiers: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The countries or divisions that may qualify a name ("Mansfield, Ohio" → ("US", "OH")): every one
    the qualifier can be, since "Athens, Georgia" should favour both Georgias' Athens over Greece's."""
    return frozenset(
        (candidate.country_code, candidate.admin1 if candidate.feature == "A.ADM1" else "")
        for key in qualifiers for candidate in beliefs.get(key, {}) if candidate.feature in ("A.PCLI", "A.ADM1")
    )


def qualifier_keys(text: str, spans: list[tuple[int, int]]) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """For each name, the names that qualify it: the one after a comma ("Alexandria, La." → {"la"}) and
    every one inside a bracket that opens right after it ("Shika (Gassol, Taraba)" → {"gassol", "taraba"});
    and apart, the bracketed ones alone (a comma also joins names in lists: "China, Italy and Iran")."""
    found: dict[str, set[str]] = defaultdict(set)
    enclosing: dict[str, set[str]] = defaultdict(set)
    for index, ((start, end), (next_start, next_end)) in enumerate(itertools.pairwise(spans)):
        between = text[end:next_start].strip()
        if between == ",":
            found[normalize_name(text[start:end])].add(normalize_name(text[next_start:next_end]))
        elif between == "(":
            closing = text.find(")", next_start)
            closing = len(text) if closing < 0 else closing
            inside = {normalize_name(text[s:e]) for s, e in spans[index + 1 :] if e <= closing}
            found[normalize_name(text[start:end])].update(inside)
            enclosing[normalize_name(text[start:end])].update(inside)
    return ({key: frozenset(keys) for key, keys in found.items()},
            {key: frozenset(keys) for key, keys in enclosing.items()})


def enclosing_countries(name: Name, beliefs: dict[str, Distribution]) -> frozenset[str]:
    """The countries that the divisions in brackets after a name can lie in: "Pirque (Cochabamba)" is in
    Bolivia, and a namesake elsewhere is the wrong place even when the gazetteer lacks the village (the
    name then stays unresolved and is placed by its neighbours). Empty when no bracketed name is a division."""
    return frozenset(candidate.country_code for key in name.enclosing for candidate in beliefs.get(key, {})
                     if candidate.feature in ("A.PCLI", "A.ADM1", "A.ADM2") and candidate.country_code)


def inside_qualifying_division(candidates: list[Candidate], name: Name,
                               beliefs: dict[str, Distribution]) -> list[Candidate]:
    """The candidates inside a first-level division that the text names right after the name and that the
    article takes as one ("San Lorenzo (Santa Fe)", "Paso Canoas, Chiriqui"); empty when none lies there (so
    a list of names restricts nothing: "Texas, California and Florida"; and a name that can be a state or
    country is itself one in a list, "Washington, Pennsylvania and California", not a town of Pennsylvania)."""
    if any(c.feature in ("A.ADM1", "A.PCLI") for c in name.candidates):
        return []
    areas = set()
    for key in name.qualifiers:
        belief = beliefs.get(key) or {}
        chosen = max(belief, key=belief.__getitem__, default=None)
        if chosen is not None and chosen.feature == "A.ADM1":
            areas.add((chosen.country_code, chosen.admin1))
    return [c for c in candidates if not c.is_division and _inside(c, areas)]


def features(candidate: Candidate, candidates: list[Candidate], context: Context, division: bool) -> list[float]:
    """The ranker's feature vector for one candidate, in the order of FEATURES."""
    feature = candidate.feature
    nearest = min((distance_km(candidate.lat, candidate.lon, *p) for p in context.points), default=None)
    sizes = comparable_sizes(tuple(candidates))
    size, largest = sizes[candidates.index(candidate)], max(sizes)
    return [
        1.0, math.log10(size + 1) / 7, float(feature == "A.PCLI"), float(feature == "A.ADM1"),
        float(feature == "A.ADM2"), float(feature.startswith("P.")), float(feature.startswith("L.")),
        float(feature == "P.PPLC"), float(candidate.match == MAIN),
        # An alternate name counts against a place only when another place bears the name as its main one.
        float(candidate.match == ALTERNATE and any(c.match == MAIN for c in candidates)),
        float(candidate.match == LOOSE), float(candidate.match == ABBREVIATION),
        float(size >= largest), math.log(len(candidates)),
        float(division and candidate.is_division),
        context.country_mass.get(candidate.country_code, 0.0) / max(context.groups, 1),
        float(candidate.country_code in context.countries),
        float((candidate.country_code, candidate.admin1) in context.divisions and not candidate.is_division),
        0.0 if nearest is None else 1.0 - math.log10(1.0 + nearest) / 4.3,
        float(any(candidate.country_code == cc and admin1 in ("", candidate.admin1) for cc, admin1 in context.containers)
              and not candidate.is_division or (candidate.country_code, "") in context.containers),
        float(candidate.country_code == context.focus),
        float(candidate.is_division and any(_seat_of(c, candidate) for c in candidates)),
        context.admin1_mass.get((candidate.country_code, candidate.admin1), 0.0) / max(context.groups, 1),
        (math.log10(size + 1) - math.log10(largest + 1)) / 7,
        context.admin2_mass.get(_admin2_key(candidate), 0.0) / max(context.groups, 1) if candidate.admin2 else 0.0,
        context.nearby.get(candidate, 0.0),
        # A town inside a country or division of its own name (New York, Kherson, Kuwait City): the area's
        # population counts all its towns, so without this the area would win by size alone.
        float(candidate.feature.startswith("P.") and any(within(candidate, c) for c in candidates)),
        # A town and the county it lies in, both named ("Paris" and "Henry County": Paris, Tennessee).
        float(candidate in context.paired),
        float(candidate in context.in_state),  # and a state another name can be ("Athens" beside "Tennessee")
    ]


def _seat_of(city: Candidate, division: Candidate) -> bool:
    """Whether a populated place of the same name lies in the division (Homs city in Homs province)."""
    return city.feature.startswith("P.") and (city.country_code, city.admin1) == (division.country_code, division.admin1)


@functools.lru_cache(maxsize=8192)
def comparable_sizes(candidates: tuple[Candidate, ...]) -> tuple[int, ...]:
    """The population each candidate weighs with: its `size` (a division's largest town's, see
    `build.with_sizes`), and beside a namesake town inside it (Kherson oblast and Kherson, Mosul district and
    Mosul) no more than that town's, so that size is no evidence between them and the other features decide.
    A country keeps its own population: "Kuwait" and "Mexico" in news are the states."""
    towns = [c for c in candidates if c.feature.startswith("P.")]
    return tuple(min([c.size or c.population, *(t.population for t in towns if within(t, c))])
                 if c.feature in ("A.ADM1", "A.ADM2") else c.population for c in candidates)


def nested_score(best: Candidate, scored: dict[Candidate, float]) -> float:
    """The chance the chosen place is right, counting a namesake area and town that contain one another as
    one place (Kyiv and the city-region of Kyiv: a reader is told the same place whichever is chosen)."""
    nested = sum(p for c, p in scored.items() if c != best and (within(c, best) or within(best, c)))
    return min(1.0, scored[best] + nested)


def within(town: Candidate, area: Candidate) -> bool:
    """Whether a town lies in a country, first- or second-level division."""
    if area.feature == "A.PCLI":
        return town.country_code == area.country_code
    if area.feature == "A.ADM1":
        return (town.country_code, town.admin1) == (area.country_code, area.admin1)
    return area.feature == "A.ADM2" and _admin2_key(town) == _admin2_key(area)


def score(vector: list[float], weights: dict[str, float]) -> float:
    """Logistic score of one feature vector."""
    z = sum(weights.get(name, 0.0) * value for name, value in zip(FEATURES, vector, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Name:
    """One distinct name of an article (its mentions share one referent) and its candidates."""

    key: str
    candidates: list[Candidate]
    division: bool
    qualifiers: frozenset[str] = frozenset()
    enclosing: frozenset[str] = frozenset()  # the qualifiers in brackets after the name


def group_names(text: str, spans: list[tuple[int, int, bool]], gazetteer: Gazetteer) -> dict[str, Name]:
    """Distinct names by key (one sense per name per article), with the names that qualify them."""
    qualifiers, enclosing = qualifier_keys(text, [(start, end) for start, end, _ in spans])
    water = {normalize_name(text[start:end]) for start, end, _ in spans if water_before(text, start)}
    towns = {normalize_name(text[start:end]) for start, end, _ in spans
             if dateline_at(text, start, end) or _MUNICIPAL_BODY.match(text, end)}
    names: dict[str, Name] = {}
    for start, end, division in spans:
        surface, key = text[start:end], normalize_name(text[start:end])
        division = division or division_follows(text, end)
        if key in water:
            # "the left bank of the Dnipro" is the river, which the gazetteer lacks, not the city of Dnipro.
            names.setdefault(key, Name(key, [], division))
        elif key not in names:
            qualifying = qualifiers.get(key, frozenset())
            candidates = candidates_for(surface, gazetteer, division, qualified_areas(qualifying, gazetteer))
            if key in towns:  # the town, wherever else the article names it ("Washington" is then DC)
                candidates = [c for c in candidates if c.feature.startswith("P.")] or candidates
            names[key] = Name(key, candidates, division, qualifying, enclosing.get(key, frozenset()))
    return towns_not_divisions(text, [(start, end) for start, end, _ in spans], names)


# "the state of Washington", "Al Amadiya district of Duhok", "the countryside of Hama": the words before a name
# make it a division.
_DIVISION_OF = re.compile(r"\b(?:state|province|region|governorate|oblast|district|countryside)\s+of\s+$",
                          re.IGNORECASE)
# "New York Governor Andrew Cuomo", "New York's attorney general": offices a state has and a town has not.
_DIVISION_OFFICE = re.compile(r"(?:'s|’s)?\s+(?:governor|gov\.|lieutenant governor|attorney general|legislature"
                              r"|general assembly)\b", re.IGNORECASE)
# What joins the names of a list ("Oregon and Washington", "Virginia, Washington, West Virginia").
_LIST_JOINT = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s*$")


def towns_not_divisions(text: str, spans: list[tuple[int, int]], names: dict[str, Name]) -> dict[str, Name]:
    """A first-level division that shares its name with its country's capital ("Washington", "Buenos Aires")
    or with its own largest town ("New York", "Aleppo") is the town, as news means it, unless the text marks
    the division (`_marked_divisions`) or another name's likeliest place lies inside the division but away
    from the town ("Seattle" for Washington; not "Brooklyn" for New York). Else the division is no candidate."""
    marked = _marked_divisions(text, spans, names)
    likeliest = {key: max(name.candidates, key=lambda c: c.population) for key, name in names.items() if name.candidates}
    kept = {}
    for key, name in names.items():
        meant = {} if name.division or key in marked else _divisions_meaning_towns(name)
        if meant and not any(_inside_away_from(place, division, towns) for other, place in likeliest.items()
                             if other != key for division, towns in meant.items()):
            name = replace(name, candidates=[c for c in name.candidates if c not in meant])
        kept[key] = name
    return kept


def _marked_divisions(text: str, spans: list[tuple[int, int]], names: dict[str, Name]) -> set[str]:
    """Keys of names the text marks as divisions: a state's office after the name ("New York Governor") or
    "state of", "district of" before it, a list with another division of the same country ("Oregon and
    Washington"), or the name qualifying another ("Buffalo, New York", "Hays (Hays, Al Hudaydah)")."""
    marked = {normalize_name(text[start:end]) for start, end in spans
              if _DIVISION_OF.search(text[max(0, start - 25):start]) or _DIVISION_OFFICE.match(text, end)}
    return marked | _listed_with_divisions(text, spans, names) | {key for name in names.values() for key in name.qualifiers}


def _divisions_meaning_towns(name: Name) -> dict[Candidate, list[Candidate]]:
    """The first-level divisions among a name's candidates that some town candidates of the name stand for,
    with those towns."""
    towns = [c for c in name.candidates if c.feature.startswith("P.")]
    meant = {c: [town for town in towns if _stands_for(town, c)] for c in name.candidates if c.feature == "A.ADM1"}
    return {division: standing for division, standing in meant.items() if standing}


def _inside_away_from(place: Candidate, division: Candidate, towns: list[Candidate]) -> bool:
    """Whether a place lies inside a division and more than `NEARBY_KM` from each of the towns it stands for."""
    return within(place, division) and all(
        distance_km(place.lat, place.lon, town.lat, town.lon) > NEARBY_KM for town in towns)


def _stands_for(town: Candidate, division: Candidate) -> bool:
    """Whether a town is what a first-level division's name means in news: its country's capital, or its
    own largest town."""
    if town.feature == "P.PPLC":
        return town.country_code == division.country_code
    return within(town, division) and town.population >= division.size


def _listed_with_divisions(text: str, spans: list[tuple[int, int]], names: dict[str, Name]) -> set[str]:
    """Keys of names listed next to a name that can be a first-level division of the same country."""
    ordered = sorted(spans)
    listed = set()
    for (start, end), (next_start, next_end) in itertools.pairwise(ordered):
        if not _LIST_JOINT.match(text[end:next_start]):
            continue
        left, right = names.get(normalize_name(text[start:end])), names.get(normalize_name(text[next_start:next_end]))
        if left is None or right is None:
            continue
        for one, other in ((left, right), (right, left)):
            countries = {c.country_code for c in other.candidates if c.feature == "A.ADM1"}
            if any(c.feature == "A.ADM1" and c.country_code in countries for c in one.candidates):
                listed.add(one.key)
    return listed


def resolve_names(names: dict[str, Name], weights: dict[str, float], rounds: int = 3) -> dict[str, Choice]:
    """Choose a candidate for every name, re-reading the context after each round."""
    beliefs = {key: prior(name.candidates) for key, name in names.items()}
    support = nearby_support(names)  # beliefs play no part in it: once per article
    pairs, states = county_pairs(names), state_pairs(names)  # beliefs play no part in them either
    choices: dict[str, Choice] = {}
    for _ in range(rounds):
        choices, beliefs = resolve_round(names, beliefs, weights, support, pairs, states)
    return choices


def resolve_round(names: dict[str, Name], beliefs: dict[str, Distribution], weights: dict[str, float],
                  support: dict[str, dict[Candidate, float]], pairs: dict[str, frozenset[Candidate]],
                  states: dict[str, frozenset[Candidate]]) -> tuple[dict[str, Choice], dict[str, Distribution]]:
    """One round: score every candidate in the current context (`support` from `nearby_support`, `pairs`
    from `county_pairs`, `states` from `state_pairs`); return choices and the new beliefs."""
    choices, updated = {}, {}
    for key, name in names.items():
        context = build_context(beliefs, key, name.qualifiers, support[key], pairs[key], states[key])
        scored = {c: score(features(c, name.candidates, context, name.division), weights) for c in name.candidates}
        allowed = enclosing_countries(name, beliefs)
        pool = [c for c in scored if not allowed or c.country_code in allowed]
        best = max(inside_qualifying_division(pool, name, beliefs) or pool, key=scored.__getitem__, default=None)
        choices[key] = Choice(best, nested_score(best, scored) if best else 0.0)
        total = sum(scored.values())
        # The next round's context: this name's candidates weighted by their share of the scores.
        updated[key] = {c: s / total for c, s in scored.items()} if total else {}
    return choices, updated
