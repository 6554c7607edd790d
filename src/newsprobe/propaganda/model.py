"""The shipped model at run time: onnxruntime + tokenizers only, loaded once per process."""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort

from newsprobe.propaganda.archive import CARD, SINGLE_MEMBER, TOKENIZER, read_model_file
from newsprobe.propaganda.decode import decode_spans, snap_to_words
from newsprobe.propaganda.features import pool_span, span_extras
from newsprobe.propaganda.techniques import LABELS
from newsprobe.propaganda.windows import (
    WINDOW_STRIDE,
    WINDOW_TOKENS,
    Tokens,
    best_window,
    char_span_to_tokens,
    project_tags,
    special_ids,
    tokenize,
    tokenizer_from_json,
    window_inputs,
    window_starts,
)
from newsprobe.settings import ONNX_THREADS_ENV

MODEL_DIR = Path(__file__).parent / "models"
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
    """The encoders' view of one text: tokens, windows, mean tag probabilities, each member's hidden states."""

    text: str
    tokens: Tokens
    starts: list[list[int]]
    tag_probs: np.ndarray
    hidden: list[np.ndarray]
    # The fast model's reading of the same text, for a model blended with it (`Blend`).
    companion: Reading | None = None


@dataclass(frozen=True)
class Blend:
    """Weights of the fast model's probabilities when a base-size model is averaged with it: `tags` for the
    O/B/I probabilities (the rest is the model's own), `labels` for the technique probabilities. Chosen with
    the thresholds on articles neither model trained on; the card's `fast_blend` entry."""

    tags: float
    labels: float


@dataclass(frozen=True)
class Member:
    """One fine-tuned encoder of the ensemble and the span head trained with it."""

    encoder: ort.InferenceSession
    head: ort.InferenceSession
    offset: int


class PropagandaModel:
    """Ensemble of span taggers and span classifiers (int8 ONNX) with the thresholds chosen at training time."""

    def __init__(self, model_dir: Path = MODEL_DIR, threads: int | None = None) -> None:
        """Load the model in `model_dir`: a folder as training writes it, or that folder packed into one
        archive (`propaganda.archive`). A card with a `fast_blend` entry is blended with the installed fast
        model."""
        threads = threads or int(os.environ.get(ONNX_THREADS_ENV) or 2)
        self.card = json.loads(read_model_file(model_dir, CARD))
        self.tokenizer = tokenizer_from_json(read_model_file(model_dir, TOKENIZER).decode("utf-8"))
        self.members = [_load_member(model_dir, files, threads) for files in self.card.get("members", SINGLE_MEMBER)]
        self.length = int(self.card.get("window_tokens", WINDOW_TOKENS))
        self.stride = int(self.card.get("read_stride", WINDOW_STRIDE))
        thresholds = self.card.get("span_thresholds", {})
        self.thresholds = (float(thresholds.get("high", DEFAULT_THRESHOLDS[0])),
                           float(thresholds.get("low", DEFAULT_THRESHOLDS[1])))
        self._special = special_ids(self.tokenizer)
        self.label_weights = label_weights(self.card)
        self.blend: Blend | None = None
        self.fast: PropagandaModel | None = None
        if blend := self.card.get("fast_blend"):
            self.blend_with(load_model(MODEL_DIR), Blend(float(blend["tags"]), float(blend["labels"])))
        # The last reading: the events analyzer pools the same article's hidden states instead of reading it again.
        self._last: Reading | None = None

    def blend_with(self, fast: PropagandaModel, blend: Blend) -> None:
        """Average this model's probabilities with those of `fast` (calibration passes a fast model that never
        read its articles) by the weights of `blend`; readings made before lack the fast reading."""
        self.fast, self.blend, self._last = fast, blend, None

    def read(self, text: str) -> Reading:
        """Run every member's encoder over every window of `text`; tag probabilities are averaged over the
        members and over the windows that overlap. Reading the same text twice in a row costs nothing."""
        last = self._last
        if last is not None and last.text == text:
            return last
        self._last = self._read(text)
        return self._last

    def _read(self, text: str) -> Reading:
        """`read` without the memo."""
        tokens = tokenize(self.tokenizer, text)
        if len(tokens) == 0:
            return Reading(text, tokens, [], np.zeros((0, 3), np.float32), [])
        starts, probs, hidden = [], [], []
        for member in self.members:
            starts.append(window_starts(len(tokens), self.length, self.stride, member.offset))
            inputs = window_inputs(tokens, starts[-1], *self._special, self.length)
            member_probs, member_hidden = _encode(member.encoder, *inputs)
            probs.append(_average_windows(member_probs, starts[-1], len(tokens), self.length))
            hidden.append(member_hidden)
        companion = self.fast.read(text) if self.fast else None
        return Reading(text, tokens, starts, np.mean(probs, axis=0), hidden, companion)

    def tag_probs(self, reading: Reading) -> np.ndarray:
        """The reading's O/B/I probabilities per token, averaged with the fast model's when blended."""
        if self.fast is None or self.blend is None or reading.companion is None or not len(reading.tokens):
            return reading.tag_probs
        fast = project_tags(self.fast.tag_probs(reading.companion), reading.companion.tokens, reading.tokens,
                            len(reading.text))
        return self.blend.tags * fast + (1 - self.blend.tags) * reading.tag_probs

    def detect(self, reading: Reading, thresholds: tuple[float, float] | None = None) -> list[tuple[int, int, float]]:
        """Technique-agnostic spans `(start, end, score)` in characters of the text."""
        high, low = thresholds or self.thresholds
        found = []
        for first, last, score in decode_spans(self.tag_probs(reading), high, low):
            snapped = snap_to_words(reading.text, int(reading.tokens.offsets[first, 0]),
                                    int(reading.tokens.offsets[last, 1]))
            if snapped:
                found.append((*snapped, score))
        return found

    def label_probs(self, reading: Reading, spans: list[tuple[int, int]]) -> np.ndarray:
        """Probability of each technique (columns in `LABELS` order) for each character span."""
        if not spans:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        probs = self.member_label_probs(reading, spans)
        if self.blend is not None and self.fast is not None and reading.companion is not None:
            fast = self.fast.member_label_probs(reading.companion, spans)
            probs = self.blend.labels * fast + (1 - self.blend.labels) * probs
        weighted = probs * self.label_weights
        return weighted / weighted.sum(axis=1, keepdims=True)

    def member_label_probs(self, reading: Reading, spans: list[tuple[int, int]]) -> np.ndarray:
        """The members' mean technique probabilities for each character span, before any correction."""
        per_member = []
        for index, member in enumerate(self.members):
            features = np.stack([self._span_features(reading, index, start, end) for start, end in spans])
            per_member.append(member.head.run(None, {"features": features.astype(np.float32)})[0])
        return np.mean(per_member, axis=0)

    def _span_features(self, reading: Reading, member: int, start: int, end: int) -> np.ndarray:
        located = char_span_to_tokens(reading.tokens, start, end) if len(reading.tokens) else None
        if located is None:
            # A span over whitespace only: give the classifier the nearest token's state.
            nearest = int(np.searchsorted(reading.tokens.offsets[:, 0], start)) if len(reading.tokens) else 0
            located = (min(nearest, max(len(reading.tokens) - 1, 0)),) * 2
        first, last = located
        window = best_window(reading.starts[member], first, last, self.length)
        offset = reading.starts[member][window]
        # A span longer than a window is pooled over the part the window holds.
        inner_first, inner_last = max(first, offset), min(last, offset + self.length - 1)
        pooled = pool_span(reading.hidden[member][window], inner_first - offset + 1, inner_last - offset + 1)
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


def label_weights(card: dict) -> np.ndarray:
    """Per-technique factors on the classifier's probabilities: the training split's technique shares raised
    to the card's `label_prior_power` (chosen on held-out articles). Training weighs rare techniques up, so
    its probabilities under-count the frequent ones; without the card entries, no correction."""
    priors = np.asarray(card.get("label_priors", [1.0] * len(LABELS)), dtype=np.float32)
    return priors ** float(card.get("label_prior_power", 0.0))


def _load_member(model_dir: Path, files: dict, threads: int) -> Member:
    """Sessions for one member's `encoder` and `head` files, and the offset of its windows."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # The machine is shared: idle threads should sleep, not spin.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    sessions = [ort.InferenceSession(read_model_file(model_dir, files[key]), options, providers=["CPUExecutionProvider"])
                for key in ("encoder", "head")]
    return Member(sessions[0], sessions[1], int(files.get("window_offset", 0)))


def _encode(encoder: ort.InferenceSession, input_ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Tag probabilities and hidden states of every window, in runs of a few windows to bound memory."""
    outputs = [
        encoder.run(None, {"input_ids": input_ids[i : i + _WINDOWS_PER_RUN],
                           "attention_mask": mask[i : i + _WINDOWS_PER_RUN]})
        for i in range(0, len(input_ids), _WINDOWS_PER_RUN)
    ]
    return np.concatenate([out[0] for out in outputs]), np.concatenate([out[1] for out in outputs])


def _average_windows(probs: np.ndarray, starts: list[int], n_tokens: int, window_tokens: int) -> np.ndarray:
    """Per-token tag probabilities, averaged over the windows that read the token."""
    total = np.zeros((n_tokens, probs.shape[-1]), dtype=np.float32)
    count = np.zeros((n_tokens, 1), dtype=np.float32)
    for row, start in enumerate(starts):
        length = min(window_tokens, n_tokens - start)
        total[start : start + length] += probs[row, 1 : length + 1]
        count[start : start + length] += 1
    return total / count


def load_model(model_dir: Path = MODEL_DIR) -> PropagandaModel:
    """The model in `model_dir`, loaded on first use and shared by the whole process (the propaganda analyzer
    and the events layer, which pools the same reading of the article: one encoder pass for both)."""
    return _load_model(model_dir.resolve())


@functools.cache
def _load_model(model_dir: Path) -> PropagandaModel:
    # Keyed by the resolved folder: `load_model()` and `load_model(MODEL_DIR)` once were two cache entries,
    # two models, and every article read twice.
    return PropagandaModel(model_dir)
