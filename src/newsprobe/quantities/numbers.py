"""Cardinal numbers as digits or words: "1,200", "3.5 million", "twenty-five", "two hundred", "a dozen"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprobe.quantities.tokens import Token

ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# The largest number read as a count: far above any casualty, refugee or equipment figure; larger numerals
# (or chains of scale words that overflow to infinity) are ignored.
MAX_NUMBER = 1e12
# Linguistic caps that keep parsing linear: a spelled-out number in news is at most about ten words ("two
# hundred and fifty-five thousand three hundred and twenty") and carries at most two scale words ("3 hundred
# thousand"). Without them "five hundred thousand million five hundred …" was re-read from every word.
MAX_NUMBER_WORDS = 12
MAX_SCALE_WORDS = 3
SCALES = {"dozen": 12, "score": 20, "hundred": 100, "thousand": 1000, "million": 1_000_000}
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Number:
    """A parsed cardinal: its value and the index after its last token."""

    value: float
    next: int


def parse_number(tokens: list[Token], i: int) -> Number | None:
    """The cardinal starting at token `i`, digits or words, with an optional scale ("3 thousand")."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if _DIGITS.fullmatch(token.text):
        number: Number | None = _scaled(tokens, i + 1, float(token.text.replace(",", "")))
    else:
        number = _parse_words(tokens, i)
    # A numeral of hundreds of digits or "5 million million …" is no count: ignored, not carried as infinity.
    return number if number is not None and number.value <= MAX_NUMBER else None


def _scaled(tokens: list[Token], i: int, value: float) -> Number:
    """Apply following scale words: "3 thousand", "1.5 million", "two dozen"."""
    stop = min(len(tokens), i + MAX_SCALE_WORDS)
    while i < stop and tokens[i].lower in SCALES and tokens[i].lower != "score":
        value *= SCALES[tokens[i].lower]
        i += 1
    return Number(value, i)


def _word_value(word: str) -> int | None:
    """Value of one number word, including hyphenated tens ("twenty-five")."""
    if word in ONES:
        return ONES[word]
    if word in TENS:
        return TENS[word]
    head, _, tail = word.partition("-")
    if head in TENS and tail in ONES and 0 < ONES[tail] < 10:
        return TENS[head] + ONES[tail]
    return None


def _parse_words(tokens: list[Token], i: int) -> Number | None:
    """Number words: "two hundred and fifty", "a dozen", "a hundred", "forty five"."""
    first = tokens[i].lower
    if (
        first in ("a", "an")
        and i + 1 < len(tokens)
        and tokens[i + 1].lower in ("dozen", "hundred", "thousand")
    ):
        return _scaled(tokens, i + 2, float(SCALES[tokens[i + 1].lower]))
    value = _word_value(first)
    if value is None:
        return None
    total, current, j = 0.0, float(value), i + 1
    stop = min(len(tokens), i + MAX_NUMBER_WORDS)
    while j < stop:
        word = tokens[j].lower
        following = _word_value(tokens[j + 1].lower) if word == "and" and j + 1 < len(tokens) else None
        if word in SCALES and word != "score":
            current *= SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif current % 100 == 0 and (current or total) and (_word_value(word) or following):
            j += word == "and"  # "two hundred and fifty"
            current += _word_value(tokens[j].lower) or 0
        elif current in TENS.values() and word in ONES and 0 < ONES[word] < 10:
            current += ONES[word]  # "forty five"
        else:
            break
        j += 1
    return Number(total + current, j)
