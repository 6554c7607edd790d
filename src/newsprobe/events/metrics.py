"""Evaluation metrics: classification scores and per-field matches, as pure functions."""

from __future__ import annotations

import re
from collections import Counter

from newsprobe.events.taxonomy import event_type_of


def f1_per_label(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """F1 of every gold label."""
    pairs = Counter(zip(gold, predicted))
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    scores = {}
    for label in gold_counts:
        hits = pairs[(label, label)]
        precision = hits / predicted_counts[label] if predicted_counts[label] else 0.0
        recall = hits / gold_counts[label]
        scores[label] = 2 * precision * recall / (precision + recall) if hits else 0.0
    return scores


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    """F1 averaged over gold labels, weighted by their support (sklearn's `average='weighted'`)."""
    counts = Counter(gold)
    scores = f1_per_label(gold, predicted)
    return sum(scores[label] * n for label, n in counts.items()) / max(1, len(gold))


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """Unweighted mean F1 over gold labels."""
    scores = f1_per_label(gold, predicted)
    return sum(scores.values()) / max(1, len(scores))


def accuracy(gold: list, predicted: list) -> float:
    """Share of equal pairs."""
    return sum(g == p for g, p in zip(gold, predicted)) / max(1, len(gold))


def classification_scores(gold_sub: list[str], predicted_sub: list[str]) -> dict[str, float]:
    """Event-type accuracy and macro-F1 (via the sub-type's type), sub-type weighted F1."""
    gold_type = [event_type_of(s) for s in gold_sub]
    predicted_type = [event_type_of(s) for s in predicted_sub]
    return {
        "event_type_accuracy": round(accuracy(gold_type, predicted_type), 4),
        "event_type_macro_f1": round(macro_f1(gold_type, predicted_type), 4),
        "sub_event_type_weighted_f1": round(weighted_f1(gold_sub, predicted_sub), 4),
        "sub_event_type_accuracy": round(accuracy(gold_sub, predicted_sub), 4),
        "n": len(gold_sub),
    }


def normalise_actor(name: str | None) -> str:
    """Actor names compared without case, spacing or the date suffix, e.g. `(2000-)`."""

    if not name:
        return ""
    return re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name).strip().lower()


def actor_match(gold: str | None, predicted: str | None) -> bool:
    """Same actor once normalised; an empty gold matches only an empty prediction."""
    return normalise_actor(gold) == normalise_actor(predicted)
