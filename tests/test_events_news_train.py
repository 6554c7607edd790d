"""The written news training set (issue 15): its coverage, its distance from the dev and test sets, its use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsprobe.events.snippets import LABELS, NEWS_TRAIN_PATH, read_snippets
from newsprobe.events.training import TrainSettings, example_weights, written_news

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _word_5grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + 5]) for i in range(len(words) - 4)}


def test_news_train_covers_every_label_in_three_registers() -> None:
    snippets = read_snippets(NEWS_TRAIN_PATH)
    counts = {label: sum(s.label == label for s in snippets) for label in LABELS}
    assert min(counts.values()) >= 19
    assert {s.register for s in snippets} == {"wire", "state media", "local press"}
    assert len({s.text for s in snippets}) == len(snippets)


@pytest.mark.issue(15)
@pytest.mark.parametrize("name", ["dev", "test"])
def test_news_train_has_no_near_duplicate_of_dev_or_test(name: str) -> None:
    # Training on paraphrases of the yardstick would inflate it: no written sentence shares a fifth of its
    # word 5-grams with any snippet of the dev or test set (stock phrases such as "police said" may recur).
    reference = [_word_5grams(s.text) for s in read_snippets(BENCHMARKS / f"events-news-{name}.jsonl")]
    for snippet in read_snippets(NEWS_TRAIN_PATH):
        grams = _word_5grams(snippet.text)
        shared = max((len(grams & other) / len(grams) for other in reference), default=0.0) if grams else 0.0
        assert shared < 0.2, snippet.id


def test_written_news_is_trained_on_with_its_own_weight() -> None:
    examples = written_news()
    assert {e.kind for e in examples} == {"written"}
    plain = example_weights(examples, TrainSettings(news_weight=1.0))
    heavier = example_weights(examples, TrainSettings(news_weight=3.0))
    assert heavier == pytest.approx(plain * 3.0)
