"""The events analyzer: reads whatever entities, places, quantities and claims layers ran, writes events."""

from __future__ import annotations

from typing import ClassVar

from newsprobe.events.assemble import assemble_events
from newsprobe.events.classifier import load_classifier
from newsprobe.model import Analysis


class EventsAnalyzer:
    name: ClassVar[str] = "events"
    version: ClassVar[str] = "v7"
    # Without any of these the events would be silently worse (no actors, places, fatalities or sourcing).
    requires: ClassVar[tuple[str, ...]] = ("entities", "places", "quantities", "claims")
    assigns: ClassVar[tuple[str, ...]] = ("events",)
    languages: ClassVar[tuple[str, ...]] = ("en",)

    def __init__(self) -> None:
        self.classifier = load_classifier()

    def __call__(self, analysis: Analysis) -> None:
        analysis.events.extend(assemble_events(analysis, self.classifier))
