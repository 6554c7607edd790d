"""ACLED CSV columns we can derive (issue 12, item 17): iso, region, admin1/admin2, interaction, disorder type,
and civilian targeting only when civilians are the target."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsprobe.actors import country_name
from newsprobe.events.export import _regions, disorder_type, event_row
from newsprobe.model import Analysis, Article, Event, EventActor, Place

TEXT = "Shelling near Mayadin\n\nArmy shelling near Mayadin in the Mayadin district killed two civilians."
ARMY = EventActor(name="Military Forces of Syria (2000-)", inter=1)
CIVILIANS = EventActor(name="Civilians (Syria)", inter=7)


def _row(event_type: str, sub_type: str, actor2: EventActor | None, feature: str = "P.PPL") -> dict[str, object]:
    article = Article.create(TEXT, title="Shelling near Mayadin", language="en")
    start = article.text.index("Mayadin in")
    place = Place.of(article.text, start, start + 7, name="Al Mayādīn", geonameid=173480, lat=35.02, lon=40.45,
                     country_code="SY", admin1="Deir ez-Zor", feature=feature, precision=1)
    event = Event(event_type=event_type, sub_event_type=sub_type, score=0.9, actor1=ARMY, actor2=actor2,
                  place_index=0)
    return event_row(Analysis(article=article, places=[place], events=[event]), 0, event)


@pytest.mark.issue(12)
def test_country_columns_come_from_the_place() -> None:
    row = _row("Explosions/Remote violence", "Shelling/artillery/missile attack", CIVILIANS)
    assert (row["country"], row["iso"], row["region"], row["admin1"]) == ("Syria", 760, "Middle East", "Deir ez-Zor")
    assert row["admin2"] == ""
    assert _row("Battles", "Armed clash", None, feature="A.ADM2")["admin2"] == "Al Mayādīn"


@pytest.mark.issue(12)
@pytest.mark.parametrize(("event_type", "sub_type", "actor2", "targeting", "interaction"), [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", CIVILIANS, "Civilian targeting", 17),
    ("Violence against civilians", "Attack", CIVILIANS, "Civilian targeting", 17),
    ("Battles", "Armed clash", CIVILIANS, "", 17),  # civilians are never a side of a battle
    ("Battles", "Armed clash", EventActor(name="Islamic State (Syria)", inter=2), "", 12),
    ("Strategic developments", "Looting/property destruction", None, "", 10),
])
def test_civilian_targeting_only_when_civilians_are_the_target(
    event_type: str, sub_type: str, actor2: EventActor | None, targeting: str, interaction: int
) -> None:
    row = _row(event_type, sub_type, actor2)
    assert (row["civilian_targeting"], row["interaction"]) == (targeting, interaction)


@pytest.mark.issue(12)
@pytest.mark.parametrize(("event_type", "sub_type", "disorder"), [
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Battles", "Armed clash", "Political violence"),
    ("Strategic developments", "Arrests", "Strategic developments"),
])
def test_disorder_type_follows_acled(event_type: str, sub_type: str, disorder: str) -> None:
    assert disorder_type(event_type, sub_type) == disorder


@pytest.mark.corpus
def test_iso_and_region_agree_with_acled(corpus_dir: Path) -> None:
    codes = {country_name(code): code for code in _regions()}
    checked = wrong = 0
    with (corpus_dir / "acled" / "acled-2022-sample.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if (code := codes.get(row["country"])) is None:
                continue
            checked += 1
            expected = _regions()[code]
            wrong += (expected["region"], expected["iso"]) != (row["region"], int(float(row["iso"])))
    assert checked > 6500 and wrong == 0
