"""Hashed word and character n-grams: the same features at training and run time, no vocabulary file."""

from __future__ import annotations

import itertools
import math
import re
import zlib

import numpy as np

N_FEATURES = 2**18
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)

# ACLED notes end with a crowd-size tag and start with the date; news text has neither, so neither may teach.
_SIZE_TAG = re.compile(r"\[size=[^\]]*\]")
_LEADING_DATE = re.compile(r"^\s*(?:On|Between|Around|In)\s+(?:or around\s+)?[^,]{0,40}\b\d{4},\s*", re.IGNORECASE)
_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"[a-z0]+(?:['-][a-z0]+)*")


def normalise_note(text: str) -> str:
    """Lower-cased text without ACLED's size tag and date prefix, digits folded to 0."""
    text = _LEADING_DATE.sub("", _SIZE_TAG.sub("", text))
    return _DIGITS.sub("0", text.lower()).strip()


def _grams(text: str) -> list[str]:
    """Word 1–2-grams and character 3–5-grams within word boundaries."""
    words = _WORD.findall(text)
    grams = [f"w:{w}" for w in words]
    grams += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    for word in words:
        padded = f" {word} "
        for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
            grams += [f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1)]
    return grams


def hashed_counts(text: str) -> dict[int, float]:
    """Sublinear, L2-normalised term weights keyed by crc32 bucket."""
    counts: dict[int, float] = {}
    for gram in _grams(normalise_note(text)):
        bucket = zlib.crc32(gram.encode("utf-8")) % N_FEATURES
        counts[bucket] = counts.get(bucket, 0.0) + 1.0
    weights = {k: 1.0 + math.log(v) for k, v in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}


def feature_rows(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR parts (data, indices, indptr) of the feature matrix for `texts`."""
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        row = hashed_counts(text)
        indices += list(row)
        data += list(row.values())
        indptr.append(len(indices))
    return np.asarray(data, np.float32), np.asarray(indices, np.int32), np.asarray(indptr, np.int64)
