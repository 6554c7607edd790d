"""The actor alias table and resolution, on mentions and sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from newsprobe.actors import build_actor_table, country_focus, country_focus_text, find_actors, resolve_actor
from newsprobe.actors.table import load_table
from newsprobe.cli.main import cli
from newsprobe.events.training import is_heldout
from newsprobe.model import Analysis, Article, Place

CASES = [
    # mention, country, canonical, inter
    ("IS", "Syria", "Islamic State (Syria)", 2),
    ("IG", "Syria", "Islamic State (Syria)", 2),
    ("ISIS", "Syria", "Islamic State (Syria)", 2),
    ("ISIL", "Iraq", "Islamic State (Iraq)", 2),
    ("Daesh", "Syria", "Islamic State (Syria)", 2),
    ("Islamic State", "Syria", "Islamic State (Syria)", 2),
    ("the pseudo-Caliphate", "Syria", "Islamic State (Syria)", 2),
    ("Islamic State", "Nigeria", "Islamic State (West Africa) - Lake Chad Faction", 2),
    ("ISWAP", None, "Islamic State (West Africa) - Lake Chad Faction", 2),
    ("Government Forces", "Syria", "Military Forces of Syria (2000-)", 1),
    ("government troops", "Iraq", "Military Forces of Iraq (2020-)", 1),
    ("the army", "Syria", "Military Forces of Syria (2000-)", 1),
    ("Syrian army", None, "Military Forces of Syria (2000-)", 1),
    ("Russian aviation", "Syria", "Military Forces of Russia (2000-)", 8),
    ("Russian pilots", "Syria", "Military Forces of Russia (2000-)", 8),
    ("Russian Aerospace Forces", "Syria", "Military Forces of Russia (2000-)", 8),
    ("Turkish forces", "Syria", "Military Forces of Turkey (2016-)", 8),
    ("Ukrainian forces", "Ukraine", "Military Forces of Ukraine (2019-)", 1),
    ("Philippine army", "Philippines", "Military Forces of the Philippines (2016-2022)", 1),
    ("SDF", "Syria", "QSD: Syrian Democratic Forces", 2),
    ("QSD", "Syria", "QSD: Syrian Democratic Forces", 2),
    ("al-Shabaab", "Somalia", "Al Shabaab", 2),
    ("Houthis", "Yemen", "Military Forces of Yemen (2016-) Supreme Political Council", 1),
    ("Boko Haram", "Nigeria", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
    ("unknown gunmen", "Syria", "Unidentified Armed Group (Syria)", 3),
    ("protesters", "France", "Protesters (France)", 6),
    ("civilians", "Syria", "Civilians (Syria)", 7),
]


@pytest.mark.parametrize(("mention", "country", "canonical", "inter"), CASES)
def test_actors_resolve_aliases(mention, country, canonical, inter):
    assert resolve_actor(mention, country) == (canonical, inter)


@pytest.mark.parametrize("mention", ["the weather", "Damascus", "several villages", "IS IT TRUE"])
def test_actors_resolve_unknown_is_none(mention):
    assert resolve_actor(mention, "Syria") is None


def test_actors_country_dependent_names_need_a_country():
    assert resolve_actor("Government Forces", None) is None


def test_actors_find_marks_air_mode_and_absorbs_heads():
    text = "Syrian troops backed by Russian warplanes pushed the IS terrorists out of the town."
    found = {entity.text: entity for entity in find_actors(text, 0, "Syria")}
    assert found["Russian warplanes"].attributes["mode"] == "air"
    assert found["IS terrorists"].canonical == "Islamic State (Syria)"
    assert found["Syrian troops"].canonical == "Military Forces of Syria (2000-)"


def test_actors_generic_references_follow_the_only_armed_group():
    text = "Daesh lost the village. The militants fled east, and the terrorists left mines."
    generic = [
        entity for entity in find_actors(text, 0, "Syria") if entity.attributes["resolved_by"] == "generic"
    ]
    assert [(entity.text, entity.canonical) for entity in generic] == [
        ("militants", "Islamic State (Syria)"),
        ("terrorists", "Islamic State (Syria)"),
    ]
    assert all(entity.score < 1 for entity in generic)


def test_actors_generic_references_stay_unresolved_with_two_groups():
    text = "Daesh and Al Shabaab were named. The militants fled."
    assert "militants" not in {entity.text for entity in find_actors(text, 0, "Syria")}


def test_actors_country_focus_counts_names_demonyms_and_cities():
    text = "Clashes near Mosul. Iraqi troops said Syrian fighters crossed from Syria into Iraq near Mosul."
    assert country_focus_text(text) == "Iraq"


def test_actors_shipped_table_has_the_documented_names():
    table = load_table()
    for name in (
        "Military Forces of Syria (2000-)",
        "Islamic State (Syria)",
        "Military Forces of Russia (2000-)",
    ):
        assert name in table.records


def test_actors_build_table_from_acled_format(tmp_path):
    data = tmp_path / "events.csv"
    data.write_text(
        "event_id_cnty,country,actor1,inter1,assoc_actor_1,actor2,inter2,assoc_actor_2\n"
        "X1,Syria,Military Forces of Syria (2000-),1,,Islamic State (Syria),2,\n"
        "X2,Syria,Islamic State (Syria),2,,Civilians (Syria),7,\n",
        encoding="utf-8",
    )
    output = tmp_path / "actors.json"
    assert build_actor_table(data, output) == 3
    actors = json.loads(output.read_text(encoding="utf-8"))["actors"]
    assert actors[0] == {
        "name": "Islamic State (Syria)",
        "inter": 2,
        "countries": ["Syria"],
        "inter_by_country": {"Syria": 2},
    }


def test_train_actors_leaves_out_the_heldout_rows_unless_asked(tmp_path, runner):
    ids = [f"SYR{n}" for n in range(40)]
    heldout = [key for key in ids if is_heldout(key)]
    kept = [key for key in ids if not is_heldout(key)]
    assert heldout and kept
    data = tmp_path / "events.csv"
    rows = [f"{key},Syria,Actor {key},1,,,," for key in ids]
    data.write_text("event_id_cnty,country,actor1,inter1,assoc_actor_1,actor2,inter2,assoc_actor_2\n"
                    + "\n".join(rows) + "\n", encoding="utf-8")
    output = tmp_path / "actors.json"

    result = runner.invoke(cli, ["train", "actors", "--data", str(data), "--output", str(output)])
    assert result.exit_code == 0, result.output
    names = {actor["name"] for actor in json.loads(output.read_text(encoding="utf-8"))["actors"]}
    assert names == {f"Actor {key}" for key in kept}

    runner.invoke(cli, ["train", "actors", "--data", str(data), "--output", str(output), "--all-rows"])
    assert len(json.loads(output.read_text(encoding="utf-8"))["actors"]) == len(ids)


def test_actors_country_focus_prefers_the_places_layer():
    text = "Title\n\nThe army shelled Idlib. Iraq and Iraqi officials condemned it."
    analysis = Analysis.of(Article.create(text, title="Title", language="en"))
    start = text.index("Idlib")
    analysis.places.append(Place.of(text, start, start + 5, name="Idlib", country_code="SY"))
    assert country_focus(analysis) == "Syria"
    analysis.places.clear()
    assert country_focus(analysis) == "Iraq"
