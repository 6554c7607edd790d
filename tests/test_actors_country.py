"""The event's country from all the place evidence of a text, and ACLED's country-dependent names."""

from __future__ import annotations

import pytest

from newsprobe.actors import event_country, resolve_actor
from newsprobe.actors.country import chain_names
from newsprobe.actors.units import unit_name
from newsprobe.model import Analysis, Article, Place

TEXT = "On 3 May, farmers blocked a highway near Kotla village (Ludhiana district, Punjab) over crop prices."


def _analysis(text: str, places: list[tuple[str, str, int | None, str]]) -> Analysis:
    analysis = Analysis.of(Article.create(text, language="en"))
    for name, code, geonameid, feature in places:
        start = text.index(name)
        analysis.places.append(Place.of(text, start, start + len(name), name=name, geonameid=geonameid,
                                        country_code=code, feature=feature, lat=30.0, lon=70.0, score=0.5))
    return analysis


@pytest.mark.issue(5)
def test_names_that_agree_outvote_one_resolution() -> None:
    # The places layer put "Punjab" in Pakistan; "Ludhiana" exists only in India, "Punjab" in both.
    analysis = _analysis(TEXT, [("Punjab", "PK", 1167710, "A.ADM1")])
    assert event_country(analysis, None) == "India"


def test_one_unambiguous_place_decides() -> None:
    text = "Teachers demonstrated in Strasbourg on Monday."
    analysis = _analysis(text, [("Strasbourg", "FR", 2973783, "P.PPL")])
    assert event_country(analysis, [(0, len(text))]) == "France"


@pytest.mark.parametrize(("text", "places", "expected"), [
    pytest.param("Refugees from Ukraine gathered in Strasbourg to denounce the war in Ukraine.",
                 [("Ukraine", "UA", 690791, "A.PCLI"), ("Strasbourg", "FR", 2973783, "P.PPL")], "France",
                 id="a country named weighs less than the town of the event"),
    pytest.param("Farmers staged a protest in Liessel.", [("Liessel", "NL", 2751792, "P.PPL")], "Netherlands",
                 id="ACLED country names for ISO codes"),
    pytest.param("Teachers marched in Bogota (Bogota, D.C.) for better pay.",
                 [("Bogota", "CO", 3688689, "P.PPLC"), ("D.C.", "US", 4138106, "A.ADM1")], "Colombia",
                 id="an abbreviation read as a place weighs little"),
    pytest.param("Students protested outside the ministry in Asuncion.", [("Asuncion", "PY", 3439389, "P.PPLC")],
                 "Paraguay", id="a capital outweighs its small namesakes"),
])
def test_event_country_from_the_place_evidence(text: str, places: list[tuple[str, str, int, str]],
                                               expected: str) -> None:
    assert event_country(_analysis(text, places), None) == expected


def test_chain_names_read_brackets_and_in_lists() -> None:
    names = [name for _, name in chain_names("A man was shot in Tijuana, Baja California (Mexico - North).")]
    assert names == ["Mexico", "North", "Tijuana", "Baja California"]


@pytest.mark.parametrize(("canonical", "mention", "expected"), [
    ("Police Forces of Brazil (2019-)", "military police", "Military Forces of Brazil (2019-) Military Police"),
    ("Military Forces of Russia (2000-)", "the Russian Air Force", "Military Forces of Russia (2000-) Air Force"),
    ("Military Forces of Russia (2000-)", "Russian pilots", "Military Forces of Russia (2000-)"),
    ("Islamic State (Syria)", "IS militants", "Islamic State (Syria)"),
])
def test_named_units_of_state_forces(canonical: str, mention: str, expected: str) -> None:
    assert unit_name(canonical, mention) == expected


@pytest.mark.parametrize(("country", "expected"), [
    ("Brazil", "Unidentified Gang and/or Police Militia"),
    ("Honduras", "Unidentified Gang (Honduras)"),
    ("Nigeria", "Unidentified Armed Group (Nigeria)"),
])
def test_unidentified_perpetrators_follow_the_country_convention(country: str, expected: str) -> None:
    resolved = resolve_actor("unidentified armed men", country)
    assert resolved is not None and resolved[0] == expected
