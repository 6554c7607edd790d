"""Relative locations: "30 km north of Raqqa", "several dozen kilometers to the west from X", "near X"."""

from __future__ import annotations

import re
from dataclasses import dataclass

BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0, "southwest": 225.0,
    "west": 270.0, "northwest": 315.0,
}
# Vague amounts of kilometres, as ranges (low, high).
VAGUE_KM = {
    "several dozen": (24.0, 60.0), "a few dozen": (24.0, 48.0), "dozens of": (24.0, 99.0), "dozen": (10.0, 14.0),
    "several tens of": (20.0, 60.0), "tens of": (20.0, 90.0), "several": (3.0, 9.0), "a few": (2.0, 5.0),
    "a couple of": (2.0, 3.0), "hundreds of": (100.0, 900.0), "several hundred": (200.0, 900.0),
}
# Distance ranges for relations without a number (km).
NEAR_KM = {"near": (0.0, 20.0), "outskirts": (0.0, 10.0), "outside": (0.0, 20.0), "vicinity": (0.0, 15.0),
           "close to": (0.0, 15.0), "area": (0.0, 30.0)}
_UNIT = r"(?P<unit>km|kms|kilomet(?:er|re)s?|mi|miles?)\b"
_NUMBER = r"(?P<low>\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to)\s*(?P<high>\d+(?:[.,]\d+)?))?"
_VAGUE = "|".join(sorted(map(re.escape, VAGUE_KM), key=len, reverse=True))
_HEDGE = r"(?:(?:some|about|around|approximately|roughly|nearly|almost|over|more than|less than|up to|just)\s+)?"
_DISTANCE = rf"(?:{_HEDGE}(?:{_NUMBER}|(?P<vague>{_VAGUE}))\s*-?\s*{_UNIT}\s+)"
_COMPASS = r"(?P<bearing>(?:north|south)[\s-]?(?:east|west)|north|south|east|west)(?:ern|ward|wards)?"
_DIRECTED = rf"(?:in\s+)?{_DISTANCE}?(?:to\s+the\s+)?{_COMPASS}\s+(?:of|from)\s+(?:the\s+(?:city|town|village|province)\s+of\s+)?$"
_NEARBY = r"(?P<near>near|outskirts|outside|vicinity|close to|area)\s+(?:of\s+)?(?:the\s+(?:city|town|village)\s+of\s+)?$"
DIRECTED = re.compile(_DIRECTED, re.IGNORECASE)
NEARBY = re.compile(_NEARBY, re.IGNORECASE)
# How far back from an anchor a relation phrase may start.
WINDOW = 90
MILE_KM = 1.609344


@dataclass(frozen=True)
class Relation:
    """A phrase placing something relative to the anchor mention that ends it."""

    start: int
    end: int
    bearing_deg: float | None
    low_km: float
    high_km: float
    distance_stated: bool = True


def relation_before(text: str, anchor_start: int, anchor_end: int) -> Relation | None:
    """The relation phrase that ends just before an anchor mention, if any."""
    left = text[max(0, anchor_start - WINDOW) : anchor_start]
    offset = anchor_start - len(left)
    directed = _last_match(DIRECTED, left)
    if directed:
        low, high = _distance(directed)
        bearing = BEARINGS[re.sub(r"[\s-]", "", directed["bearing"].lower())]
        stated = bool(directed["vague"] or directed["low"])
        return Relation(offset + directed.start(), anchor_end, bearing, low, high, stated)
    nearby = _last_match(NEARBY, left)
    if nearby:
        low, high = NEAR_KM[nearby["near"].lower()]
        return Relation(offset + nearby.start(), anchor_end, None, low, high)
    return None


def _last_match(pattern: re.Pattern[str], left: str) -> re.Match[str] | None:
    """The match ending at the end of `left` that starts on a word boundary, longest first."""
    for start in range(len(left)):
        if start and left[start - 1].isalnum():
            continue
        match = pattern.match(left, start)
        if match:
            return match
    return None


def _distance(match: re.Match[str]) -> tuple[float, float]:
    """A distance range in km from the number or vague amount of a match; unknown distance is 0–50 km."""
    if match["vague"]:
        low, high = VAGUE_KM[match["vague"].lower()]
    elif match["low"]:
        low = float(match["low"].replace(",", "."))
        high = float(match["high"].replace(",", ".")) if match["high"] else low
    else:
        return 0.0, 50.0
    scale = MILE_KM if match["unit"] and match["unit"].lower().startswith("mi") else 1.0
    return low * scale, high * scale
