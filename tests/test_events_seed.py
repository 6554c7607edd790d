"""The golden path: the seed article's main event (issue 5), through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe import analyze


@pytest.mark.issue(5)
def test_seed_article_main_event(seed_article_path: Path) -> None:
    analysis = analyze(seed_article_path.read_text(encoding="utf-8"))
    event = analysis.events[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of Syria")
    assert any(a.name.startswith("Military Forces of Russia") for a in event.assoc_actor_1)
    assert event.actor2 is not None and event.actor2.name.startswith("Islamic State")
    assert event.fatalities.best == 50
    assert event.fatalities.evidence is not None and "around 50" in event.fatalities.evidence.text
    assert event.date.date is None and event.date.note  # "earlier", and the file has no publication date
    assert any(a.cue is not None and a.cue.text == "Reportedly" for a in event.sourcing)
    if analysis.places and event.place_index is not None:
        place = analysis.places[event.place_index]
        assert place.geonameid == 174448 or (place.relation and place.relation.anchor_geonameid == 174448)


@pytest.mark.issue(5)
@pytest.mark.issue(15)
def test_seed_article_codes_the_earlier_assault_after_the_main_event(seed_article_path: Path) -> None:
    analysis = analyze(seed_article_path.read_text(encoding="utf-8"))
    assert "around 50" in analysis.events[0].evidence[0].text
    earlier = [e for e in analysis.events[1:]
               if any("heavy losses" in s.text and "assault of Abu Kamal" in s.text for s in e.evidence)]
    assert earlier and earlier[0].event_type == "Battles"
    assert earlier[0].actor2 is not None and earlier[0].actor2.name.startswith("Islamic State")
    assert any(a.source is not None and "Arab information agencies" in a.source.text for a in earlier[0].sourcing)
