"""Fatalities of an event from its killed counts: ACLED's conservative best, with low/high and evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from newsprobe.model import Fatalities, Quantity, SpanRef

# Heads that count everyone, so a total stated with them is not added to counts of specific groups.
GENERIC_HEADS = frozenset(
    {
        None,
        "people",
        "persons",
        "individuals",
        "others",
        "fatalities",
        "fatality",
        "deaths",
        "dead",
        "bodies",
        "body",
    }
)


class FatalityCount(NamedTuple):
    """low/best/high fatalities (None when no killed count is stated) and the quantities they come from."""

    low: int | None
    best: int | None
    high: int | None
    evidence: tuple[Quantity, ...]

    def to_model(self, article_text: str) -> Fatalities:
        """The `Fatalities` record of an event, its evidence the first quantity used."""
        evidence = SpanRef.of(article_text, *self.evidence[0].offsets) if self.evidence else None
        return Fatalities(low=self.low, best=self.best, high=self.high, evidence=evidence)


def fatalities_from(quantities: Iterable[Quantity]) -> FatalityCount:
    """Fatalities from the killed quantities that belong to one event.

    Args:
        quantities: the event's quantities (other roles are ignored).

    Returns:
        Per counted group, the most conservative report (lowest best); groups are summed, except that a
        generic total ("12 people") at least as large as the specific groups replaces them.
    """
    killed = [quantity for quantity in quantities if quantity.role == "killed" and quantity.best is not None]
    if not killed:
        return FatalityCount(None, None, None, ())
    groups: dict[str | None, Quantity] = {}
    for quantity in killed:
        key = None if quantity.unit in GENERIC_HEADS else quantity.unit
        kept = groups.get(key)
        if kept is None or (quantity.best or 0) < (kept.best or 0):
            groups[key] = quantity
    return _combine(_total_or_parts(list(groups.values())))


def _total_or_parts(chosen: list[Quantity]) -> list[Quantity]:
    """A generic total when it covers the specific groups, else the specific groups (and totals alone)."""
    generic = [quantity for quantity in chosen if quantity.unit in GENERIC_HEADS]
    specific = [quantity for quantity in chosen if quantity.unit not in GENERIC_HEADS]
    if not specific or not generic:
        return chosen
    total = max(generic, key=lambda quantity: quantity.best or 0)
    return [total] if (total.best or 0) >= sum(quantity.best or 0 for quantity in specific) else specific


def _combine(parts: list[Quantity]) -> FatalityCount:
    """Sum the parts; a missing bound in any part leaves that bound open."""
    best = sum(int(quantity.best or 0) for quantity in parts)
    lows = [quantity.low for quantity in parts]
    highs = [quantity.high for quantity in parts]
    low = None if None in lows else int(sum(value or 0 for value in lows))
    high = None if None in highs else int(sum(value or 0 for value in highs))
    ordered = tuple(sorted(parts, key=lambda quantity: quantity.start))
    return FatalityCount(low, best, high, ordered)
