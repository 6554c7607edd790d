"""Accuracy gate on the PTC dev split (never trained on): the shipped model must keep its floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.propaganda.corpus import in_dev_split, read_corpus
from newsprobe.propaganda.evaluate import evaluate
from newsprobe.propaganda.model import load_model

# Floors a little under the scores in models/card.json, so only a real regression fails.
SI_F1_FLOOR = 0.42
TC_F1_FLOOR = 0.62


@pytest.mark.corpus
def test_dev_split_is_fixed_and_about_fifteen_percent(corpus_dir: Path) -> None:
    articles = read_corpus(corpus_dir / "ptc-train", "all")
    dev = [article for article in articles if in_dev_split(article.id)]
    assert 0.10 < len(dev) / len(articles) < 0.20
    assert {a.id for a in read_corpus(corpus_dir / "ptc-train", "dev")} == {a.id for a in dev}


@pytest.mark.corpus
def test_dev_scores_stay_above_the_floors(corpus_dir: Path) -> None:
    report = evaluate(corpus_dir / "ptc-train", "dev", load_model())
    assert report.si.f1 >= SI_F1_FLOOR
    assert report.tc.f1 >= TC_F1_FLOOR
