"""Hedging cues in a sentence: reportedly, may, might, it seems, allegedly, preliminary ..."""

from __future__ import annotations

from newsprobe.claims import lexicon as lx


def find_hedges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of each hedge in `text[start:end]`; "May" the month is capitalised mid-sentence and skipped."""
    found = []
    for match in lx.HEDGES.finditer(text, start, end):
        if match.group() == "may" or match.group().lower() != "may":
            found.append((match.start(), match.end()))
    return found
