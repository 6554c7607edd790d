"""The token with offsets that the rule-based analyzers share; each tokenizes with its own pattern."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    """A stretch `text[start:end]` of the article that an analyzer treats as one unit."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()
