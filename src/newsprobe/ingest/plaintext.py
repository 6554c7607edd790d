"""Plain-text articles: the corpus convention (title line, empty line, body) and the scraped form
(title, empty line, `Title | Outlet`, empty line, body)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAX_TITLE_CHARS = 300
_OUTLET_SEPARATORS = re.compile(r"\s+[|–—]\s+")


@dataclass(frozen=True)
class Header:
    """What the first lines of a plain-text article say about it."""

    title: str | None
    outlet: str | None


def parse_header(text: str) -> Header:
    """Title from a first line followed by an empty line; outlet from a `Title | Outlet` line after it."""
    lines = text.split("\n")
    if len(lines) < 3 or lines[1].strip() or not lines[0].strip() or len(lines[0]) > _MAX_TITLE_CHARS:
        return Header(title=None, outlet=None)
    title = lines[0].strip()
    return Header(title=title, outlet=_outlet_from_line(lines[2], title))


def _outlet_from_line(line: str, title: str) -> str | None:
    """The outlet of a `Title | Outlet` (or `Title — Outlet`) line that repeats the title."""
    parts = _OUTLET_SEPARATORS.split(line.strip())
    if len(parts) < 2 or not title.startswith(parts[0][: max(10, len(title) // 2)]):
        return None
    return parts[-1].strip() or None
