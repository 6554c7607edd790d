"""Who a sentence is attributed to ("according to X", "X says", "reportedly") and how identifiable X is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprobe.actors.focus import is_city_name
from newsprobe.actors.table import load_table
from newsprobe.claims import lexicon as lx
from newsprobe.model.claims import SourceKind
from newsprobe.quantities.tokens import Token, tokenize, words

_CLAUSE_END = re.compile(r"[,;:.!?]|\bthat\b|\s[–—]\s")
_MAX_SUBJECT = 25
# Adjectives of nationality, religion or region that do not name a source by themselves.
_GROUP_ADJECTIVES = frozenset(
    words("Arab Western Kurdish Sunni Shia Shiite Islamic Muslim Christian European African")
)


@dataclass(frozen=True)
class Found:
    """An attribution: kind, offsets of the source and cue, and the relayed origin when there is one."""

    kind: SourceKind
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    origin: tuple[int, int] | None = None
    origin_kind: SourceKind | None = None


def find_attribution(text: str, start: int, end: int) -> Found:
    """The attribution of the sentence `text[start:end]`; kind "none" when it has none."""
    tokens = tokenize(text, start, end)
    return (
        _according_to(text, start, end)
        or _reporting_verb(text, tokens, start)
        or _adverbial(text, start, end)
        or _passive_report(tokens)
        or Found("none", None, None)
    )


def _according_to(text: str, start: int, end: int) -> Found | None:
    """ "According to the preliminary data, ..." and "..., according to local residents."."""
    cue = lx.ACCORDING_TO.search(text, start, end)
    if cue is None:
        return None
    stop = _CLAUSE_END.search(text, cue.end(), end)
    source = _stripped(text, cue.end(), stop.start() if stop else end)
    cue_end = cue.start() + len(cue.group().rstrip())
    return _classified(text, source, (cue.start(), cue_end), start)


def _reporting_verb(text: str, tokens: list[Token], start: int) -> Found | None:
    """ "X reported ...", "X say that ...", "..., X said." with X a plausible subject; passive → vague."""
    for i, token in enumerate(tokens):
        if token.text not in lx.REPORTING_VERBS or _followed_by_verb(tokens, i) or _passive(tokens, i):
            continue
        subject = _subject(tokens, i) or _inverted_subject(tokens, i)
        if subject and subject[0] < subject[1]:
            return _classified(
                text, (tokens[subject[0]].start, tokens[subject[1] - 1].end), (token.start, token.end), start
            )
    return None


def _passive(tokens: list[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].lower in lx.BE_AUX


def _passive_report(tokens: list[Token]) -> Found | None:
    """ "Twelve civilians were reported killed": a vague attribution, the cue is the verb."""
    for i, token in enumerate(tokens):
        if token.text in lx.REPORTING_VERBS and _passive(tokens, i):
            return Found("vague", None, (token.start, token.end))
    return None


def _followed_by_verb(tokens: list[Token], i: int) -> bool:
    """ "Media reports said": the noun "reports" is no cue when a reporting verb follows it; nor is
    "claimed responsibility", an act rather than a report."""
    following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return following in lx.REPORTING_VERBS or following in lx.ACT_OBJECTS


def _subject(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """Token range of the subject before the reporting verb, back to the clause start; None if implausible.

    A relative pronoun or an appositive participle ("Officials, speaking on condition of anonymity,
    said") stands for the comma segment before it.
    """
    end = verb
    while end > 0 and tokens[end - 1].lower in lx.SUBJECT_TRAILERS:
        end -= 1
    begin = _segment_start(tokens, end)
    if begin == end and end > 1 and tokens[end - 1].text == ",":
        end -= 1  # "Officials, speaking on condition of anonymity, said"
        begin = _segment_start(tokens, end)
    first = tokens[begin] if begin < end else None
    if first and begin > 1 and tokens[begin - 1].text == "," and _stands_for_previous(first):
        end = begin - 1
        begin = _segment_start(tokens, end)
    while begin < end and tokens[begin].lower in lx.SUBORDINATORS:
        begin += 1  # "As the BBC reported"
    return (begin, end) if _plausible_subject(tokens[begin:end]) else None


def _inverted_subject(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """ "..., said the ministry." — the subject after a reporting verb that follows a comma."""
    if verb == 0 or tokens[verb - 1].text != ",":
        return None
    end = verb + 1
    while end < len(tokens) and tokens[end].text not in ",;:.!?()" and end - verb < _MAX_SUBJECT:
        end += 1
    return (verb + 1, end) if end < len(tokens) + 1 and _plausible_subject(tokens[verb + 1 : end]) else None


def _segment_start(tokens: list[Token], end: int) -> int:
    begin = end
    while begin > 0 and tokens[begin - 1].text not in ',;:()"“”«»' and end - begin < _MAX_SUBJECT:
        begin -= 1
    return begin


def _stands_for_previous(first: Token) -> bool:
    return first.lower in ("who", "which") or (first.lower.endswith("ing") and first.text.islower())


def _plausible_subject(span: list[Token]) -> bool:
    """A noun phrase: not empty, not too long, no conflict or reporting verb outside a relative clause."""
    words = [token for token in span if token.is_word]
    if not words or words[-1].lower in lx.SUBJECT_BAD_ENDS or len(span) >= _MAX_SUBJECT:
        return False
    if words[0].lower in lx.NEGATIVE_SUBJECTS:
        return False  # "No group has claimed ...": nobody is the source
    core = _before_relative(words)
    return not any(token.lower in lx.EVENT_VERBS or token.lower in lx.REPORTING_VERBS for token in core)


def _before_relative(words: list[Token]) -> list[Token]:
    """Words before a relative clause: "Villagers" in "Villagers who fled the fighting"."""
    for i, token in enumerate(words):
        if token.lower in ("who", "which", "whom"):
            return words[:i]
    return words


def _adverbial(text: str, start: int, end: int) -> Found | None:
    """ "Reportedly ...", "it is said that ...": a vague attribution without a source."""
    cue = lx.ADVERBIAL_CUES.search(text, start, end)
    return Found("vague", None, (cue.start(), cue.end())) if cue else None


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _classified(text: str, source: tuple[int, int], cue: tuple[int, int], sentence_start: int) -> Found:
    """Split a relaying source ("agencies referring to the command") and classify both parts."""
    relay = lx.RELAY_CUES.search(text, *source)
    if relay is None:
        return Found(source_kind(text, *source, sentence_start), source, cue)
    relayer = _stripped(text, source[0], relay.start())
    origin = _stripped(text, relay.end(), source[1])
    return Found(
        source_kind(text, *relayer, sentence_start),
        source,
        cue,
        origin,
        source_kind(text, *origin, sentence_start),
    )


def source_kind(text: str, start: int, end: int, sentence_start: int = -1) -> SourceKind:
    """named, anonymous or vague: by the head noun, then proper names, then a country's institution."""
    words = [token for token in tokenize(text, start, end) if token.is_word]
    if not words:
        return "vague"
    head = _head(words)
    if len(words) == 1 and head.lower in lx.PRONOUN_SOURCES:
        return lx.PRONOUN_SOURCES[head.lower]
    if head.lower in lx.VAGUE_HEADS:
        return "vague"
    if head.lower in lx.ANONYMOUS_HEADS:
        return "anonymous"
    if any(_is_proper(token, token.start == sentence_start) for token in words):
        return "named"
    if head.lower in lx.INSTITUTION_HEADS and (words[0].lower == "the" or _names_a_country(words)):
        return "named"
    return "anonymous"


def _head(words: list[Token]) -> Token:
    """The head noun: the word before the first modifier ("Residents of ...", "the command of ...")."""
    for i, token in enumerate(words):
        if i and token.lower in lx.HEAD_ENDS:
            return words[i - 1]
    return words[-1]


def _is_proper(token: Token, sentence_initial: bool) -> bool:
    """A capitalised word naming someone: not a sentence-initial common word, demonym or group adjective."""
    name = token.text.removesuffix("'s").removesuffix("’s")
    table = load_table()
    if not name[:1].isupper() or name in _GROUP_ADJECTIVES or name in table.by_demonym:
        return False
    # A sentence-initial capital names someone when it is an acronym or a capital city ("Kyiv says").
    return not sentence_initial or (name.isupper() and len(name) > 1) or is_city_name(name)


def _names_a_country(words: list[Token]) -> bool:
    """ "Syria's defence ministry", "the Iraqi joint operations command"."""
    demonyms = load_table().by_demonym
    return any(token.text.removesuffix("'s").removesuffix("’s") in demonyms for token in words)
