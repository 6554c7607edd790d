"""ACLED's event taxonomy: 6 event types, 25 sub-types, and our "no event" label."""

from __future__ import annotations

NO_EVENT = "no event"

# Sub-type → event type, as ACLED's codebook (2019-) defines them.
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))


def event_type_of(sub_event_type: str) -> str:
    """The event type a sub-type belongs to; "no event" maps to itself."""
    return SUB_EVENT_TYPES.get(sub_event_type, NO_EVENT)
