"""Propaganda technique spans (PTC / SemEval-2020 Task 11 taxonomy)."""

from __future__ import annotations

from pydantic import Field

from newsprobe.model.base import Record, Span


class TechniqueSpan(Span):
    """A fragment that uses one propaganda technique; spans of different techniques may overlap."""

    technique: str = Field(description="PTC label, e.g. `Loaded_Language`, `Name_Calling,Labeling`.")
    score: float = Field(ge=0.0, le=1.0, description="Model confidence.")


class PropagandaSummary(Record):
    """Article-level view of the technique layer."""

    counts: dict[str, int] = Field(default_factory=dict, description="Spans per technique.")
    score: float = Field(default=0.0, ge=0.0, le=1.0, description="Article-level propaganda score.")
    profile: str | None = Field(default=None, description="Propaganda profile that ran: `fast` or `accurate`.")
    model: str | None = Field(
        default=None, description="Version of the model behind the techniques: `ENCODER@TRAINED`, from its card.")
