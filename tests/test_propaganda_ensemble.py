"""Corpus parts (dev, tune, fit) and the ensemble loader, on ids and articles written for the tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.propaganda.corpus import in_dev_split, in_split, in_tune_split, read_corpus, split_of
from newsprobe.propaganda.model import MODEL_DIR, PropagandaModel
from newsprobe.propaganda.windows import window_starts

IDS = [str(700000000 + 7919 * number) for number in range(3000)]
TEXT = ("Opinion: the truth they hide\n\n"
        "These spineless bureaucrats have betrayed every family in the valley, again and again.\n"
        "The council will meet on Tuesday to discuss the new bus timetable.\n")


def test_every_article_is_in_exactly_one_part() -> None:
    for article_id in IDS[:500]:
        parts = [part for part in ("dev", "tune", "fit") if in_split(article_id, part)]
        assert parts == [split_of(article_id)]
        assert in_split(article_id, "train") == (parts != ["dev"])
        assert in_split(article_id, "all")


def test_tune_part_is_a_fifth_of_the_training_articles_and_never_dev() -> None:
    train = [article_id for article_id in IDS if not in_dev_split(article_id)]
    tune = [article_id for article_id in train if in_tune_split(article_id)]
    assert 0.16 < len(tune) / len(train) < 0.24
    assert not any(in_tune_split(article_id) for article_id in IDS if in_dev_split(article_id))


def test_read_corpus_keeps_only_the_requested_part(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    for article_id in IDS[:40]:
        (tmp_path / "articles" / f"article{article_id}.txt").write_text(TEXT, encoding="utf-8")
    parts = {part: {a.id for a in read_corpus(tmp_path, part)} for part in ("dev", "tune", "fit", "train")}
    assert parts["train"] == parts["tune"] | parts["fit"]
    assert not parts["dev"] & parts["train"]
    assert len(parts["dev"]) + len(parts["train"]) == 40


def _first_member_dir(folder: Path, members: list[dict[str, str]]) -> Path:
    """A model folder with the shipped first member's files and a card listing `members`."""
    folder.mkdir()
    card = json.loads((MODEL_DIR / "card.json").read_text(encoding="utf-8"))
    for name in ("encoder.onnx", "span_head.onnx", "tokenizer.json"):
        shutil.copy(MODEL_DIR / name, folder / name)
    card["members"] = members
    (folder / "card.json").write_text(json.dumps(card), encoding="utf-8")
    return folder


def test_a_member_averaged_with_itself_changes_nothing(tmp_path: Path) -> None:
    member = {"encoder": "encoder.onnx", "head": "span_head.onnx"}
    single = PropagandaModel(_first_member_dir(tmp_path / "one", [member]))
    double = PropagandaModel(_first_member_dir(tmp_path / "two", [member, member]))
    one, two = single.read(TEXT), double.read(TEXT)
    np.testing.assert_allclose(one.tag_probs, two.tag_probs, atol=1e-6)
    spans = [(34, 54), (100, 120)]
    np.testing.assert_allclose(single.label_probs(one, spans), double.label_probs(two, spans), atol=1e-6)
    assert single.predict(TEXT) == double.predict(TEXT)


def test_a_member_file_missing_is_a_user_error(tmp_path: Path) -> None:
    folder = _first_member_dir(tmp_path / "model", [{"encoder": "encoder-9.onnx", "head": "span_head.onnx"}])
    with pytest.raises(NewsprobeError, match="E015"):
        PropagandaModel(folder)


def test_shifted_windows_cover_every_piece() -> None:
    assert window_starts(100, length=128, stride=128, offset=64) == [0]
    assert window_starts(300, length=128, stride=128) == [0, 128, 256]
    starts = window_starts(300, length=128, stride=128, offset=64)
    assert starts == [0, 64, 192]
    covered = {piece for start in starts for piece in range(start, min(start + 128, 300))}
    assert covered == set(range(300))


def test_the_card_sets_the_window_length(tmp_path: Path) -> None:
    folder = _first_member_dir(tmp_path / "short", [{"encoder": "encoder.onnx", "head": "span_head.onnx"}])
    card = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    (folder / "card.json").write_text(json.dumps({**card, "window_tokens": 16, "read_stride": 16}), encoding="utf-8")
    model = PropagandaModel(folder)
    reading = model.read(TEXT)
    assert reading.starts[0] == list(range(0, len(reading.tokens), 16))
    assert reading.hidden[0].shape[1] == 18  # 16 pieces between [CLS] and [SEP]
    assert reading.tag_probs.shape == (len(reading.tokens), 3)
    assert all(0 <= d.start < d.end <= len(TEXT) for d in model.predict(TEXT))


def test_training_windows_follow_the_settings() -> None:
    from newsprobe.propaganda.corpus import CorpusArticle
    from newsprobe.propaganda.examples import article_examples
    from newsprobe.propaganda.windows import load_tokenizer

    tokenizer = load_tokenizer(MODEL_DIR / "tokenizer.json")
    examples = article_examples(tokenizer, CorpusArticle("1", TEXT, []), length=16, stride=8)
    assert len(examples) > 3
    assert all(len(example.input_ids) <= 18 for example in examples)
