"""Cut the text at every highlight boundary so overlapping findings can be drawn without nesting."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from newsprobe.model import Article
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


def segment_text(text: str, highlights: list[Highlight], start: int = 0, end: int | None = None) -> list[Segment]:
    """Consecutive segments covering `text[start:end]`, each with the highlights that cover it."""
    end = len(text) if end is None else end
    inside = [h for h in highlights if h.start < end and h.end > start]
    cuts = sorted({start, end, *(h.start for h in inside if h.start > start), *(h.end for h in inside if h.end < end)})
    segments = []
    for low, high in itertools.pairwise(cuts):
        covering = tuple(h for h in inside if h.start <= low and high <= h.end)
        segments.append(Segment(low, high, text[low:high], covering))
    return segments


def title_and_body(article: Article) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """Offsets of the title line (when the text begins with it) and of the body after it. The scraped
    `Title | Outlet` line between them is metadata: reports show the title once, as its own heading."""
    return article.title_line, (article.body_start, len(article.text))
