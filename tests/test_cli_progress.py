"""Long runs show a progress bar on stderr, and only there."""

from __future__ import annotations

import pytest

from newsprobe.cli.progress import progress_over


def test_progress_bar_counts_items_on_stderr(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert list(progress_over(iter(range(3)), total=3, label="analysing")) == [0, 1, 2]
    captured = capsys.readouterr()
    assert "analysing" in captured.err and "3/3" in captured.err
    assert captured.out == ""


def test_single_input_has_no_bar(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert list(progress_over(iter(["one"]), total=1, label="analysing")) == ["one"]
    assert capsys.readouterr().err == ""
