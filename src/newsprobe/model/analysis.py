"""`Analysis`: one article plus the layers the analyzers add. Its JSON is the versioned contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Self

from pydantic import BaseModel, Field, model_validator

from newsprobe.model.article import Article
from newsprobe.model.base import Record, Span
from newsprobe.model.claims import Claim
from newsprobe.model.entities import Entity
from newsprobe.model.events import Event
from newsprobe.model.places import Place
from newsprobe.model.quantities import Quantity
from newsprobe.model.signals import Signal
from newsprobe.model.techniques import PropagandaSummary, TechniqueSpan

SCHEMA_VERSION = "1.2"
LAYERS = ("techniques", "entities", "places", "quantities", "claims", "events", "signals")


class Analysis(Record):
    """An article and every finding about it, each anchored by character offsets into `article.text`."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    analyzers: dict[str, str] = Field(default_factory=dict, description="Analyzer name → versioned id that ran.")
    warnings: list[str] = Field(default_factory=list, description="Analyzers skipped for this article, and why.")
    techniques: list[TechniqueSpan] = Field(default_factory=list)
    propaganda: PropagandaSummary | None = None
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    signals: list[Signal] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_match_text(self) -> Self:
        text = self.article.text
        for span in iter_spans(self):
            if span.end > len(text) or text[span.start : span.end] != span.text:
                raise ValueError(
                    f"span [{span.start}, {span.end}) {span.text!r} does not match the article text "
                    f"{text[span.start : span.end]!r}"
                )
        return self

    @property
    def id(self) -> str:
        return self.article.id

    def signal_spans(self, kind: str) -> list[tuple[int, int]]:
        """Offsets of the signals of one kind, e.g. the legal notices other analyzers read past."""
        return [(signal.start, signal.end) for signal in self.signals if signal.kind == kind]

    def event_place(self, event: Event) -> Place | None:
        """An event's place: one of the places layer, or the place resolved for the event alone."""
        return self.places[event.place_index] if event.place_index is not None else event.location

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Analysis:
        return cls.model_validate_json(data)

    @classmethod
    def of(cls, article: Article) -> Analysis:
        """A fresh analysis with empty layers."""
        return cls(article=article)


def iter_spans(model: BaseModel) -> Iterator[Span]:
    """Every `Span` inside a model, at any depth (findings and their evidence)."""
    for name in type(model).model_fields:
        yield from _spans_in(getattr(model, name))


def _spans_in(value: object) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    if isinstance(value, BaseModel):
        yield from iter_spans(value)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _spans_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _spans_in(item)
