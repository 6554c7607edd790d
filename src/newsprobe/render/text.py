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
    legend_line = Text()
    for label, colour in legend(highlights).items():
        legend_line.append(f" {label} ", style=f"on {colour}")
        legend_line.append(" ")
    console.print(Panel(Group(body, Text(), legend_line), title="article", title_align="left"))
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
