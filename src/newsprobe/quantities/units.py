"""What a number counts (the noun phrase after it) and the contexts that make it no count at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprobe.quantities import lexicon as lx
from newsprobe.quantities.tokens import Token

_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_NP = 4
_PRONOUNS = frozenset(("them", "us", "whom", "which", "those", "these", "it"))
_DETERMINERS = frozenset(("the", "his", "her", "their", "its", "our", "these", "those"))


@dataclass(frozen=True)
class Unit:
    """The counted head ("militants", "mortar guns") or None, and the token index after the phrase."""

    head: str | None
    next: int
    words: tuple[str, ...] = ()


def is_excluded(text: str, tokens: list[Token], start: int, after: int) -> bool:
    """True for dates, years, times, ages, measures, money, labels ("No. 5") and parts of names ("F-16")."""
    before = tokens[start - 1] if start else None
    following = _next_word(tokens, after)
    if following in lx.MEASURES or following in lx.MONTHS:
        return True
    if before is not None and (_glued_label(tokens, start) or before.lower in lx.MONTHS | lx.LABELS):
        return True
    if before is not None and before.text in lx.CURRENCY_SIGNS:
        return True
    is_single_year = after == start + 1 and _YEAR.fullmatch(tokens[start].text) is not None
    return is_single_year or _is_list_marker(text, tokens, start, after)


def _next_word(tokens: list[Token], after: int) -> str | None:
    """The word after a number, looking through a glued hyphen ("25-year-old", "12.7-mm")."""
    if after >= len(tokens):
        return None
    if (
        tokens[after].text in "-–"
        and after + 1 < len(tokens)
        and tokens[after + 1].start == tokens[after].end
    ):
        return tokens[after + 1].lower
    return tokens[after].lower


def _glued_label(tokens: list[Token], start: int) -> bool:
    """A number glued to what precedes it: "F-16", "Su-25", "COVID-19", "G7", "2/3", "+7"."""
    before = tokens[start - 1]
    if before.end != tokens[start].start:
        return False
    if before.text in "-–/+.":
        return start < 2 or tokens[start - 2].end == before.start
    return before.is_word


def _is_list_marker(text: str, tokens: list[Token], start: int, after: int) -> bool:
    """A numbered-list marker at the start of a line: "1." or "2)"."""
    line_start = text.rfind("\n", 0, tokens[start].start) + 1
    glued_mark = (
        after < len(tokens) and tokens[after].text in ".)" and tokens[after].start == tokens[after - 1].end
    )
    return glued_mark and not text[line_start : tokens[start].start].strip()


def find_unit(tokens: list[Token], i: int) -> Unit:
    """The noun phrase after a number: up to four words; "of" after a vague amount or a classifier."""
    if i < len(tokens) and tokens[i].lower == "of":
        if i + 1 < len(tokens) and tokens[i + 1].lower in _PRONOUNS:
            return Unit(None, i)  # "two of them": the count ends before "of"
        i += 1  # "dozens of", "two of the soldiers", "two of his lieutenants"
        if i < len(tokens) and tokens[i].lower in _DETERMINERS:
            i += 1
    words = _phrase(tokens, i)
    while words and _verb_like(words[-1]):
        words.pop()  # "5 people killed": the role, not the unit
    if not words:
        return Unit(None, i)
    after = i + len(words)
    if words[-1].lower in lx.CLASSIFIERS and after + 1 < len(tokens) and tokens[after].lower == "of":
        inner = find_unit(tokens, after + 1)
        if inner.head:
            return inner
    return Unit(_head(words), after, tuple(word.lower for word in words))


def _phrase(tokens: list[Token], i: int) -> list[Token]:
    """Consecutive word tokens that can belong to a noun phrase."""
    words: list[Token] = []
    for token in tokens[i : i + _MAX_NP]:
        if not token.is_word or token.lower in lx.NP_STOPS | lx.MONTHS | lx.VERBS | lx.NP_ADVERBS:
            break
        if words and _finite_role_verb(token):
            break  # "One demonstrator died following ...": the verb ends the phrase
        words.append(token)
    return words


def _finite_role_verb(token: Token) -> bool:
    """A role verb that cannot modify a noun: "died", "kills", "fled" (unlike "wounded soldiers")."""
    word = token.lower
    return word in lx.ROLE_WORDS and word not in lx.ROLE_NOUNS and not word.endswith("ed") or word == "fled"


def _verb_like(token: Token) -> bool:
    """A role verb or a participle closing the phrase ("5 people killed"), not a role noun ("protesters")."""
    if token.lower in lx.ROLE_NOUNS - {"dead"}:
        return False
    return token.lower in lx.ROLE_WORDS or (token.lower.endswith("ed") and token.text.islower())


def _head(words: list[Token]) -> str:
    """The counted head, with a noun modifier kept ("mortar guns", "police officers")."""
    head = words[-1].lower
    if len(words) > 1 and words[-2].lower in lx.COMPOUND_MODIFIERS:
        return f"{words[-2].lower} {head}"
    return head
