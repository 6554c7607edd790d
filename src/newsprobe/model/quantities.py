"""Counted quantities with hedges resolved to low/best/high (ACLED's conservative conventions)."""

from __future__ import annotations

from pydantic import Field

from newsprobe.model.base import Span


class Quantity(Span):
    """A number of people or things, e.g. "around 50 terrorists" or "150–200 surrounded militants"."""

    low: float | None = None
    best: float | None = None
    high: float | None = None
    hedge: str | None = Field(default=None, description="around, more than, at least, up to, dozens, ...")
    unit: str | None = Field(default=None, description="What is counted: militants, pick-ups, civilians ...")
    role: str | None = Field(default=None, description="killed, wounded, captured, surrounded, destroyed, ...")
