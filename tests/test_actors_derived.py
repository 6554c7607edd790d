"""Aliases read off ACLED actor names: militia forms and compound acronyms."""

from __future__ import annotations

import pytest

from newsprobe.actors.table import derived_aliases


def _aliases(name: str) -> dict[str, tuple[str, bool]]:
    return {alias: (target.canonical, target.family) for alias, target in derived_aliases(name, {"inter": 4})}


@pytest.mark.issue(5)
def test_communal_militia_family_gets_short_militia_forms() -> None:
    aliases = _aliases("Karrow Communal Militia (Testland)")
    for alias in ("Karrow Communal Militia", "Karrow militia", "Karrow militias", "Karrow militiamen"):
        assert aliases[alias] == ("Karrow Communal Militia", True)


def test_named_militia_without_country_gets_short_forms() -> None:
    aliases = _aliases("Tarnak Youth Militia")
    assert aliases["Tarnak militias"] == ("Tarnak Youth Militia", False)


def test_unidentified_militia_gets_no_short_form() -> None:
    assert "Unidentified militia" not in _aliases("Unidentified Communal Militia (Testland)")


@pytest.mark.parametrize(("name", "expected"), [
    ("ABC-XYZ: Alliance for Blue Coasts (Xylo Youth Zone)", {"ABC-XYZ"}),
    ("ABU/ABLA: Arlan Border Union/Arlan Border Liberation Army", {"ABU", "ABLA"}),
])
def test_compound_acronyms(name: str, expected: set[str]) -> None:
    assert expected <= set(_aliases(name))
