"""`eval events`: run the pipeline on ACLED notes and compare events[0] with the coded columns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprobe.events.classifier import classify
from newsprobe.events.metrics import actor_match, classification_scores
from newsprobe.events.taxonomy import NO_EVENT
from newsprobe.events.training import is_heldout, read_acled
from newsprobe.model import Analysis, Article
from newsprobe.pipeline import analyze
from newsprobe.pipeline.registry import select_analyzers
from newsprobe.places.geo import distance_km
from newsprobe.settings import Options

EVAL_OPTIONS = Options(only=("events",))  # events and the layers it reads; no propaganda

NEAR_KM = 25.0
_SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$")


@dataclass
class Outcome:
    """Gold row and what the pipeline coded for it."""

    gold: dict[str, str]
    analysis: Analysis
    note_label: str


def note_article(row: dict[str, str]) -> Article:
    """The note as a short English article; ACLED's trailing size tag is metadata, not text."""
    return Article.create(_SIZE_TAG.sub("", row["notes"]), id=row["event_id_cnty"], language="en")


def run_rows(rows: list[dict[str, str]], options: Options) -> Iterator[Outcome]:
    """Analyse each note; also label it whole with the classifier (the note-level score)."""
    for row in rows:
        article = note_article(row)
        yield Outcome(row, analyze(article, options), classify(article.text).sub_event_type)


def _fatalities(outcome: Outcome) -> int:
    """ACLED codes an unreported toll as 0."""
    events = outcome.analysis.events
    return (events[0].fatalities.best or 0) if events else 0


def _location_ok(outcome: Outcome) -> bool:
    events = outcome.analysis.events
    place = outcome.analysis.event_place(events[0]) if events else None
    if place is None or place.lat is None or place.lon is None:
        return False
    gold = outcome.gold
    return distance_km(place.lat, place.lon, float(gold["latitude"]), float(gold["longitude"])) <= NEAR_KM


def _field(outcome: Outcome, name: str) -> Any:
    events = outcome.analysis.events
    if not events:
        return None
    value = getattr(events[0], name)
    return value.name if hasattr(value, "name") else value


def _share(flags: list[bool]) -> float:
    return round(sum(flags) / max(1, len(flags)), 4)


def _date(outcome: Outcome) -> str | None:
    return outcome.analysis.events[0].date.date if outcome.analysis.events else None


def score_outcomes(outcomes: list[Outcome], places_measured: bool) -> dict[str, Any]:
    """Every metric of `eval events` over the outcomes."""
    gold_sub = [o.gold["sub_event_type"] for o in outcomes]
    predicted = [o.analysis.events[0].sub_event_type if o.analysis.events else NO_EVENT for o in outcomes]
    return {
        "pipeline": classification_scores(gold_sub, predicted),
        "note_classifier": classification_scores(gold_sub, [o.note_label for o in outcomes]),
        "actor1_match": _share([actor_match(o.gold["actor1"], _field(o, "actor1")) for o in outcomes]),
        "actor2_match": _share([actor_match(o.gold["actor2"], _field(o, "actor2")) for o in outcomes]),
        "fatalities_exact": _share([int(float(o.gold["fatalities"] or 0)) == _fatalities(o) for o in outcomes]),
        "date_exact": _share([o.gold["event_date"] == _date(o) for o in outcomes]),
        "location_within_25km": (_share([_location_ok(o) for o in outcomes]) if places_measured
                                 else "not measured (no places analyzer)"),
    }


def evaluate_events(data: Path, split: str = "heldout", limit: int | None = None) -> dict[str, Any]:
    """Score the whole events pipeline on ACLED rows.

    Args:
        data: an ACLED CSV (`notes` as input, the coded columns as gold).
        split: "heldout" (the rows training never saw), "train", or "all".
        limit: score only the first N rows of the split.

    Returns:
        The scores, with the number of rows and the analyzers that ran.
    """
    rows = [r for r in read_acled(data) if split == "all" or is_heldout(r["event_id_cnty"]) == (split == "heldout")]
    rows = rows[:limit] if limit else rows
    outcomes = list(run_rows(rows, EVAL_OPTIONS))
    ran = select_analyzers(EVAL_OPTIONS.only, EVAL_OPTIONS.skip)
    scores = score_outcomes(outcomes, places_measured="places" in ran)
    return {"data": str(data.name), "split": split, "rows": len(rows), "analyzers": ran, **scores}
