"""The quantity grammar: [hedge] number [range] [of] [noun phrase], with exclusions and a role."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from newsprobe.budget import check_budget
from newsprobe.quantities import lexicon as lx
from newsprobe.quantities.numbers import Number, parse_number
from newsprobe.quantities.roles import Role, find_role
from newsprobe.quantities.tokens import Token, tokenize, words
from newsprobe.quantities.units import Unit, find_unit, is_excluded

_RANGE_LINKS = frozenset(words("– — - to or"))
_COORDINATION = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|and|, and|as well as)\s*")


@dataclass(frozen=True)
class Amount:
    """A number or vague amount before hedging: `value`, an optional range end, token bounds."""

    value: float
    high: float | None
    vague: str | None
    start: int
    next: int
    article: bool = False


@dataclass(frozen=True)
class Match:
    """One quantity found in the text: character offsets and the resolved fields."""

    start: int
    end: int
    low: float | None
    best: float | None
    high: float | None
    hedge: str | None
    unit: str | None
    role: str | None


def find_matches(text: str, start: int = 0, end: int | None = None) -> list[Match]:
    """Every counted quantity in `text[start:end]`, left to right, without overlaps."""
    tokens = tokenize(text, start, end)
    found: list[Match] = []
    i = 0
    while i < len(tokens):
        check_budget("the quantities grammar")
        match, after = _match_at(text, tokens, i)
        if match:
            found.append(match)
        i = after if match else i + 1
    return _share_roles(text, found)


def _share_roles(text: str, found: list[Match]) -> list[Match]:
    """ "25 militants and 12 civilians were killed": a coordinated count takes the role of the next one."""
    shared = list(found)
    for k in range(len(shared) - 2, -1, -1):
        current, following = shared[k], shared[k + 1]
        if current.role is None and _COORDINATION.fullmatch(text[current.end : following.start]):
            shared[k] = replace(current, role=following.role)
    return shared


def _match_at(text: str, tokens: list[Token], i: int) -> tuple[Match | None, int]:
    """The quantity starting at token `i` (its hedge first), and the token index after it."""
    hedge, j = _hedge_at(tokens, i)
    amount = _amount_at(tokens, j, between=hedge == "between")
    if amount is None and hedge:
        hedge, j = None, i
        amount = _amount_at(tokens, i, between=False)
    if amount is None or is_excluded(text, tokens, amount.start, amount.next):
        return None, i + 1
    if hedge == "between" and amount.high is None:
        hedge, i = None, amount.start
    unit = find_unit(tokens, amount.next)
    role = find_role(tokens, i, amount.next, unit)
    if unit.head is None and (role.role is None or _pronoun_one(tokens, amount, role)):
        return None, amount.next  # counts nothing, or "one of them"
    if amount.article and not _article_counts(hedge, unit, role, i):
        return None, i + 1
    low, best, high = bounds(hedge, amount)
    match = Match(
        tokens[i].start,
        tokens[unit.next - 1].end,
        low,
        best,
        high,
        hedge or amount.vague,
        unit.head,
        role.role,
    )
    return match, unit.next


def _pronoun_one(tokens: list[Token], amount: Amount, role: Role) -> bool:
    """Bare "one" is a pronoun ("one of them") unless a role verb governs it directly ("killing one")."""
    return tokens[amount.start].lower == "one" and role.cue != amount.start - 1


def _article_counts(hedge: str | None, unit: Unit, role: Role, i: int) -> bool:
    """ "a" counts one only as the victim of an adjacent role: "killed a civilian", "a man was shot dead"."""
    if hedge or unit.head is None or role.role is None or role.cue is None or unit.head in lx.AMOUNT_HEADS:
        return False
    return role.cue > i or i - role.cue == 1


def _hedge_at(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """The longest hedge phrase at token `i` and the index after it."""
    for size in range(lx.HEDGE_LENGTH, 0, -1):
        phrase = tuple(token.lower for token in tokens[i : i + size])
        if len(phrase) == size and phrase in lx.HEDGES:
            return lx.HEDGES[phrase], i + size
    return None, i


def _amount_at(tokens: list[Token], i: int, between: bool) -> Amount | None:
    """A number, a range of numbers, or a vague amount ("dozens", "several") at token `i`."""
    for size in range(lx.VAGUE_LENGTH, 0, -1):
        phrase = tuple(token.lower for token in tokens[i : i + size])
        if len(phrase) == size and phrase in lx.VAGUE:
            return Amount(lx.VAGUE[phrase], None, " ".join(phrase), i, i + size)
    number = parse_number(tokens, i)
    if number is None:
        is_article = i < len(tokens) and tokens[i].lower in ("a", "an")
        return Amount(1, None, None, i, i + 1, article=True) if is_article else None
    upper = _range_end(tokens, number, between)
    if upper and upper.value > number.value:
        return Amount(number.value, upper.value, None, i, upper.next)
    return Amount(number.value, None, None, i, number.next)


def _range_end(tokens: list[Token], number: Number, between: bool) -> Number | None:
    """The upper number of "150–200", "10 to 15", "two or three", "between 10 and 15"."""
    j = number.next
    if j + 1 >= len(tokens):
        return None
    link = tokens[j].lower
    if (between and link == "and") or link in _RANGE_LINKS:
        return parse_number(tokens, j + 1)
    return None


def bounds(hedge: str | None, amount: Amount) -> tuple[float | None, float | None, float | None]:
    """low/best/high; best is ACLED's conservative figure (the lower end, "more than N" → N + 1)."""
    value = amount.value
    if amount.high is not None:
        return value, value, amount.high
    if amount.vague and hedge is None:
        return value, value, None
    return _hedged(hedge, value)


def _hedged(hedge: str | None, value: float) -> tuple[float | None, float | None, float | None]:
    """Bounds for one number under a hedge (see docs/events-core.md for the table)."""
    step = 1.0 if value == math.floor(value) else 0.0
    if hedge == "more than":
        return value + step, value + step, None
    if hedge == "at least":
        return value, value, None
    if hedge in ("up to", "nearly"):
        return None, value, value
    if hedge == "less than":
        return None, None, value - step
    return value, value, value
