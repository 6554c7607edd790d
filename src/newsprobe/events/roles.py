"""Who did what to whom: actor mentions of a sentence assigned to actor1/actor2 and their associates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprobe.model import Entity

# The event verb: what separates the doer (before it) from the target (after it) in active voice.
_EVENT_VERB = re.compile(
    r"\b(?:attack|kill|clash|fought|fight|shell|struck|strike|bomb|abduct|kidnap|arrest|detain|fired|fire on|"
    r"ambush|raid|target|captur|seiz|storm|destroy|shot|shoot|assault|besieg|surround|repel|hit|launch|torch|"
    r"loot|beat|disperse|rall|protest|demonstrat|march|gather|engag|battl|took control|retook|recaptur|"
    r"liberat|overran|execut|stabb|injur|wound|massacr|push|drove|driven|routed|expel|repuls|defeat|eliminat|"
    r"neutrali[sz]|ousted|chased)\w*(?!\w*:)",
    re.IGNORECASE,
)
# Agent nouns share the verbs' stems ("fighters", "attackers", "protesters") but name a side, not the act.
_AGENT_NOUN = re.compile(r"(?:ers?|ors?)$", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Cues that make the next actor an associate of the one before ("supported by Russian pilots").
_ASSOCIATION = (
    r"(?:supported|backed|assisted|aided|accompanied|joined|helped)\s+by|with the (?:support|help|backing) of|"
    r"alongside|together with|in cooperation with|and (?:their|its) all(?:y|ies)|with air support from"
)
_ASSOCIATION_TAIL = re.compile(rf"(?:{_ASSOCIATION})\s*(?:the\s+)?$", re.IGNORECASE)
_MUTUAL_VERB = re.compile(r"clash|fight|fought|battl|engag", re.IGNORECASE)
# "heavy losses among the IS terrorists": whoever suffers the losses is the target.
_VICTIM_TAIL = re.compile(r"\b(?:losses|casualties|deaths|dead)\s+(?:among|of|in)\s+(?:the\s+)?$", re.IGNORECASE)
# "by suspected NPA militants": up to three words between "by" and the doer.
_BY_TAIL = re.compile(r"\bby\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)


@dataclass
class Sides:
    """Actor mentions sorted into the doer's side and the target's side."""

    actor1: Entity | None = None
    assoc1: list[Entity] = field(default_factory=list)
    actor2: Entity | None = None
    assoc2: list[Entity] = field(default_factory=list)


def _name(entity: Entity) -> str:
    return entity.canonical or entity.text


def _distinct(mentions: list[Entity]) -> list[Entity]:
    """First mention of each actor, in text order."""
    seen: set[str] = set()
    kept = []
    for mention in mentions:
        if _name(mention) not in seen:
            seen.add(_name(mention))
            kept.append(mention)
    return kept


def _side(text: str, sentence_start: int, mentions: list[Entity]) -> tuple[Entity | None, list[Entity]]:
    """The main actor of one side (the first not introduced by an association cue) and its associates."""
    main, associates = None, []
    for mention in mentions:
        before = text[max(sentence_start, mention.start - 40):mention.start]
        if main is None and not _ASSOCIATION_TAIL.search(before):
            main = mention
        else:
            associates.append(mention)
    if main is None and associates:
        main = associates.pop(0)
    return main, associates


def _event_verb(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first event verb of the sentence; the month "March" is not the verb "march", nor "fighters" a verb."""
    return next((m for m in _EVENT_VERB.finditer(text, start, end)
                 if m.group() != "March" and not _AGENT_NOUN.search(m.group())), None)


def assign_roles(text: str, start: int, end: int, mentions: list[Entity]) -> Sides:
    """Split a sentence's actor mentions at its event verb: doer side before, target side after.

    Passive voice ("were attacked by X") swaps the sides, and an actor after "by" is the doer.
    """
    mentions = _distinct(sorted((m for m in mentions if start <= m.start and m.end <= end), key=lambda m: m.start))
    verb = _event_verb(text, start, end)
    if verb is None:
        main, rest = _side(text, start, mentions)
        return Sides(main, [], rest[0] if rest else None, rest[1:])
    before = [m for m in mentions if m.end <= verb.start()]
    after = [m for m in mentions if m.start >= verb.end()]
    if _PASSIVE_BEFORE.search(text[start:verb.start()]):
        doers = [m for m in after if _BY_TAIL.search(text[max(start, m.start - 40):m.start])]
        before, after = doers, before + [m for m in after if m not in doers]
    victims = [m for m in before if _VICTIM_TAIL.search(text[max(start, m.start - 40):m.start])]
    before, after = [m for m in before if m not in victims], victims + after
    actor1, assoc1 = _side(text, start, before)
    actor2, assoc2 = _side(text, start, after)
    if actor1 is None and actor2 is not None and _MUTUAL_VERB.match(verb.group()):
        # "Clashes between X and Y": no doer before the verb, so the first actor after it acts.
        actor1, actor2 = actor2, (assoc2.pop(0) if assoc2 else None)
    return Sides(actor1, assoc1, actor2, assoc2)
