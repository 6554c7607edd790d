"""Provenance signals: duplicated passages, legal disclaimers, spelling variants, translation artefacts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsprobe.model.base import Span, SpanRef

SignalKind = Literal["duplicate_passage", "legal_disclaimer", "spelling_variants", "translation_artefact"]


class Signal(Span):
    """One provenance finding with a plain-language explanation."""

    kind: SignalKind
    explanation: str
    related: list[SpanRef] = Field(default_factory=list, description="Other spans the finding links to.")
    score: float = Field(default=1.0, ge=0.0, le=1.0)
    attributes: dict[str, str] = Field(default_factory=dict, description="Kind-specific facts, e.g. jurisdiction.")
