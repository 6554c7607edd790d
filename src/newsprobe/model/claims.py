"""Factual claims and who they are attributed to."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsprobe.model.base import Record, Span, SpanRef

SourceKind = Literal["named", "anonymous", "vague", "none"]


class Attribution(Record):
    """The source a claim is attributed to, if any."""

    kind: SourceKind
    source: SpanRef | None = Field(default=None, description="The source phrase in the text.")
    cue: SpanRef | None = Field(default=None, description="The attribution cue: according to, say, reportedly.")
    origin: SpanRef | None = Field(
        default=None, description="The source a relaying source cites (`referring to`, `citing`, `quoting` X)."
    )
    origin_kind: SourceKind | None = Field(default=None, description="How identifiable `origin` is.")


class Claim(Span):
    """A sentence (or clause) asserting a fact."""

    attribution: Attribution
    hedged: bool = False
    hedges: list[SpanRef] = Field(default_factory=list, description="Hedging cues: reportedly, may, it seems ...")
