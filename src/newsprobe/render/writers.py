"""Streaming writers: `open_writer(format, path)` gives an object that takes analyses one by one."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Protocol

from rich.console import Console

from newsprobe.model import Analysis
from newsprobe.render.html import render_html
from newsprobe.render.text import render_summary, render_text

FORMATS = ("text", "json", "jsonl", "html")
REPORT_WIDTH = 120


class Writer(Protocol):
    def write(self, analysis: Analysis) -> None: ...
    def close(self) -> None: ...


class JsonLinesWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, analysis: Analysis) -> None:
        self.stream.write(analysis.to_json() + "\n")

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """One analysis → one JSON object; several → a JSON array, written as they come."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.pending: str | None = None
        self.count = 0

    def write(self, analysis: Analysis) -> None:
        if self.pending is not None:
            self.stream.write(("[\n" if self.count == 1 else ",\n") + self.pending)
        self.pending = analysis.to_json(indent=2)
        self.count += 1

    def close(self) -> None:
        if self.pending is not None:
            self.stream.write(self.pending + "\n" if self.count == 1 else ",\n" + self.pending + "\n]\n")
        self.stream.flush()


class TextWriter:
    """Numbers the articles as they come; after several, a summary table."""

    def __init__(self, stream: IO[str]) -> None:
        # Pipes and files get a fixed, roomy width; a terminal keeps its own.
        self.console = Console(file=stream, width=None if stream.isatty() else REPORT_WIDTH, soft_wrap=False)
        self.written: list[tuple[int, Analysis]] = []

    def write(self, analysis: Analysis) -> None:
        self.written.append((len(self.written) + 1, analysis))
        render_text(analysis, self.console, index=len(self.written))

    def close(self) -> None:
        if len(self.written) > 1:
            render_summary(self.written, self.console)
        self.console.file.flush()


class HtmlWriter:
    """HTML is one page for all analyses, so it is written at the end."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.analyses: list[Analysis] = []

    def write(self, analysis: Analysis) -> None:
        self.analyses.append(analysis)

    def close(self) -> None:
        if self.analyses:
            self.stream.write(render_html(self.analyses))
        self.stream.flush()


_WRITERS: dict[str, type[JsonLinesWriter | JsonWriter | TextWriter | HtmlWriter]] = {
    "text": TextWriter, "json": JsonWriter, "jsonl": JsonLinesWriter, "html": HtmlWriter,
}


@contextlib.contextmanager
def open_writer(output_format: str, path: Path | None = None) -> Iterator[Writer]:
    """A writer to `path` (or stdout) that is closed, and so completed, on exit."""
    with contextlib.ExitStack() as stack:
        stream = stack.enter_context(path.open("w", encoding="utf-8")) if path else sys.stdout
        writer = _WRITERS[output_format](stream)
        try:
            yield writer
        finally:
            writer.close()
