"""Gold geoparsing corpora in JSON Lines (`{"id", "text", "toponyms": [{start, end, text, lat?, lon?}]}`)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError

SPLITS = ("all", "dev", "test")


@dataclass(frozen=True)
class GoldPlace:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None  # LGL's gold ids; GeoVirus has none

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    places: tuple[GoldPlace, ...]


def split_of(doc_id: str) -> str:
    """A fixed half-and-half split by a hash of the document id: "dev" to develop on, "test" to report."""
    return "dev" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "test"


def read_gold(path: Path, split: str = "all") -> Iterator[GoldDoc]:
    """The documents of one corpus file, optionally one half of them."""
    if not path.is_file():
        raise NewsprobeError(Errors.E008, path=path)
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise NewsprobeError(Errors.E005, str(path), line=number, detail=error.msg) from error
            doc = _gold_doc(record)
            if split == "all" or split_of(doc.id) == split:
                yield doc


def _gold_doc(record: dict) -> GoldDoc:
    places = tuple(
        GoldPlace(int(t["start"]), int(t["end"]), t["text"], _float(t.get("lat")), _float(t.get("lon")),
                  int(t["geonameid"]) if t.get("geonameid") else None)
        for t in record.get("toponyms", [])
    )
    return GoldDoc(str(record["id"]), record["text"], places)


def _float(value: object) -> float | None:
    return None if value in (None, "") else float(value)  # type: ignore[arg-type]
