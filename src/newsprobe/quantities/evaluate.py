"""`newsprobe eval quantities`: fatalities read from ACLED notes against the coded `fatalities` column."""

from __future__ import annotations

import csv
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.quantities.analyzer import find_quantities
from newsprobe.quantities.fatalities import fatalities_from


@dataclass
class Tally:
    """Exact matches over rows of one subset."""

    rows: int = 0
    exact: int = 0

    def add(self, hit: bool) -> None:
        self.rows += 1
        self.exact += hit

    @property
    def accuracy(self) -> float:
        return self.exact / self.rows if self.rows else 0.0


@dataclass
class FatalitiesReport:
    """Exact-match accuracy of the fatalities read from notes, overall and by subset."""

    subsets: dict[str, Tally] = field(default_factory=dict)
    errors: list[tuple[int, int, str]] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.subsets.setdefault(name, Tally())


def read_acled(path: Path) -> list[dict[str, str]]:
    """Rows of an ACLED-format CSV that has `notes`; fails with E301 when the columns are missing."""
    if not path.is_file():
        raise NewsprobeError(Errors.E008, path=str(path))
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"notes", "fatalities"} - set(reader.fieldnames or ())
        if missing:
            raise NewsprobeError(Errors.E301, path=str(path), columns=", ".join(sorted(missing)))
        return list(reader)


def acled_split(row: dict[str, str]) -> str:
    """The split of a row: "test" when its event id CRC-32 is 0 mod 5 (never read while writing rules)."""
    return "test" if zlib.crc32(row.get("event_id_cnty", "").encode()) % 5 == 0 else "dev"


def select_rows(rows: list[dict[str, str]], split: str) -> list[dict[str, str]]:
    """Rows of one split: "dev", "test" or "all"."""
    return rows if split == "all" else [row for row in rows if acled_split(row) == split]


def predicted_fatalities(notes: str) -> int:
    """Conservative best fatalities stated in `notes`; 0 when no killed count is found (ACLED's default)."""
    return fatalities_from(find_quantities(notes)).best or 0


def evaluate_fatalities(path: Path, split: str = "test", keep_errors: int = 20) -> FatalitiesReport:
    """Compare `predicted_fatalities(notes)` with the coded `fatalities` of every row of `split`."""
    report = FatalitiesReport()
    for row in select_rows(read_acled(path), split):
        gold = int(float(row["fatalities"] or 0))
        predicted = predicted_fatalities(row["notes"])
        hit = predicted == gold
        report.tally("all rows").add(hit)
        report.tally("rows with fatalities > 0" if gold else "rows with 0 fatalities").add(hit)
        if row.get("event_type") not in ("Protests", "Riots"):
            report.tally("rows other than Protests/Riots").add(hit)
        if not hit and len(report.errors) < keep_errors:
            report.errors.append((gold, predicted, row.get("event_id_cnty", "")))
    return report
