"""The actor table: ACLED canonical names (generated) plus our aliases, indexed by token sequence."""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprobe.errors import Errors, NewsprobeError

DATA = Path(__file__).parent / "data"
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2,}")
_PERIOD_OR_COUNTRY = re.compile(r"^(?P<base>[^()]+?) \((?P<inner>[^()]+)\)$")
# "CODECO-URDPC", "KNU/KNLA": acronyms joined by a hyphen (one token) or a slash (each part an acronym).
_COMPOUND_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+(?:[-/][A-Z0-9]+)+")
# "Zamfara Communal Militia", "Fano Youth Militia": the group's name before the kind of militia.
_MILITIA = re.compile(r"^(?P<group>[A-Z][\w' -]*?) (?:Communal |Ethnic |Clan |Youth |Tribal )?Militia$")
_MILITIA_HEADS = ("militia", "militias", "militiamen")


@dataclass(frozen=True)
class Target:
    """What an alias points to: a canonical name, or a family resolved by country (`{country}` templates)."""

    canonical: str
    inter: int | None = None
    family: bool = False
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass
class ActorTable:
    """Canonical actors (`records`, most frequent first) and alias keys (token tuples) → targets."""

    records: dict[str, dict[str, Any]]
    exact: dict[tuple[str, ...], list[Target]] = field(default_factory=lambda: defaultdict(list))
    folded: dict[tuple[str, ...], list[Target]] = field(default_factory=lambda: defaultdict(list))
    countries: list[Country] = field(default_factory=list)
    state_forms: dict[tuple[str, ...], str] = field(default_factory=dict)
    generic: frozenset[tuple[str, ...]] = frozenset()
    absorbed: frozenset[str] = frozenset()
    unidentified: dict[str, str] = field(default_factory=dict)

    def unidentified_perpetrator(self, country: str) -> str:
        """ACLED's name for an unidentified perpetrator in `country` (gangs in parts of Latin America)."""
        return self.unidentified.get(country, f"Unidentified Armed Group ({country})")

    def add_alias(self, alias: str, target: Target) -> None:
        """Acronyms and names led by "The" match case-sensitively, every other alias case-insensitively."""
        words = tuple(alias.split())
        if len(words) == 1 and _ACRONYM.fullmatch(alias) or len(alias) <= 3:
            self.exact[words].append(target)
        elif words[0] == "The" and len(words) > 1:
            # A name with its article ("The Left", "The Greens") is a name only when capitalised:
            # "the left bank" is no party.
            self.exact[words].append(target)
            self.exact[("the", *words[1:])].append(target)
        else:
            self.folded[tuple(word.lower() for word in words)].append(target)

    @functools.cached_property
    def family_cache(self) -> dict[tuple[str, bool], list[str]]:
        """Names of each actor family asked for so far (filled by `resolve`)."""
        return {}

    @functools.cached_property
    def by_demonym(self) -> dict[str, Country]:
        return {word: country for country in self.countries for word in (*country.demonyms, *country.names)}

    @functools.cached_property
    def by_iso2(self) -> dict[str, Country]:
        return {country.iso2: country for country in self.countries}

    @functools.cached_property
    def longest_from(self) -> dict[str, int]:
        """Lower-cased first word of an alias → the most words of an alias starting with it, so the text is
        only searched at words that can start one."""
        longest: dict[str, int] = {}
        for key in (*self.exact, *self.folded):
            first = key[0].lower()
            longest[first] = max(longest.get(first, 0), len(key))
        return longest


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewsprobeError(Errors.E302, path=str(path), detail=str(error)) from error


@functools.cache
def load_table(
    canonical_path: Path = DATA / "acled_actors.json", alias_path: Path = DATA / "aliases.json"
) -> ActorTable:
    """The shipped table: generated canonical entries, their derived aliases, then our own aliases."""
    records = {record["name"]: record for record in _read_json(canonical_path)["actors"]}
    table = ActorTable(records)
    for name, record in records.items():
        for alias, target in derived_aliases(name, record):
            table.add_alias(alias, target)
    _add_own_aliases(table, _read_json(alias_path))
    return table


def derived_aliases(name: str, record: dict[str, Any]) -> list[tuple[str, Target]]:
    """Aliases read off an ACLED name: "QSD: Syrian Democratic Forces" → QSD and the long name;
    "Protesters (India)" → the country-dependent base "Protesters"."""
    if "and/or" in name:
        return []
    inter = record.get("inter")
    acronym, _, rest = name.partition(": ") if ": " in name else ("", "", name)
    parts = _PERIOD_OR_COUNTRY.match(rest)
    aliases: list[tuple[str, Target]] = []
    if acronym and _ACRONYM.fullmatch(acronym):
        aliases.append((acronym, Target(name, inter)))
    elif acronym and _COMPOUND_ACRONYM.fullmatch(acronym):
        aliases += [(part, Target(name, inter)) for part in acronym.split("/") if len(part) >= 3]
    if parts and not acronym:
        aliases.append((parts["base"], Target(parts["base"], inter, family=True)))
        aliases += _militia_aliases(parts["base"], Target(parts["base"], inter, family=True))
    elif "(" not in rest and ")" not in rest and (" " in rest or acronym or rest[:1].isupper()):
        aliases.append((rest, Target(name, inter)))
        aliases += _militia_aliases(rest, Target(name, inter))
        if " - " in rest:
            aliases.append((rest.split(" - ")[0], Target(name, inter)))
    return aliases


def _militia_aliases(base: str, target: Target) -> list[tuple[str, Target]]:
    """ "Zamfara Communal Militia" → "Zamfara militia", "Zamfara militias", "Zamfara militiamen"."""
    match = _MILITIA.match(base)
    if match is None or match["group"].startswith("Unidentified"):
        return []
    return [(f"{match['group']} {head}", target) for head in _MILITIA_HEADS]


def _add_own_aliases(table: ActorTable, own: dict[str, Any]) -> None:
    for entry in own["actors"]:
        attributes = tuple(sorted(entry.get("attributes", {}).items()))
        target = Target(entry["canonical"], entry.get("inter"), entry.get("family", False), attributes)
        for alias in entry["aliases"]:
            table.add_alias(alias, target)
    table.countries = [
        Country(name, iso2, tuple(names.split("|")), tuple(demonyms.split("|")))
        for name, iso2, names, demonyms in own["countries"]
    ]
    table.state_forms = {
        tuple(form.lower().split()): mode for mode, forms in own["state_forms"].items() for form in forms
    }
    table.generic = frozenset(tuple(word.lower().split()) for word in own["generic_references"])
    table.absorbed = frozenset(word.lower() for word in own["absorbed_heads"])
    table.unidentified = {k: v for k, v in own.get("unidentified_perpetrators", {}).items() if k != "note"}
