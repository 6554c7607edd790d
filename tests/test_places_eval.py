"""Eval metrics on hand-computed cases, and `newsprobe eval places` on a tiny corpus written here."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from newsprobe.cli.main import cli
from newsprobe.places.corpus import read_gold, split_of
from newsprobe.places.evaluate import (
    detected_place_errors,
    detection_scores,
    evaluate,
    place_errors,
    resolution_scores,
)
from newsprobe.places.geo import MAX_ERROR_KM

DOCS = [
    {"id": "a1", "text": "Shelling hit Aleppo and Damascus on Monday.",
     "toponyms": [{"start": 13, "end": 19, "text": "Aleppo", "lat": 36.2, "lon": 37.16},
                  {"start": 24, "end": 32, "text": "Damascus", "lat": 33.51, "lon": 36.29}]},
    {"id": "b2", "text": "Flooding was reported in Lagos, Nigeria.",
     "toponyms": [{"start": 25, "end": 30, "text": "Lagos", "lat": 6.45, "lon": 3.39},
                  {"start": 32, "end": 39, "text": "Nigeria"}]},
]


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(doc) for doc in DOCS) + "\n", encoding="utf-8")
    return path


def test_eval_detection_overlap_match() -> None:
    gold, predicted = [(0, 5), (10, 20), (30, 35)], [(2, 4), (12, 25), (40, 45)]
    scores = detection_scores([(gold, predicted)])
    assert (scores.precision, scores.recall) == pytest.approx((2 / 3, 2 / 3))
    assert scores.f1 == pytest.approx(2 / 3)


def test_eval_errors_and_resolution_scores(tiny_corpus: Path) -> None:
    doc = next(read_gold(tiny_corpus))
    errors = place_errors(doc.places, [(13, 19, 36.2, 37.16), (24, 32, 40.0, 36.29)])
    assert errors[0] == pytest.approx(0.0, abs=1e-6) and errors[1] == pytest.approx(721.7, abs=1.0)
    unresolved = place_errors(doc.places, [(13, 19, None, None)])
    assert unresolved == [MAX_ERROR_KM, MAX_ERROR_KM]
    scores = resolution_scores([0.0, 100.0, 200.0, MAX_ERROR_KM])
    assert scores.accuracy_161km == 0.5 and scores.median_error_km == 150.0
    expected_auc = (math.log(101) + math.log(201) + math.log(1 + MAX_ERROR_KM)) / 4 / math.log(1 + MAX_ERROR_KM)
    assert scores.auc == pytest.approx(expected_auc)


def test_eval_over_detected_counts_only_the_gold_places_a_prediction_overlaps(tiny_corpus: Path) -> None:
    docs = list(read_gold(tiny_corpus))
    # Aleppo found and right, Damascus undetected; Lagos found but left without a point; Nigeria has no gold point.
    predictions = {docs[0].text: [(13, 19, 36.2, 37.16)], docs[1].text: [(25, 30, None, None), (32, 39, 9.0, 8.0)]}
    assert detected_place_errors(docs[0].places, predictions[docs[0].text]) == [pytest.approx(0.0, abs=1e-6)]
    assert detected_place_errors(docs[1].places, predictions[docs[1].text]) == [MAX_ERROR_KM]

    report = evaluate(docs, lambda text: predictions[text], lambda text, spans: [(s, e, None, None) for s, e in spans])
    over_detected, end_to_end = report["over_detected"], report["end_to_end"]
    assert over_detected["located_gold"] == 2 and over_detected["accuracy_161km"] == 0.5
    assert over_detected["median_error_km"] == pytest.approx(MAX_ERROR_KM / 2)
    assert end_to_end["located_gold"] == 3 and end_to_end["accuracy_161km"] == pytest.approx(1 / 3)


def test_eval_gold_without_coordinates_counts_for_detection_only(tiny_corpus: Path) -> None:
    docs = list(read_gold(tiny_corpus))
    assert [p.located for p in docs[1].places] == [True, False]
    assert {split_of("a1"), split_of("b2")} <= {"dev", "test"}
    assert sum(len(list(read_gold(tiny_corpus, half))) for half in ("dev", "test")) == 2


def test_eval_places_command(runner, tiny_corpus: Path) -> None:
    result = runner.invoke(cli, ["eval", "places", "--data", str(tiny_corpus), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)[0]
    assert report["detection"]["gold"] == 4 and report["gold_spans"]["located_gold"] == 3
    assert report["detection"]["recall"] == 1.0
    assert report["gold_spans"]["accuracy_161km"] == 1.0
    text = runner.invoke(cli, ["eval", "places", "--data", str(tiny_corpus)])
    assert "acc@161km" in text.output and "over detected" in text.output and "words/s" in text.output


def test_train_places_fits_ranker_on_a_tiny_corpus(runner, tiny_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(cli, ["train", "places", "--no-gazetteer", "--split", "all", "--data", str(tiny_corpus),
                                 "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    ranker = json.loads((out / "models" / "ranker.json").read_text(encoding="utf-8"))
    assert set(ranker["weights"]) >= {"bias", "log_population", "proximity"}
    assert ranker["card"]["documents"] == 2 and ranker["card"]["training_data"] == ["tiny.jsonl"]


def test_conditional_logit_learns_which_candidate_of_a_name_is_right() -> None:
    import math
    import random

    from newsprobe.places.resolve import FEATURES, score
    from newsprobe.places.train import Group, calibrated, conditional_logit

    supported, population = FEATURES.index("nearby_names"), FEATURES.index("log_population")
    rng = random.Random(3)

    def vector(nearby: float) -> list[float]:
        values = [0.0] * len(FEATURES)
        values[0], values[supported], values[population] = 1.0, nearby, rng.random()
        return values

    # In each name the right candidate is the one its neighbours support; population is noise.
    groups = [Group([vector(1.0 if i == right else 0.0) for i in range(3)], right)
              for right in (rng.randrange(3) for _ in range(60))]
    raw = conditional_logit(groups, 1.0)
    assert raw[supported] > 1.0 and abs(raw[population]) < raw[supported]
    weights = calibrated(groups, raw)
    right, wrong = score(vector(1.0), weights), score(vector(0.0), weights)
    assert 0.5 < right < 1.0 and 0.0 < wrong < 0.2  # a third of the candidates are right: scores are chances
    assert not math.isclose(weights["bias"], raw[0])


def test_calibration_keeps_the_weights_when_every_candidate_is_right() -> None:
    from newsprobe.places.resolve import FEATURES
    from newsprobe.places.train import Group, calibrated

    lone = [1.0] + [0.5] * (len(FEATURES) - 1)
    weights = [0.2] * len(FEATURES)
    assert calibrated([Group([lone], 0), Group([lone], 0)], weights) == dict(zip(FEATURES, weights, strict=True))
