"""Events named by an action noun ("losses during the assault of X"), and the roles such sentences give."""

from __future__ import annotations

import pytest

from newsprobe.events.roles import assign_roles
from newsprobe.events.triggers import nominal_event
from newsprobe.model import Entity


def _places(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(name), text.index(name) + len(name)) for name in names]


@pytest.mark.issue(5)
@pytest.mark.parametrize(("text", "expected"), [
    ("The rebels suffered heavy losses during the assault of Tarnak last week.", "Armed clash"),
    ("Dozens were killed in the shelling of Tarnak.", "Shelling/artillery/missile attack"),
    ("Two houses were destroyed in air strikes on Tarnak.", "Air/drone strike"),
    ("The state broadcaster aired a documentary about the liberation of Tarnak.", None),
    ("Even before the assault of Tarnak several fighters left the area.", None),
])
def test_action_nouns_on_a_place_with_an_outcome(text: str, expected: str | None) -> None:
    assert nominal_event(text, 0, len(text), _places(text, "Tarnak")) == expected


def test_no_place_no_nominal_event() -> None:
    text = "The rebels suffered heavy losses during the assault of Tarnak last week."
    assert nominal_event(text, 0, len(text), []) is None


def test_whoever_suffers_losses_is_the_target() -> None:
    text = "Officials reported heavy losses among the Northern Front during the assault of Tarnak."
    start = text.index("Northern Front")
    front = Entity.of(text, start, start + len("Northern Front"), label="ACTOR", canonical="Northern Front", inter=2)
    sides = assign_roles(text, 0, len(text), [front])
    assert sides.actor1 is None and sides.actor2 is not None and sides.actor2.canonical == "Northern Front"
