"""ACLED's named units of state forces: "Military Forces of Brazil (2019-) Military Police" for "military police"
in Brazil, "... Air Force" for "the Russian air force". Read off the names in the actor table, not listed by hand.

A unit is named only when the mention names it: ACLED codes "Russian aviation" as often as the force
itself as its Air Force (measured on the training split), so an air mode alone does not choose the unit."""

from __future__ import annotations

import functools
import re

from newsprobe.actors.table import load_table

_UNIT_NAME = re.compile(r"^(?:Military|Police) Forces of (?:the )?(?P<owner>.+?) \(\d{4}-\d{0,4}\) (?P<unit>.+)$")
_FORCE_OWNER = re.compile(r"^(?:Military|Police) Forces of (?:the )?(?P<owner>.+?)(?: \(\d{4}-\d{0,4}\))?$")


@functools.cache
def _units() -> dict[tuple[str, str], str]:
    """(owner country, unit words in lower case) → the unit's ACLED name; the commonest name wins."""
    units: dict[tuple[str, str], str] = {}
    for name in load_table().records:
        match = _UNIT_NAME.match(name)
        if match:
            unit = match["unit"].split(": ")[-1].lower()  # "UPP: Pacifying Police Unit"
            units.setdefault((match["owner"], unit), name)
    return units


def unit_name(canonical: str, mention: str) -> str:
    """The state force's named unit when the mention names it, else `canonical`.

    Args:
        canonical: the resolved force, e.g. "Police Forces of Brazil (2019-)".
        mention: the words of the mention, e.g. "military police".

    Returns:
        The unit's ACLED name, e.g. "Military Forces of Brazil (2019-) Military Police", or `canonical`.
    """
    force = _FORCE_OWNER.match(canonical)
    if force is None:
        return canonical
    words = mention.lower()
    for (owner, unit), name in _units().items():
        if owner == force["owner"] and unit in words:
            return name
    return canonical
