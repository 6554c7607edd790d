"""Whose points a corpus uses for countries and first-level divisions (a development aid; prints counts only).

    PYTHONPATH=src python tools/places_area_points.py --split dev ../shared/data/geo/geovirus.jsonl ../shared/data/geo/lgl.jsonl

Each gold place of the first corpus that names a country or a first-level division of the gazetteer (and lies
within 800 km of its point, so it is that area) is compared with GeoNames' own point for the same feature,
taken from the second corpus, whose gold gives GeoNames ids and points (LGL), and with our gazetteer's point.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from newsprobe.places.corpus import read_gold
from newsprobe.places.evaluate import ACCURACY_KM
from newsprobe.places.gazetteer import Candidate, Gazetteer, load_gazetteer
from newsprobe.places.geo import distance_km
from newsprobe.places.resolve import candidates_for

AREAS = ("A.PCLI", "A.ADM1")
# A gold point this far at most from an area's point is taken to mean that area; one this close, its very point.
SAME_AREA_KM = 800.0
SAME_POINT_KM = 1.0


def geonames_points(path: Path, split: str) -> dict[int, tuple[float, float]]:
    """GeoNames' point of each feature a corpus with GeoNames ids gives (its most frequent gold point)."""
    points: dict[int, Counter[tuple[float, float]]] = defaultdict(Counter)
    for doc in read_gold(path, split):
        for place in doc.places:
            if place.geonameid and place.located:
                points[place.geonameid][(place.lat, place.lon)] += 1  # type: ignore[index]
    return {geonameid: counts.most_common(1)[0][0] for geonameid, counts in points.items()}


def named_area(text: str, lat: float, lon: float, gazetteer: Gazetteer) -> Candidate | None:
    """The country (else the largest division) a gold name can be, when its gold point is near enough."""
    areas = [c for c in candidates_for(text, gazetteer) if c.feature in AREAS]
    area = max(areas, key=lambda c: (c.feature == "A.PCLI", c.size), default=None)
    return area if area and distance_km(area.lat, area.lon, lat, lon) <= SAME_AREA_KM else None


def _band(km: float) -> str:
    return "same point" if km <= SAME_POINT_KM else "within 161 km" if km <= ACCURACY_KM else "> 161 km"


def compare(path: Path, reference: dict[int, tuple[float, float]], split: str, gazetteer: Gazetteer) -> Counter[str]:
    """Counts of area mentions by how far their gold point lies from GeoNames' point and from ours."""
    counts: Counter[str] = Counter()
    for doc in read_gold(path, split):
        for place in (p for p in doc.places if p.located):
            area = named_area(place.text, place.lat, place.lon, gazetteer)  # type: ignore[arg-type]
            if area is None:
                continue
            counts[f"{area.feature} ours: {_band(distance_km(area.lat, area.lon, place.lat, place.lon))}"] += 1  # type: ignore[arg-type]
            if area.geonameid in reference:
                lat, lon = reference[area.geonameid]  # type: ignore[index]
                counts[f"{area.feature} GeoNames: {_band(distance_km(lat, lon, place.lat, place.lon))}"] += 1  # type: ignore[arg-type]
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("geonames_corpus", type=Path)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    counts = compare(args.corpus, geonames_points(args.geonames_corpus, args.split), args.split, load_gazetteer())
    for name, count in sorted(counts.items()):
        print(f"{name:<36} {count}")


if __name__ == "__main__":
    main()
