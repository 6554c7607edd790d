"""Families written with their country get it once, whether or not ACLED's sample names them there."""

from __future__ import annotations

import pytest

from newsprobe.actors import resolve_actor


@pytest.mark.issue(5)
@pytest.mark.parametrize("country", ["Colombia", "Kiribati", "Indonesia"])
def test_unidentified_armed_group_names_its_country_once(country: str) -> None:
    resolved = resolve_actor("unidentified armed men", country)
    assert resolved is not None
    assert resolved[0] == f"Unidentified Armed Group ({country})"
