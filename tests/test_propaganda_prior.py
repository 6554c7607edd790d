"""The technique-prior correction of the classifier's probabilities: read from the card, chosen on held-out
articles by TC micro-F1."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from model_fixtures import stand_in_accurate_model
from newsprobe.cli.main import cli
from newsprobe.propaganda.corpus import in_split, read_corpus
from newsprobe.propaganda.evaluate import PRIOR_POWERS, calibrate_label_prior, label_shares
from newsprobe.propaganda.model import MODEL_DIR, PropagandaModel, label_weights
from newsprobe.propaganda.techniques import LABELS

pytestmark = pytest.mark.issue(19)
TEXT = ("The corrupt regime's thugs crushed the peaceful protest, and the puppet media cheered.\n"
        "The committee will publish its annual report on Monday.\n")


def _corpus(folder: Path, technique: str) -> Path:
    """Three articles whose gold spans ("corrupt regime's thugs", "puppet media") all carry `technique`."""
    for number in range(3):
        _write_article(folder, str(111000 + number), technique)
    return folder


def _write_article(folder: Path, article_id: str, technique: str) -> None:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "labels").mkdir(exist_ok=True)
    (folder / "articles" / f"article{article_id}.txt").write_text(TEXT, encoding="utf-8")
    (folder / "labels" / f"article{article_id}.labels").write_text(
        f"{article_id}\t{technique}\t4\t26\n{article_id}\t{technique}\t65\t77\n", encoding="utf-8")


def test_without_card_entries_nothing_is_corrected() -> None:
    assert np.array_equal(label_weights({}), np.ones(len(LABELS), dtype=np.float32))
    shares = [0.5, 0.25] + [0.25 / (len(LABELS) - 2)] * (len(LABELS) - 2)
    weights = label_weights({"label_priors": shares, "label_prior_power": 0.5})
    assert weights[:2] == pytest.approx([0.5 ** 0.5, 0.5])


def test_label_shares_count_the_gold_spans_with_add_one(tmp_path: Path) -> None:
    shares = label_shares(read_corpus(_corpus(tmp_path, "Doubt")))
    assert sum(shares) == pytest.approx(1.0, abs=1e-5)
    assert shares[LABELS.index("Doubt")] == pytest.approx(7 / (6 + len(LABELS)), abs=1e-5)


def test_the_power_that_helps_on_the_calibration_articles_is_chosen(tmp_path: Path) -> None:
    model = PropagandaModel(MODEL_DIR)
    plain = model.label_probs(model.read(TEXT), [(4, 26)])
    runner_up = LABELS[int(np.argsort(-plain[0])[1])]  # the model's second choice: gold in these articles
    articles = read_corpus(_corpus(tmp_path, runner_up))
    shares = [0.99 if label == runner_up else 0.01 / (len(LABELS) - 1) for label in LABELS]
    power, curve = calibrate_label_prior(model, articles, shares)
    assert set(curve) == {str(p) for p in PRIOR_POWERS}
    assert power > 0 and curve[str(power)] > curve["0.0"]
    # The model keeps the chosen correction: its probabilities still sum to one per span.
    corrected = model.label_probs(model.read(TEXT), [(4, 26)])
    assert corrected.sum(axis=1) == pytest.approx([1.0]) and LABELS[int(corrected[0].argmax())] == runner_up


def test_a_correction_that_does_not_help_leaves_the_model_as_it_was(tmp_path: Path) -> None:
    model = PropagandaModel(MODEL_DIR)
    articles = read_corpus(_corpus(tmp_path, "Doubt"))
    # Uniform shares change no ranking: every power ties, and no correction wins the tie.
    power, curve = calibrate_label_prior(model, articles, [1 / len(LABELS)] * len(LABELS))
    assert power == 0.0 and len(set(curve.values())) == 1


def test_calibrate_only_chooses_on_the_tuning_part_and_keeps_the_weights(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the train command needs the training extras (.[train])")
    data = tmp_path / "ptc"
    for part in ("fit", "tune", "dev"):
        ids = [article_id for article_id in (str(222000 + n) for n in range(400)) if in_split(article_id, part)][:2]
        for article_id in ids:
            _write_article(data, article_id, "Name_Calling,Labeling")
    model = stand_in_accurate_model(tmp_path / "model", "2026-11-30T13:00:00+00:00")
    card = json.loads((model / "card.json").read_text(encoding="utf-8"))
    card["settings"]["split"] = "fit"
    (model / "card.json").write_text(json.dumps(card), encoding="utf-8")
    weights = (model / "encoder.onnx").read_bytes()
    result = CliRunner().invoke(cli, ["train", "propaganda", "--data", str(data), "--encoder", "mpnet-base",
                                      "--out", str(model), "--calibrate-only"])
    assert result.exit_code == 0, result.output
    card = json.loads((model / "card.json").read_text(encoding="utf-8"))
    assert card["thresholds_chosen_on"] == "tune" and card["label_prior_power"] in PRIOR_POWERS
    assert set(card["label_prior_grid_tune_tc_f1"]) == {str(p) for p in PRIOR_POWERS}
    assert card["dev"]["articles"] == 2 and "dev SI F1" in result.output
    assert (model / "encoder.onnx").read_bytes() == weights
