"""Name keys: spelling variants of one place share a key; different places do not."""

from __future__ import annotations

import pytest

from newsprobe.places.normalize import loose_key, normalize_name, spelt_out, strip_article


@pytest.mark.parametrize("variant", ["Abu Kamal", "Abu Kemal", "Abu-Kemal", "ABU KEMAL", "Abou Kemal", "Abū Kamāl"])
def test_normalize_transliterations_share_loose_key(variant: str) -> None:
    assert loose_key(variant) == loose_key("Abu Kamal")


@pytest.mark.parametrize(("name", "key"), [
    ("Deir ez-Zor", "deir ez zor"), ("Dar'a", "dara"), ("Darʿa", "dara"), ("São Paulo", "sao paulo"),
    ("U.S.", "us"), ("U.K.", "uk"), ("Абу-Камаль", "абу камаль"), ("  Al-Bukamal ", "al bukamal"),
])
def test_normalize_name_folds_case_marks_and_separators(name: str, key: str) -> None:
    assert normalize_name(name) == key


def test_normalize_arabic_article_forms() -> None:
    assert strip_article(normalize_name("Al-Raqqa")) == strip_article(normalize_name("ar Raqqa")) == "raqqa"
    assert loose_key("Ar Raqqah") == loose_key("Raqqa") == loose_key("El-Raqqa")
    assert loose_key("Dayr az Zawr") == loose_key("Deir ez-Zor")


def test_normalize_keeps_distinct_places_apart() -> None:
    assert loose_key("Homs") != loose_key("Hama")
    assert loose_key("Mosul") != loose_key("Missoula")


def test_spelt_out_expands_abbreviated_generic_words_only() -> None:
    assert spelt_out(normalize_name("St. Kitts and Nevis")) == "saint kitts and nevis"
    assert spelt_out(normalize_name("Ft. Worth")) == "fort worth"
    assert spelt_out(normalize_name("Sault Ste. Marie")) == "sault sainte marie"
    assert spelt_out(normalize_name("Stanley")) == "stanley"
