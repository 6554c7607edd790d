"""One name written in several spellings in the same text (Abu Kamal / Abu Kemal / Abu-Kemal): a sign of
text assembled or translated from several sources."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from newsprobe.signals.stopwords import STOPWORDS
from newsprobe.signals.tokens import consonant_key

# A name: capitalised words joined by spaces or hyphens, with Arabic articles and particles inside.
_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][\w’']+)(?:(?:[ -](?:al|el|ad|ar|as|ash|at|az|ez|es|ed|an|bin|ibn|de|du|la)-?)?"
    r"[ -][A-Z][\w’']+)*",
    re.UNICODE,
)
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ez|es|ed|an)[ -]", re.IGNORECASE)
_MIN_KEY = 3


@dataclass(frozen=True)
class VariantGroup:
    key: str
    surfaces: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]


def find_spelling_variants(text: str, body_start: int) -> list[VariantGroup]:
    """Groups of names in the body that fold to one key but are written differently; mentions anywhere."""
    by_key: dict[str, set[str]] = defaultdict(set)
    common = _lowercase_words(text)
    for match in _NAME.finditer(text, body_start):
        name = _trim_leading_common_words(match.group(), common)
        key = name_key(name)
        if name and len(key) >= _MIN_KEY:
            by_key[key].add(name)
    groups = []
    for key, surfaces in by_key.items():
        distinct = {surface.lower() for surface in surfaces}
        if len(distinct) > 1:
            ordered = tuple(sorted(surfaces, key=lambda s: text.find(s)))
            groups.append(VariantGroup(key, ordered, _mentions(text, ordered)))
    return sorted(groups, key=lambda group: group.mentions[0])


def name_key(name: str) -> str:
    """Spelling-independent key of a name: article dropped, words joined, consonant skeleton."""
    bare = _ARTICLE_PREFIX.sub("", name)
    return "".join(consonant_key(word) for word in re.split(r"[ -]+", bare) if word)


def _trim_leading_common_words(name: str, common: frozenset[str]) -> str:
    """Drop sentence-initial common words ("The", "Hardly") that are capitalised only by position."""
    words = name.split(" ")
    while words and (words[0].lower() in STOPWORDS or words[0].lower() in common):
        words = words[1:]
    return " ".join(words)


def _lowercase_words(text: str) -> frozenset[str]:
    """Words the text also writes in lower case, so a capital on them marks a sentence start, not a name."""
    return frozenset(re.findall(r"(?<![\w-])[a-z][\w’']+", text))


def _mentions(text: str, surfaces: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(s)}(?![\w-])" for s in sorted(surfaces, key=len, reverse=True)))
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))
