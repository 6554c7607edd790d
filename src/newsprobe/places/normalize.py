"""Name keys: one spelling-insensitive key per name, and a looser one for transliteration variants."""

from __future__ import annotations

import re
import unicodedata

# Apostrophe-like marks that transliterations drop or keep at will (Dar'a, Darʿa, Daraa).
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4\u2032\u02b9]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_./,()]+")
# Arabic definite article in its Latin spellings, assimilated forms included (ad-, ar-, as-, ash-, az-).
_ARTICLE = re.compile(r"^(?:al|el|ul|ad|ar|as|ash|az|at|an|adh|ath|ed|er|es|ez|et|en)\s+")
_INNER_ARTICLE = re.compile(r"\s(?:al|el|ad|ar|as|ash|az|at|an|ed|er|es|ez|et|en)\s")
# A w or y after a vowel is part of the vowel in transliterations (Zawr, Zor; Dayr, Deir).
_VOWELS = re.compile(r"[aeiouy][aeiouyw]*")
_DOUBLED = re.compile(r"([a-z])\1+")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_NON_WORD = re.compile(r"[^\w\s]")


def fold(text: str) -> str:
    """Case-folded text without diacritics; Latin letters only lose marks, other scripts stay as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped).casefold()


_DOTTED = re.compile(r"^(?:[A-Za-z]\.\s?){2,}$|^(?:[A-Za-z]\.\s?)+[A-Za-z]$")


def is_dotted_abbreviation(name: str) -> bool:
    """"U.S.", "L.A.", "D.C.": letters with dots."""
    return bool(_DOTTED.match(name.strip()))


def is_abbreviation(name: str) -> bool:
    """"U.S.", "EU", "UAE": letters with dots, or an all-capital word of up to three letters (four would take
    "IRAQ" and "OHIO" of a headline in capitals). Such a name is a code or an organisation's initials, never a
    village whose own name is those letters (Eu, France; Us, France)."""
    letters = name.strip()
    return is_dotted_abbreviation(letters) or (letters.isalpha() and letters.isupper() and len(letters) <= 3)


def normalize_name(name: str) -> str:
    """The exact lookup key: folded, apostrophes dropped, hyphens and spaces collapsed to one space."""
    if is_dotted_abbreviation(name):  # "U.S." and "U.K." are the codes US and UK
        name = re.sub(r"[.\s]", "", name)
    folded = _APOSTROPHES.sub("", fold(name))
    folded = _SEPARATORS.sub(" ", folded)
    return _NON_WORD.sub("", folded).strip()


# Abbreviated generic words that news writes and the gazetteer may hold only spelt out ("St. Kitts and Nevis").
_SPELT_OUT = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def spelt_out(key: str) -> str:
    """A normalized key with its abbreviated generic words spelt out ("st kitts" → "saint kitts")."""
    return " ".join(_SPELT_OUT.get(word, word) for word in key.split(" "))


def strip_article(key: str) -> str:
    """A normalized key without a leading Arabic article ("al bukamal" → "bukamal")."""
    return _ARTICLE.sub("", key, count=1)


def loose_key(name: str) -> str:
    """A transliteration-insensitive key: articles, spaces, vowel quality and doubled letters ignored."""
    key = strip_article(normalize_name(name))
    key = _INNER_ARTICLE.sub(" ", f" {key} ").strip().replace(" ", "")
    key = _FINAL_H.sub("", _DOUBLED.sub(r"\1", key))
    if not key.isascii():
        return key
    return _VOWELS.sub("a", key)
