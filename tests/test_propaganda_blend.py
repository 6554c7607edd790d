"""A base-size model blended with the fast one: tag probabilities carried between tokenizers, the card's
weights, one fast reading shared with the events layer, and the weights chosen on the tuning part."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import newsprobe
from model_fixtures import stand_in_accurate_model
from newsprobe.cli.main import cli
from newsprobe.propaganda.corpus import in_split
from newsprobe.propaganda.evaluate import BLEND_WEIGHTS
from newsprobe.propaganda.model import PropagandaModel, load_model
from newsprobe.propaganda.windows import Tokens, project_tags
from newsprobe.settings import Options

pytestmark = pytest.mark.issue(19)
TEXT = ("The corrupt regime's thugs crushed the peaceful protest, and the puppet media cheered.\n"
        "The committee will publish its annual report on Monday.\n")


def _tokens(*offsets: tuple[int, int]) -> Tokens:
    return Tokens(np.arange(len(offsets)), np.asarray(offsets, dtype=np.int64))


def test_tags_move_to_another_tokenizers_pieces_by_their_characters() -> None:
    # "abcdefgh ij": the source splits "abcd|efgh", the target reads "abcdefgh" whole and "ij".
    source = _tokens((0, 4), (4, 8))
    probs = np.asarray([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    projected = project_tags(probs, source, _tokens((0, 8), (9, 11), (2, 3)), 11)
    np.testing.assert_allclose(projected[0], [0.0, 0.5, 0.5])
    np.testing.assert_allclose(projected[1], [1.0, 0.0, 0.0])  # no source piece covers "ij": O
    np.testing.assert_allclose(projected[2], [0.0, 1.0, 0.0])


def _blended(folder: Path, tags: float, labels: float) -> PropagandaModel:
    model = stand_in_accurate_model(folder, "2026-11-30T18:00:00+00:00")
    card = json.loads((model / "card.json").read_text(encoding="utf-8"))
    card["fast_blend"] = {"tags": tags, "labels": labels}
    (model / "card.json").write_text(json.dumps(card), encoding="utf-8")
    return PropagandaModel(model)


def test_the_blend_weights_mix_the_two_models_probabilities(tmp_path: Path) -> None:
    alone = PropagandaModel(stand_in_accurate_model(tmp_path / "alone", "2026-11-30T18:00:00+00:00"))
    fast = load_model()
    half = _blended(tmp_path / "half", 0.5, 0.5)
    spans = [(4, 26), (65, 77)]
    own, fast_reading = alone.read(TEXT), fast.read(TEXT)
    assert not np.allclose(own.tag_probs, fast_reading.tag_probs)  # the stand-in is one member of two
    reading = half.read(TEXT)
    np.testing.assert_allclose(half.tag_probs(reading), (own.tag_probs + fast_reading.tag_probs) / 2, atol=1e-5)
    expected = (alone.member_label_probs(own, spans) + fast.member_label_probs(fast_reading, spans)) / 2
    np.testing.assert_allclose(half.label_probs(reading, spans), expected / expected.sum(axis=1, keepdims=True),
                               atol=1e-6)
    only_fast = _blended(tmp_path / "fast", 1.0, 1.0)
    assert [(d.start, d.end, d.technique) for d in only_fast.predict(TEXT)] == [
        (d.start, d.end, d.technique) for d in fast.predict(TEXT)]


def test_the_fast_reading_is_the_one_the_events_layer_pools(tmp_path: Path) -> None:
    blended = _blended(tmp_path / "model", 0.5, 0.5)
    reading = blended.read(TEXT + "Once more.")
    assert load_model().read(TEXT + "Once more.") is reading.companion


def test_the_analysis_names_both_models_of_a_blend(tmp_path: Path) -> None:
    blended = _blended(tmp_path / "model", 0.5, 0.5)
    options = Options(only=("propaganda",), propaganda_profile="accurate", propaganda_model=str(tmp_path / "model"))
    summary = newsprobe.analyze(TEXT, options).propaganda
    fast_created = load_model().card["created"]
    assert summary is not None and summary.profile == "accurate"
    assert summary.model == f"mpnet-base@{blended.card['created']}+minilm-l6@{fast_created}"


def _ptc(folder: Path) -> Path:
    for part in ("fit", "tune", "dev"):
        ids = [article_id for article_id in (str(333000 + n) for n in range(400)) if in_split(article_id, part)][:2]
        for article_id in ids:
            (folder / "articles").mkdir(parents=True, exist_ok=True)
            (folder / "labels").mkdir(exist_ok=True)
            (folder / "articles" / f"article{article_id}.txt").write_text(TEXT, encoding="utf-8")
            (folder / "labels" / f"article{article_id}.labels").write_text(
                f"{article_id}\tName_Calling,Labeling\t4\t26\n{article_id}\tLoaded_Language\t65\t77\n",
                encoding="utf-8")
    return folder


def _fit_model(folder: Path, split: str) -> Path:
    model = stand_in_accurate_model(folder, "2026-11-30T17:00:00+00:00")
    card = json.loads((model / "card.json").read_text(encoding="utf-8"))
    card["settings"]["split"] = split
    (model / "card.json").write_text(json.dumps(card), encoding="utf-8")
    return model


def _calibrate(data: Path, model: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["train", "propaganda", "--data", str(data), "--encoder", "mpnet-base",
                                      "--out", str(model), "--calibrate-only", *extra])
    return result.exit_code, result.output


def test_calibrating_a_blend_chooses_its_weights_on_the_tuning_part(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the train command needs the training extras (.[train])")
    data, model = _ptc(tmp_path / "ptc"), _fit_model(tmp_path / "accurate", "fit")
    fast = _fit_model(tmp_path / "fast", "fit")
    code, output = _calibrate(data, model, "--fast-blend", str(fast))
    assert code == 0, output
    card = json.loads((model / "card.json").read_text(encoding="utf-8"))
    assert card["fast_blend"]["tags"] in BLEND_WEIGHTS and card["fast_blend"]["labels"] in BLEND_WEIGHTS
    assert card["fast_blend"]["calibrated_with"] == "mpnet-base@2026-11-30T17:00:00+00:00"
    assert card["thresholds_chosen_on"] == "tune"
    assert len(card["blend_threshold_grid_tune_si_f1"]) > len(BLEND_WEIGHTS)
    assert card["dev"]["articles"] == 2 and "dev SI F1" in output
    # Calibrated again without the fast model that never read the tuning part: refused.
    code, output = _calibrate(data, model)
    assert code != 0 and "[E112]" in output and "Traceback" not in output


def test_a_fast_model_that_read_the_tuning_part_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the train command needs the training extras (.[train])")
    data, model = _ptc(tmp_path / "ptc"), _fit_model(tmp_path / "accurate", "fit")
    code, output = _calibrate(data, model, "--fast-blend", str(_fit_model(tmp_path / "fast", "train")))
    assert code != 0 and "[E113]" in output and "'train'" in output


def test_the_installed_accurate_model_is_a_blend_chosen_without_dev() -> None:
    from newsprobe.propaganda.profiles import profile_dir

    model = load_model(profile_dir("accurate"))
    card = model.card
    assert card["settings"]["encoder"] == "mpnet-base" and card["settings"]["split"] == "fit"
    assert card["thresholds_chosen_on"] == "tune" and model.blend is not None and model.fast is load_model()
    found = model.predict("These spineless traitors and their puppet media have betrayed every family, again.\n")
    assert any(d.technique in ("Name_Calling,Labeling", "Loaded_Language") for d in found)
