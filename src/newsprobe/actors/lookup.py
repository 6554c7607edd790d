"""Library entry points: resolve one mention to an ACLED actor."""

from __future__ import annotations

from newsprobe.actors.mentions import find_mentions
from newsprobe.actors.table import load_table
from newsprobe.quantities.tokens import tokenize


def resolve_actor(mention: str, country: str | None = None) -> tuple[str, int | None] | None:
    """Resolve one actor mention to its ACLED standard name and inter code.

    Args:
        mention: the words of the mention, e.g. "Daesh", "the army", "Russian pilots".
        country: ACLED country name the text is about (resolves "the army", "Islamic State").

    Returns:
        (canonical name, inter code), or None when the words are not (all) one known actor.
    """
    words = mention.strip()
    resolved = _resolve_whole(words, country)
    if resolved is None and words.lower().startswith("the "):
        resolved = _resolve_whole(words[4:], country)  # "the pseudo-Caliphate"
    return resolved


def _resolve_whole(words: str, country: str | None) -> tuple[str, int | None] | None:
    """The actor when one mention covers all of `words`."""
    table = load_table()
    for found in find_mentions(words, tokenize(words), table):
        if found.start == 0 and found.end == len(words):
            resolved = found.resolve(table, country)
            return (resolved.canonical, resolved.inter) if resolved else None
    return None
