"""The shipped model at run time: onnxruntime + tokenizers only, loaded once per process."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.propaganda.decode import decode_spans, snap_to_words
from newsprobe.propaganda.features import pool_span, span_extras
from newsprobe.propaganda.techniques import LABELS
from newsprobe.propaganda.windows import (
    WINDOW_TOKENS,
    Tokens,
    best_window,
    char_span_to_tokens,
    load_tokenizer,
    special_ids,
    tokenize,
    window_inputs,
    window_starts,
)

MODEL_DIR = Path(__file__).parent / "models"
MODEL_FILES = ("encoder.onnx", "span_head.onnx", "tokenizer.json", "card.json")
DEFAULT_THRESHOLDS = (0.5, 0.25)
_WINDOWS_PER_RUN = 16


@dataclass(frozen=True)
class Detection:
    """A technique span found by the model, in offsets of the text it read."""

    start: int
    end: int
    technique: str
    score: float


@dataclass(frozen=True)
class Reading:
    """The encoder's view of one text: tokens, windows, tag probabilities and hidden states."""

    text: str
    tokens: Tokens
    starts: list[int]
    tag_probs: np.ndarray
    hidden: np.ndarray


class PropagandaModel:
    """Span tagger and span classifier (int8 ONNX) with the threshold chosen at training time."""

    def __init__(self, model_dir: Path = MODEL_DIR, threads: int = 2) -> None:
        for name in MODEL_FILES:
            if not (model_dir / name).is_file():
                raise NewsprobeError(Errors.E015, path=str(model_dir / name))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # The machine is shared: idle threads should sleep, not spin.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        providers = ["CPUExecutionProvider"]
        self.encoder = ort.InferenceSession(str(model_dir / "encoder.onnx"), options, providers=providers)
        self.head = ort.InferenceSession(str(model_dir / "span_head.onnx"), options, providers=providers)
        self.tokenizer = load_tokenizer(model_dir / "tokenizer.json")
        self.card = json.loads((model_dir / "card.json").read_text(encoding="utf-8"))
        thresholds = self.card.get("span_thresholds", {})
        self.thresholds = (float(thresholds.get("high", DEFAULT_THRESHOLDS[0])),
                           float(thresholds.get("low", DEFAULT_THRESHOLDS[1])))
        self._special = special_ids(self.tokenizer)

    def read(self, text: str) -> Reading:
        """Run the encoder over every window of `text`; tag probabilities are averaged where windows overlap."""
        tokens = tokenize(self.tokenizer, text)
        if len(tokens) == 0:
            return Reading(text, tokens, [], np.zeros((0, 3), np.float32), np.zeros((0, 0, 0), np.float32))
        starts = window_starts(len(tokens))
        input_ids, mask = window_inputs(tokens, starts, *self._special)
        outputs = [
            self.encoder.run(None, {"input_ids": input_ids[i : i + _WINDOWS_PER_RUN],
                                    "attention_mask": mask[i : i + _WINDOWS_PER_RUN]})
            for i in range(0, len(starts), _WINDOWS_PER_RUN)
        ]
        probs = np.concatenate([out[0] for out in outputs])
        hidden = np.concatenate([out[1] for out in outputs])
        return Reading(text, tokens, starts, _average_windows(probs, starts, len(tokens)), hidden)

    def detect(self, reading: Reading, thresholds: tuple[float, float] | None = None) -> list[tuple[int, int, float]]:
        """Technique-agnostic spans `(start, end, score)` in characters of the text."""
        high, low = thresholds or self.thresholds
        found = []
        for first, last, score in decode_spans(reading.tag_probs, high, low):
            snapped = snap_to_words(reading.text, int(reading.tokens.offsets[first, 0]),
                                    int(reading.tokens.offsets[last, 1]))
            if snapped:
                found.append((*snapped, score))
        return found

    def label_probs(self, reading: Reading, spans: list[tuple[int, int]]) -> np.ndarray:
        """Probability of each technique (columns in `LABELS` order) for each character span."""
        if not spans:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        features = np.stack([self._span_features(reading, start, end) for start, end in spans])
        return self.head.run(None, {"features": features.astype(np.float32)})[0]

    def _span_features(self, reading: Reading, start: int, end: int) -> np.ndarray:
        located = char_span_to_tokens(reading.tokens, start, end) if len(reading.tokens) else None
        if located is None:
            # A span over whitespace only: give the classifier the nearest token's state.
            nearest = int(np.searchsorted(reading.tokens.offsets[:, 0], start)) if len(reading.tokens) else 0
            located = (min(nearest, max(len(reading.tokens) - 1, 0)),) * 2
        first, last = located
        window = best_window(reading.starts, first, last)
        offset = reading.starts[window]
        # A span longer than a window is pooled over the part the window holds.
        inner_first, inner_last = max(first, offset), min(last, offset + WINDOW_TOKENS - 1)
        pooled = pool_span(reading.hidden[window], inner_first - offset + 1, inner_last - offset + 1)
        return np.concatenate([pooled, span_extras(reading.text, start, end, last - first + 1)])

    def predict(self, text: str) -> list[Detection]:
        """Technique spans of `text`: detected spans, each labelled with its likeliest technique."""
        return self.predict_reading(self.read(text))

    def predict_reading(self, reading: Reading) -> list[Detection]:
        """Technique spans of a text the encoder has already read."""
        spans = self.detect(reading)
        probs = self.label_probs(reading, [(start, end) for start, end, _ in spans])
        return [
            Detection(start, end, LABELS[int(row.argmax())], round(score * float(row.max()), 4))
            for (start, end, score), row in zip(spans, probs, strict=True)
        ]


def _average_windows(probs: np.ndarray, starts: list[int], n_tokens: int) -> np.ndarray:
    """Per-token tag probabilities, averaged over the windows that read the token."""
    total = np.zeros((n_tokens, probs.shape[-1]), dtype=np.float32)
    count = np.zeros((n_tokens, 1), dtype=np.float32)
    for row, start in enumerate(starts):
        length = min(WINDOW_TOKENS, n_tokens - start)
        total[start : start + length] += probs[row, 1 : length + 1]
        count[start : start + length] += 1
    return total / count


@functools.cache
def load_model(model_dir: Path = MODEL_DIR) -> PropagandaModel:
    """The model in `model_dir`, loaded on first use and shared by the whole process."""
    return PropagandaModel(model_dir)
