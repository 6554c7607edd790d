"""Duplicated passages: a clause said twice in a row (two machine translations of one source clause
spliced together) or a passage repeated verbatim elsewhere in the article.

A banded local alignment of the token sequence against itself finds two nearby windows that share an
ordered skeleton of words ("after the assault of Abu Kamal as they fell into another trap near" /
"after the storming of Abu-Kemal, as they got into a new trap near"); names compare by consonant key.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.signals.stopwords import STOPWORDS
from newsprobe.signals.tokens import Token, consonant_key

BAND_TOKENS = 80
MIN_SCORE = 10
MIN_CONTENT_MATCHES = 3
MIN_MATCHES = 7
MIN_SIMILARITY = 0.55
_CONTENT_MATCH, _FUNCTION_MATCH, _MISMATCH, _GAP = 3, 1, -1, -1


@dataclass(frozen=True)
class RepeatedPassage:
    first: tuple[int, int]
    second: tuple[int, int]
    matches: int
    similarity: float


def find_repeated_passages(tokens: list[Token]) -> list[RepeatedPassage]:
    """Non-overlapping pairs of nearby windows with a long shared ordered word skeleton."""
    keys = [_compare_key(token) for token in tokens]
    scores = _align(keys)
    passages: list[RepeatedPassage] = []
    used: set[int] = set()
    for score, i, j in sorted(((s, i, j) for (i, j), s in scores.items() if s >= MIN_SCORE), reverse=True):
        if i in used or j in used:
            continue
        passage = _trace(keys, scores, i, j, tokens)
        if passage is not None:
            passages.append(passage)
            used.update(range(_index(tokens, passage.first[0]), i + 1))
            used.update(range(_index(tokens, passage.second[0]), j + 1))
    return sorted(passages, key=lambda item: item.second)


def _compare_key(token: Token) -> str:
    return consonant_key(token.text) if token.text[:1].isupper() and len(token.text) > 3 else token.lower


def _is_content(key: str) -> bool:
    return key not in STOPWORDS and len(key) > 1


def _step(left: str, right: str) -> int:
    if left != right:
        return _MISMATCH
    return _CONTENT_MATCH if _is_content(left) else _FUNCTION_MATCH


def _align(keys: list[str]) -> dict[tuple[int, int], int]:
    """Smith–Waterman scores of token i (first window) against token j > i (second window), in a band."""
    scores: dict[tuple[int, int], int] = {}
    for i in range(len(keys)):
        for j in range(i + 1, min(len(keys), i + BAND_TOKENS)):
            best = max(
                scores.get((i - 1, j - 1), 0) + _step(keys[i], keys[j]),
                scores.get((i - 1, j), 0) + _GAP,
                scores.get((i, j - 1), 0) + _GAP,
                0,
            )
            if best:
                scores[(i, j)] = best
    return scores


def _trace(
    keys: list[str], scores: dict[tuple[int, int], int], i: int, j: int, tokens: list[Token]
) -> RepeatedPassage | None:
    """Follow the alignment back from (i, j); keep it when the windows are disjoint and alike enough."""
    end_i, end_j, matches, content = i, j, 0, 0
    while scores.get((i, j), 0) > 0:
        here = scores[(i, j)]
        if keys[i] == keys[j] and here == scores.get((i - 1, j - 1), 0) + _step(keys[i], keys[j]):
            matches += 1
            content += _is_content(keys[i])
            i, j = i - 1, j - 1
        elif here == scores.get((i - 1, j - 1), 0) + _MISMATCH:
            i, j = i - 1, j - 1
        elif here == scores.get((i - 1, j), 0) + _GAP:
            i -= 1
        else:
            j -= 1
    start_i, start_j = i + 1, j + 1
    if end_i >= start_j or matches < MIN_MATCHES or content < MIN_CONTENT_MATCHES:
        return None
    similarity = 2 * matches / ((end_i - start_i + 1) + (end_j - start_j + 1))
    if similarity < MIN_SIMILARITY:
        return None
    return RepeatedPassage(
        first=(tokens[start_i].start, tokens[end_i].end),
        second=(tokens[start_j].start, tokens[end_j].end),
        matches=matches,
        similarity=round(similarity, 3),
    )


def _index(tokens: list[Token], offset: int) -> int:
    return next(index for index, token in enumerate(tokens) if token.start == offset)
