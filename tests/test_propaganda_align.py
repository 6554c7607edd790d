"""Offsets between a file as read and the normalised article text, as PTC offsets need them."""

from __future__ import annotations

import pytest

from newsprobe.model import normalise_text
from newsprobe.propaganda.align import align_offsets, to_raw, to_text
from newsprobe.propaganda.ptc import source_text

RAW_CASES = [
    "Title line\n\nBody with trailing spaces   \nNext line, the words matter.\n",
    "\ufeff  Title\r\n\r\nA line\r\nAnother line with words matter \t\r\n\r\n",
    "Title\rbody in old Mac newlines\rwords matter\r",
    "Title\n\nNFC: cafe\u0301 and the words matter.\n",
]


@pytest.mark.parametrize("raw", RAW_CASES)
def test_align_offsets_maps_every_character_back(raw: str) -> None:
    text = normalise_text(raw)
    mapping = align_offsets(raw, text)
    start = text.index("words matter")
    raw_start, raw_end = to_raw(mapping, start, start + len("words matter"))
    assert raw[raw_start:raw_end] == "words matter"
    assert to_text(mapping, raw_start, raw_end) == (start, start + len("words matter"))


def test_trailing_spaces_shift_offsets_and_the_map_undoes_it() -> None:
    raw = "Headline here  \n\nThey are traitors , all of them.\n"
    source = source_text("42", raw)
    text = source.article.text
    assert len(text) < len(raw)
    start = text.index("traitors")
    assert raw.index("traitors") == start + 2
    assert to_raw(source.mapping, start, start + 8) == (start + 2, start + 10)


def test_empty_span_maps_to_a_point() -> None:
    raw = "  Title\n\nBody"
    mapping = align_offsets(raw, normalise_text(raw))
    assert to_raw(mapping, 3, 3) == (5, 5)
