"""Event assembly on a hand-built Analysis: type, sides, fatalities, place, date, sourcing, salience."""

from __future__ import annotations

from newsprobe.events.assemble import assemble_events
from newsprobe.events.classifier import load_classifier
from newsprobe.events.roles import assign_roles
from newsprobe.model import Analysis, Article, Attribution, Claim, Entity, Place, Quantity, SpanRef

TEXT = (
    "Fighting near Karrow\n\n"
    "The finance minister will present the new budget to parliament next month.\n"
    "According to local officials, government troops backed by allied militiamen clashed with rebels of "
    "the Northern Front near Karrow on Tuesday, killing at least 12 fighters.\n"
    "Hundreds of nurses marched through the capital to demand better pay."
)


def _at(phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def _actor(phrase: str, canonical: str, inter: int) -> Entity:
    return Entity.of(TEXT, *_at(phrase), label="ACTOR", canonical=canonical, inter=inter)


def build_analysis() -> Analysis:
    article = Article.create(TEXT, title="Fighting near Karrow", language="en", published="2024-05-10")
    analysis = Analysis.of(article)
    analysis.entities = [
        _actor("government troops", "Military Forces of Testland (2001-)", 1),
        _actor("allied militiamen", "Karrow Communal Militia (Testland)", 4),
        _actor("rebels of the Northern Front", "Northern Front", 2),
    ]
    analysis.quantities = [Quantity.of(TEXT, *_at("at least 12 fighters"), low=12, best=12, high=None,
                                       hedge="at least", unit="fighters", role="killed")]
    analysis.places = [Place.of(TEXT, *_at("Karrow", 1), name="Karrow", geonameid=999001, lat=10.5, lon=20.25,
                                country_code="TL", feature="P.PPL", score=0.9)]
    claim_start = _at("According to local officials")[0]
    analysis.claims = [Claim.of(TEXT, claim_start, TEXT.index("fighters.") + len("fighters."), attribution=Attribution(
        kind="named", source=SpanRef.of(TEXT, *_at("local officials")), cue=SpanRef.of(TEXT, *_at("According to"))))]
    return analysis


def test_assembly_codes_the_clash_first() -> None:
    analysis = build_analysis()
    events = assemble_events(analysis, load_classifier())
    clash = events[0]
    assert (clash.event_type, clash.sub_event_type) == ("Battles", "Armed clash")
    assert clash.actor1 is not None and clash.actor1.name == "Military Forces of Testland (2001-)"
    assert clash.actor1.mention is not None and clash.actor1.mention.text == "government troops"
    assert [a.name for a in clash.assoc_actor_1] == ["Karrow Communal Militia (Testland)"]
    assert clash.actor2 is not None and clash.actor2.name == "Northern Front"
    assert (clash.fatalities.best, clash.fatalities.low) == (12, 12)
    assert clash.fatalities.evidence is not None and clash.fatalities.evidence.text == "at least 12 fighters"
    assert clash.quantity_indexes == [0]
    assert (clash.place_index, clash.geo_precision) == (0, 1)
    assert (clash.date.date, clash.date.time_precision) == ("2024-05-07", 1)
    assert [a.source.text for a in clash.sourcing if a.source] == ["local officials"]
    assert "killing at least 12" in clash.evidence[0].text


def test_assembly_separates_events_and_skips_background() -> None:
    events = assemble_events(build_analysis(), load_classifier())
    assert [e.event_type for e in events] == ["Battles", "Protests"]
    protest = events[1]
    # No place in its sentence: the article's town is the fallback, coded as "near" (precision 2).
    assert (protest.place_index, protest.geo_precision) == (0, 2)
    assert protest.fatalities.best is None
    assert all("budget" not in span.text for event in events for span in event.evidence)


def test_assembly_without_other_layers_still_types_events() -> None:
    article = Article.create(TEXT, title="Fighting near Karrow", language="en")
    events = assemble_events(Analysis.of(article), load_classifier())
    clash = next(e for e in events if e.event_type == "Battles")
    assert {e.event_type for e in events} == {"Battles", "Protests"}
    assert clash.actor1 is None and clash.place_index is None and clash.fatalities.best is None
    assert clash.date.date is None  # "on Tuesday" with no publication date
    Analysis.model_validate(Analysis.of(article).model_copy(update={"events": events}).model_dump())


def test_roles_passive_voice_swaps_sides() -> None:
    text = "Two villagers were abducted by gunmen of the Red Band."
    victims = Entity.of(text, 4, 13, label="ACTOR", canonical="Civilians (Testland)", inter=7)
    gunmen = Entity.of(text, text.index("gunmen"), len(text) - 1, label="ACTOR", canonical="Red Band", inter=3)
    sides = assign_roles(text, 0, len(text), [victims, gunmen])
    assert sides.actor1 is gunmen and sides.actor2 is victims


def test_roles_clash_between_two_sides() -> None:
    text = "Clashes between the Red Band and the Blue Band left three dead."
    red = Entity.of(text, 20, 28, label="ACTOR", canonical="Red Band", inter=3)
    blue = Entity.of(text, 37, 46, label="ACTOR", canonical="Blue Band", inter=3)
    sides = assign_roles(text, 0, len(text), [red, blue])
    assert (sides.actor1, sides.actor2) == (red, blue)


def test_assembly_peaceful_protest_has_generic_crowd_and_no_actor2() -> None:
    text = "Nurses rally\n\nHundreds of nurses rallied outside the health ministry in Karrow on Monday as police watched."
    article = Article.create(text, title="Nurses rally", language="en")
    analysis = Analysis.of(article)
    police = text.index("police")
    analysis.entities = [Entity.of(text, police, police + 6, label="ACTOR", canonical="Police Forces of Ghana", inter=1)]
    town = text.index("Karrow")
    analysis.places = [Place.of(text, town, town + 6, name="Karrow", lat=5.6, lon=-0.2, country_code="GH",
                                feature="P.PPL")]
    event = assemble_events(analysis, load_classifier())[0]
    assert event.sub_event_type == "Peaceful protest"
    assert event.actor1 is not None and (event.actor1.name, event.actor1.inter) == ("Protesters (Ghana)", 6)
    assert event.actor2 is None


def test_locate_prefers_the_town_the_text_qualifies_with_its_division() -> None:
    from newsprobe.events.locate import locate_event

    # The first town is part of an armed group's name; the town followed by ", <division>" is the location.
    text = "Rebels fired mortars at the Karrow People's Militia in Tessa, Lowland province."
    analysis = Analysis.of(Article.create(text, language="en"))

    def town(name: str, lat: float, feature: str = "P.PPL") -> Place:
        start = text.index(name)
        return Place.of(text, start, start + len(name), name=name, lat=lat, lon=20.0, country_code="TL",
                        feature=feature)

    analysis.places = [town("Karrow", 10.0), town("Tessa", 11.0), town("Lowland", 12.0, "A.ADM1")]
    assert locate_event(analysis, [(0, len(text))]).place_index == 1


def test_locate_takes_the_place_a_note_says_it_is_coded_to() -> None:
    from newsprobe.events.locate import locate_event

    text = "Rebels attacked a camp between Tessa and Karrow (coded to Tessa) in Lowland province."
    analysis = Analysis.of(Article.create(text, language="en"))

    def town(name: str, occurrence: int, lat: float) -> Place:
        start = text.index(name) if occurrence == 0 else text.rindex(name)
        return Place.of(text, start, start + len(name), name=name, lat=lat, lon=20.0, country_code="TL",
                        feature="P.PPL")

    # Without the note's word, Karrow (qualified by a bracket) would be chosen.
    analysis.places = [town("Tessa", 0, 11.0), town("Karrow", 0, 10.0), town("Tessa", 1, 11.0)]
    assert locate_event(analysis, [(0, len(text))]).place_index == 2
