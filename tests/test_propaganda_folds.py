"""Cross-validation folds of the PTC corpus, the resume check of fold models, and pooled fold scoring."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe.cli.main import cli
from newsprobe.propaganda.corpus import (
    FOLDS,
    fold_of,
    fold_training_split,
    held_out_split,
    in_dev_split,
    in_split,
    read_corpus,
)
from newsprobe.propaganda.evaluate import (
    calibrate_threshold,
    evaluate,
    evaluate_folds,
    format_cross_validation,
)
from newsprobe.propaganda.model import MODEL_DIR, PropagandaModel
from newsprobe.propaganda.recipe import TrainSettings

IDS = [str(700000000 + 7919 * number) for number in range(2000)]


def test_every_article_is_in_exactly_one_fold_and_dev_is_fold_one() -> None:
    for article_id in IDS:
        folds = [fold for fold in range(1, FOLDS + 1) if in_split(article_id, f"fold-{fold}")]
        assert folds == [fold_of(article_id)]
        assert (folds == [1]) == in_dev_split(article_id)
        for fold in range(1, FOLDS + 1):
            assert in_split(article_id, f"not-fold-{fold}") != in_split(article_id, f"fold-{fold}")


def test_the_training_articles_are_shared_evenly_by_folds_two_to_five() -> None:
    train = [article_id for article_id in IDS if not in_dev_split(article_id)]
    for fold in range(2, FOLDS + 1):
        share = sum(fold_of(article_id) == fold for article_id in train) / len(train)
        assert 0.21 < share < 0.29


def test_fold_one_trains_on_the_train_split_and_each_fold_is_scored_on_itself() -> None:
    assert fold_training_split(1) == "train"
    assert all(in_split(a, "train") == in_split(a, "not-fold-1") for a in IDS)
    assert [held_out_split(fold_training_split(fold)) for fold in range(1, FOLDS + 1)] == [
        "dev", "fold-2", "fold-3", "fold-4", "fold-5"]
    assert held_out_split("fit") == "dev"


def _write_card(folder: Path, settings: TrainSettings, thresholds: dict[str, float], scored: bool) -> Path:
    folder.mkdir()
    card = {"settings": asdict(settings), "span_thresholds": thresholds}
    if scored:
        card[held_out_split(settings.split)] = {"si": {"f1": 0.4}}
    (folder / "card.json").write_text(json.dumps(card), encoding="utf-8")
    return folder


def test_a_fold_is_reused_only_when_its_model_matches_the_recipe(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from newsprobe.propaganda.train import trained_with

    wanted = replace(TrainSettings(), split="not-fold-3", span_thresholds=(0.35, 0.2))
    given = {"high": 0.35, "low": 0.2}
    assert trained_with(_write_card(tmp_path / "same", wanted, given, scored=True), wanted)
    assert not trained_with(_write_card(tmp_path / "unscored", wanted, given, scored=False), wanted)
    assert not trained_with(_write_card(tmp_path / "other-seed", replace(wanted, seeds=(1,)), given, True), wanted)
    assert not trained_with(_write_card(tmp_path / "other-cut", wanted, {"high": 0.4, "low": 0.2}, True), wanted)
    assert not trained_with(tmp_path / "missing", wanted)
    (tmp_path / "bare").mkdir()
    (tmp_path / "bare" / "card.json").write_text(json.dumps({"span_thresholds": given, "fold-3": {}}))
    assert not trained_with(tmp_path / "bare", wanted)


def test_cross_validation_refuses_to_choose_thresholds_on_the_folds(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    result = CliRunner().invoke(cli, ["train", "propaganda", "--data", str(tmp_path), "--cross-validate",
                                      "--out", str(tmp_path / "cv")])
    assert result.exit_code == 1
    assert "[E107]" in result.output
    assert not (tmp_path / "cv").exists()
    one_fold = CliRunner().invoke(cli, ["train", "propaganda", "--data", str(tmp_path), "--split", "not-fold-2",
                                        "--thresholds", "0.35", "0.2"])
    assert one_fold.exit_code == 1 and "[E107]" in one_fold.output


def test_pooled_fold_scores_equal_one_evaluation_of_all_articles(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "labels").mkdir()
    chosen = [a for a in IDS if fold_of(a) == 1][:2] + [a for a in IDS if fold_of(a) == 2][:2]
    text = ("The corrupt regime's thugs crushed the peaceful protest, and the puppet media cheered.\n"
            "The committee will publish its annual report on Monday.\n")
    for article_id in chosen:
        (tmp_path / "articles" / f"article{article_id}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "labels" / f"article{article_id}.labels").write_text(
            f"{article_id}\tLoaded_Language\t4\t11\n{article_id}\tName_Calling,Labeling\t21\t26\n", encoding="utf-8")
    validation = evaluate_folds(tmp_path, {1: MODEL_DIR, 2: MODEL_DIR})
    whole = evaluate(tmp_path, "all", PropagandaModel(MODEL_DIR))
    assert [report.articles for report in validation.folds.values()] == [2, 2]
    assert validation.pooled.articles == len(read_corpus(tmp_path)) == 4
    assert validation.pooled.si == whole.si
    assert validation.pooled.tc == whole.tc
    # Every article is the same, so the pair the other fold prefers is the best pair over all articles.
    _, curve = calibrate_threshold(PropagandaModel(MODEL_DIR), read_corpus(tmp_path))
    assert validation.nested_si.f1 == pytest.approx(max(curve.values()), abs=1e-4)
    assert validation.nested_thresholds[1] == validation.nested_thresholds[2]
    printed = format_cross_validation(validation)
    assert "fold 1: 2 articles" in printed and "fold 2: 2 articles" in printed
    assert f"F1 {whole.si.f1:.4f}" in printed
