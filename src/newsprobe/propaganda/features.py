"""What the span classifier sees beyond the encoder: how often a span's words recur in the article."""

from __future__ import annotations

import math

import numpy as np

EXTRA_FEATURES = 4


def span_extras(text: str, start: int, end: int, n_tokens: int) -> np.ndarray:
    """Repetition count, repeated flag, seen-earlier flag and log length of the span `[start, end)`."""
    surface = text[start:end].strip().lower()
    lowered = text.lower()
    count = lowered.count(surface) if surface else 1
    first = lowered.find(surface) if surface else start
    return np.array(
        [math.log1p(max(count - 1, 0)), float(count > 1), float(0 <= first < start), math.log1p(n_tokens)],
        dtype=np.float32,
    )


def pool_span(hidden: np.ndarray, first: int, last: int) -> np.ndarray:
    """First, last and mean hidden state of window positions `first..last` (inclusive), concatenated."""
    inside = hidden[first : last + 1]
    return np.concatenate([hidden[first], hidden[last], inside.mean(axis=0)])
