"""Geoparsing metrics: detection P/R/F1 (overlap match), accuracy@161 km, mean/median error, AUC, speed."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from newsprobe.places.corpus import GoldDoc, GoldPlace, read_gold
from newsprobe.places.geo import MAX_ERROR_KM, distance_km

ACCURACY_KM = 161.0

# A predicted place: offsets and a point (None when it could not be located).
Predicted = tuple[int, int, float | None, float | None]
Geoparser = Callable[[str], list[Predicted]]
Resolver = Callable[[str, list[tuple[int, int]]], list[Predicted]]


@dataclass(frozen=True)
class Detection:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int


@dataclass(frozen=True)
class Resolution:
    accuracy_161km: float
    mean_error_km: float
    median_error_km: float
    auc: float
    located_gold: int


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def detection_scores(pairs: Iterable[tuple[list[tuple[int, int]], list[tuple[int, int]]]]) -> Detection:
    """Precision and recall of predicted spans against gold spans, a match being any overlap."""
    gold_total = predicted_total = gold_found = predicted_right = 0
    for gold, predicted in pairs:
        gold_total, predicted_total = gold_total + len(gold), predicted_total + len(predicted)
        gold_found += sum(any(overlaps(g, p) for p in predicted) for g in gold)
        predicted_right += sum(any(overlaps(p, g) for g in gold) for p in predicted)
    precision = predicted_right / predicted_total if predicted_total else 0.0
    recall = gold_found / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Detection(precision, recall, f1, gold_total, predicted_total)


def place_errors(gold: tuple[GoldPlace, ...], predicted: list[Predicted]) -> list[float]:
    """Error in km for each located gold place: distance to the overlapping prediction, or the maximum."""
    errors = []
    for place in (p for p in gold if p.located):
        points = [(lat, lon) for start, end, lat, lon in predicted
                  if overlaps((start, end), (place.start, place.end)) and lat is not None]
        errors.append(distance_km(place.lat, place.lon, *points[0]) if points else MAX_ERROR_KM)  # type: ignore[arg-type]
    return errors


def detected_place_errors(gold: tuple[GoldPlace, ...], predicted: list[Predicted]) -> list[float]:
    """Error in km for each located gold place that some prediction overlaps (detected), as `place_errors` counts
    it: a detected place left without a point still counts as the maximum error."""
    spans = [(start, end) for start, end, _, _ in predicted]
    return place_errors(tuple(p for p in gold if any(overlaps((p.start, p.end), s) for s in spans)), predicted)


def resolution_scores(errors: list[float]) -> Resolution:
    """Accuracy within 161 km, mean and median error, and the area under the log-error curve (lower is better)."""
    if not errors:
        return Resolution(0.0, 0.0, 0.0, 0.0, 0)
    auc = statistics.fmean(math.log(1 + e) for e in errors) / math.log(1 + MAX_ERROR_KM)
    return Resolution(
        accuracy_161km=sum(e <= ACCURACY_KM for e in errors) / len(errors), mean_error_km=statistics.fmean(errors),
        median_error_km=statistics.median(errors), auc=auc, located_gold=len(errors),
    )


def evaluate(docs: list[GoldDoc], geoparse: Geoparser, resolve: Resolver) -> dict:
    """Both evaluations over one corpus: end to end and with the gold spans given."""
    started = time.perf_counter()
    predictions = [geoparse(doc.text) for doc in docs]
    end_to_end_s = time.perf_counter() - started
    started = time.perf_counter()
    resolved = [resolve(doc.text, [(p.start, p.end) for p in doc.places]) for doc in docs]
    gold_spans_s = time.perf_counter() - started
    words = sum(len(doc.text.split()) for doc in docs)
    detection = detection_scores(
        ([(p.start, p.end) for p in doc.places], [(s, e) for s, e, _, _ in pred])
        for doc, pred in zip(docs, predictions, strict=True))
    end_to_end = resolution_scores([e for d, p in zip(docs, predictions, strict=True) for e in place_errors(d.places, p)])
    # Issue 16's "over detected places": end to end, but only over the gold places our detection found.
    over_detected = resolution_scores(
        [e for d, p in zip(docs, predictions, strict=True) for e in detected_place_errors(d.places, p)])
    gold_spans = resolution_scores([e for d, p in zip(docs, resolved, strict=True) for e in place_errors(d.places, p)])
    return {
        "documents": len(docs), "words": words, "detection": asdict(detection),
        "end_to_end": asdict(end_to_end), "over_detected": asdict(over_detected), "gold_spans": asdict(gold_spans),
        "words_per_s": words / end_to_end_s if end_to_end_s else 0.0,
        "places_per_s": sum(len(p) for p in predictions) / end_to_end_s if end_to_end_s else 0.0,
        "resolved_per_s": sum(len(doc.places) for doc in docs) / gold_spans_s if gold_spans_s else 0.0,
    }


def evaluate_file(path: Path, geoparse: Geoparser, resolve: Resolver, split: str = "all") -> dict:
    """Evaluate one JSONL corpus file (or one split of it)."""
    return {"data": str(path), "split": split, **evaluate(list(read_gold(path, split)), geoparse, resolve)}


def evaluate_places(paths: list[Path], split: str = "all") -> list[dict]:
    """Evaluate the shipped geoparser on gold corpus files (`newsprobe eval places`)."""
    from newsprobe.places.gazetteer import Gazetteer
    from newsprobe.places.geoparse import Geoparser
    from newsprobe.places.recognize import load_nlp

    started = time.perf_counter()
    gazetteer = Gazetteer()
    gazetteer_s = time.perf_counter() - started
    started = time.perf_counter()
    geoparser = Geoparser(gazetteer, load_nlp())
    model_s = time.perf_counter() - started

    def geoparse(text: str) -> list[Predicted]:
        return [(p.start, p.end, p.lat, p.lon) for p in geoparser.parse(text)]

    def resolve(text: str, spans: list[tuple[int, int]]) -> list[Predicted]:
        return [(p.start, p.end, p.lat, p.lon) for p in geoparser.resolve_spans(text, spans)]

    reports = [evaluate_file(path, geoparse, resolve, split) for path in paths]
    load = {"gazetteer_load_s": gazetteer_s, "model_load_s": model_s, "peak_rss_mb": peak_rss_mb()}
    return [{**report, **load} for report in reports]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
