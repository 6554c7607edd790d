"""Sentence vectors from the MiniLM encoder that the propaganda analyzer ships and loads (one copy in memory).

A sentence's vector is the mean of the first ensemble member's hidden states over its word pieces. Within an
article they come from the propaganda model's reading of the whole text, which the propaganda analyzer has
usually just made (the model keeps its last reading), so the events analyzer adds no encoder pass of its own.
"""

from __future__ import annotations

import numpy as np

from newsprobe.propaganda.model import PropagandaModel, load_model
from newsprobe.propaganda.windows import (
    best_window,
    char_span_to_tokens,
    special_ids,
    tokenize,
    window_inputs,
)

MEMBER = 0  # the first member's states: one encoder's view is enough for sentence typing
WIDTH = 384  # MiniLM-L6's hidden size


def _mean_states(model: PropagandaModel, text: str, start: int, end: int) -> np.ndarray:
    """Mean hidden state of the word pieces in `text[start:end]`, from the model's reading of `text`."""
    reading = model.read(text)
    located = char_span_to_tokens(reading.tokens, start, end) if len(reading.tokens) else None
    if located is None:
        return np.zeros(WIDTH, np.float32)
    first, last = located
    starts = reading.starts[MEMBER]
    window = best_window(starts, first, last, model.length)
    offset = starts[window]
    # A span longer than a window is pooled over the part the window holds (as the span classifier does).
    inner_first, inner_last = max(first, offset), min(last, offset + model.length - 1)
    states = reading.hidden[MEMBER][window][inner_first - offset + 1:inner_last - offset + 2]
    return states.mean(axis=0).astype(np.float32)


def span_vectors(text: str, spans: list[tuple[int, int]]) -> np.ndarray:
    """One vector per `[start, end)` span of `text` (rows in the order of `spans`)."""
    model = load_model()
    return np.stack([_mean_states(model, text, start, end) for start, end in spans]) if spans \
        else np.zeros((0, WIDTH), np.float32)


def text_vector(text: str) -> np.ndarray:
    """The vector of a short text read alone (one window, first member only): what training sees."""
    model = load_model()
    tokens = tokenize(model.tokenizer, text)
    if len(tokens) == 0:
        return np.zeros(WIDTH, np.float32)
    cls_id, sep_id = special_ids(model.tokenizer)
    input_ids, mask = window_inputs(tokens, [0], cls_id, sep_id, model.length)
    hidden = model.members[MEMBER].encoder.run(None, {"input_ids": input_ids, "attention_mask": mask})[1][0]
    return hidden[1:min(len(tokens), model.length) + 1].mean(axis=0).astype(np.float32)
