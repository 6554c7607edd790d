"""ACLED notes rewritten the way reporters write, so that the classifier learns events and not ACLED's formula.

A note opens with a date and a place chain ("On 8 June 2022, in Villa Yapacani (Santa Cruz), ...") and ends
with tags ("[size=no report]", "[coded to Warsaw]"). `strip_formula` removes them; `news_variants` then retells
the event as wire copy does: attributed ("..., police said"), dated by weekday, or as a headline.
"""

from __future__ import annotations

import hashlib
import re

_TAG = re.compile(r"\s*\[[^\]]*\]")
_CODED = re.compile(r"\s*\((?:coded|size|women|note)[^)]*\)", re.IGNORECASE)
_TYPE_PREFIX = re.compile(r"^\s*[A-Z][a-z]+(?:[ /-][a-z]+){0,3}:\s+")
_DATE = re.compile(
    r"^\s*(?:On|Between|Around|In|During|From|Since|Overnight)\s+(?:or around\s+|the night of\s+)?"
    r"[^,]{0,50}?\b\d{4}(?:\s*\((?:week of|month of|as reported)\))?,?\s*", re.IGNORECASE)
_PLACE = re.compile(r"^(?:in|near|outside)\s+[^,;]{1,60}?\([^)]{1,80}\),\s*", re.IGNORECASE)
_CHAIN = re.compile(r"\s*\((?:[A-Z][\w'’.-]*[ -]?)+(?:,\s*(?:[A-Z][\w'’.-]*[ -]?)+)*\)")
_SPACES = re.compile(r"\s{2,}")

SOURCES = ("police said", "local media reported", "a local official said", "witnesses said",
           "the state news agency reported", "residents told reporters", "sources said", "officials said")
LEADS = ("According to local sources, ", "Local media reported that ", "Officials said that ",
         "Witnesses said ", "It was reported that ")
WHEN = ("On Tuesday, ", "On Saturday, ", "Late on Friday, ", "Early on Monday, ", "Yesterday, ",
        "Last night, ", "On Sunday morning, ", "Earlier this week, ")
_ARTICLES = re.compile(r"\b(?:a|an|the)\s+", re.IGNORECASE)


def strip_formula(note: str) -> str:
    """The note without its date, leading place chain, bracketed tags and parenthesised admin chains."""
    text = _CODED.sub("", _TAG.sub("", note))
    text = _PLACE.sub("", _DATE.sub("", _TYPE_PREFIX.sub("", text.strip())))
    text = _SPACES.sub(" ", _CHAIN.sub("", text)).strip()
    return _capitalise(text)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """The first letter lower-cased unless the first word is a name or acronym (two capitals, or a proper name
    we cannot tell: only common sentence openers are lowered)."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in _OPENERS else text


_OPENERS = frozenset({"a", "an", "the", "unidentified", "unknown", "suspected", "armed", "several", "two", "three",
                      "four", "five", "about", "around", "over", "more", "hundreds", "dozens", "some", "members",
                      "residents", "police", "security", "military", "protesters", "demonstrators", "rioters",
                      "troops", "forces", "gunmen", "militants", "rebels", "villagers", "students", "workers", "active",
                      "with", "at", "on", "in", "during", "after", "following", "local", "angry", "thousands",
                      "assailants", "people", "one", "farmers", "traders", "teachers"})


def _pick(options: tuple[str, ...], key: str, salt: str) -> str:
    """A deterministic choice: the same note always gets the same rewrite."""
    digest = hashlib.sha256(f"{salt}:{key}".encode()).digest()
    return options[digest[0] % len(options)]


def _headline(sentence: str) -> str:
    """Headline style: no articles, no final stop, at most 14 words."""
    words = _ARTICLES.sub("", sentence.rstrip(". ")).split()
    return _capitalise(" ".join(words[:14]))


def news_variants(sentence: str, key: str) -> list[str]:
    """Two rewrites of one stripped event sentence: attributed (trailing or leading source) and dated or headline.

    Args:
        sentence: one event sentence, formula already stripped.
        key: a stable key (the ACLED event id) that fixes which rewrites are chosen.

    Returns:
        Two news-style sentences, or none for a sentence too short to rewrite.
    """
    body = sentence.strip().rstrip(".")
    if len(body.split()) < 4:
        return []
    if _pick(("trail", "lead"), key, "form") == "trail":
        attributed = f"{body}, {_pick(SOURCES, key, 'source')}."
    else:
        attributed = _pick(LEADS, key, "lead") + _lower_first(body) + "."
    if _pick(("when", "headline"), key, "second") == "when":
        second = _pick(WHEN, key, "when") + _lower_first(body) + "."
    else:
        second = _headline(body)
    return [attributed, second]
