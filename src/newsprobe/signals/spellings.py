"""One name written in several spellings in the same text (Abu Kamal / Abu Kemal / Abu-Kemal): a sign of
text assembled or translated from several sources."""

from __future__ import annotations

import difflib
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

from newsprobe.signals.stopwords import STOPWORDS
from newsprobe.signals.tokens import consonant_key, strip_accents

# A name: capitalised words joined by spaces or hyphens, with Arabic articles and particles inside.
_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][\w’']+)(?:(?:[ -](?:al|el|ad|ar|as|ash|at|az|ez|es|ed|an|bin|ibn|de|du|la)(?=[ -]))?"
    r"[ -][A-Z][\w’']*)*",
    re.UNICODE,
)
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ez|es|ed|an)[ -]", re.IGNORECASE)
_MIN_KEY = 3
_REPEATED_LETTER = re.compile(r"(.)\1+")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*)$")
_MIN_LETTER_SIMILARITY = 0.75
# Pius IX and Pius XI are two popes, not two spellings.
_ROMAN_NUMERAL = re.compile(r"\b[IVXLC]{2,}\b")
_ENDINGS = ("ians", "ian", "ans", "ese", "ish", "ine", "an", "is", "ic", "es", "s", "i", "e", "a")


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
        for candidate in _candidates(match.group(), _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()])):
            name = _trim_common_words(candidate, common)
            key = name_key(name)
            if len(key) >= _MIN_KEY:
                by_key[key].add(name)
    groups = []
    for key, surfaces in by_key.items():
        variants = _true_variants(surfaces)
        if len(variants) < 2:
            continue
        ordered = tuple(sorted(variants, key=lambda s: text.find(s)))
        mentions = _mentions(text, ordered)
        if len(mentions) > 1:
            groups.append(VariantGroup(key, ordered, mentions))
    return sorted(_outermost(groups), key=lambda group: group.mentions[0])


def _candidates(name: str, at_sentence_start: object) -> list[str]:
    """The name, and without its first word when a sentence starts there: "Later Deir Ezzor" may name Deir
    Ezzor, since a capital at a sentence start says nothing."""
    if at_sentence_start and " " in name:
        return [name, name.split(" ", 1)[1]]
    return [name]


def _outermost(groups: list[VariantGroup]) -> list[VariantGroup]:
    """Drop a group whose spellings all sit inside another group's (Habib Powell inside Dina Habib Powell)."""
    return [
        group for group in groups
        if not any(other is not group and all(any(s in t for t in other.surfaces) for s in group.surfaces)
                   and len(other.key) > len(group.key) for other in groups)
    ]


def _true_variants(surfaces: set[str]) -> set[str]:
    """Surfaces that are respellings of another one of the group."""
    kept: set[str] = set()
    for one, other in itertools.combinations(sorted(surfaces), 2):
        if _respelling(one, other):
            kept.update((one, other))
    return kept


def _fold(name: str) -> str:
    return strip_accents(name.lower()).replace("-", " ").replace("’", "'")


def _respelling(one: str, other: str) -> bool:
    """Whether two names are one name spelled two ways, not the same name in another case, a join of its
    words, an inflection or demonym (Kurds/Kurdish), or a longer name containing it (Al Franken/Franken)."""
    if one.lower() == other.lower():
        return False
    folded_one, folded_other = _fold(one), _fold(other)
    if folded_one == folded_other:
        return True
    if folded_one.replace(" ", "") == folded_other.replace(" ", ""):
        return " " in folded_one and " " in folded_other
    if folded_one[0] != folded_other[0]:
        return False
    if _ROMAN_NUMERAL.search(one) or _ROMAN_NUMERAL.search(other):
        return False
    stem_one, stem_other = _stem(folded_one), _stem(folded_other)
    if stem_one.startswith(stem_other) or stem_other.startswith(stem_one):
        return False
    if folded_one.endswith(folded_other) or folded_other.endswith(folded_one):
        return False
    return difflib.SequenceMatcher(None, folded_one, folded_other).ratio() >= _MIN_LETTER_SIMILARITY


def _stem(name: str) -> str:
    """The name without an inflection or demonym ending."""
    for suffix in _ENDINGS:
        if name.endswith(suffix) and len(name) - len(suffix) >= 3:
            return name[: -len(suffix)]
    return name


def name_key(name: str) -> str:
    """Spelling-independent key of a name: article dropped, words joined, consonant skeleton."""
    bare = _ARTICLE_PREFIX.sub("", name)
    joined = "".join(consonant_key(word) for word in re.split(r"[ -]+", bare) if word)
    return _REPEATED_LETTER.sub(r"\1", joined)


def _trim_common_words(name: str, common: frozenset[str]) -> str:
    """Drop edge words capitalised only by position or headline style ("The", "Hardly", "Phone This")."""
    words = name.split(" ")
    while words and (words[0].lower() in STOPWORDS or words[0].lower() in common):
        words = words[1:]
    while words and words[-1].lower() in STOPWORDS:
        words = words[:-1]
    return " ".join(words)


def _lowercase_words(text: str) -> frozenset[str]:
    """Words the text also writes in lower case, so a capital on them marks a sentence start, not a name."""
    return frozenset(re.findall(r"(?<![\w-])[a-z][\w’']+", text))


def _mentions(text: str, surfaces: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(s)}(?![\w-])" for s in sorted(surfaces, key=len, reverse=True)))
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))
