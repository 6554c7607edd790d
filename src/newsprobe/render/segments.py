"""Cut the text at every highlight boundary so overlapping findings can be drawn without nesting."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from newsprobe.render.highlights import Highlight


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    covering: tuple[Highlight, ...]

    @property
    def innermost(self) -> Highlight | None:
        return min(self.covering, key=lambda item: item.end - item.start) if self.covering else None


def segment_text(text: str, highlights: list[Highlight]) -> list[Segment]:
    """Consecutive segments covering the whole text, each with the highlights that cover it."""
    cuts = sorted({0, len(text), *(h.start for h in highlights), *(h.end for h in highlights)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        covering = tuple(h for h in highlights if h.start <= start and end <= h.end)
        segments.append(Segment(start, end, text[start:end], covering))
    return segments
