"""Reports of analyses: terminal text, self-contained HTML, JSON and JSON Lines."""

from newsprobe.render.highlights import Highlight, collect_highlights
from newsprobe.render.html import render_html
from newsprobe.render.text import render_text
from newsprobe.render.writers import FORMATS, open_writer

__all__ = ["FORMATS", "Highlight", "collect_highlights", "open_writer", "render_html", "render_text"]
