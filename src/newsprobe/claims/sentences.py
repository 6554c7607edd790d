"""Sentences with offsets: split at end punctuation before a capital, and at line breaks."""

from __future__ import annotations

import re

# End of sentence: . ! ? (and closing quotes) then space and an upper-case letter, a quote or a digit.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'»”’)]*\s+(?=[\"'«“(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|St|No|Jr|Sr|vs|etc|approx)|\b[A-Z])\.$"
)


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text[start:]`, without surrounding whitespace."""
    spans, begin = [], start
    for boundary in _BOUNDARY.finditer(text, start):
        if (
            boundary.group().strip() == ""
            and "\n" not in boundary.group()
            and _ABBREVIATIONS.search(text[begin : boundary.start()])
        ):
            continue  # "Gen. Smith", "U.S. forces"
        spans.append(_trimmed(text, begin, boundary.start()))
        begin = boundary.end()
    spans.append(_trimmed(text, begin, len(text)))
    return [span for span in spans if span[1] > span[0]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
