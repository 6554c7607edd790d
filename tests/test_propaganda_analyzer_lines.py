"""Technique spans stay inside one line of the article's own prose."""

from __future__ import annotations

from newsprobe.propaganda.analyzer import within_lines
from newsprobe.propaganda.model import Detection

TEXT = "Trap Again\n\nTrap Again | Outlet\n\nThe pathetic remnants fled.\n\n* A terrorist organization banned in Russia."


def _cut(start: int, end: int, skipped: list[tuple[int, int]]) -> list[str]:
    found = Detection(start=start, end=end, technique="Loaded_Language", score=0.5)
    return [TEXT[piece.start : piece.end] for piece in within_lines(TEXT, found, skipped)]


def test_a_span_across_lines_is_cut_at_each_break() -> None:
    start = TEXT.index("Again")
    assert _cut(start, TEXT.index(" |"), []) == ["Again", "Trap Again"]


def test_pieces_inside_skipped_stretches_are_dropped() -> None:
    header = (len("Trap Again"), TEXT.index("The pathetic"))
    notice = (TEXT.index("*"), len(TEXT))
    assert _cut(0, TEXT.index(" |"), [header]) == ["Trap Again"]
    assert _cut(TEXT.index("terrorist"), TEXT.index(" organization"), [header, notice]) == []


def test_a_span_within_a_line_is_kept_whole() -> None:
    start = TEXT.index("pathetic")
    assert _cut(start, start + len("pathetic remnants"), []) == ["pathetic remnants"]
