"""The event-type classifier: a linear model over hashed n-grams, shipped as a compact npz."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.events.features import hashed_counts
from newsprobe.events.taxonomy import event_type_of

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODEL_DIR / "event-types-v1.npz"
CARD_PATH = MODEL_DIR / "event-types-v1.json"


@dataclass(frozen=True)
class Label:
    """One prediction: the sub-type, its event type and the model's probability."""

    sub_event_type: str
    event_type: str
    score: float


class EventClassifier:
    """Multinomial logistic regression; weights kept only for the hash buckets seen in training."""

    def __init__(self, labels: list[str], buckets: np.ndarray, weights: np.ndarray, bias: np.ndarray) -> None:
        self.labels = labels
        self._column = {int(b): i for i, b in enumerate(buckets)}
        self._weights = weights.astype(np.float32)  # (n_buckets, n_labels)
        self._bias = bias.astype(np.float32)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> EventClassifier:
        """Read the npz written by `save`."""
        try:
            data = np.load(path, allow_pickle=False)
        except OSError as error:
            raise NewsprobeError(Errors.E015, path=str(path)) from error
        return cls([str(x) for x in data["labels"]], data["buckets"], data["weights"], data["bias"])

    def save(self, path: Path) -> None:
        """Write labels, buckets and float16 weights (small, and exact enough for argmax)."""
        buckets = np.asarray(sorted(self._column, key=self._column.__getitem__), np.int32)
        np.savez_compressed(path, labels=np.asarray(self.labels), buckets=buckets,
                            weights=self._weights.astype(np.float16), bias=self._bias)

    def probabilities(self, text: str) -> np.ndarray:
        """Softmax over the labels for one text."""
        known = [(column, value) for bucket, value in hashed_counts(text).items()
                 if (column := self._column.get(bucket)) is not None]
        scores = self._bias.astype(np.float64)
        if known:
            # One product for the text's buckets, not one vector addition per bucket.
            columns, values = zip(*known, strict=True)
            scores = scores + np.asarray(values) @ self._weights[list(columns)]
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def label_as(self, text: str, sub_event_type: str) -> Label:
        """`sub_event_type` for `text`, with the probability the model gives it."""
        probability = float(self.probabilities(text)[self.labels.index(sub_event_type)])
        return Label(sub_event_type, event_type_of(sub_event_type), probability)

    def predict(self, text: str) -> Label:
        """The most probable sub-type of `text`."""
        probabilities = self.probabilities(text)
        best = int(probabilities.argmax())
        sub = self.labels[best]
        return Label(sub, event_type_of(sub), float(probabilities[best]))


@functools.cache
def load_classifier() -> EventClassifier:
    """The shipped classifier, loaded once per process."""
    return EventClassifier.load()


def classify(text: str) -> Label:
    """Label a sentence or note with ACLED's sub-type (or "no event").

    Args:
        text: one sentence, or an ACLED-style note.

    Returns:
        The `Label` with sub_event_type, event_type and probability.
    """
    return load_classifier().predict(text)
