"""Tokens with offsets for the rule-based layers: numbers keep commas and decimals; dashes are tokens."""

from __future__ import annotations

import re

from newsprobe.tokens import Token

# A number (1,200 / 3.5), a word with inner digits, hyphens or apostrophes (M23, pick-ups), or a symbol.
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*|\S", re.UNICODE)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]` with offsets into `text`."""
    stop = len(text) if end is None else end
    return [Token(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(text, start, stop)]


def words(text: str) -> tuple[str, ...]:
    """The space-separated words of a word list written as one string."""
    return tuple(text.split())
