"""`newsprobe eval actors`: actor-mention recall on ACLED notes against the coded actor1/actor2 columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsprobe.actors.analyzer import find_actors
from newsprobe.actors.focus import country_focus_text
from newsprobe.quantities.evaluate import Tally, read_acled, select_rows

# Event types whose actor ACLED codes from the event itself ("Protesters (India)"), whatever the note names.
_IMPLIED_ACTOR_TYPES = ("Protests", "Riots")


@dataclass
class ActorReport:
    """Recall of the gold actors among the canonical names found in each note."""

    columns: dict[str, Tally] = field(default_factory=dict)
    by_inter: dict[str, Tally] = field(default_factory=dict)
    country: Tally = field(default_factory=Tally)
    misses: list[tuple[str, str]] = field(default_factory=list)


def evaluate_actors(
    path: Path, split: str = "test", given_country: bool = False, keep_misses: int = 20
) -> ActorReport:
    """Per row: the country (from the note, or the gold column), the actors found, actor1/actor2 recall."""
    report = ActorReport()
    for row in select_rows(read_acled(path), split):
        country = row.get("country") if given_country else country_focus_text(row["notes"])
        report.country.add(country == row.get("country"))
        found = {entity.canonical for entity in find_actors(row["notes"], 0, country)}
        for column, inter_column in (("actor1", "inter1"), ("actor2", "inter2")):
            gold = row.get(column, "")
            if gold:
                hit = gold in found
                report.columns.setdefault(column, Tally()).add(hit)
                # ACLED sub-units ("... (2000-) Air Force") count as found when their force is found.
                base_hit = hit or any(name and gold.startswith(name + " ") for name in found)
                report.columns.setdefault(f"{column} (force level)", Tally()).add(base_hit)
                if row.get("event_type") not in _IMPLIED_ACTOR_TYPES:
                    report.columns.setdefault(f"{column} (not Protests/Riots)", Tally()).add(hit)
                inter = f"inter {int(float(row[inter_column] or 0))}"
                report.by_inter.setdefault(inter, Tally()).add(hit)
                if not hit and len(report.misses) < keep_misses:
                    report.misses.append((gold, ", ".join(sorted(name for name in found if name)) or "-"))
    return report
