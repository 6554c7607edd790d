"""Eval metric functions and export codes, on small hand-made label lists."""

from __future__ import annotations

import pytest

from newsprobe.events.export import interaction
from newsprobe.events.metrics import actor_match, classification_scores, macro_f1, weighted_f1
from newsprobe.places.geo import distance_km


def test_metrics_f1_perfect_and_weighted() -> None:
    gold = ["Armed clash", "Armed clash", "Peaceful protest", "Attack"]
    assert weighted_f1(gold, gold) == 1.0
    predicted = ["Armed clash", "Attack", "Peaceful protest", "Attack"]
    # Armed clash: P 1, R 0.5 → 2/3; Peaceful protest: 1; Attack: P 0.5, R 1 → 2/3.
    assert weighted_f1(gold, predicted) == pytest.approx((2 * 2 / 3 + 1 + 2 / 3) / 4)
    assert macro_f1(gold, predicted) == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)


def test_metrics_event_type_from_sub_type() -> None:
    scores = classification_scores(["Armed clash", "Air/drone strike"], ["Government regains territory", "Grenade"])
    assert scores["event_type_accuracy"] == 1.0  # both pairs share their event type
    assert scores["sub_event_type_accuracy"] == 0.0


def test_metrics_haversine_one_degree_of_latitude() -> None:
    assert distance_km(34.0, 40.0, 35.0, 40.0) == pytest.approx(111.2, abs=0.2)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Military Forces of Syria (2000-)", "military forces of syria (2000-)", True),
        ("Islamic State (Syria)", "Islamic State (Iraq)", False),
        ("", None, True),
        ("Protesters (Chile)", None, False),
    ],
)
def test_metrics_actor_match(gold: str, predicted: str | None, expected: bool) -> None:
    assert actor_match(gold, predicted) is expected


@pytest.mark.parametrize(("inter1", "inter2", "code"), [(6, None, 60), (5, 7, 57), (7, 1, 17), (None, None, None)])
def test_export_interaction_code(inter1: int | None, inter2: int | None, code: int | None) -> None:
    assert interaction(inter1, inter2) == code
