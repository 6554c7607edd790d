"""Texts of any length in the shapes that once made analyzers super-linear (issue 18), for the scaling
benchmark and the regression tests. Every sentence here is written by us."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

TITLE = "Fighting Continues Near the River Crossings\n\n"

# Ordinary conflict reporting: varied sentences, cycled with numbers and places changing so no sentence
# repeats verbatim (a repeated sentence is its own family).
_NEWS = (
    "Government forces shelled positions of the militants near {place} on {day}, a military source said.",
    "According to local residents, at least {n} fighters were killed and {m} vehicles destroyed in the clashes.",
    "The ministry of defence reported that aircraft struck a depot {km} km west of {place} overnight.",
    "Witnesses told reporters that {n} civilians fled the village as the army advanced from the south.",
    "Rebel commanders denied the claims, saying their units still held the bridge over the river.",
    "Officials in {place} said humanitarian convoys could not reach the district for {m} days.",
    "The so-called caliphate has lost most of its territory, analysts at a research centre argued.",
    "Protesters gathered in the centre of {place} to demand the release of {n} detained journalists.",
)
_PLACES = ("Raqqa", "Deir ez-Zor", "Mayadin", "Aleppo", "Homs", "Idlib", "Palmyra", "Hama", "Mosul", "Kirkuk")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _news_sentences() -> Iterator[str]:
    for index in itertools.count():
        template = _NEWS[index % len(_NEWS)]
        yield template.format(
            place=_PLACES[(index * 3) % len(_PLACES)], day=_DAYS[index % len(_DAYS)],
            n=5 + index % 97, m=2 + index % 13, km=10 + index % 40,
        )


def _paragraphs(sentences: Iterator[str]) -> Iterator[str]:
    """Sentences joined four to a paragraph."""
    for index, sentence in enumerate(sentences):
        yield sentence + ("\n\n" if index % 4 == 3 else " ")


def _cycle(*parts: str) -> Iterator[str]:
    return itertools.cycle(parts)


def _numbered(template: str) -> Iterator[str]:
    return (template.format(i=index, place=_PLACES[index % len(_PLACES)]) for index in itertools.count())


# Family name → endless stream of pieces; the text is the pieces up to the wanted length.
FAMILIES: dict[str, Callable[[], Iterator[str]]] = {
    "news": lambda: _paragraphs(_news_sentences()),
    "one-name": lambda: _cycle("Abu "),
    "marked-name": lambda: _cycle("IG* "),
    "relative-chain": lambda: _cycle("30 km west of "),
    "brackets": lambda: _cycle("(", "[", "«", "the army said", "»", "]", ") "),
    "one-sentence": lambda: _cycle("Government forces shelled positions of the militants near Raqqa on Monday. "),
    "near-duplicates": lambda: _numbered("Government forces shelled {i} positions of the militants near {place}. "),
    "place-list": lambda: _cycle(*(place + ", " for place in _PLACES)),
    "attribution-chain": lambda: _cycle("according to the ministry ", "said that ", "citing residents "),
    "number-words": lambda: _cycle("five ", "hundred ", "thousand ", "million "),
    "no-full-stop": lambda: _numbered("the fighters of unit {i} moved towards {place} and "),
    "apostrophes": lambda: _cycle("the army's ", "rebels' ", "'claims' ", "it's "),
}


def family_text(family: str, chars: int) -> str:
    """About `chars` characters of `family` after a title line; cut at a piece boundary."""
    pieces, size = [TITLE], len(TITLE)
    for piece in FAMILIES[family]():
        if size + len(piece) > chars:
            break
        pieces.append(piece)
        size += len(piece)
    return "".join(pieces).rstrip() + "\n"
