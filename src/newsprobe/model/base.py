"""The span every finding is anchored to: `[start, end)` character offsets into `Article.text`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Record(BaseModel):
    """Base of every model in the schema: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Record):
    """A stretch of the article text; `text` is the surface `article.text[start:end]`."""

    start: int = Field(ge=0, description="Offset of the first character (Python str index).")
    end: int = Field(ge=0, description="Offset after the last character (exclusive).")
    text: str = Field(description="The surface, always equal to article.text[start:end].")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    @classmethod
    def of(cls, article_text: str, start: int, end: int, **fields: Any) -> Self:
        """Build a finding from offsets, taking its surface from the article text."""
        if not 0 <= start <= end <= len(article_text):
            raise ValueError(f"offsets [{start}, {end}) lie outside a text of {len(article_text)} characters")
        return cls(start=start, end=end, text=article_text[start:end], **fields)

    @property
    def offsets(self) -> tuple[int, int]:
        return (self.start, self.end)

    def lies_within(self, bounds: Iterable[tuple[int, int]]) -> bool:
        """Whether the span lies inside one of `bounds` (e.g. an event's sentences, a legal notice)."""
        return lies_within(self.start, self.end, bounds)


def lies_within(start: int, end: int, bounds: Iterable[tuple[int, int]]) -> bool:
    """Whether `[start, end)` lies inside one of `bounds`."""
    return any(low <= start and end <= high for low, high in bounds)


class SpanRef(Span):
    """A bare evidence span (a cue, a source phrase, a related passage)."""
