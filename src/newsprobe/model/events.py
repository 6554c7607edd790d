"""Conflict events coded to the ACLED taxonomy, with the evidence behind every field."""

from __future__ import annotations

from pydantic import Field

from newsprobe.model.base import Record, SpanRef
from newsprobe.model.claims import Attribution
from newsprobe.model.places import Place


class EventActor(Record):
    """An actor as ACLED codes it, with the mention it came from."""

    name: str = Field(description="ACLED standard name, e.g. `Military Forces of Syria (2000-)`.")
    inter: int | None = None
    mention: SpanRef | None = None


class Fatalities(Record):
    low: int | None = None
    best: int | None = None
    high: int | None = None
    evidence: SpanRef | None = None


class EventDate(Record):
    date: str | None = Field(default=None, description="ISO date, null when it cannot be resolved.")
    time_precision: int | None = Field(default=None, ge=1, le=3, description="ACLED: 1 day, 2 week, 3 month.")
    evidence: SpanRef | None = None
    note: str | None = None


class Event(Record):
    """One coded event; `evidence` holds the sentences it was read from."""

    event_type: str
    sub_event_type: str
    score: float = Field(ge=0.0, le=1.0)
    actor1: EventActor | None = None
    assoc_actor_1: list[EventActor] = Field(default_factory=list)
    actor2: EventActor | None = None
    assoc_actor_2: list[EventActor] = Field(default_factory=list)
    place_index: int | None = Field(default=None, description="Index into `Analysis.places`.")
    location: Place | None = Field(
        default=None,
        description="The event's place when no place of the places layer fits (null when `place_index` is set): "
        "a name of the event's sentences, e.g. the district of an ACLED-style `(District, Province)` chain, "
        "resolved in the event's country through `newsprobe.places.resolve_place`.",
    )
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    date: EventDate = Field(default_factory=EventDate)
    fatalities: Fatalities = Field(default_factory=Fatalities)
    quantity_indexes: list[int] = Field(default_factory=list, description="Indexes into `Analysis.quantities`.")
    evidence: list[SpanRef] = Field(default_factory=list)
    sourcing: list[Attribution] = Field(default_factory=list)
