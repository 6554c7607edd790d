"""The quantities analyzer: counted numbers with hedges resolved to low/best/high, unit and role."""

from __future__ import annotations

from typing import ClassVar

from newsprobe.model import Analysis, Quantity
from newsprobe.quantities.grammar import find_matches


def find_quantities(text: str, start: int = 0) -> list[Quantity]:
    """Every counted quantity in `text[start:]` as `Quantity` spans with offsets into `text`."""
    return [
        Quantity.of(
            text,
            match.start,
            match.end,
            low=match.low,
            best=match.best,
            high=match.high,
            hedge=match.hedge,
            unit=match.unit,
            role=match.role,
        )
        for match in find_matches(text, start)
    ]


class QuantitiesAnalyzer:
    name: ClassVar[str] = "quantities"
    version: ClassVar[str] = "v2"  # v2: a preposition or direction ends the counted phrase; fires and blasts destroy, not suffer
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("quantities",)
    languages: ClassVar[tuple[str, ...]] = ("en",)

    def __call__(self, analysis: Analysis) -> None:
        article = analysis.article
        analysis.quantities.extend(find_quantities(article.text, article.body_start))
