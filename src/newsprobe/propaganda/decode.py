"""From per-token O/B/I probabilities to character spans."""

from __future__ import annotations

import numpy as np

# Characters that join two word parts ("pick-ups", "Assad's") and so never end a span.
_JOINERS = "-'’"


def decode_spans(tag_probs: np.ndarray, high: float, low: float) -> list[tuple[int, int, float]]:
    """Hysteresis decoding: a span is seeded where P(B)+P(I) reaches `high` and grows while it stays ≥ `low`.

    Two thresholds let a confident core pull in its weaker edges without letting weak runs stand alone.
    Returns `(first, last, score)` with inclusive token indexes and the mean B+I probability.
    """
    inside = tag_probs[:, 1] + tag_probs[:, 2]
    spans: list[tuple[int, int, float]] = []
    index = 0
    while index < len(inside):
        if inside[index] < high:
            index += 1
            continue
        first = last = index
        while first > 0 and inside[first - 1] >= low and (not spans or first - 1 > spans[-1][1]):
            first -= 1
        while last + 1 < len(inside) and inside[last + 1] >= low:
            last += 1
        spans.append((first, last, float(inside[first : last + 1].mean())))
        index = last + 1
    return spans


def _in_word(text: str, position: int) -> bool:
    """Whether characters `position - 1` and `position` belong to one word."""
    if position <= 0 or position >= len(text):
        return False
    before, after = text[position - 1], text[position]
    if before.isalnum() and after.isalnum():
        return True
    joined = position + 1 < len(text) and after in _JOINERS and before.isalnum() and text[position + 1].isalnum()
    return joined or (before in _JOINERS and after.isalnum() and position >= 2 and text[position - 2].isalnum())


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen `[start, end)` to whole words; None when it holds no letter or digit (a lone quote, a dash)."""
    while _in_word(text, start):
        start -= 1
    while _in_word(text, end):
        end += 1
    if not any(char.isalnum() for char in text[start:end]):
        return None
    return start, end
