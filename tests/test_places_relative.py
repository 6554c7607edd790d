"""The relative-location grammar: bearing, distance range and the phrase's offsets."""

from __future__ import annotations

import pytest

from newsprobe.places.geo import destination, distance_km
from newsprobe.places.relative import relation_before


def _relation(text: str, anchor: str):
    start = text.rindex(anchor)
    return relation_before(text, start, start + len(anchor))


@pytest.mark.parametrize(("text", "anchor", "phrase", "bearing", "low", "high"), [
    ("fighting 30 km north of Raqqa", "Raqqa", "30 km north of Raqqa", 0.0, 30.0, 30.0),
    ("a hamlet located in several dozen kilometers to the west from Tall Abyad", "Tall Abyad",
     "in several dozen kilometers to the west from Tall Abyad", 270.0, 24.0, 60.0),
    ("some 20-25 km south-east of the town of Idlib", "Idlib", "some 20-25 km south-east of the town of Idlib",
     135.0, 20.0, 25.0),
    ("hiding in the desert west of Mayadin", "Mayadin", "west of Mayadin", 270.0, 0.0, 50.0),
    ("about 12 miles northwest of Tikrit", "Tikrit", "about 12 miles northwest of Tikrit", 315.0, 19.3, 19.3),
    ("shelling on the outskirts of Homs", "Homs", "outskirts of Homs", None, 0.0, 10.0),
    ("a checkpoint near Palmyra", "Palmyra", "near Palmyra", None, 0.0, 20.0),
])
def test_relative_grammar(text: str, anchor: str, phrase: str, bearing: float | None, low: float, high: float) -> None:
    relation = _relation(text, anchor)
    assert relation is not None
    assert text[relation.start : relation.end] == phrase
    assert relation.bearing_deg == bearing
    assert (round(relation.low_km, 1), round(relation.high_km, 1)) == (low, high)


@pytest.mark.parametrize("text", ["they returned to Aleppo", "the Western Europe summit in Paris", "north Paris"])
def test_relative_grammar_ignores_plain_mentions(text: str) -> None:
    assert _relation(text, text.split()[-1]) is None


def test_destination_goes_the_stated_way() -> None:
    lat, lon = destination(34.45, 40.92, 270.0, 40.0)
    assert abs(lat - 34.45) < 0.01 and lon < 40.92
    assert distance_km(34.45, 40.92, lat, lon) == pytest.approx(40.0, abs=0.1)
