"""Gazetteer building blocks added for coverage and points: regions, districts, country points, counties."""

from __future__ import annotations

import gzip

import pytest

from newsprobe.places.build import (
    SOURCE_DERIVED,
    SOURCE_FACTBOOK,
    Entry,
    country_entries,
    district_entries,
    mean_point,
    region_variants,
    split_region_entries,
    world_region_entries,
    write_gazetteer,
)
from newsprobe.places.gazetteer import Gazetteer
from newsprobe.places.resolve import (
    Name,
    candidates_for,
    county_pairs,
    nearby_support,
    qualifier_keys,
    resolve_names,
    state_pairs,
)

WEIGHTS = {"log_population": 1.0, "admin2_share": 6.0, "main_name": 1.0}


def test_countries_stand_at_their_reference_point_and_say_so() -> None:
    countries = {"XA": {"name": "Xanadu", "geonameid": 7, "population": 10}, "XB": {"name": "Yonder", "geonameid": 8}}
    info = {"XA": {"latlng": [60, 100], "name": "Xanadu"}, "XB": {"name": "Yonder"}}
    found = {e.cc: e for e in country_entries(countries, info, {"XB": [(1.0, 2.0), (3.0, 4.0)]})}
    assert (found["XA"].lat, found["XA"].lon, found["XA"].source) == (60.0, 100.0, SOURCE_FACTBOOK)
    assert (found["XB"].lat, found["XB"].lon, found["XB"].source) == (2.0, 3.0, SOURCE_DERIVED)


def _division(name: str, lat: float, lon: float, cc: str = "XA") -> Entry:
    return Entry(name, lat, lon, cc, "A.ADM1", 1000, None, "01", {name})


def test_split_regions_join_compass_divisions() -> None:
    divisions = [_division("North Varia", 12.0, 20.0), _division("South Varia Province", 10.0, 20.0),
                 _division("East End", 1.0, 1.0), _division("West End", 1.0, 3.0),
                 _division("North Xanadia", 5.0, 5.0), _division("South Xanadia", 3.0, 5.0),
                 _division("Central Lonely", 0.0, 0.0)]
    regions = list(split_region_entries(divisions, taken={"xanadia"}))
    assert [(r.name, r.feature, r.population) for r in regions] == [("Varia", "L.RGN", 2000)]
    assert (round(regions[0].lat), round(regions[0].lon)) == (11, 20)


def test_world_regions_and_their_short_names() -> None:
    info = {"XA": {"subregion": "Western Xeria", "region": "Xeria"}, "XB": {"subregion": "Western Xeria"},
            "XC": {"subregion": "Southern Xeria"}}
    points = {"XA": (10.0, 0.0), "XB": (20.0, 0.0), "XC": (0.0, 50.0)}
    regions = {r.name: r for r in world_region_entries(info, points, taken={"south xeria", "xeria"})}
    assert set(regions) == {"Western Xeria", "Southern Xeria"}
    assert regions["Western Xeria"].names == {"Western Xeria", "West Xeria"}
    assert regions["Southern Xeria"].names == {"Southern Xeria"}  # "South Xeria" names something else
    assert round(regions["Western Xeria"].lat) == 15
    assert region_variants("South-eastern Asia") == {"Southeast Asia", "South-East Asia"}


def test_mean_point_across_the_date_line() -> None:
    lat, lon = mean_point([(0.0, 179.0), (0.0, -179.0)])
    assert abs(lat) < 1e-9 and abs(abs(lon) - 180.0) < 1e-6


def test_district_entries_outside_the_us() -> None:
    located = [
        {"country_code": "XA", "state": "Northland", "county": "Hill District", "latitude": 1.0, "longitude": 2.0,
         "population": 100},
        {"country_code": "XA", "state": "Northland", "county": "Hill District", "latitude": 3.0, "longitude": 2.0,
         "population": 50},
        {"country_code": "US", "state": "Texas", "county": "Walker County", "latitude": 30.7, "longitude": -95.6},
    ]
    [district] = district_entries(located, {("XA", "01"): "Northland"})
    assert (district.name, district.feature, district.admin1, district.admin2) == ("Hill District", "A.ADM2", "01",
                                                                                   "Hill District")
    assert (district.lat, district.population, district.names) == (2.0, 150, {"Hill District", "Hill"})


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """Two towns called Oakdale and two counties called Birch County, one pair in the same county and in the
    state of Bravo."""
    entries = [
        Entry("Oakdale", 30.0, -90.0, "US", "P.PPL", 200_000, 1, "AA", {"Oakdale"}, admin2="Pine County"),
        Entry("Oakdale", 40.0, -80.0, "US", "P.PPL", 40_000, 2, "BB", {"Oakdale"}, admin2="Birch County"),
        Entry("Birch County", 31.0, -88.5, "US", "A.ADM2", 30_000, None, "AA", {"Birch County", "Birch"},
              admin2="Birch County"),
        Entry("Birch County", 40.1, -80.1, "US", "A.ADM2", 45_000, None, "BB", {"Birch County", "Birch"},
              admin2="Birch County"),
        Entry("Xanadia", 12.0, 22.0, "XA", "A.PCLI", 9_000_000, 3, "", {"Xanadia"}),
        Entry("Bravo", 41.0, -79.0, "US", "A.ADM1", 5_000_000, 5, "BB", {"Bravo"}),
        Entry("Xanadian", 13.0, 23.0, "XB", "P.PPL", 900, 4, "", {"Xanadian"}),
    ]
    folder = tmp_path_factory.mktemp("counties")
    database = folder / "counties.sqlite"
    write_gazetteer(database, entries, {}, {"xanadian": "XA"})
    packed = folder / "counties.sqlite.gz"
    packed.write_bytes(gzip.compress(database.read_bytes()))
    return Gazetteer(packed)


def test_county_and_town_in_it_choose_each_other(counties: Gazetteer) -> None:
    names = {key: Name(key, candidates_for(surface, counties), False)
             for key, surface in (("oakdale", "Oakdale"), ("birch county", "Birch County"))}
    choices = resolve_names(names, WEIGHTS)
    assert choices["oakdale"].candidate.geonameid == 2  # type: ignore[union-attr]
    assert choices["birch county"].candidate.admin1 == "BB"  # type: ignore[union-attr]


def test_candidates_for_settlement_words_and_demonyms(counties: Gazetteer) -> None:
    assert {c.geonameid for c in candidates_for("Oakdale city", counties)} == {1, 2}
    assert candidates_for("Oakdale Mall", counties) == []
    assert {c.geonameid for c in candidates_for("Xanadian", counties)} == {3, 4}  # the country joins the village


def test_gazetteer_keeps_admin2(counties: Gazetteer) -> None:
    assert {c.admin2 for c in counties.lookup("Oakdale")} == {"Pine County", "Birch County"}


def test_nearby_support_counts_other_names_with_a_place_close_by(counties: Gazetteer) -> None:
    names = {key: Name(key, candidates_for(surface, counties), False)
             for key, surface in (("oakdale", "Oakdale"), ("birch county", "Birch County"), ("xanadia", "Xanadia"))}
    support = nearby_support(names)
    by_id = {c.geonameid: share for c, share in support["oakdale"].items()}
    assert by_id == {1: 0.0, 2: 0.5}  # Birch County BB lies 14 km away; of two other names, one supports it
    assert {c.admin1: share for c, share in support["birch county"].items()} == {"AA": 0.0, "BB": 0.5}
    assert list(support["xanadia"].values()) == [0.0]  # no other name has a place in Xanadia


@pytest.mark.issue(16)
def test_county_pairs_join_a_town_and_the_county_it_lies_in(counties: Gazetteer) -> None:
    names = {key: Name(key, candidates_for(surface, counties), False)
             for key, surface in (("oakdale", "Oakdale"), ("birch county", "Birch County"), ("xanadia", "Xanadia"))}
    pairs = county_pairs(names)
    assert {c.geonameid for c in pairs["oakdale"]} == {2}  # the Oakdale in Birch County BB, not the larger one
    assert {c.admin1 for c in pairs["birch county"]} == {"BB"}
    assert pairs["xanadia"] == frozenset()
    # The pair alone outweighs a five-fold population: the smaller Oakdale and its county are chosen together.
    choices = resolve_names(names, {"log_population": 1.0, "county_pair": 6.0})
    assert choices["oakdale"].candidate.geonameid == 2  # type: ignore[union-attr]
    assert choices["birch county"].candidate.admin1 == "BB"  # type: ignore[union-attr]


@pytest.mark.issue(16)
def test_state_pairs_join_a_town_and_a_state_the_article_names(counties: Gazetteer) -> None:
    names = {key: Name(key, candidates_for(surface, counties), False)
             for key, surface in (("oakdale", "Oakdale"), ("bravo", "Bravo"))}
    pairs = state_pairs(names)
    assert {c.geonameid for c in pairs["oakdale"]} == {2}  # the Oakdale in Bravo
    assert pairs["bravo"] == frozenset()  # a state is paired with nothing: it is no town
    choices = resolve_names(names, {"log_population": 1.0, "state_pair": 6.0})
    assert choices["oakdale"].candidate.geonameid == 2  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A country, its capital (also called by the country's name) and the capital's district, which both names
    can be, as GeoNames has Mexico, Mexico City and the Ciudad de México; a state and its namesake city."""
    entries = [
        Entry("Zembla", 20.0, -100.0, "XZ", "A.PCLI", 100_000_000, 10, "", {"Zembla"}),
        Entry("Zembla City", 19.4, -99.1, "XZ", "P.PPLC", 9_000_000, 11, "09", {"Zembla City", "Zembla"}),
        Entry("Zembla City District", 19.3, -99.2, "XZ", "A.ADM1", 9_000_000, 12, "09",
              {"Zembla City District", "Zembla City", "Zembla"}),
        Entry("Kestrel", 42.0, -93.0, "US", "A.ADM1", 3_000_000, 13, "KE", {"Kestrel"}),
        Entry("Kestrel City", 41.7, -91.5, "US", "P.PPL", 70_000, 14, "KE", {"Kestrel City"}),
    ]
    folder = tmp_path_factory.mktemp("namesakes")
    database = folder / "namesakes.sqlite"
    write_gazetteer(database, entries, {}, {})
    packed = folder / "namesakes.sqlite.gz"
    packed.write_bytes(gzip.compress(database.read_bytes()))
    return Gazetteer(packed)


@pytest.mark.issue(16)
def test_state_pairs_lend_a_name_nothing_through_a_division_it_can_be_itself(namesakes: Gazetteer) -> None:
    names = {key: Name(key, candidates_for(surface, namesakes), False)
             for key, surface in (("zembla", "Zembla"), ("zembla city", "Zembla City"),
                                  ("kestrel", "Kestrel"), ("kestrel city", "Kestrel City"))}
    pairs = state_pairs(names)
    # "Zembla" can be the district "Zembla City" can be: its city is no likelier for that (places v11).
    assert pairs["zembla"] == frozenset()
    assert pairs["zembla city"] == frozenset()
    # A name that contains another is still paired with it when it cannot be that state itself.
    assert {c.geonameid for c in pairs["kestrel city"]} == {14}
    choices = resolve_names(names, {"log_population": 1.0, "state_pair": 6.0})
    assert choices["zembla"].candidate.geonameid == 10  # type: ignore[union-attr]


def test_qualifiers_after_a_comma_and_inside_a_bracket() -> None:
    text = "Attacks in Shika (Gassol, Taraba) and in Mansfield, Ohio, and Kano."
    names = ["Shika", "Gassol", "Taraba", "Mansfield", "Ohio", "Kano"]
    spans, cursor = [], 0
    for name in names:
        start = text.index(name, cursor)
        spans.append((start, start + len(name)))
        cursor = start + len(name)
    found, enclosing = qualifier_keys(text, spans)
    assert found["shika"] == {"gassol", "taraba"}  # the whole bracket, not what follows it
    assert enclosing == {"shika": {"gassol", "taraba"}}  # a comma is no bracket
    assert found["gassol"] == {"taraba"}
    assert found["mansfield"] == {"ohio"}
    assert "ohio" not in found  # ", and" lists places; it does not qualify one
    assert "taraba" not in found
