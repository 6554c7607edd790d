"""Offsets between a file as read and the normalised `Article.text` (PTC offsets count the former)."""

from __future__ import annotations

import difflib

import numpy as np


def align_offsets(raw: str, text: str) -> np.ndarray:
    """Raw offset of every character of `text` (normalised from `raw`), plus `len(raw)` at the end.

    Normalisation only drops characters (BOM, CR before LF, trailing and edge whitespace) or turns a lone
    CR into LF, so a greedy walk finds them; anything else (NFC recomposition) falls back to difflib.
    """
    mapping = np.empty(len(text) + 1, dtype=np.int64)
    mapping[-1] = len(raw)
    position = 0
    for index, char in enumerate(text):
        while position < len(raw) and not _same(raw, position, char):
            position += 1
        if position == len(raw):
            return _align_by_diff(raw, text)
        mapping[index] = position
        position += 1
    return mapping


def _same(raw: str, position: int, char: str) -> bool:
    found = raw[position]
    if found == "\r" and char == "\n":
        return raw[position + 1 : position + 2] != "\n"
    return found == char


def _align_by_diff(raw: str, text: str) -> np.ndarray:
    """Character alignment by longest matching blocks; changed characters map to their block's start."""
    mapping = np.empty(len(text) + 1, dtype=np.int64)
    mapping[-1] = len(raw)
    matcher = difflib.SequenceMatcher(None, raw, text, autojunk=False)
    for tag, raw_start, raw_end, start, end in matcher.get_opcodes():
        if tag == "equal":
            mapping[start:end] = np.arange(raw_start, raw_end)
        elif end > start:
            mapping[start:end] = min(raw_start, max(raw_end - 1, raw_start))
    return mapping


def to_raw(mapping: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Raw `[start, end)` of a span of the normalised text."""
    if end <= start:
        raw_start = int(mapping[start])
        return raw_start, raw_start
    return int(mapping[start]), int(mapping[end - 1]) + 1


def to_text(mapping: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Normalised `[start, end)` of a raw span: the characters of `text` that came from inside it."""
    begin = int(np.searchsorted(mapping[:-1], start, side="left"))
    finish = int(np.searchsorted(mapping[:-1], end, side="left"))
    return begin, max(begin, finish)
