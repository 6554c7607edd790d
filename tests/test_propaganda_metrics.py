"""SI and TC scores against cases computed by hand from the PTC README definitions."""

from __future__ import annotations

import pytest

from newsprobe.propaganda import GoldSpan, merge_spans, si_scores, tc_scores


def spans(rows: list[tuple[str, str, int, int]]) -> list[GoldSpan]:
    return [GoldSpan(*row) for row in rows]


def test_merge_spans_joins_overlaps_but_not_neighbours() -> None:
    assert merge_spans([(5, 10), (0, 6), (10, 12), (20, 25), (21, 22)]) == [(0, 10), (10, 12), (20, 25)]


def test_si_partial_overlap_credit() -> None:
    # Gold [0,10) and [20,30); predicted [5,15) and [20,30).
    # precision = (5/10 + 10/10) / 2 = 0.75; recall = (5/10 + 10/10) / 2 = 0.75.
    gold = spans([("1", "Doubt", 0, 10), ("1", "Slogans", 20, 30)])
    predicted = spans([("1", "?", 5, 15), ("1", "?", 20, 30)])
    scores = si_scores(predicted, gold)
    assert scores.precision == pytest.approx(0.75)
    assert scores.recall == pytest.approx(0.75)
    assert scores.f1 == pytest.approx(0.75)


def test_si_merges_overlapping_gold_of_different_techniques() -> None:
    # Gold [0,10) and [5,20) merge into [0,20); one prediction [0,10): P = 10/10, R = 10/20.
    gold = spans([("7", "Doubt", 0, 10), ("7", "Loaded_Language", 5, 20)])
    scores = si_scores(spans([("7", "?", 0, 10)]), gold)
    assert (scores.precision, scores.recall) == pytest.approx((1.0, 0.5))
    assert scores.f1 == pytest.approx(2 / 3)


def test_si_one_prediction_over_two_gold_spans_and_other_articles() -> None:
    # Article 1: gold [0,4) and [6,10), predicted [0,10): P = (4+4)/10 = 0.8 over 1 span, R = 1 + 1 over 2.
    # Article 2: gold [0,5), nothing predicted: recall 0 for it. Totals: P = 0.8/1, R = 2/3.
    gold = spans([("1", "Doubt", 0, 4), ("1", "Doubt", 6, 10), ("2", "Slogans", 0, 5)])
    scores = si_scores(spans([("1", "?", 0, 10)]), gold)
    assert scores.precision == pytest.approx(0.8)
    assert scores.recall == pytest.approx(2 / 3)


def test_si_spans_in_another_article_earn_nothing() -> None:
    scores = si_scores(spans([("2", "?", 0, 10)]), spans([("1", "Doubt", 0, 10)]))
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)


def test_tc_micro_f1_with_a_doubly_labelled_span() -> None:
    # Gold: span A has two labels, span B one: 3 gold labels. Predictions: A→Doubt, A→Slogans, B→Doubt.
    # Right: A/Doubt and nothing else (A has Doubt+Loaded_Language, B is Flag-Waving). P = 1/3, R = 1/3.
    gold = spans([("1", "Doubt", 0, 5), ("1", "Loaded_Language", 0, 5), ("1", "Flag-Waving", 9, 12)])
    predicted = spans([("1", "Doubt", 0, 5), ("1", "Slogans", 0, 5), ("1", "Doubt", 9, 12)])
    micro, per_label = tc_scores(predicted, gold)
    assert micro.f1 == pytest.approx(1 / 3)
    assert per_label["Doubt"].precision == pytest.approx(0.5)
    assert per_label["Doubt"].recall == pytest.approx(1.0)
    assert per_label["Flag-Waving"].recall == 0.0
    assert per_label["Slogans"].support == 0


def test_tc_equals_accuracy_with_one_prediction_per_gold_span() -> None:
    gold = spans([("1", "Doubt", 0, 5), ("1", "Slogans", 6, 9), ("2", "Doubt", 0, 3), ("2", "Repetition", 4, 8)])
    predicted = [GoldSpan(s.article_id, "Doubt", s.start, s.end) for s in gold]
    micro, _ = tc_scores(predicted, gold)
    assert micro.f1 == pytest.approx(0.5)
