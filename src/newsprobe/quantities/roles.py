"""The role of a counted quantity: killed, wounded, captured, surrounded, destroyed, ... from its context."""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.quantities import lexicon as lx
from newsprobe.quantities.tokens import Token
from newsprobe.quantities.units import Unit

_LOOK_BACK = 15
_LOOK_AHEAD = 5
_LOOK_PAST = 8


@dataclass(frozen=True)
class Role:
    role: str | None
    cue: int | None = None


def find_role(tokens: list[Token], start: int, number_end: int, unit: Unit) -> Role:
    """Role from a participle in the phrase, a verb right after it, its own noun, or the governing verb."""
    if unit.head and unit.head.split()[-1] in lx.AGENT_HEADS:
        return Role(None)  # a fire or a blast is what destroys, never what is destroyed or killed
    for offset, word in enumerate(unit.words[:-1]):
        if word in lx.ROLE_WORDS:
            return Role(lx.ROLE_WORDS[word], number_end + offset)  # "150–200 surrounded militants"
    phrase_end = number_end if unit.head is None else unit.next
    after = _role_after(tokens, phrase_end) or _role_after_passive(tokens, phrase_end)
    if after:
        return after
    if unit.head and unit.head.split()[-1] in lx.ROLE_WORDS:
        return Role(lx.ROLE_WORDS[unit.head.split()[-1]], unit.next - 1)  # "12 bodies", "300 refugees"
    return _role_before(tokens, start, unit.head) or Role(None)


def _role_after(tokens: list[Token], i: int) -> Role | None:
    """ "50 militants were reportedly killed", "5 people dead", "a man was shot and killed"."""
    for j in range(i, min(len(tokens), i + _LOOK_AHEAD)):
        word = tokens[j].lower
        if word in lx.ROLE_WORDS:
            return None if _active(tokens, i, j) else Role(_combined(tokens, j), j)
        shot_and = word == "and" and j > i and tokens[j - 1].lower in ("shot", "stabbed", "beaten", "hacked")
        if word not in lx.ROLE_BRIDGE and not shot_and:
            return None
    return None


def _combined(tokens: list[Token], j: int) -> str:
    """ "killed and wounded" (or "killed or injured") together are casualties, not deaths."""
    role = lx.ROLE_WORDS[tokens[j].lower]
    if j + 2 < len(tokens) and tokens[j + 1].lower in ("and", "or"):
        other = lx.ROLE_WORDS.get(tokens[j + 2].lower)
        if {role, other} == {"killed", "wounded"}:
            return "casualties"
    return role


def _role_after_passive(tokens: list[Token], i: int) -> Role | None:
    """A passive verb a few words on, past a modifier: "7 civilians in the city were killed"."""
    for j in range(i, min(len(tokens), i + _LOOK_PAST)):
        word = tokens[j].lower
        if word in lx.PASSIVE_AUX:
            return _role_after(tokens, j)
        if word in lx.CLAUSE_STOPS or word == "," or word in lx.ROLE_WORDS or word in lx.VERBS:
            return None
    return None


def _thing_as_person(head: str | None, role: str) -> bool:
    """ "killed and wounded, three tanks": things are not killed; look further back for their verb."""
    return head is not None and head.split()[-1] in lx.OBJECT_HEADS and role in lx.PERSON_ROLES


def _active(tokens: list[Token], i: int, j: int) -> bool:
    """The count is the subject of an active verb with its own object: "two men shot dead a civilian"."""
    has_object = j + 1 < len(tokens) and tokens[j + 1].lower in lx.OBJECT_STARTS
    return has_object and not any(token.lower in lx.PASSIVE_AUX for token in tokens[i:j])


def _role_before(tokens: list[Token], start: int, head: str | None = None) -> Role | None:
    """The nearest role verb before the number in the same clause: "killed around 50", "killing two"."""
    for j in range(start - 1, max(-1, start - _LOOK_BACK - 1), -1):
        word = tokens[j].lower
        if word in lx.CLAUSE_STOPS or word in lx.BACK_STOPS or (word == "and" and tokens[j - 1].text == ","):
            return None
        if word in lx.ROLE_WORDS and not _thing_as_person(head, lx.ROLE_WORDS[word]):
            return Role(lx.ROLE_WORDS[word], j)
    return None
