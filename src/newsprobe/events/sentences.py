"""Sentence spans of an article body, with the paragraph each belongs to."""

from __future__ import annotations

import re
from typing import NamedTuple

_PARAGRAPH = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(*]?[A-Z0-9])")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "st", "no", "vs",
                            "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "km", "jan", "feb", "aug", "sept",
                            "oct", "nov", "dec", "prof", "rep", "sen", "gov", "pres"})


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """Sentences of `text[start:]` as offsets into `text`, one paragraph per line."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(_PARAGRAPH.finditer(text, start)):
        begin = paragraph.start()
        for boundary in _BOUNDARY.finditer(paragraph.group()):
            cut = paragraph.start() + boundary.start()
            last_word = text[begin:cut].rsplit(maxsplit=1)[-1].rstrip(".").lower() if text[begin:cut].strip() else ""
            if last_word in _ABBREVIATIONS or len(last_word) == 1:
                continue
            sentences.append(Sentence(begin, cut, number))
            begin = paragraph.start() + boundary.end()
        if text[begin:paragraph.end()].strip():
            sentences.append(Sentence(begin, paragraph.end(), number))
    return [s for s in sentences if text[s.start:s.end].strip()]
