"""The gazetteer file format and lookups, on a three-place gazetteer built here, and the shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.places.build import Entry, bare_division_name, keep_alternate, write_gazetteer
from newsprobe.places.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    entries = [
        Entry("Riverton", 10.0, 20.0, "XA", "P.PPL", 50_000, 1, "01", {"Riverton", "Ривертон", "Rivertown"}),
        Entry("Riverton", -5.0, 30.0, "XB", "P.PPL", 800, 2, "02", {"Riverton"}),
        Entry("Northland", 15.0, 25.0, "XA", "A.ADM1", 900_000, None, "01", {"Northland Province", "Northland"}),
        Entry("Xanadia", 12.0, 22.0, "XA", "A.PCLI", 9_000_000, 3, "", {"Xanadia"}, {"XA", "XAN"}),
        Entry("St. Brendan Parish", 11.0, 21.0, "XA", "A.ADM2", 40_000, 4, "01", {"St. Brendan Parish"}),
        Entry("Sainte Odile", 11.5, 21.5, "XA", "P.PPL", 6_000, 5, "01", {"Sainte Odile"}),
    ]
    folder = tmp_path_factory.mktemp("gazetteer")
    database = folder / "tiny.sqlite"
    write_gazetteer(database, entries, {("XA", "01"): "Northland"}, {"xanadian": "XA"})
    packed = folder / "tiny.sqlite.gz"
    import gzip

    packed.write_bytes(gzip.compress(database.read_bytes()))
    return Gazetteer(packed)


def test_gazetteer_lookup_exact_and_alternate(tiny: Gazetteer) -> None:
    assert {c.geonameid for c in tiny.lookup("Riverton")} == {1, 2}
    assert [c.geonameid for c in tiny.lookup("Ривертон")] == [1]
    assert [c.geonameid for c in tiny.lookup("rivertown")] == [1]


def test_gazetteer_finds_abbreviated_generic_words_spelt_out_either_way(tiny: Gazetteer) -> None:
    assert [c.geonameid for c in tiny.lookup("Saint Brendan Parish")] == [4]
    assert [c.geonameid for c in tiny.lookup("St. Brendan Parish")] == [4]
    assert [c.geonameid for c in tiny.lookup("Ste. Odile")] == [5]
    assert tiny.has_name("ste odile") and tiny.has_name("saint brendan parish")


def test_gazetteer_loose_match_only_without_exact(tiny: Gazetteer) -> None:
    found = tiny.lookup("Reevertoun")
    assert {c.geonameid for c in found} == {1, 2}
    assert {c.match for c in found} == {2}
    assert tiny.lookup("Northville") == ()


def test_gazetteer_codes_need_upper_case(tiny: Gazetteer) -> None:
    assert tiny.lookup("XAN") == ()
    assert [c.name for c in tiny.lookup("XAN", abbreviation=True)] == ["Xanadia"]


def test_gazetteer_divisions_and_demonyms(tiny: Gazetteer) -> None:
    assert tiny.division_name("XA", "01") == "Northland"
    assert tiny.demonym_country("Xanadian") == "XA"
    assert tiny.lookup("Northland Province")[0].is_division


def test_gazetteer_missing_file_is_an_error(tmp_path: Path) -> None:
    from newsprobe.errors import NewsprobeError

    with pytest.raises(NewsprobeError, match="E201"):
        Gazetteer(tmp_path / "absent.sqlite.gz")


@pytest.mark.parametrize(("name", "kept"), [
    ("Abu Kemal", True), ("Абу-Камаль", True), ("أبو كمال", True), ("亚历山德里亚", False), ("AEX", False),
    ("Route 5", False), ("الکساندریا، لوئیزیانا", False),
])
def test_build_keeps_useful_alternate_names(name: str, kept: bool) -> None:
    assert keep_alternate(name) is kept


def test_build_joins_a_county_to_its_towns_however_each_package_spells_it() -> None:
    from newsprobe.places.build import county_entries

    counties = [{"fips": "22087", "name": "St. Bernard Parish", "state": "LA"},
                {"fips": "22051", "name": "Jefferson Parish", "state": "LA"}]
    located = [
        {"country_code": "US", "state": "Louisiana", "county": "Saint Bernard Parish", "latitude": 29.9,
         "longitude": -89.9, "population": 9_000},
        {"country_code": "US", "state": "Louisiana", "county": "Saint Bernard Parish", "latitude": 29.7,
         "longitude": -89.7, "population": 1_000},
    ]
    entries = list(county_entries(counties, located, {"LA": {"name": "Louisiana"}}, {}))
    assert [(e.name, e.admin2, e.population) for e in entries] == [("St. Bernard Parish", "Saint Bernard Parish", 10_000)]
    assert entries[0].lat == pytest.approx(29.8) and entries[0].lon == pytest.approx(-89.8)


def test_build_bare_division_name() -> None:
    assert bare_division_name("Deir ez-Zor Governorate") == "Deir ez-Zor"
    assert bare_division_name("Rapides Parish") == "Rapides"
    assert bare_division_name("Province of Ontario") == "Ontario"


@pytest.mark.parametrize("spelling", ["Abu Kamal", "Abu Kemal", "Abu-Kemal", "Albu Kamal", "Al Bukamal", "Абу-Камаль"])
def test_shipped_gazetteer_knows_abu_kamal(spelling: str) -> None:
    assert 174448 in {c.geonameid for c in load_gazetteer().lookup(spelling)}


def test_shipped_gazetteer_has_admin1_divisions() -> None:
    divisions = [c for c in load_gazetteer().lookup("Deir ez-Zor") if c.feature == "A.ADM1"]
    assert [(c.country_code, round(c.lat), round(c.lon)) for c in divisions] == [("SY", 35, 40)]


def test_gazetteer_aliases_names_regions_and_demonyms(tmp_path: Path) -> None:
    entries = [
        Entry("Riverton", 10.0, 20.0, "XA", "P.PPL", 50_000, 1, "01", {"Riverton"}),
        Entry("Northland", 16.0, 24.0, "XA", "A.ADM1", 900_000, None, "01", {"Northland"}),
        Entry("Southland", 12.0, 20.0, "XA", "A.ADM1", 100_000, None, "02", {"Southland"}),
        Entry("Us", 1.0, 1.0, "XB", "P.PPL", 900, 4, "01", {"Us"}),
        Entry("Xanadia", 12.0, 22.0, "XA", "A.PCLI", 9_000_000, 3, "", {"Xanadia"}, {"US"}),
    ]
    database = tmp_path / "aliases.sqlite"
    write_gazetteer(database, entries, {}, {})
    import gzip

    packed = tmp_path / "aliases.sqlite.gz"
    packed.write_bytes(gzip.compress(database.read_bytes()))
    rows = [("Old River", "name", "Riverton/XA/P.PPL"),
            ("The Lands", "name", "Northland/XA/A.ADM1 + Southland/XA/A.ADM1"),
            ("Atlantis", "name", "Atlantis/XZ/A.PCLI"),
            ("Xanadoan", "demonym", "XA")]
    gazetteer = Gazetteer(packed, alias_rows=rows)
    assert [(c.geonameid, c.name) for c in gazetteer.lookup("Old River")] == [(1, "Riverton")]
    region = gazetteer.lookup("the lands")[0]
    assert (region.feature, region.country_code, region.lat, region.lon) == ("L.RGN", "XA", 14.0, 22.0)
    assert region.population == 1_000_000 and region.geonameid is None
    assert gazetteer.has_name("old river") and gazetteer.unresolved_aliases == ["Atlantis"]
    assert gazetteer.demonym_country("Xanadoans") == "XA"
    # A dotted abbreviation is no village whose own name is those letters.
    assert [c.name for c in gazetteer.lookup("U.S.", abbreviation=True)] == ["Xanadia"]
    assert {c.name for c in gazetteer.lookup("US", abbreviation=True)} == {"Xanadia"}  # issue 16: nor "EU" Eu


def test_shipped_aliases_all_resolve_and_add_something() -> None:
    from newsprobe.places.build import ALTERNATE, MAIN
    from newsprobe.places.gazetteer import aliases_path, read_alias_rows
    from newsprobe.places.normalize import normalize_name

    gazetteer = load_gazetteer()
    assert gazetteer.unresolved_aliases == []
    for alias, kind, _ in read_alias_rows(aliases_path()):
        if kind == "name":  # an alias the file already spells that way is dead weight
            target = gazetteer.aliases[normalize_name(alias)][0]
            assert target.pid not in {c.pid for c in gazetteer._query(normalize_name(alias), (MAIN, ALTERNATE))}, alias
    assert gazetteer.lookup("Britain")[0].country_code == "GB"
    assert gazetteer.lookup("Donbas")[0].country_code == "UA"
    assert gazetteer.demonym_country("Palestinians") == "PS"
