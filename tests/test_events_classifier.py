"""The shipped event classifier loads and labels sentences written for the tests."""

from __future__ import annotations

import json

import pytest

from newsprobe.events import classify
from newsprobe.events.classifier import CARD_PATH, MODEL_PATH
from newsprobe.events.taxonomy import EVENT_TYPES, NO_EVENT, SUB_EVENT_TYPES, event_type_of


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Hundreds of nurses marched through the city centre to demand better pay.", "Protests"),
        ("An air strike by government jets hit a fuel depot outside the town.", "Explosions/Remote violence"),
        ("Gunmen shot dead a shopkeeper in the market and fled on motorbikes.", "Violence against civilians"),
        ("The finance minister will present the budget to parliament next month.", NO_EVENT),
    ],
)
def test_classifier_labels_written_sentences(sentence: str, event_type: str) -> None:
    label = classify(sentence)
    assert label.event_type == event_type
    assert 0.0 < label.score <= 1.0
    assert label.event_type == event_type_of(label.sub_event_type)


def test_classifier_model_is_small_and_documented() -> None:
    assert MODEL_PATH.stat().st_size < 30 * 1024 * 1024
    card = json.loads(CARD_PATH.read_text(encoding="utf-8"))
    assert card["model"] == MODEL_PATH.name
    assert {"data", "settings", "heldout_scores", "trained"} <= set(card)


def test_taxonomy_has_six_types_and_25_sub_types() -> None:
    assert len(EVENT_TYPES) == 6 and len(SUB_EVENT_TYPES) == 25
