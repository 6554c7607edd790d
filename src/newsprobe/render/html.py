"""One self-contained HTML file (inline CSS, no scripts, no network) for one or many analyses."""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from newsprobe import __version__
from newsprobe.model import Analysis
from newsprobe.render.highlights import collect_highlights, legend
from newsprobe.render.segments import segment_text
from newsprobe.render.tables import layer_tables


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("newsprobe.render", "templates"), autoescape=True, keep_trailing_newline=True
    )
    return environment.get_template("report.html")


def render_html(analyses: list[Analysis]) -> str:
    """The report page for `analyses`."""
    items = [_page_item(analysis) for analysis in analyses]
    title = analyses[0].article.title if len(analyses) == 1 else f"newsprobe report: {len(analyses)} articles"
    return _template().render(items=items, page_title=title or "newsprobe report", version=__version__)


def _page_item(analysis: Analysis) -> dict[str, Any]:
    article = analysis.article
    highlights = collect_highlights(analysis)
    facts = [(name, value) for name, value in (
        ("outlet", article.outlet), ("language", article.language), ("published", article.published),
        ("url", article.url), ("id", article.id)) if value]
    return {
        "analysis": analysis,
        "facts": facts,
        "legend": legend(highlights),
        "segments": segment_text(article.text, highlights),
        "tables": layer_tables(analysis),
    }
