"""Duplicated passages: a clause said twice in one sentence (two machine translations of one source
clause spliced together), and passages repeated verbatim elsewhere in the article.

A local alignment of each sentence's tokens against themselves finds two windows that share an
ordered skeleton of words ("after the assault of Abu Kamal as they fell into another trap near" /
"after the storming of Abu-Kemal, as they got into a new trap near"); names compare by consonant key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprobe.budget import check_budget
from newsprobe.signals.stopwords import STOPWORDS
from newsprobe.signals.tokens import Token, consonant_key

BAND_TOKENS = 80
# Caps that keep the search linear in the text. A sentence of 150 words is far past any news sentence (the
# seed's spliced one has 45), so longer "sentences" (lists, text without full stops) are not aligned; and a
# sentence holds one or two splices, so following its 32 strongest candidate ends finds them.
MAX_SENTENCE_TOKENS = 150
MAX_TRACES = 32
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
# Scores of token i against token j of one sentence.
Scores = dict[tuple[int, int], int]


@dataclass(frozen=True)
class SplicedClause:
    first: tuple[int, int]
    second: tuple[int, int]
    matches: int
    similarity: float


@dataclass(frozen=True)
class _Sentence:
    """Token indexes of a sentence's first and last word."""

    first: int
    last: int

    def tail_end(self, index: int) -> int:
        """Where a clause ending at `index` is widened to: the sentence end, at most `_MAX_TAIL_TOKENS` on."""
        return min(self.last, index + _MAX_TAIL_TOKENS)


def find_spliced_clauses(text: str, tokens: list[Token]) -> list[SplicedClause]:
    """Non-overlapping pairs of nearby windows with a long shared ordered word skeleton.

    Work is linear in the text: a splice sits inside one sentence, so each sentence of at most
    `MAX_SENTENCE_TOKENS` words is aligned alone, and at most `MAX_TRACES` candidate ends are followed in it.
    """
    keys = [_compare_key(token) for token in tokens]
    passages: list[SplicedClause] = []
    for sentence in _sentences(text, tokens):
        check_budget("the signals analyzer")
        if sentence.last - sentence.first < MAX_SENTENCE_TOKENS and _has_repeats(keys[sentence.first : sentence.last + 1]):
            found = _splices_in(text, tokens, keys, sentence)
            passages += [_to_passage(tokens, sentence, *item) for item in found]
    return sorted(passages, key=lambda item: item.second)


def _splices_in(text: str, tokens: list[Token], keys: list[str], sentence: _Sentence) -> list[Alignment]:
    """The best non-overlapping alignments of one sentence against itself, strongest first."""
    scores = _align(keys, sentence)
    ends = sorted(((s, i, j) for (i, j), s in scores.items() if s >= MIN_SCORE and keys[i] == keys[j]), reverse=True)
    found: list[Alignment] = []
    for _, i, j in ends[:MAX_TRACES]:
        traced = _trace(text, tokens, keys, scores, sentence, i, j)
        if traced is not None and not any(_overlaps(traced, other) for other in found):
            found.append(traced)
    return found


def _overlaps(one: Alignment, other: Alignment) -> bool:
    """Whether two alignments share a token in either window."""
    return not (one[1] < other[0] or other[1] < one[0]) or not (one[3] < other[2] or other[3] < one[2])


def _to_passage(
    tokens: list[Token], sentence: _Sentence, start_i: int, end_i: int, start_j: int, end_j: int, matches: int,
    similarity: float,
) -> SplicedClause:
    """Offsets of the two renderings, widened to the clauses the splice joins: the second runs from the seam
    to the sentence end, the first starts as many words earlier as the gap between them holds."""
    gap = start_j - end_i - 1
    start_i = max(sentence.first, start_i - gap)
    end_j = sentence.tail_end(end_j)
    return SplicedClause(
        first=(tokens[start_i].start, tokens[end_i].end),
        second=(tokens[end_i + 1].start, tokens[end_j].end),
        matches=matches,
        similarity=similarity,
    )


def _compare_key(token: Token) -> str:
    return consonant_key(token.text) if token.text[:1].isupper() and len(token.text) > 3 else token.lower


def _is_content(key: str) -> bool:
    return key not in STOPWORDS and len(key) > 1


def _step(left: str, right: str) -> int:
    if left != right:
        return _MISMATCH
    return _CONTENT_MATCH if _is_content(left) else _FUNCTION_MATCH


def _align(keys: list[str], sentence: _Sentence) -> Scores:
    """Smith–Waterman scores of token i (first window) against token j > i (second window) of one sentence,
    within `BAND_TOKENS` of each other."""
    scores: Scores = {}
    for i in range(sentence.first, sentence.last + 1):
        for j in range(i + 1, min(sentence.last + 1, i + BAND_TOKENS)):
            best = max(
                scores.get((i - 1, j - 1), 0) + _step(keys[i], keys[j]),
                scores.get((i - 1, j), 0) + _GAP,
                scores.get((i, j - 1), 0) + _GAP,
                0,
            )
            if best:
                scores[(i, j)] = best
    return scores


def _has_repeats(keys: list[str]) -> bool:
    """Whether enough content words occur twice in a sentence for a splice to be possible at all."""
    seen: set[str] = set()
    repeated = 0
    for key in keys:
        if _is_content(key):
            repeated += key in seen
            seen.add(key)
    return repeated >= MIN_CONTENT_MATCHES


def _sentences(text: str, tokens: list[Token]) -> list[_Sentence]:
    """The sentences of the tokens, split where the text between two words holds a sentence end."""
    sentences: list[_Sentence] = []
    first = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or _SENTENCE_END.search(text, tokens[index - 1].end, tokens[index].start):
            sentences.append(_Sentence(first, index - 1))
            first = index
    return sentences


def _trace(
    text: str, tokens: list[Token], keys: list[str], scores: Scores, sentence: _Sentence, i: int, j: int
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
    if not seamless(text, tokens, end_i) or not _fills_sentence(sentence, start_i, end_i, start_j, end_j):
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


def _fills_sentence(sentence: _Sentence, start_i: int, end_i: int, start_j: int, end_j: int) -> bool:
    """The two renderings make up the sentence: the first (with the words before the second's match) starts
    it and the second ends it, give or take `_EDGE_TOKENS` words."""
    gap = start_j - end_i - 1
    starts_sentence = start_i - gap - sentence.first <= _EDGE_TOKENS
    ends_sentence = sentence.tail_end(end_j) - end_j <= _EDGE_TOKENS
    return starts_sentence and ends_sentence


def seamless(text: str, tokens: list[Token], end_i: int) -> bool:
    """A splice joins two renderings with nothing between them: no punctuation and no conjunction, as in
    "fell into another trap near did not have time"; parallel phrasing in good prose is coordinated."""
    if end_i + 1 >= len(tokens):
        return False
    between = text[tokens[end_i].end : tokens[end_i + 1].start]
    return not between.strip() and tokens[end_i + 1].lower not in _JOINING_WORDS
