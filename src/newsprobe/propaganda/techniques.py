"""The 14 techniques of the Propaganda Techniques Corpus, explained in plain language for the legend and UI.

Definitions and examples are our own wording (examples invented, not taken from any corpus).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Technique:
    """A PTC technique: its label, a short display name, a definition and an invented example."""

    label: str
    name: str
    definition: str
    example: str


_ALL = (
    Technique(
        "Loaded_Language", "Loaded language",
        "Words chosen for their emotional charge rather than their information, to make the reader feel "
        "before they think.",
        "The regime's bloodthirsty thugs once again unleashed a savage assault on peaceful villages.",
    ),
    Technique(
        "Name_Calling,Labeling", "Name calling / labelling",
        "Attaching a label the audience fears, hates or admires to a person or group instead of describing "
        "what they did.",
        "The so-called opposition is nothing but a gang of foreign-paid traitors.",
    ),
    Technique(
        "Repetition", "Repetition",
        "Saying the same message or phrase again and again so that it sticks and starts to feel true.",
        "They lied about the wells. They lied about the roads. They lied, and they will lie again.",
    ),
    Technique(
        "Doubt", "Doubt",
        "Questioning the credibility of a person, institution or fact without offering evidence against it.",
        "Can we really trust an observer mission that is funded by the very governments it reports on?",
    ),
    Technique(
        "Exaggeration,Minimisation", "Exaggeration / minimisation",
        "Making something look far bigger, worse or better than it is, or playing down something serious.",
        "The shelling was just a minor incident; meanwhile their protest was the worst atrocity of the century.",
    ),
    Technique(
        "Appeal_to_fear-prejudice", "Appeal to fear / prejudice",
        "Building support for an idea by stirring up fear of an alternative or prejudice against a group.",
        "If the newcomers are allowed to stay, no street in our town will be safe after dark.",
    ),
    Technique(
        "Flag-Waving", "Flag-waving",
        "Appealing to patriotism or group identity to justify an action or idea.",
        "Every true patriot knows that supporting this operation is our duty to the motherland.",
    ),
    Technique(
        "Causal_Oversimplification", "Causal oversimplification",
        "Blaming a complex problem on a single cause, or a single cause for many problems.",
        "Prices went up for one reason only: the sanctions imposed by our enemies.",
    ),
    Technique(
        "Appeal_to_Authority", "Appeal to authority",
        "Claiming something is true because an authority or expert says so, without further evidence.",
        "A respected general has confirmed that the bridge was destroyed by saboteurs, so the matter is settled.",
    ),
    Technique(
        "Slogans", "Slogans",
        "A brief, striking phrase that works as an emotional rallying cry rather than an argument.",
        "Strength through unity, victory through faith!",
    ),
    Technique(
        "Whataboutism,Straw_Men,Red_Herring", "Whataboutism / straw man / red herring",
        "Dodging a criticism by pointing to the critic's own faults, attacking a distorted version of the "
        "opponent's position, or changing the subject to something irrelevant.",
        "They condemn our airstrikes, yet what about the bombs they dropped on another country ten years ago?",
    ),
    Technique(
        "Black-and-White_Fallacy", "Black-and-white fallacy",
        "Presenting two options as the only possibilities when more exist, or pressing one option as the "
        "only one.",
        "Either you stand with the army, or you stand with the terrorists.",
    ),
    Technique(
        "Thought-terminating_Cliches", "Thought-terminating cliché",
        "A short, generic phrase that discourages further thought or discussion about the topic.",
        "War is war; it is what it is.",
    ),
    Technique(
        "Bandwagon,Reductio_ad_hitlerum", "Bandwagon / reductio ad Hitlerum",
        "Urging people to join an action because everyone else does, or rejecting an idea because a hated "
        "group supports it.",
        "The whole world has already recognised the result; only the extremists still refuse to.",
    ),
)

# Label → technique, in the order the model's outputs use.
TECHNIQUES: dict[str, Technique] = {technique.label: technique for technique in _ALL}
LABELS: tuple[str, ...] = tuple(TECHNIQUES)


def technique_legend() -> dict[str, dict[str, str]]:
    """Label → {name, definition, example}: the legend the reports and the web UI show."""
    return {
        label: {"name": technique.name, "definition": technique.definition, "example": technique.example}
        for label, technique in TECHNIQUES.items()
    }
