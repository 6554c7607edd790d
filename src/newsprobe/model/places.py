"""Place mentions resolved to GeoNames, with relative locations ("40 km west of X")."""

from __future__ import annotations

from pydantic import Field

from newsprobe.model.base import Record, Span, SpanRef


class RelativeLocation(Record):
    """Where a place lies relative to an anchor place mentioned in the same article."""

    anchor_geonameid: int | None = None
    anchor_name: str
    bearing_deg: float | None = Field(default=None, description="Compass bearing from the anchor, 0 = north.")
    distance_km_low: float | None = None
    distance_km_high: float | None = None
    evidence: SpanRef | None = Field(default=None, description="The phrase stating the relation.")


class Place(Span):
    """A place mention; resolved fields are null when no gazetteer entry fits."""

    name: str | None = Field(default=None, description="Gazetteer name of the resolved place.")
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = Field(default=None, description="GeoNames feature class.code, e.g. `P.PPL`.")
    precision: int | None = Field(default=None, ge=1, le=3, description="ACLED geo_precision: 1 place, 2 near, 3 region.")
    score: float = Field(default=0.0, ge=0.0, le=1.0)
    relation: RelativeLocation | None = None
