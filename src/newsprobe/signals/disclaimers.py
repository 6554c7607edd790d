"""Legal disclaimers that reveal the outlet's jurisdiction: Russian law makes media mark organisations
banned in Russia and "foreign agents" whenever they name them, in Russian and in translations."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DisclaimerRule:
    pattern: re.Pattern[str]
    jurisdiction: str
    kind: str
    explanation: str


def _rule(pattern: str, kind: str, explanation: str) -> DisclaimerRule:
    return DisclaimerRule(re.compile(pattern, re.IGNORECASE | re.UNICODE), "RU", kind, explanation)


_BANNED_EN = (
    r"(?:\*\s*)?(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:terrorist|extremist)\s+(?:and\s+extremist\s+|or\s+"
    r"terrorist\s+)?(?:organi[sz]ation|group|movement)s?\s*(?:,\s*)?(?:that\s+is\s+|which\s+is\s+|is\s+)?"
    r"(?:banned|outlawed|prohibited|forbidden)\s+(?:in|on\s+the\s+territory\s+of)\s+(?:the\s+)?"
    r"Russia(?:n\s+Federation)?\.?"
)
_RECOGNISED_EN = (
    r"(?:recogni[sz]ed|designated|declared)\s+(?:as\s+)?(?:an?\s+)?(?:terrorist|extremist)(?:\s+and\s+"
    r"(?:terrorist|extremist))?\s+(?:organi[sz]ation\s+)?(?:and\s+)?(?:banned|outlawed|prohibited)\s+in\s+"
    r"(?:the\s+)?Russia(?:n\s+Federation)?\.?"
)
_FOREIGN_AGENT_EN = (
    r"(?:\*\s*)?[^.\n]{0,80}?(?:performing\s+the\s+functions\s+of\s+a\s+foreign\s+agent|"
    r"(?:designated|recogni[sz]ed|listed|included)\s+(?:as\s+)?(?:a\s+|in\s+the\s+register\s+of\s+)?"
    r"foreign\s+agents?(?:\s+in\s+Russia)?|undesirable\s+(?:organi[sz]ation|in\s+Russia))[^.\n]{0,60}\.?"
)
_BANNED_RU = (
    r"(?:\*\s*)?[^.\n]{0,80}?(?:запрещ[её]нн?(?:ая|ой|ые|ых|ое|ого|а|ы|о)?|деятельность\s+которой\s+запрещена)"
    r"\s+(?:в\s+(?:России|РФ|Российской\s+Федерации)|на\s+территории\s+(?:России|РФ|Российской\s+Федерации))"
    r"[^.\n]{0,40}\.?"
)
_RECOGNISED_RU = (
    r"(?:\*\s*)?[^.\n]{0,80}?призна(?:на|н|ны|но)\s+(?:в\s+(?:России|РФ)\s+)?(?:террористической|"
    r"экстремистской|нежелательной)[^.\n]{0,60}\.?"
)
_FOREIGN_AGENT_RU = (
    r"(?:\*\s*)?[^.\n]{0,80}?(?:выполняющ\w+\s+функции\s+иностранного\s+агента|признан\w*\s+иноагент\w*|"
    r"иностранн\w+\s+агент\w*|внес[её]н\w*\s+в\s+реестр\s+иноагентов)[^.\n]{0,60}\.?"
)

_BANNED_NOTE = (
    "Russian media must say that an organisation is banned in Russia whenever they name it; this notice "
    "places the outlet (or its source) under Russian jurisdiction."
)
_AGENT_NOTE = (
    "Russian law makes media label people and outlets registered as 'foreign agents' or 'undesirable'; "
    "this notice places the outlet (or its source) under Russian jurisdiction."
)

DISCLAIMER_RULES = (
    _rule(_BANNED_EN, "banned_organisation", _BANNED_NOTE),
    _rule(_RECOGNISED_EN, "banned_organisation", _BANNED_NOTE),
    _rule(_FOREIGN_AGENT_EN, "foreign_agent", _AGENT_NOTE),
    _rule(_BANNED_RU, "banned_organisation", _BANNED_NOTE),
    _rule(_RECOGNISED_RU, "banned_organisation", _BANNED_NOTE),
    _rule(_FOREIGN_AGENT_RU, "foreign_agent", _AGENT_NOTE),
)
_FOOTNOTE_MARK = re.compile(r"\b[\w-]+\*")
_KEYWORD = re.compile(r"banned|outlawed|prohibited|forbidden|foreign\s+agent|undesirable|запрещ|призна|иноагент|"
                      r"иностранн\w+\s+агент", re.IGNORECASE)


@dataclass(frozen=True)
class Disclaimer:
    start: int
    end: int
    rule: DisclaimerRule
    marked: tuple[tuple[int, int], ...]


def find_disclaimers(text: str) -> list[Disclaimer]:
    """Every disclaimer, once, with the asterisk-marked names it annotates when it is a `*` footnote."""
    found: list[Disclaimer] = []
    for line_start, line_end in _lines_with_keywords(text):
        for rule in DISCLAIMER_RULES:
            for match in rule.pattern.finditer(text, line_start, line_end):
                start, end = _trim(text, match.start(), match.end())
                if any(start < other.end and other.start < end for other in found):
                    continue
                marked = _footnote_marks(text, start) if text[start] == "*" else ()
                found.append(Disclaimer(start, end, rule, marked))
    return sorted(found, key=lambda item: item.start)


def _lines_with_keywords(text: str) -> list[tuple[int, int]]:
    """Bounds of the lines that hold a disclaimer keyword: the patterns are slow, the keyword search is not."""
    bounds = []
    for match in _KEYWORD.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        bounds.append((start, len(text) if end < 0 else end))
    return sorted(set(bounds))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _footnote_marks(text: str, footnote_start: int) -> tuple[tuple[int, int], ...]:
    """Names carrying the asterisk the footnote explains, e.g. `IS*`."""
    return tuple((m.start(), m.end()) for m in _FOOTNOTE_MARK.finditer(text, 0, footnote_start))
