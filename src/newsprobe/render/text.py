"""The terminal report: the article with findings highlighted in place, then a table per layer."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprobe.model import Analysis
from newsprobe.render.highlights import collect_highlights, legend
from newsprobe.render.segments import segment_text
from newsprobe.render.tables import layer_tables


def render_text(analysis: Analysis, console: Console) -> None:
    """Print one analysis."""
    console.print(_header(analysis))
    highlights = collect_highlights(analysis)
    body = Text()
    for segment in segment_text(analysis.article.text, highlights):
        inner = segment.innermost
        body.append(segment.text, style=f"on {inner.colour}" if inner else "")
    entries = legend(highlights)
    legend_line = Text()
    for entry in entries:
        legend_line.append(f" {entry.label} ", style=f"on {entry.colour}")
        legend_line.append(" ")
    console.print(Panel(Group(body, Text(), legend_line), title="article", title_align="left"))
    meanings = Table(title="Legend", title_justify="left", show_header=False)
    for entry in entries:
        meanings.add_row(Text(f" {entry.label} ", style=f"on {entry.colour}"), entry.description)
    if entries:
        console.print(meanings)
    for title, columns, rows in layer_tables(analysis):
        table = Table(title=title, title_justify="left", show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    for warning in analysis.warnings:
        console.print(f"[yellow]note:[/yellow] {warning}")


def _header(analysis: Analysis) -> Text:
    article = analysis.article
    header = Text()
    header.append(article.title or "(untitled)", style="bold")
    facts = [
        ("outlet", article.outlet), ("language", article.language), ("published", article.published),
        ("url", article.url), ("id", article.id),
    ]
    for name, value in facts:
        if value:
            header.append(f"\n{name}: ", style="dim")
            header.append(str(value))
    return header
