"""Events named by a noun rather than told: "heavy losses during the assault of Abu Kamal".

News mentions earlier fighting in passing, as an action noun applied to a place. The classifier, trained
on ACLED notes that tell events with verbs, reads such sentences as background. A sentence reports such
an event when an action noun governs a place of the places layer and the sentence states an outcome
(losses, deaths, destruction); mere references ("a documentary about the liberation of the city",
"even before the assault of X") state none and stay background.
"""

from __future__ import annotations

import re

# Action noun → the ACLED sub-type it reports.
ACTION_SUB_TYPES = {
    "assault": "Armed clash", "storming": "Armed clash", "siege": "Armed clash", "battle": "Armed clash",
    "offensive": "Armed clash", "fighting": "Armed clash", "clashes": "Armed clash",
    "shelling": "Shelling/artillery/missile attack", "bombardment": "Shelling/artillery/missile attack",
    "airstrikes": "Air/drone strike", "air strikes": "Air/drone strike", "air raids": "Air/drone strike",
    "bombing": "Air/drone strike",
}
_ACTION = re.compile(
    r"\b(?P<action>" + "|".join(sorted(ACTION_SUB_TYPES, key=len, reverse=True)) + r")\s+(?:of|on|for|in|near|around)\s+"
    r"(?:the\s+)?(?P<target>[A-Z][\w'’-]*)",
    re.IGNORECASE,
)
_OUTCOME = re.compile(
    r"\b(?:losses|casualties|killed|killing|dead|deaths|died|wounded|injured|destroyed|destroying|"
    r"eliminated|captured|took control|seized)\b",
    re.IGNORECASE,
)


def nominal_event(text: str, start: int, end: int, places: list[tuple[int, int]]) -> str | None:
    """The sub-type of an event that `text[start:end]` names by an action noun on a place, else None.

    Args:
        text: the article text.
        start, end: the sentence's offsets.
        places: offsets of the places layer's mentions.

    Returns:
        The ACLED sub-type ("Armed clash" for "the assault of X"), or None.
    """
    if not _OUTCOME.search(text, start, end):
        return None
    for match in _ACTION.finditer(text, start, end):
        target = match.start("target")
        if match.group("target")[:1].isupper() and any(s <= target < e for s, e in places):
            return ACTION_SUB_TYPES[match.group("action").lower()]
    return None
