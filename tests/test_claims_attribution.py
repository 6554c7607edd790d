"""Claim attribution, source kinds and hedges on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsprobe.claims import find_attribution, find_claims, find_hedges, split_sentences

ATTRIBUTIONS = [
    # sentence, kind, source, cue
    (
        "According to the defence ministry of Syria, 40 fighters were killed.",
        "named",
        "the defence ministry of Syria",
        "According to",
    ),
    (
        "Five soldiers died in the raid, according to local residents.",
        "anonymous",
        "local residents",
        "according to",
    ),
    (
        "According to preliminary figures, the toll stands at 12.",
        "vague",
        "preliminary figures",
        "According to",
    ),
    ("Syria's defence ministry said that the town was retaken.", "named", "Syria's defence ministry", "said"),
    (
        "The Iraqi joint operations command reported that 30 militants surrendered.",
        "named",
        "The Iraqi joint operations command",
        "reported",
    ),
    (
        "General Ahmed Karimi told reporters that the bridge was destroyed.",
        "named",
        "General Ahmed Karimi",
        "told",
    ),
    ("The convoy was hit near the border, the army said.", "named", "the army", "said"),
    ("Witnesses say that the shelling lasted two hours.", "anonymous", "Witnesses", "say"),
    ("A military source said the base was evacuated.", "anonymous", "A military source", "said"),
    (
        "Villagers who fled the fighting claim that drones hit the market.",
        "anonymous",
        "Villagers who fled the fighting",
        "claim",
    ),
    ("Local media reported heavy losses among the rebels.", "vague", "Local media", "reported"),
    ("Reportedly, the rebels lost four tanks.", "vague", None, "Reportedly"),
    ("The commander was allegedly captured at dawn.", "vague", None, "allegedly"),
    ("Twelve civilians were reported killed in the strike.", "vague", None, "reported"),
    ("It is said that the dam was mined.", "vague", None, "It is said"),
    ("The rebels shelled the airport on Monday.", "none", None, None),
    (
        "Officials, speaking on condition of anonymity, said the convoy was hit.",
        "anonymous",
        "Officials",
        "said",
    ),
    ("The ministry did not say how many were killed.", "none", None, None),
    ("Kyiv says Russian troops shelled the city.", "named", "Kyiv", "says"),
    ("The rebels, who said they had captured the base, retreated.", "anonymous", "The rebels", "said"),
    ("As the BBC reported, the dam was destroyed.", "named", "the BBC", "reported"),
    (
        "The dam was destroyed overnight, said the regional governor.",
        "named",
        "the regional governor",
        "said",
    ),
]


@pytest.mark.parametrize(("sentence", "kind", "source", "cue"), ATTRIBUTIONS)
def test_claims_attribution_kinds(sentence, kind, source, cue):
    found = find_attribution(sentence, 0, len(sentence))
    assert found.kind == kind
    assert (sentence[slice(*found.source)] if found.source else None) == source
    assert (sentence[slice(*found.cue)] if found.cue else None) == cue


def test_claims_relayed_source_keeps_the_named_origin():
    sentence = "Regional news agencies citing the Kurdish regional security council reported two arrests."
    found = find_attribution(sentence, 0, len(sentence))
    assert found.kind == "vague"
    assert (
        sentence[slice(*found.source)]
        == "Regional news agencies citing the Kurdish regional security council"
    )
    assert sentence[slice(*found.origin)] == "the Kurdish regional security council"
    assert found.origin_kind == "named"


@pytest.mark.parametrize(
    ("sentence", "hedges"),
    [
        ("The base may have been abandoned.", ["may"]),
        ("It seems that the rebels withdrew.", ["It seems"]),
        ("Reportedly the bridge might be mined.", ["Reportedly", "might"]),
        ("The attack was allegedly planned in May.", ["allegedly"]),
        ("The army retook the town.", []),
    ],
)
def test_claims_hedges(sentence, hedges):
    assert [sentence[start:end] for start, end in find_hedges(sentence, 0, len(sentence))] == hedges


def test_claims_skip_opinion_questions_and_footnotes():
    text = (
        "Shelling killed 4 civilians in the old town. What will the rebels do now? "
        "This regime may be called a disgrace. The weather was pleasant and calm.\n"
        "* An organization banned in some country."
    )
    claims = find_claims(text)
    assert [claim.text for claim in claims] == ["Shelling killed 4 civilians in the old town."]


def test_claims_carry_attribution_and_hedges_with_offsets():
    text = "Fighting resumed. Witnesses say that the rebels reportedly lost 20 fighters near the dam."
    (claim,) = [claim for claim in find_claims(text) if claim.attribution.kind != "none"]
    assert claim.text == "Witnesses say that the rebels reportedly lost 20 fighters near the dam."
    assert claim.attribution.kind == "anonymous" and claim.attribution.source.text == "Witnesses"
    assert claim.hedged and [hedge.text for hedge in claim.hedges] == ["reportedly"]
    assert text[claim.start : claim.end] == claim.text


def test_claims_sentence_split_keeps_abbreviations():
    text = "Gen. Karimi arrived. U.S. forces left on Monday.\nA new line."
    assert [text[start:end] for start, end in split_sentences(text)] == [
        "Gen. Karimi arrived.",
        "U.S. forces left on Monday.",
        "A new line.",
    ]
