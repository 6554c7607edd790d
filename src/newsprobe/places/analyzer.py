"""The places analyzer: fills `analysis.places` with resolved mentions and relative locations."""

from __future__ import annotations

from typing import ClassVar

from newsprobe.budget import check_budget
from newsprobe.model import Analysis, Place, SpanRef
from newsprobe.model.places import RelativeLocation
from newsprobe.places.geoparse import Geoparser, Located


class PlacesAnalyzer:
    name: ClassVar[str] = "places"
    version: ClassVar[str] = "v12"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("places",)
    languages: ClassVar[tuple[str, ...]] = ("en",)

    def __init__(self) -> None:
        self.geoparser = Geoparser()

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.article.text
        located = self.geoparser.parse(text)
        located += self.geoparser.relative_phrases(text, located)
        check_budget("the places analyzer")
        places = [to_place(text, found, self.geoparser) for found in located]
        analysis.places.extend(sorted(places, key=lambda place: (place.start, place.end)))


def to_place(text: str, found: Located, geoparser: Geoparser) -> Place:
    """The model's `Place` for one located mention."""
    candidate = found.candidate
    relation = None
    if found.relation and found.anchor:
        relation = RelativeLocation(
            anchor_geonameid=found.anchor.geonameid, anchor_name=found.anchor.name,
            bearing_deg=found.relation.bearing_deg, distance_km_low=round(found.relation.low_km, 1),
            distance_km_high=round(found.relation.high_km, 1),
            evidence=SpanRef.of(text, found.relation.start, found.relation.end),
        )
    elif found.anchor:  # an unknown place put at the nearest known one
        relation = RelativeLocation(anchor_geonameid=found.anchor.geonameid, anchor_name=found.anchor.name)
    source = candidate or found.anchor
    admin1 = geoparser.gazetteer.division_name(source.country_code, source.admin1) if source else None
    return Place.of(
        text, found.start, found.end, name=candidate.name if candidate else None,
        geonameid=candidate.geonameid if candidate else None,
        lat=None if found.lat is None else round(found.lat, 5), lon=None if found.lon is None else round(found.lon, 5),
        country_code=source.country_code or None if source else None, admin1=admin1,
        feature=candidate.feature if candidate else None, precision=found.precision,
        score=round(min(1.0, max(0.0, found.score)), 4), relation=relation,
    )
