"""The quantity grammar on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsprobe.quantities import fatalities_from, find_quantities

CASES = [
    # text, surface, low, best, high, hedge, unit, role
    (
        "Troops killed around 50 terrorists.",
        "around 50 terrorists",
        50,
        50,
        50,
        "around",
        "terrorists",
        "killed",
    ),
    (
        "They found 150–200 surrounded militants.",
        "150–200 surrounded militants",
        150,
        150,
        200,
        None,
        "militants",
        "surrounded",
    ),
    ("Rebels hold 150-200 fighters there.", "150-200 fighters", 150, 150, 200, None, "fighters", None),
    (
        "Jets destroyed more than a dozen pick-ups.",
        "more than a dozen pick-ups",
        13,
        13,
        None,
        "more than",
        "pick-ups",
        "destroyed",
    ),
    (
        "Between 10 and 15 soldiers died.",
        "Between 10 and 15 soldiers",
        10,
        10,
        15,
        "between",
        "soldiers",
        "killed",
    ),
    (
        "At least 7 civilians were killed.",
        "At least 7 civilians",
        7,
        7,
        None,
        "at least",
        "civilians",
        "killed",
    ),
    ("Up to 40 guards were wounded.", "Up to 40 guards", None, 40, 40, "up to", "guards", "wounded"),
    (
        "Over 100 militiamen were killed.",
        "Over 100 militiamen",
        101,
        101,
        None,
        "more than",
        "militiamen",
        "killed",
    ),
    ("Nearly 30 hostages were freed.", "Nearly 30 hostages", None, 30, 30, "nearly", "hostages", "abducted"),
    (
        "Dozens of villagers were abducted.",
        "Dozens of villagers",
        12,
        12,
        None,
        "dozens",
        "villagers",
        "abducted",
    ),
    ("Tens of families were displaced.", "Tens of families", 10, 10, None, "tens", "families", "displaced"),
    (
        "Hundreds of houses were burned.",
        "Hundreds of houses",
        100,
        100,
        None,
        "hundreds",
        "houses",
        "destroyed",
    ),
    (
        "Scores of fighters surrendered.",
        "Scores of fighters",
        20,
        20,
        None,
        "scores",
        "fighters",
        "surrendered",
    ),
    (
        "Several dozen protesters were detained.",
        "Several dozen protesters",
        12,
        12,
        None,
        "several dozen",
        "protesters",
        "arrested",
    ),
    ("Police arrested twelve men.", "twelve men", 12, 12, 12, None, "men", "arrested"),
    ("The army captured a dozen tanks.", "a dozen tanks", 12, 12, 12, None, "tanks", "captured"),
    (
        "Two hundred soldiers were trapped.",
        "Two hundred soldiers",
        200,
        200,
        200,
        None,
        "soldiers",
        "surrounded",
    ),
    (
        "Gunmen killed twenty-five villagers.",
        "twenty-five villagers",
        25,
        25,
        25,
        None,
        "villagers",
        "killed",
    ),
    ("Strikes killed 1,200 people.", "1,200 people", 1200, 1200, 1200, None, "people", "killed"),
    (
        "Shelling injured two or three civilians.",
        "two or three civilians",
        2,
        2,
        3,
        None,
        "civilians",
        "wounded",
    ),
    ("The raid left some 40 people dead.", "some 40 people", 40, 40, 40, "around", "people", "killed"),
    (
        "Fewer than 10 soldiers were hurt.",
        "Fewer than 10 soldiers",
        None,
        None,
        9,
        "less than",
        "soldiers",
        "wounded",
    ),
    (
        "Drones hit several units of mortar guns.",
        "several units of mortar guns",
        3,
        3,
        None,
        "several",
        "mortar guns",
        None,
    ),
    ("Gunmen shot dead a shopkeeper.", "a shopkeeper", 1, 1, 1, None, "shopkeeper", "killed"),
    ("A farmer was shot and killed.", "A farmer", 1, 1, 1, None, "farmer", "killed"),
    ("Two Su-25 jets were downed.", "Two Su-25 jets", 2, 2, 2, None, "jets", "destroyed"),
    ("Militants killing 4 in the market.", "4", 4, 4, 4, None, None, "killed"),
]


@pytest.mark.parametrize(("text", "surface", "low", "best", "high", "hedge", "unit", "role"), CASES)
def test_quantities_grammar_resolves(text, surface, low, best, high, hedge, unit, role):
    found = find_quantities(text)
    assert [quantity.text for quantity in found] == [surface]
    quantity = found[0]
    assert (quantity.low, quantity.best, quantity.high) == (low, best, high)
    assert (quantity.hedge, quantity.unit, quantity.role) == (hedge, unit, role)
    assert text[quantity.start : quantity.end] == surface


EXCLUDED = [
    "On 6 January 2022 the town fell.",
    "It happened on March 3 in the north.",
    "The village lies 40 km north of the city.",
    "The convoy drove several dozen kilometers to the west.",
    "A 25-year-old man was arrested.",
    "The victim, aged 34, was a teacher.",
    "Prices rose by 35% in a year.",
    "The attack began at 5 am.",
    "The clashes lasted 3 days.",
    "An F-16 flew over the town.",
    "COVID-19 cases rose.",
    "Resolution 2254 was cited.",
    "1. The first point is this.",
    "One of them escaped.",
    "They paid $300 for the car.",
    "No one was hurt in 2021.",
]


@pytest.mark.parametrize("text", EXCLUDED)
def test_quantities_grammar_excludes_non_counts(text):
    assert [quantity.text for quantity in find_quantities(text)] == []


def test_quantities_roles_follow_the_nearest_cue():
    text = "Shelling killed 3 soldiers and wounded 5 civilians; 2 children were abducted."
    assert [(q.unit, q.role) for q in find_quantities(text)] == [
        ("soldiers", "killed"),
        ("civilians", "wounded"),
        ("children", "abducted"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least seven civilians in the old city were killed.", [("At least seven civilians", "killed")]),
        ("Two fighters (both local men) were wounded.", [("Two fighters", "wounded")]),
        ("1 farmer and his son were shot and killed.", [("1 farmer", "killed")]),
        ("Gunmen attacked the bus, killing one.", [("one", "killed")]),
        ("A number of houses were burned.", []),
        ("One guard died following the attack.", [("One guard", "killed")]),
        ("Police killed a young man outside the bar.", [("a young man", "killed")]),
        ("12 deaths were split between 3 districts.", [("12 deaths", "killed"), ("3 districts", None)]),
    ],
)
def test_quantities_roles_reach_past_modifiers(text, expected):
    assert [(q.text, q.role) for q in find_quantities(text)] == expected


def test_quantities_coordinated_counts_share_the_role():
    text = "Twenty militants and four civilians were killed."
    assert [q.role for q in find_quantities(text)] == ["killed", "killed"]


def test_quantities_perpetrators_are_not_victims():
    text = "A man was shot dead by two armed men near the market."
    assert [(q.text, q.role) for q in find_quantities(text)] == [("A man", "killed"), ("two armed men", None)]


def test_fatalities_sum_groups_and_take_the_conservative_report():
    text = (
        "Troops killed 12 militants and 3 civilians. Later reports said 15 militants were killed. "
        "Five soldiers were wounded."
    )
    count = fatalities_from(find_quantities(text))
    assert (count.low, count.best, count.high) == (15, 15, 15)
    assert [q.text for q in count.evidence] == ["12 militants", "3 civilians"]


def test_fatalities_total_replaces_its_parts():
    text = "Gunmen killed two farmers and a herder. In all, 3 people were killed."
    assert fatalities_from(find_quantities(text)).best == 3


def test_fatalities_none_without_killed_counts():
    count = fatalities_from(find_quantities("Shelling wounded 4 civilians."))
    assert count.best is None and count.evidence == ()


def test_fatalities_to_model_carries_the_evidence_span():
    text = "Government forces killed around 50 terrorists."
    model = fatalities_from(find_quantities(text)).to_model(text)
    assert model.best == 50 and model.evidence is not None and model.evidence.text == "around 50 terrorists"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The unit lost 120 servicemen killed and wounded.", [("120 servicemen", "casualties")]),
        ("Shelling caused 30 casualties.", [("30 casualties", "casualties")]),
        (
            "Troops killed 5 rebels and seized three tanks.",
            [("5 rebels", "killed"), ("three tanks", "captured")],
        ),
        ("They killed and wounded many, and burned 4 tanks.", [("4 tanks", "destroyed")]),
        ("Losses: 20 killed, two tanks.", [("20", "killed"), ("two tanks", None)]),
    ],
)
def test_quantities_people_roles_need_people(text, expected):
    assert [(q.text, q.role) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops killed two of his lieutenants.", [("two of his lieutenants", "lieutenants", "killed")]),
        ("Two of them were wounded.", [("Two", None, "wounded")]),
        ("Five of the soldiers were killed.", [("Five of the soldiers", "soldiers", "killed")]),
        ("The clash led to the death of 5 armed men.", [("5 armed men", "men", "killed")]),
    ],
)
def test_quantities_partitives_and_nominal_roles(text, expected):
    assert [(q.text, q.unit, q.role) for q in find_quantities(text)] == expected
