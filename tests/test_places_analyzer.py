"""The places layer on small articles written for the tests, the library API, and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.model import Article
from newsprobe.pipeline import analyze
from newsprobe.places import lookup_place, resolve_place
from newsprobe.places.geo import distance_km
from newsprobe.places.geoparse import Geoparser
from newsprobe.settings import Options

ONLY_PLACES = Options(only=("places",))


def test_places_relative_phrase_gets_anchor_bearing_and_point(small_article: Article) -> None:
    places = analyze(small_article, ONLY_PLACES).places
    phrase = next(p for p in places if p.text == "30 km north of Raqqa")
    raqqa = next(p for p in places if p.text == "Raqqa" and p.start > phrase.start)
    assert raqqa.country_code == "SY" and raqqa.lat is not None
    assert phrase.precision == 2 and phrase.relation is not None
    assert phrase.relation.bearing_deg == 0.0 and phrase.relation.distance_km_low == 30.0
    assert phrase.lat > raqqa.lat and distance_km(phrase.lat, phrase.lon, raqqa.lat, raqqa.lon) == pytest.approx(30, abs=1)


def test_places_unknown_village_is_located_relative_to_its_anchor() -> None:
    text = ("Raid in the desert\n\nGunmen attacked the hamlet of Zirqawiyat, located some 20 km east of Palmyra, "
            "at dawn. Residents of Zirqawiyat fled to Homs.")
    places = analyze(Article.create(text, language="en"), ONLY_PLACES).places
    hamlet = [p for p in places if p.text == "Zirqawiyat"]
    assert len(hamlet) == 2
    assert all(p.geonameid is None and p.precision == 2 for p in hamlet)
    assert hamlet[0].relation.anchor_name in ("Palmyra", "Tadmur") and hamlet[0].relation.bearing_deg == 90.0
    palmyra = next(p for p in places if p.text == "Palmyra")
    assert hamlet[0].lon > palmyra.lon


def test_places_demonyms_are_not_places() -> None:
    text = "Talks\n\nSyrian and Iraqi officials met in Baghdad, Iraq, on Sunday."
    places = analyze(Article.create(text, language="en"), ONLY_PLACES).places
    assert [p.text for p in places] == ["Baghdad", "Iraq"]
    assert places[0].country_code == "IQ" and places[0].precision == 1 and places[1].precision == 3


def test_places_skipped_for_other_languages() -> None:
    analysis = analyze(Article.create("Новости\n\nВ Москве идёт снег.", language="ru"), ONLY_PLACES)
    assert analysis.places == [] and "places skipped" in analysis.warnings[0]


def test_places_api_resolve_and_lookup() -> None:
    assert resolve_place("Abu-Kemal").geonameid == 174448
    assert resolve_place("Paris", country_hint="US").country_code == "US"
    assert resolve_place("Paris").country_code == "FR"
    assert resolve_place("Dayr az Zawr Governorate").feature == "A.ADM1"
    assert resolve_place("Xqzvbnm") is None
    assert any(c.geonameid == 174448 for c in lookup_place("Albu Kamal"))


def test_places_seed_article(seed_article_path: Path) -> None:
    article = Article.create(seed_article_path.read_text(encoding="utf-8"), language="en")
    places = analyze(article, ONLY_PLACES).places
    for spelling in ("Abu Kamal", "Abu Kemal", "Abu-Kemal"):
        found = [p for p in places if p.text == spelling]
        assert found and all(p.geonameid == 174448 for p in found), spelling
    assert {"Syria", "Iraq"} <= {p.name for p in places if p.feature == "A.PCLI"}
    assert any(p.text.startswith("Deir ez-Zor") and p.feature == "A.ADM1" for p in places)
    # Every mention of the village, "Muayzilah settlement" included, shares the relation that locates it.
    village = [p for p in places if p.text.startswith("Muayzilah")]
    assert len(village) == 2 and all(p.precision == 2 and p.relation is not None for p in village)
    assert village[0].lon < 40.92 and 10 < distance_km(village[0].lat, village[0].lon, 34.45, 40.92) < 100


def test_places_in_html_legend(runner, tmp_path: Path) -> None:
    from newsprobe.cli.main import cli

    article = tmp_path / "raid.txt"
    article.write_text("Raid near Raqqa\n\nJets struck a depot 20 km west of Raqqa, Syria.\n", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(article), "--only", "places", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert ">Place</span>" in result.output and "Raqqa" in result.output


def test_places_one_sense_per_name_and_region_parts() -> None:
    text = ("Siege of Manbij\n\nTroops reached Manbij on Monday. Manbij Council members said the "
            "south of Syria was calm.")
    places = analyze(Article.create(text, language="en"), ONLY_PLACES).places
    town = [p for p in places if p.text == "Manbij"]
    assert len(town) == 3 and len({p.geonameid for p in town}) == 1
    assert not any(p.text.startswith("south of") for p in places)


def test_places_given_spans_are_never_dropped() -> None:
    from newsprobe.places.gazetteer import load_gazetteer
    from newsprobe.places.geoparse import Geoparser

    text = "Troops reached Raqqa and Qqqzzx on Monday."
    located = Geoparser(load_gazetteer()).resolve_spans(text, [(15, 20), (25, 31)])
    assert [p.text for p in located] == ["Raqqa", "Qqqzzx"]
    assert located[0].candidate is not None and located[0].candidate.country_code == "SY"


@pytest.mark.issue(5)
def test_places_names_run_together_by_ner_are_cut_at_brackets() -> None:
    analysis = analyze("On 18 May 2022, people staged a protest at Galle Face in Colombo (Colombo, Western).",
                       Options(only=("places",)))
    texts = [place.text for place in analysis.places]
    assert "Colombo" in texts and not any("(" in text for text in texts)
    assert {place.country_code for place in analysis.places if place.text == "Colombo"} == {"LK"}


@pytest.mark.parametrize(("text", "places"), [
    ("Workers held a rally at the education office (Jeonju) on Monday.", ["Jeonju"]),
    ("Militants set vehicles ablaze on the highway (Birnin Gwari, Kaduna).", ["Birnin Gwari", "Kaduna"]),
    ("The Food and Drug Administration (FDA) issued a recall.", []),
])
def test_places_a_name_opening_brackets_is_located_there(text: str, places: list[str]) -> None:
    assert [m.text for m in Geoparser().mentions(text)] == places


@pytest.mark.parametrize(("text", "places"), [
    # NER stops early; the mention runs on to the longest name the gazetteer has.
    ("Airstrikes hit positions in Deir ez Zor governorate.", ["Deir ez Zor governorate"]),
    ("Officials locked themselves in the town hall in Rivas-Vaciamadrid on Friday.", ["Rivas-Vaciamadrid"]),
    # A dash between spaces separates a city from its district.
    ("On 8 April 2022, in Ciudad de Mexico - Cuauhtemoc, students protested.", ["Ciudad de Mexico", "Cuauhtemoc"]),
])
def test_places_mentions_follow_the_gazetteer_past_ner_edges(text: str, places: list[str]) -> None:
    assert [m.text for m in Geoparser().mentions(text)] == places


def test_places_regions_and_long_country_names_of_conflict_news_are_placed() -> None:
    found = {place.text: place for place in Geoparser().parse(
        "Fighting resumed in Nagorno-Karabakh, drought spread across the Horn of Africa, migrants crossed the "
        "Balkans, and UN staff in the Democratic Republic of Congo said so.")}
    assert found["Democratic Republic of Congo"].candidate.country_code == "CD"  # type: ignore[union-attr]
    # A region made of divisions or countries stands at the mean of their points.
    expected = {"Nagorno-Karabakh": (39.8, 46.8), "Horn of Africa": (11.1, 42.2), "Balkans": (43.1, 20.1)}
    for name, (lat, lon) in expected.items():
        assert distance_km(found[name].lat, found[name].lon, lat, lon) < 50  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "surface", "name", "country"), [
    # NER stops at "and"; the name runs on, and "St." is looked up spelt out ("Saint Kitts and Nevis").
    ("A cargo ship under the flag of St. Kitts and Nevis sank on Monday.", "St. Kitts and Nevis",
     "Saint Kitts and Nevis", "KN"),
    # NER takes a legislator's party initial into the town's name.
    ("The bill was backed by Rep. Vicki Lensing, D-Iowa City, on Monday.", "Iowa City", "Iowa City", "US"),
    # The tokenizer splits "Ste" from its period; the name chained to "Ontario" is the whole town's.
    ("His roots go all the way to Canada - Sault Ste. Marie, Ontario, where he grew up.", "Sault Ste. Marie",
     "Sault Ste. Marie", "CA"),
])
def test_places_names_ner_cuts_or_overruns_are_read_whole(text: str, surface: str, name: str, country: str) -> None:
    found = {place.text: place.candidate for place in Geoparser().parse(text)}
    assert surface in found and found[surface] is not None
    assert (found[surface].name, found[surface].country_code) == (name, country)


def test_places_settlement_word_after_a_far_fetched_variant() -> None:
    from newsprobe.places.gazetteer import load_gazetteer
    from newsprobe.places.resolve import candidates_for

    # "Samba city" matches nothing but a far-fetched variant; the town under its own name is meant.
    assert "IN" in {c.country_code for c in candidates_for("Samba city", load_gazetteer())}


@pytest.mark.parametrize(("text", "places"), [
    # NER reads unfamiliar towns as persons; a comma to a known place makes them places.
    ("Russian forces downed a helicopter over Bucha, Kyiv oblast.", ["Bucha", "Kyiv oblast"]),
    ("Russian forces kidnapped the head of Zmiivka village, Kherson.", ["Zmiivka village", "Kherson"]),
    ("Russian forces shelled Kryvyi Rih district, Dnipropetrovsk, with rockets.",
     ["Kryvyi Rih district", "Dnipropetrovsk"]),
    # A name that goes on into a clause is a person, and a date is no place.
    ("He asked for a toll increase near Boston, Wagner said.", ["Boston"]),
    ("The ceremony was held in Washington, Thursday, at noon.", ["Washington"]),
    # A lower-case settlement word joins the name: the town, not its province, is meant.
    ("A clash broke out in Chittagong city (Pahartali) on Monday.", ["Chittagong city", "Pahartali"]),
])
def test_places_names_chained_by_a_comma_to_a_place(text: str, places: list[str]) -> None:
    assert [m.text for m in Geoparser().mentions(text)] == places


def test_places_a_division_in_brackets_rules_out_namesakes_abroad() -> None:
    parser = Geoparser()
    berlin = parser.parse("Members of a group dropped a banner over an overpass in Berlin (Vermont).")[0]
    assert berlin.candidate is not None and berlin.candidate.country_code == "US"  # not Germany's capital
    # Deep River, Connecticut is missing from the gazetteer; the Canadian town is not meant. The name stays
    # unresolved and is put at the division that encloses it.
    deep_river, connecticut = parser.parse("Protesters rallied in Deep River (Connecticut) on Monday.")
    assert deep_river.candidate is None and connecticut.candidate is not None
    assert (deep_river.lat, deep_river.lon, deep_river.precision) == (connecticut.lat, connecticut.lon, 3)


def test_places_qualifiers_keep_their_towns_and_hyphenated_divisions_chain() -> None:
    parser = Geoparser()
    # Many larger Concepcións exist; the one in Tucumán must survive the cap on candidates.
    town, province = parser.parse("Taxi drivers gathered in Concepcion (Tucuman) on Monday.")
    assert town.candidate is not None and province.candidate is not None
    assert (town.candidate.country_code, town.candidate.admin1) == ("AR", province.candidate.admin1)
    # "Emilia-Romagna" (read as a person) is found whole, and it qualifies Parma.
    located = parser.parse("Students gathered in Parma (Parma, Emilia-Romagna) on Friday.")
    assert located[-1].text == "Emilia-Romagna"
    assert {p.candidate.country_code for p in located if p.candidate} == {"IT"}


def test_places_division_missing_from_the_gazetteer_found_by_its_seat() -> None:
    place = Geoparser().parse("Workers protested in the Atyrau region on Monday.")[0]
    assert place.candidate is not None and (place.candidate.country_code, place.candidate.name) == ("KZ", "Atyrau")


@pytest.mark.parametrize(("text", "name", "country", "feature"), [
    # A town qualified by its province is looked for inside that province.
    ("Farmers marched in San Lorenzo (Santa Fe) on Saturday.", "San Lorenzo", "AR", "P.PPL"),
    # ... even when a namesake abroad goes by the whole phrase ("Hays City", Kansas).
    ("Houthi forces shelled areas near Hays city (Hays, Al Hudaydah) on Monday.", "Hays city", "YE", "P.PPL"),
    # A state in a list of states is no town of the next state.
    ("Illnesses were reported in Arizona, Colorado, Georgia, Illinois, Missouri, New Jersey and Ohio.", "Illinois",
     "US", "A.ADM1"),
    # Arabic names go with and without their article.
    ("IS hideouts were destroyed in Anbar province on Tuesday.", "Anbar province", "IQ", "A.ADM1"),
])
def test_places_qualified_and_arabic_names(text: str, name: str, country: str, feature: str) -> None:
    place = next(p for p in Geoparser().parse(text) if p.text == name)
    assert place.candidate is not None and (place.candidate.country_code, place.candidate.feature) == (country, feature)


def test_places_a_name_in_brackets_read_as_an_organisation_runs_on() -> None:
    # NER reads "Mossoro (Rio Grande" as an organisation; the bracketed piece is the whole state's name.
    assert [m.text for m in Geoparser().mentions("On 22 May 2022, in Mossoro (Rio Grande do Norte), a man was shot.")] \
        == ["Mossoro", "Rio Grande do Norte"]
