"""The one data model: `Article`, `Analysis` and the layers of `[start, end)` findings."""

from newsprobe.model.analysis import LAYERS, SCHEMA_VERSION, Analysis, iter_spans
from newsprobe.model.article import Article, normalise_text, replace_surrogates, text_checksum
from newsprobe.model.base import Span, SpanRef, lies_within
from newsprobe.model.claims import Attribution, Claim
from newsprobe.model.entities import Entity
from newsprobe.model.events import Event, EventActor, EventDate, Fatalities
from newsprobe.model.places import Place, RelativeLocation
from newsprobe.model.quantities import Quantity
from newsprobe.model.signals import Signal
from newsprobe.model.techniques import PropagandaSummary, TechniqueSpan

__all__ = [
    "LAYERS",
    "SCHEMA_VERSION",
    "Analysis",
    "Article",
    "Attribution",
    "Claim",
    "Entity",
    "Event",
    "EventActor",
    "EventDate",
    "Fatalities",
    "Place",
    "PropagandaSummary",
    "Quantity",
    "RelativeLocation",
    "Signal",
    "Span",
    "SpanRef",
    "TechniqueSpan",
    "iter_spans",
    "lies_within",
    "normalise_text",
    "replace_surrogates",
    "text_checksum",
]
