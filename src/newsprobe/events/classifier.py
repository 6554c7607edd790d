"""The event-type classifier: a linear model over hashed n-grams and MiniLM sentence vectors, shipped as an npz.

The n-grams carry the event words ("shelled", "grenade"); the sentence vectors, from the encoder the
propaganda analyzer already holds, carry what a reporter's sentence means however it is worded, so the model
learnt mostly from ACLED notes also reads news prose.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.events.encoder import span_vectors, text_vector
from newsprobe.events.features import hashed_counts
from newsprobe.events.taxonomy import NO_EVENT, event_type_of

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODEL_DIR / "event-types-v4.npz"
CARD_PATH = MODEL_DIR / "event-types-v4.json"


@dataclass(frozen=True)
class Label:
    """One prediction: the sub-type, its event type and the model's probability."""

    sub_event_type: str
    event_type: str
    score: float


@dataclass(frozen=True)
class DensePart:
    """The sentence-vector half of the model: weights (width, n_labels) and the length vectors are scaled to."""

    weights: np.ndarray
    scale: float


def scaled(vector: np.ndarray, scale: float) -> np.ndarray:
    """The vector at length `scale` (training and run time alike)."""
    norm = float(np.linalg.norm(vector)) or 1.0
    return (vector * (scale / norm)).astype(np.float32)


class EventClassifier:
    """Multinomial logistic regression; n-gram weights kept only for the hash buckets seen in training.

    "No event" wins when it is the most probable label, and whenever its probability reaches a threshold
    (chosen for news, recorded in the npz).
    """

    def __init__(self, labels: list[str], buckets: np.ndarray, weights: np.ndarray, bias: np.ndarray,
                 dense: DensePart | None = None, no_event_threshold: float = 0.5) -> None:
        self.labels = labels
        self._column = {int(b): i for i, b in enumerate(buckets)}
        self._weights = weights.astype(np.float32)  # (n_buckets, n_labels)
        self._bias = bias.astype(np.float32)
        self.dense = dense
        self.no_event_threshold = no_event_threshold

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> EventClassifier:
        """Read the npz written by `save`."""
        try:
            data = np.load(path, allow_pickle=False)
        except OSError as error:
            raise NewsprobeError(Errors.E015, path=str(path)) from error
        dense = DensePart(data["dense"].astype(np.float32), float(data["dense_scale"])) if "dense" in data else None
        threshold = float(data["no_event_threshold"]) if "no_event_threshold" in data else 0.5
        return cls([str(x) for x in data["labels"]], data["buckets"], data["weights"], data["bias"], dense, threshold)

    def save(self, path: Path) -> None:
        """Write labels, buckets and float16 weights (small, and exact enough for argmax)."""
        buckets = np.asarray(sorted(self._column, key=self._column.__getitem__), np.int32)
        arrays: dict[str, Any] = {"labels": np.asarray(self.labels), "buckets": buckets,
                                  "weights": self._weights.astype(np.float16), "bias": self._bias,
                                  "no_event_threshold": self.no_event_threshold}
        if self.dense is not None:
            arrays |= {"dense": self.dense.weights.astype(np.float16), "dense_scale": self.dense.scale}
        np.savez_compressed(path, **arrays)

    def probabilities(self, text: str, vector: np.ndarray | None = None) -> np.ndarray:
        """Softmax over the labels for one text; `vector` is its sentence vector (computed when not given)."""
        known = [(self._column[bucket], value) for bucket, value in hashed_counts(text).items()
                 if bucket in self._column]
        scores = self._bias.copy()
        if known:
            columns, values = zip(*known, strict=True)
            # One gather and one product instead of a vector sum per bucket.
            scores += np.asarray(values, np.float32) @ self._weights[list(columns)]
        if self.dense is not None:
            vector = text_vector(text) if vector is None else vector
            scores += scaled(vector, self.dense.scale) @ self.dense.weights
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def read_spans(self, text: str, spans: list[tuple[int, int]]) -> list[np.ndarray | None]:
        """Sentence vectors of `[start, end)` spans of an article (None each when the model uses n-grams only)."""
        if self.dense is None:
            return [None] * len(spans)
        return list(span_vectors(text, spans))

    def label_as(self, text: str, sub_event_type: str, vector: np.ndarray | None = None) -> Label:
        """`sub_event_type` for `text`, with the probability the model gives it."""
        return self.label_from(self.probabilities(text, vector), sub_event_type)

    def label_from(self, probabilities: np.ndarray, sub_event_type: str) -> Label:
        """`sub_event_type` with its probability in `probabilities` (in `labels` order)."""
        probability = float(probabilities[self.labels.index(sub_event_type)])
        return Label(sub_event_type, event_type_of(sub_event_type), probability)

    def predict(self, text: str, vector: np.ndarray | None = None) -> Label:
        """"no event" when it is the most probable label or its probability reaches the threshold, else the
        most probable sub-type."""
        return self.decide(self.probabilities(text, vector))

    def decide(self, probabilities: np.ndarray) -> Label:
        """The label that `probabilities` (in `labels` order) give."""
        none = float(probabilities[self.labels.index(NO_EVENT)])
        best = self.best_event(probabilities)
        if none >= self.no_event_threshold or none > best.score:
            return self.no_event(probabilities)
        return best

    def best_event(self, probabilities: np.ndarray, event_types: tuple[str, ...] = ()) -> Label:
        """The most probable event sub-type, "no event" left out, among `event_types` when given."""
        events = probabilities.copy()
        for index, label in enumerate(self.labels):
            if label == NO_EVENT or (event_types and event_type_of(label) not in event_types):
                events[index] = -1.0
        return self.label_from(probabilities, self.labels[int(events.argmax())])

    def no_event(self, probabilities: np.ndarray) -> Label:
        """"no event", with its probability."""
        return Label(NO_EVENT, NO_EVENT, float(probabilities[self.labels.index(NO_EVENT)]))


@functools.cache
def load_classifier() -> EventClassifier:
    """The shipped classifier, loaded once per process."""
    return EventClassifier.load()


def classify(text: str) -> Label:
    """Label a sentence or note with ACLED's sub-type (or "no event"), the text read alone by the encoder.

    Args:
        text: one sentence, or an ACLED-style note.

    Returns:
        The `Label` with sub_event_type, event_type and probability.
    """
    return load_classifier().predict(text)
