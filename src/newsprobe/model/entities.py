"""Named mentions normalised to a canonical name (actors, organisations, people)."""

from __future__ import annotations

from pydantic import Field

from newsprobe.model.base import Span


class Entity(Span):
    """A mention of a named thing, linked to its canonical name (IS, IG, Daesh → one actor)."""

    label: str = Field(description="ACTOR, ORG, PERSON, GPE, NORP, ...")
    canonical: str | None = Field(default=None, description="Normalised name, e.g. `Islamic State (Syria)`.")
    inter: int | None = Field(default=None, description="ACLED inter code of the actor (1 state forces ... 8).")
    score: float = Field(default=1.0, ge=0.0, le=1.0)
    attributes: dict[str, str] = Field(
        default_factory=dict,
        description="Facts about the mention: `mode` (air), `country` it was resolved for, `resolved_by` "
        "(alias, country, demonym, generic).",
    )
