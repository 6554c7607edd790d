"""Duplicated passages: a clause said twice in one sentence (two machine translations of one source
clause spliced together), and passages repeated verbatim elsewhere in the article.

A local alignment of each sentence's tokens against themselves finds two windows that share an
ordered skeleton of words ("after the assault of Abu Kamal as they fell into another trap near" /
"after the storming of Abu-Kemal, as they got into a new trap near"); names compare by consonant key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprobe.signals.stopwords import STOPWORDS
from newsprobe.signals.tokens import Token, consonant_key

BAND_TOKENS = 80
MIN_SCORE = 10
MIN_CONTENT_MATCHES = 3
MIN_MATCHES = 7
MIN_SIMILARITY = 0.55
MIN_REPEAT_TOKENS = 12
_MAX_TAIL_TOKENS = 12
_EDGE_TOKENS = 3
_JOINING_WORDS = frozenset(
    ["and", "but", "or", "nor", "yet", "so", "then", "than", "while", "whereas", "as", "because", "since", "if", "when", "which", "who", "whom", "that", "whose", "also", "just", "like", "unlike", "plus"]
)
_SENTENCE_END = re.compile(r"[.!?;:…]|\n")
_CONTENT_MATCH, _FUNCTION_MATCH, _MISMATCH, _GAP = 3, 1, -1, -1


# start_i, end_i, start_j, end_j (token indexes of the two windows), matched words, similarity.
Alignment = tuple[int, int, int, int, int, float]


@dataclass(frozen=True)
class SplicedClause:
    first: tuple[int, int]
    second: tuple[int, int]
    matches: int
    similarity: float


def find_spliced_clauses(text: str, tokens: list[Token]) -> list[SplicedClause]:
    """Non-overlapping pairs of nearby windows with a long shared ordered word skeleton."""
    keys = [_compare_key(token) for token in tokens]
    scores = _align(keys, _sentence_numbers(text, tokens))
    ends = sorted(((s, i, j) for (i, j), s in scores.items() if s >= MIN_SCORE and keys[i] == keys[j]), reverse=True)
    found: list[Alignment] = []
    for _, i, j in ends:
        traced = _trace(text, tokens, keys, scores, i, j)
        if traced is not None and not any(_overlaps(traced, other) for other in found):
            found.append(traced)
    passages = [_to_passage(text, tokens, *item) for item in found]
    return sorted(passages, key=lambda item: item.second)


def _overlaps(one: Alignment, other: Alignment) -> bool:
    """Whether two alignments share a token in either window."""
    return not (one[1] < other[0] or other[1] < one[0]) or not (one[3] < other[2] or other[3] < one[2])


def _to_passage(
    text: str, tokens: list[Token], start_i: int, end_i: int, start_j: int, end_j: int, matches: int, similarity: float
) -> SplicedClause:
    """Offsets of the two renderings, widened to the clauses the splice joins: the second runs from the seam
    to the sentence end, the first starts as many words earlier as the gap between them holds."""
    gap = start_j - end_i - 1
    start_i = max(_sentence_start_index(text, tokens, start_i), start_i - gap)
    end_j = _sentence_end_index(text, tokens, end_j)
    return SplicedClause(
        first=(tokens[start_i].start, tokens[end_i].end),
        second=(tokens[end_i + 1].start, tokens[end_j].end),
        matches=matches,
        similarity=similarity,
    )


def _sentence_start_index(text: str, tokens: list[Token], index: int) -> int:
    while index > 0 and not _SENTENCE_END.search(text[tokens[index - 1].end : tokens[index].start]):
        index -= 1
    return index


def _sentence_end_index(text: str, tokens: list[Token], index: int) -> int:
    limit = min(len(tokens) - 1, index + _MAX_TAIL_TOKENS)
    while index < limit and not _SENTENCE_END.search(text[tokens[index].end : tokens[index + 1].start]):
        index += 1
    return index


def _compare_key(token: Token) -> str:
    return consonant_key(token.text) if token.text[:1].isupper() and len(token.text) > 3 else token.lower


def _is_content(key: str) -> bool:
    return key not in STOPWORDS and len(key) > 1


def _step(left: str, right: str) -> int:
    if left != right:
        return _MISMATCH
    return _CONTENT_MATCH if _is_content(left) else _FUNCTION_MATCH


def _align(keys: list[str], sentence_of: list[int]) -> dict[tuple[int, int], int]:
    """Smith–Waterman scores of token i (first window) against token j > i (second window) of the same
    sentence: a splice of two renderings sits inside one sentence."""
    scores: dict[tuple[int, int], int] = {}
    worth_aligning = _sentences_with_repeats(keys, sentence_of)
    for i in range(len(keys)):
        if sentence_of[i] not in worth_aligning:
            continue
        j = i + 1
        while j < len(keys) and j < i + BAND_TOKENS and sentence_of[j] == sentence_of[i]:
            best = max(
                scores.get((i - 1, j - 1), 0) + _step(keys[i], keys[j]),
                scores.get((i - 1, j), 0) + _GAP,
                scores.get((i, j - 1), 0) + _GAP,
                0,
            )
            if best:
                scores[(i, j)] = best
            j += 1
    return scores


def _sentences_with_repeats(keys: list[str], sentence_of: list[int]) -> set[int]:
    """Sentences where enough content words occur twice for a splice to be possible at all."""
    seen: dict[int, set[str]] = {}
    repeated: dict[int, int] = {}
    for key, sentence in zip(keys, sentence_of, strict=True):
        if not _is_content(key):
            continue
        words = seen.setdefault(sentence, set())
        if key in words:
            repeated[sentence] = repeated.get(sentence, 0) + 1
        words.add(key)
    return {sentence for sentence, count in repeated.items() if count >= MIN_CONTENT_MATCHES}


def _sentence_numbers(text: str, tokens: list[Token]) -> list[int]:
    """For each token, the number of the sentence it is in."""
    numbers, current = [], 0
    for index, token in enumerate(tokens):
        if index and _SENTENCE_END.search(text[tokens[index - 1].end : token.start]):
            current += 1
        numbers.append(current)
    return numbers


def _trace(
    text: str, tokens: list[Token], keys: list[str], scores: dict[tuple[int, int], int], i: int, j: int
) -> Alignment | None:
    """Follow the alignment back from (i, j): (start_i, end_i, start_j, end_j, matches, similarity), or None
    when the windows overlap or are not alike enough."""
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
    if not seamless(text, tokens, end_i) or not _fills_sentence(text, tokens, start_i, end_i, start_j, end_j):
        return None
    similarity = 2 * matches / ((end_i - start_i + 1) + (end_j - start_j + 1))
    if similarity < MIN_SIMILARITY:
        return None
    return start_i, end_i, start_j, end_j, matches, round(similarity, 3)


@dataclass(frozen=True)
class VerbatimRepeat:
    first: tuple[int, int]
    second: tuple[int, int]
    words: int


def find_verbatim_repeats(tokens: list[Token]) -> list[VerbatimRepeat]:
    """Runs of at least `MIN_REPEAT_TOKENS` words that occur twice, anywhere in the body."""
    words = [token.lower for token in tokens]
    first_seen: dict[tuple[str, ...], int] = {}
    repeats: list[VerbatimRepeat] = []
    j = 0
    while j + MIN_REPEAT_TOKENS <= len(words):
        shingle = tuple(words[j : j + MIN_REPEAT_TOKENS])
        i = first_seen.setdefault(shingle, j)
        if i + MIN_REPEAT_TOKENS <= j:
            length = _common_run(words, i, j)
            repeats.append(VerbatimRepeat(
                first=(tokens[i].start, tokens[i + length - 1].end),
                second=(tokens[j].start, tokens[j + length - 1].end),
                words=length,
            ))
            j += length
        else:
            j += 1
    return repeats


def _common_run(words: list[str], i: int, j: int) -> int:
    """How many words match from positions i and j on, without the second run reaching into the first."""
    length = 0
    while j + length < len(words) and i + length < j and words[i + length] == words[j + length]:
        length += 1
    return length


def _fills_sentence(text: str, tokens: list[Token], start_i: int, end_i: int, start_j: int, end_j: int) -> bool:
    """The two renderings make up the sentence: the first (with the words before the second's match) starts
    it and the second ends it, give or take `_EDGE_TOKENS` words."""
    gap = start_j - end_i - 1
    starts_sentence = start_i - gap - _sentence_start_index(text, tokens, start_i) <= _EDGE_TOKENS
    ends_sentence = _sentence_end_index(text, tokens, end_j) - end_j <= _EDGE_TOKENS
    return starts_sentence and ends_sentence


def seamless(text: str, tokens: list[Token], end_i: int) -> bool:
    """A splice joins two renderings with nothing between them: no punctuation and no conjunction, as in
    "fell into another trap near did not have time"; parallel phrasing in good prose is coordinated."""
    if end_i + 1 >= len(tokens):
        return False
    between = text[tokens[end_i].end : tokens[end_i + 1].start]
    return not between.strip() and tokens[end_i + 1].lower not in _JOINING_WORDS
