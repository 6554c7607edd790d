"""Articles as overlapping windows of word pieces, the unit the encoder reads (training and inference alike)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

# Defaults; a model's card records the window it was trained with.
WINDOW_TOKENS = 128
# Training windows overlap; at run time the members of an ensemble read windows without overlap, each
# shifted by its own offset, so a piece at one member's window edge sits mid-window for another.
WINDOW_STRIDE = 96


@dataclass(frozen=True)
class Tokens:
    """Word pieces of one text: ids and `[start, end)` character offsets, without special tokens."""

    ids: np.ndarray
    offsets: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


def load_tokenizer(path: Path) -> Tokenizer:
    """The encoder's tokenizer file, read as `tokenizer_from_json` reads it."""
    return tokenizer_from_json(path.read_text(encoding="utf-8"))


def tokenizer_from_json(text: str) -> Tokenizer:
    """The encoder's tokenizer with truncation and padding off: windows are cut here, not there."""
    tokenizer = Tokenizer.from_str(text)
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def special_ids(tokenizer: Tokenizer) -> tuple[int, int]:
    """Ids of the tokens the encoder frames a text with: [CLS] … [SEP] (MiniLM) or <s> … </s> (MPNet).

    Asked of the tokenizer's own post-processor: MPNet's vocabulary also holds a [CLS] it never uses.
    """
    framed = tokenizer.encode("", add_special_tokens=True).ids
    if len(framed) != 2:
        raise ValueError("the tokenizer does not frame a text with one opening and one closing token")
    return framed[0], framed[1]


def tokenize(tokenizer: Tokenizer, text: str) -> Tokens:
    """Word pieces of `text` with character offsets into it."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    offsets = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    return Tokens(np.array(encoding.ids, dtype=np.int64), offsets)


def window_starts(
    n_tokens: int, length: int = WINDOW_TOKENS, stride: int = WINDOW_STRIDE, offset: int = 0
) -> list[int]:
    """First token of each window: 0, then `offset` (when > 0), then every `stride` until the end is read."""
    starts = [0]
    if 0 < offset and length < n_tokens:
        starts.append(offset)
    while starts[-1] + length < n_tokens:
        starts.append(starts[-1] + stride)
    return starts


def window_inputs(
    tokens: Tokens, starts: list[int], cls_id: int, sep_id: int, length: int = WINDOW_TOKENS
) -> tuple[np.ndarray, np.ndarray]:
    """`input_ids` and `attention_mask` (windows × width) with [CLS] … [SEP], zero-padded."""
    pieces = [tokens.ids[start : start + length] for start in starts]
    width = max(len(piece) for piece in pieces) + 2
    input_ids = np.zeros((len(pieces), width), dtype=np.int64)
    mask = np.zeros((len(pieces), width), dtype=np.int64)
    for row, piece in enumerate(pieces):
        input_ids[row, : len(piece) + 2] = [cls_id, *piece, sep_id]
        mask[row, : len(piece) + 2] = 1
    return input_ids, mask


def char_span_to_tokens(tokens: Tokens, start: int, end: int) -> tuple[int, int] | None:
    """First and last (inclusive) token overlapping characters `[start, end)`, or None if none does."""
    inside = np.nonzero((tokens.offsets[:, 1] > start) & (tokens.offsets[:, 0] < end))[0]
    if len(inside) == 0:
        return None
    return int(inside[0]), int(inside[-1])


def best_window(starts: list[int], first: int, last: int, length: int = WINDOW_TOKENS) -> int:
    """Index of the window that holds tokens `first..last` with the most context on both sides."""
    def margin(index: int) -> int:
        start = starts[index]
        return min(first - start, start + length - 1 - last)
    return max(range(len(starts)), key=margin)


def project_tags(tag_probs: np.ndarray, source: Tokens, target: Tokens, n_chars: int) -> np.ndarray:
    """O/B/I probabilities of the `source` tokens carried over to the `target` tokens of the same text (another
    tokenizer's pieces): each target token takes the mean over its characters of the source token covering
    each, and a character no source token covers counts as O."""
    by_char = np.zeros((n_chars + 1, tag_probs.shape[-1]), dtype=np.float32)
    by_char[:, 0] = 1.0
    for (start, end), row in zip(source.offsets, tag_probs, strict=True):
        by_char[start:end] = row
    totals = np.vstack([np.zeros((1, by_char.shape[1]), np.float32), np.cumsum(by_char, axis=0)])
    starts = target.offsets[:, 0].astype(np.int64)
    # An empty piece (a special character) reads its own position.
    ends = np.maximum(target.offsets[:, 1].astype(np.int64), starts + 1)
    return (totals[ends] - totals[starts]) / (ends - starts)[:, None]
