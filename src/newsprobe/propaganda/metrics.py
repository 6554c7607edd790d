"""SemEval-2020 Task 11 scores, as the PTC README defines them: SI with partial overlap credit, TC micro-F1."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newsprobe.propaganda.corpus import GoldSpan


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int = 0


def f1_of(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping `[start, end)` spans merged into one; touching ones stay apart (they share no character)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _by_article(spans: Iterable[GoldSpan]) -> dict[str, list[tuple[int, int]]]:
    grouped: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        grouped[span.article_id].append((span.start, span.end))
    return {article: merge_spans(found) for article, found in grouped.items()}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def si_scores(predicted: Iterable[GoldSpan], gold: Iterable[GoldSpan]) -> Scores:
    """Span identification: Σ|s∩t|/|s| over predicted s, Σ|s∩t|/|t| over gold t, each averaged, then F1."""
    pred_by, gold_by = _by_article(predicted), _by_article(gold)
    n_pred = sum(len(spans) for spans in pred_by.values())
    n_gold = sum(len(spans) for spans in gold_by.values())
    precision_sum = recall_sum = 0.0
    for article, pred_spans in pred_by.items():
        for s in pred_spans:
            for t in gold_by.get(article, []):
                common = _overlap(s, t)
                if common:
                    precision_sum += common / (s[1] - s[0])
                    recall_sum += common / (t[1] - t[0])
    precision = precision_sum / n_pred if n_pred else 0.0
    recall = recall_sum / n_gold if n_gold else 0.0
    return Scores(precision, recall, f1_of(precision, recall), n_gold)


def _labels_by_span(spans: Iterable[GoldSpan]) -> dict[tuple[str, int, int], Counter[str]]:
    grouped: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    for span in spans:
        grouped[(span.article_id, span.start, span.end)][span.technique] += 1
    return grouped


def tc_scores(predicted: Iterable[GoldSpan], gold: Iterable[GoldSpan]) -> tuple[Scores, dict[str, Scores]]:
    """Technique classification on gold spans: micro P/R/F1 overall and per technique.

    A prediction is right when its span carries that label in the gold; a span with two gold labels
    needs two predictions to be fully recalled.
    """
    pred_by, gold_by = _labels_by_span(predicted), _labels_by_span(gold)
    correct: Counter[str] = Counter()
    for key, labels in pred_by.items():
        correct.update(labels & gold_by.get(key, Counter()))
    n_pred: Counter[str] = sum(pred_by.values(), Counter())
    n_gold: Counter[str] = sum(gold_by.values(), Counter())
    per_label = {label: _prf(correct[label], n_pred[label], n_gold[label]) for label in sorted(n_gold | n_pred)}
    micro = _prf(sum(correct.values()), sum(n_pred.values()), sum(n_gold.values()))
    return micro, per_label


def _prf(correct: int, n_pred: int, n_gold: int) -> Scores:
    precision = correct / n_pred if n_pred else 0.0
    recall = correct / n_gold if n_gold else 0.0
    return Scores(precision, recall, f1_of(precision, recall), n_gold)
