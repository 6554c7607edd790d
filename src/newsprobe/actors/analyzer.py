"""The actors analyzer: actor mentions normalised to ACLED standard names and inter codes."""

from __future__ import annotations

import bisect
from typing import ClassVar

from newsprobe.actors.focus import country_focus
from newsprobe.actors.mentions import Resolved, find_mentions
from newsprobe.actors.table import ActorTable, load_table
from newsprobe.model import Analysis, Entity
from newsprobe.quantities.tokens import Token, tokenize

ARMED_GROUP_INTERS = (2, 3)
GENERIC_SCORE = 0.6


def find_actors(text: str, start: int = 0, country: str | None = None) -> list[Entity]:
    """Actor entities in `text[start:]` for an article about `country`, generic references included."""
    table = load_table()
    tokens = tokenize(text, start)
    entities = []
    for mention in find_mentions(text, tokens, table):
        resolved = mention.resolve(table, country)
        if resolved:
            entities.append(_entity(text, mention.start, mention.end, resolved))
    return sorted([*entities, *_generic_references(text, tokens, table, entities)], key=lambda e: e.start)


def _entity(text: str, start: int, end: int, resolved: Resolved) -> Entity:
    return Entity.of(
        text,
        start,
        end,
        label="ACTOR",
        canonical=resolved.canonical,
        inter=resolved.inter,
        score=resolved.score,
        attributes=resolved.attributes,
    )


def _generic_references(
    text: str, tokens: list[Token], table: ActorTable, named: list[Entity]
) -> list[Entity]:
    """ "militants", "terrorists" → the article's armed group, when exactly one armed group is named."""
    groups = {(entity.canonical, entity.inter) for entity in named if entity.inter in ARMED_GROUP_INTERS}
    if len(groups) != 1:
        return []
    canonical, inter = groups.pop()
    taken = sorted((entity.start, entity.end) for entity in named)
    found = []
    for token in tokens:
        if (token.lower,) in table.generic and not _overlaps_any(taken, token.start, token.end):
            attributes = {"resolved_by": "generic"}
            found.append(
                Entity.of(
                    text,
                    token.start,
                    token.end,
                    label="ACTOR",
                    canonical=canonical,
                    inter=inter,
                    score=GENERIC_SCORE,
                    attributes=attributes,
                )
            )
    return found


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `[start, end)` overlaps one of `spans` (sorted, not overlapping each other): a bisection, as a
    scan of every span per token made long articles quadratic."""
    index = bisect.bisect_left(spans, (end, -1)) - 1
    return index >= 0 and spans[index][1] > start


class ActorsAnalyzer:
    name: ClassVar[str] = "actors"
    version: ClassVar[str] = "v3"  # v3: names led by "The" need their capitals
    requires: ClassVar[tuple[str, ...]] = ("signals", "places")
    assigns: ClassVar[tuple[str, ...]] = ("entities",)
    languages: ClassVar[tuple[str, ...]] = ("en",)

    def __init__(self) -> None:
        load_table()

    def __call__(self, analysis: Analysis) -> None:
        article = analysis.article
        # A legal notice's "terrorist organization ... banned in Russia" names no actor of the article.
        notices = analysis.signal_spans("legal_disclaimer")
        found = find_actors(article.text, 0, country_focus(analysis))
        analysis.entities.extend(entity for entity in found if not entity.lies_within(notices))
