"""Actor mentions in text: longest alias match, "<Demonym> forces/aviation/police", absorbed heads."""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.actors.resolve import EXTERNAL_INTER, resolve_target
from newsprobe.actors.table import ActorTable, Target
from newsprobe.budget import check_budget
from newsprobe.quantities.tokens import Token

_STATE_TEMPLATES = {
    "military": "Military Forces of {country}",
    "air": "Military Forces of {country}",
    "police": "Police Forces of {country}",
}
_MAX_ABSORBED = 2


@dataclass(frozen=True)
class Resolved:
    canonical: str
    inter: int | None
    attributes: dict[str, str]
    score: float


@dataclass(frozen=True)
class Mention:
    """One actor mention: offsets, the alias targets it may mean, and the country its words name."""

    start: int
    end: int
    targets: tuple[Target, ...]
    own_country: str | None = None
    mode: str | None = None

    def resolve(self, table: ActorTable, focus: str | None) -> Resolved | None:
        """Canonical name for an article about `focus`; a demonym's own country wins over the focus."""
        country = self.own_country or focus
        for target in self.targets:
            resolved = resolve_target(table, target, country)
            if resolved:
                return self._resolved(*resolved, target, country, focus)
        return None

    def _resolved(
        self, canonical: str, inter: int | None, target: Target, country: str | None, focus: str | None
    ) -> Resolved:
        attributes = dict(target.attributes)
        if self.mode:
            attributes["mode"] = self.mode
        if target.family and country:
            attributes["country"] = country
        if self.own_country and focus and self.own_country != focus and inter == 1:
            inter = EXTERNAL_INTER  # a state's forces fighting abroad
        attributes["resolved_by"] = "demonym" if self.own_country else "country" if target.family else "alias"
        score = 1.0 if not target.family or country else 0.7
        return Resolved(canonical, inter, attributes, score)


def _key(token: Token) -> str:
    """Token text without a possessive: "Syria's" → "Syria"."""
    text = token.text
    return text[:-2] if text[-2:] in ("'s", "’s") else text


def find_mentions(text: str, tokens: list[Token], table: ActorTable) -> list[Mention]:
    """Actor mentions left to right, longest first, without overlaps."""
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        check_budget("the actors analyzer")
        mention, after = (
            _state_form_at(tokens, i, table) or _alias_at(text, tokens, i, table) or (None, i + 1)
        )
        if mention:
            found.append(mention)
        i = after
    return found


def _alias_at(text: str, tokens: list[Token], i: int, table: ActorTable) -> tuple[Mention, int] | None:
    longest = table.longest_from.get(_key(tokens[i]).lower(), 0)
    for size in range(min(longest, len(tokens) - i), 0, -1):
        words = tokens[i : i + size]
        exact = table.exact.get(tuple(_key(token) for token in words))
        targets = (
            exact
            if exact and not _in_capitals(tokens, i, size)
            else table.folded.get(tuple(_key(token).lower() for token in words))
        )
        if targets:
            end = _absorb(tokens, i + size, table)
            return Mention(tokens[i].start, tokens[end - 1].end, tuple(targets)), end
    return None


def _in_capitals(tokens: list[Token], i: int, size: int) -> bool:
    """An acronym inside an all-capitals headline ("THIS IS WAR") is no acronym."""
    neighbours = [tokens[j] for j in (i - 1, i + size) if 0 <= j < len(tokens) and tokens[j].is_word]
    return any(token.text.isupper() and len(token.text) > 1 for token in neighbours)


def _absorb(tokens: list[Token], end: int, table: ActorTable) -> int:
    """Extend over heads such as "terrorist organization" in "IS terrorist organization"."""
    for _ in range(_MAX_ABSORBED):
        if end < len(tokens) and _key(tokens[end]).lower() in table.absorbed:
            end += 1
    return end


def _state_form_at(tokens: list[Token], i: int, table: ActorTable) -> tuple[Mention, int] | None:
    """ "Syrian army", "Russian pilots", "Iraqi Armed Forces", "Turkish police" → that country's forces."""
    country = table.by_demonym.get(_key(tokens[i]))
    if country is None or not tokens[i].text[:1].isupper():
        return None
    for size in (2, 1):
        form = tuple(_key(token).lower() for token in tokens[i + 1 : i + 1 + size])
        mode = table.state_forms.get(form) if len(form) == size else None
        if mode:
            end = _absorb(tokens, i + 1 + size, table)
            target = Target(_STATE_TEMPLATES[mode], family=True)
            mention = Mention(
                tokens[i].start,
                tokens[end - 1].end,
                (target,),
                country.name,
                "air" if mode == "air" else None,
            )
            return mention, end
    return None
