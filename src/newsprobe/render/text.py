"""The terminal report: the article with findings marked in place, then a table per layer.

Article text is hostile input: it never reaches rich's markup parser (cells are `Text`, not markup strings)
and its control characters are shown as visible symbols, so an article cannot move the cursor, retitle the
window or clear the screen. Off a terminal (a file, `less`, `NO_COLOR`) findings are marked with numbered
brackets that survive without colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from newsprobe.model import Analysis
from newsprobe.render.highlights import Highlight, LegendEntry, collect_highlights, legend
from newsprobe.render.segments import segment_text, title_and_body
from newsprobe.render.tables import layer_tables
from newsprobe.render.wording import article_facts

# C0 and C1 controls (but newline and tab), DEL, and the bidirectional overrides that can reorder what is shown.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
OPEN_MARK, CLOSE_MARK = "⟦", "⟧"
WORD_COLUMN_CAP = 16  # a column is never narrower than its longest word, up to this (the table must still fit)


def terminal_safe(text: str) -> str:
    """`text` with every control character replaced by a visible, inert symbol (ESC → ␛)."""
    return _UNSAFE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "␡" if code == 0x7F else "\ufffd"


@dataclass(frozen=True)
class _Marking:
    """How findings are drawn: background colours on a terminal, numbered brackets elsewhere."""

    brackets: bool
    numbers: dict[str, int]

    def style(self, highlight: Highlight | None) -> str:
        return f"on {highlight.colour}" if highlight and not self.brackets else ""

    def key(self, entry: LegendEntry) -> Text:
        if self.brackets:
            return Text(f"{OPEN_MARK}…{CLOSE_MARK}{self.numbers[entry.label]} {entry.label}")
        return Text(f" {entry.label} ", style=f"on {entry.colour}")


def render_text(analysis: Analysis, console: Console, index: int | None = None) -> None:
    """Print one analysis; `index` numbers it among several."""
    highlights = collect_highlights(analysis)
    entries = legend(highlights)
    marking = _Marking(not console.is_terminal or console.no_color, {e.label: n for n, e in enumerate(entries, 1)})
    if index is not None:
        console.print(Rule(f"article {index}", align="left"))
    title_range, (body_start, body_end) = title_and_body(analysis.article)
    console.print(_header(analysis, marking, highlights, title_range))
    body = _marked(analysis.article.text, highlights, body_start, body_end, marking)
    key = Text("  ").join(marking.key(entry) for entry in entries)
    console.print(Panel(Group(body, Text(), key), title="article", title_align="left"))
    if entries:
        console.print(_legend_table(entries, marking))
    for title, columns, rows in layer_tables(analysis):
        console.print(_table(title, columns, rows, console.width))
    for warning in analysis.warnings:
        console.print(Text("note: ", style="yellow") + Text(terminal_safe(warning)))


def _marked(text: str, highlights: list[Highlight], start: int, end: int, marking: _Marking) -> Text:
    """`text[start:end]` with each finding coloured, or bracketed and numbered by its legend entry."""
    marked = Text()
    for segment in segment_text(text, highlights, start, end):
        if marking.brackets:
            opening = [h for h in segment.covering if max(h.start, start) == segment.start]
            marked.append(OPEN_MARK * len(opening))
        marked.append(terminal_safe(segment.text), style=marking.style(segment.innermost))
        if marking.brackets:
            closing = sorted((h for h in segment.covering if min(h.end, end) == segment.end), key=lambda h: h.start,
                             reverse=True)
            marked.append("".join(f"{CLOSE_MARK}{marking.numbers[h.label]}" for h in closing))
    return marked


def _header(analysis: Analysis, marking: _Marking, highlights: list[Highlight], title: tuple[int, int] | None) -> Text:
    """The title (marked like the text when the text begins with it) and the article's facts."""
    article = analysis.article
    header = _marked(article.text, highlights, *title, marking) if title else Text(terminal_safe(article.title or "(untitled)"))
    header.stylize("bold")
    for name, value in article_facts(analysis):
        header.append(f"\n{name}: ", style="dim")
        header.append(terminal_safe(value))
    return header


def _legend_table(entries: list[LegendEntry], marking: _Marking) -> Table:
    meanings = Table(title="Legend", title_justify="left", show_header=False)
    for entry in entries:
        meanings.add_row(marking.key(entry), entry.description)
    return meanings


def _table(title: str, columns: list[str], rows: list[list[str]], width: int) -> Table:
    """A layer's table; cells are plain text (never markup) and a name is not broken inside a word unless
    the terminal is too narrow to hold every column's longest word."""
    table = Table(title=title, title_justify="left")
    floors = [min(max((len(word) for row in rows for word in row[n].split()), default=0), WORD_COLUMN_CAP)
              for n in range(len(columns))]
    fits = sum(floor + 3 for floor in floors) + 1 <= width  # 3: padding and a border per column
    for column, floor in zip(columns, floors, strict=True):
        table.add_column(column, overflow="fold", min_width=floor if fits else None)
    for row in rows:
        table.add_row(*(Text(terminal_safe(cell)) for cell in row))
    return table


def render_summary(analyses: list[tuple[int, Analysis]], console: Console) -> None:
    """After several articles: one line each with what was found."""
    columns = ["#", "title", "outlet", "language", "propaganda", "techniques", "events", "places"]
    rows = [[str(index), a.article.title or "(untitled)", a.article.outlet or "", a.article.language or "",
             f"{a.propaganda.score:.2f}" if a.propaganda else "", str(len(a.techniques)), str(len(a.events)),
             str(len({p.geonameid or p.text for p in a.places}))] for index, a in analyses]
    console.print(_table("Summary", columns, rows, console.width))
