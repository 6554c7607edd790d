"""Word tokens with offsets and the folding that lets spelling variants compare equal."""

from __future__ import annotations

import re
import unicodedata

from newsprobe.tokens import Token

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_VOWELS = re.compile(r"[aeiouyw]")
_REPEATS = re.compile(r"(.)\1+")


def tokenize(text: str, start: int = 0) -> list[Token]:
    """Word tokens of `text[start:]` with offsets into `text`; hyphens and punctuation split words."""
    return [Token(match.start(), match.end(), match.group()) for match in _WORD.finditer(text, start)]


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def consonant_key(word: str) -> str:
    """Letters that survive transliteration: `Kamal`, `Kemal` → `kml`; `Muayzilah`, `Muaizila` → `mzl`."""
    folded = strip_accents(word.lower())
    head, tail = folded[:1], folded[1:]
    tail = _VOWELS.sub("", tail)
    key = _REPEATS.sub(r"\1", head + tail)
    key = key[:-1] if len(key) > 2 and key.endswith("h") else key
    return key if head not in "aeiouyw" else key[1:] or key
