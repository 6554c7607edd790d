"""Read-only access to the shipped gazetteer: names → candidate places."""

from __future__ import annotations

import functools
import gzip
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.places.build import ABBREVIATION, ALTERNATE, COORD_SCALE, LOOSE, MAIN
from newsprobe.places.normalize import loose_key, normalize_name

GAZETTEER_FILE = "gazetteer.sqlite.gz"


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


class Gazetteer:
    """The GeoNames-derived gazetteer, decompressed into an in-memory SQLite database."""

    def __init__(self, path: Path | None = None) -> None:
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
        # Per-instance caches: news repeats the same few names, and each lookup is an SQL join.
        self.lookup = functools.lru_cache(maxsize=65536)(self._lookup)
        self.has_name = functools.lru_cache(maxsize=262144)(self._has_name)
        self.country = functools.lru_cache(maxsize=512)(self._country)

    def _lookup(self, name: str, abbreviation: bool = False) -> tuple[Candidate, ...]:
        """Places called `name`: exact spellings first, else transliteration variants (loose keys)."""
        key = normalize_name(name)
        kinds = (MAIN, ALTERNATE, ABBREVIATION) if abbreviation else (MAIN, ALTERNATE)
        found = self._query(key, kinds)
        if not found:
            found = self._query(loose_key(name), (LOOSE,))
        return found

    def _has_name(self, key: str) -> bool:
        """Whether a normalized key names any place exactly (used to scan text cheaply)."""
        row = self.db.execute("SELECT 1 FROM names WHERE key = ? AND kind <= ? LIMIT 1", (key, ALTERNATE))
        return row.fetchone() is not None

    def _query(self, key: str, kinds: tuple[int, ...]) -> tuple[Candidate, ...]:
        marks = ",".join("?" * len(kinds))
        rows = self.db.execute(
            f"SELECT p.*, MIN(n.kind) FROM names n JOIN places p ON p.pid = n.pid "
            f"WHERE n.key = ? AND n.kind IN ({marks}) GROUP BY p.pid", (key, *kinds))
        return tuple(self._candidate(row) for row in rows)

    def _candidate(self, row: tuple) -> Candidate:
        pid, geonameid, name, lat, lon, cc, admin1, feature, population, admin2, match = row
        return Candidate(pid, geonameid, name, lat / COORD_SCALE, lon / COORD_SCALE, cc, admin1, feature,
                         population, match, admin2 or "")

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


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer()
