"""One self-contained HTML file (inline CSS, no scripts, no network) for one or many analyses."""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from newsprobe import __version__
from newsprobe.model import Analysis
from newsprobe.render.highlights import collect_highlights, legend
from newsprobe.render.segments import segment_text, title_and_body
from newsprobe.render.tables import layer_tables
from newsprobe.render.wording import article_facts


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("newsprobe.render", "templates"), autoescape=True, keep_trailing_newline=True
    )
    return environment.get_template("report.html")


def render_html(analyses: list[Analysis]) -> str:
    """The report page for `analyses`: with several, a numbered summary links to each."""
    items = [_page_item(number, analysis) for number, analysis in enumerate(analyses, 1)]
    title = analyses[0].article.title if len(analyses) == 1 else f"newsprobe report: {len(analyses)} articles"
    return _template().render(items=items, page_title=title or "newsprobe report", version=__version__)


def _page_item(number: int, analysis: Analysis) -> dict[str, Any]:
    article = analysis.article
    highlights = collect_highlights(analysis)
    title_range, (body_start, body_end) = title_and_body(article)
    return {
        "number": number,
        "analysis": analysis,
        "facts": article_facts(analysis),
        "legend": legend(highlights),
        # The title is the heading, marked like the text when the text begins with it; the body follows.
        "title_segments": segment_text(article.text, highlights, *title_range) if title_range else [],
        "segments": segment_text(article.text, highlights, body_start, body_end),
        "tables": layer_tables(analysis),
    }
