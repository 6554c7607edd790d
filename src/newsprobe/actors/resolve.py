"""Alias targets → ACLED canonical name and inter code, using the country the article is about."""

from __future__ import annotations

import re

from newsprobe.actors.table import ActorTable, Target

_PERIOD = re.compile(r"\(\d{4}-\d{0,4}\)$")
# ACLED codes a state's forces acting abroad as external (inter 8).
EXTERNAL_INTER = 8


def resolve_target(table: ActorTable, target: Target, country: str | None) -> tuple[str, int | None] | None:
    """The canonical name and inter code of `target` for an article about `country` (None: cannot resolve)."""
    name = _family_name(table, target, country) if target.family else target.canonical
    if name is None:
        return None
    if country and name == f"Unidentified Armed Group ({country})":
        name = table.unidentified_perpetrator(country)  # "armed men" in Brazil: ACLED's gang convention
    record = table.records.get(name, {})
    inter = record.get("inter_by_country", {}).get(country) if country else None
    return name, inter or record.get("inter") or target.inter


def _family_name(table: ActorTable, target: Target, country: str | None) -> str | None:
    """Family name for a country: "Islamic State" + Syria → "Islamic State (Syria)"."""
    if "{country}" in target.canonical and not country:
        return None
    prefix, candidates = _candidates(table, target, country)
    # A family written with its country ("Protesters ({country})") is already complete.
    own = prefix if "{country}" in target.canonical else f"{prefix} ({country})"
    if own in candidates:
        return own
    for name in candidates:
        if country in table.records[name].get("countries", ()):
            return name
    if candidates and (not country or _PERIOD.search(candidates[0]) or "{country}" in target.canonical):
        return candidates[0]
    return own if country else prefix


def _candidates(table: ActorTable, target: Target, country: str | None) -> tuple[str, list[str]]:
    """Table names of the family, most frequent first; "of the Philippines" when "of Philippines" fails."""
    sub_units = "{country}" not in target.canonical  # "Islamic State (West Africa) - Lake Chad Faction"
    prefix = target.canonical.format(country=country)
    for form in (prefix, target.canonical.format(country=f"the {country}")):
        candidates = _family_names(table, form, sub_units)
        if candidates or sub_units:
            return form if candidates else prefix, candidates
    return prefix, []


def _family_names(table: ActorTable, form: str, sub_units: bool) -> list[str]:
    """Table names that are `form` or its variants; kept on the table, as a scan of every name per mention
    made the cost of an article its mentions times the table."""
    key = (form, sub_units)
    if key not in table.family_cache:
        table.family_cache[key] = [name for name in table.records if name == form or _variant_of(name, form, sub_units)]
    return table.family_cache[key]


def _variant_of(name: str, prefix: str, sub_units: bool) -> bool:
    """`name` is `prefix` plus a parenthetical ("Islamic State (Iraq)"), and a suffix when `sub_units`."""
    if not name.startswith(prefix + " (") or "and/or" in name:
        return False
    return sub_units or (name.endswith(")") and name.count("(") == prefix.count("(") + 1)
