"""Training examples: corpus articles cut into windows with token tags (O/B/I) and gold spans to classify."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from tokenizers import Tokenizer

from newsprobe.propaganda.corpus import CorpusArticle
from newsprobe.propaganda.features import span_extras
from newsprobe.propaganda.metrics import merge_spans
from newsprobe.propaganda.techniques import LABELS
from newsprobe.propaganda.windows import (
    WINDOW_STRIDE,
    WINDOW_TOKENS,
    Tokens,
    char_span_to_tokens,
    special_ids,
    tokenize,
    window_inputs,
    window_starts,
)

OUTSIDE, BEGIN, INSIDE = 0, 1, 2
IGNORE = -100


@dataclass
class SpanExample:
    """A gold span inside one window: positions (inclusive, counting [CLS] as 0), label and extras."""

    first: int
    last: int
    label: int
    extras: np.ndarray


@dataclass
class WindowExample:
    input_ids: np.ndarray
    tags: np.ndarray
    spans: list[SpanExample]


def token_tags(tokens: Tokens, spans: list[tuple[int, int]]) -> np.ndarray:
    """O/B/I tag per token for technique-agnostic spans (merged as the SI metric merges them)."""
    tags = np.full(len(tokens), OUTSIDE, dtype=np.int64)
    for start, end in merge_spans(spans):
        found = char_span_to_tokens(tokens, start, end)
        if found:
            tags[found[0]] = BEGIN
            tags[found[0] + 1 : found[1] + 1] = INSIDE
    return tags


def article_examples(tokenizer: Tokenizer, article: CorpusArticle, length: int = WINDOW_TOKENS,
                     stride: int = WINDOW_STRIDE) -> list[WindowExample]:
    """Every window (`length` pieces, every `stride`) of one article with its tags and the gold spans inside it."""
    tokens = tokenize(tokenizer, article.text)
    if len(tokens) == 0:
        return []
    tags = token_tags(tokens, [(span.start, span.end) for span in article.spans])
    starts = window_starts(len(tokens), length, stride)
    input_ids, _ = window_inputs(tokens, starts, *special_ids(tokenizer), length)
    located = _located_spans(tokens, article)
    examples = []
    for row, start in enumerate(starts):
        piece = tags[start : start + length]
        window_tags = np.full(input_ids.shape[1], IGNORE, dtype=np.int64)
        window_tags[1 : len(piece) + 1] = piece
        spans = [
            SpanExample(first - start + 1, last - start + 1, label, extras)
            for first, last, label, extras in located
            if first >= start and last < start + length
        ]
        examples.append(WindowExample(input_ids[row, : len(piece) + 2], window_tags[: len(piece) + 2], spans))
    return examples


def _located_spans(tokens: Tokens, article: CorpusArticle) -> list[tuple[int, int, int, np.ndarray]]:
    located = []
    for span in article.spans:
        found = char_span_to_tokens(tokens, span.start, span.end)
        if found and span.technique in LABELS:
            first, last = found
            extras = span_extras(article.text, span.start, span.end, last - first + 1)
            located.append((first, last, LABELS.index(span.technique), extras))
    return located
