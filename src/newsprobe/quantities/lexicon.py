"""Word lists of the quantity grammar: hedges, vague amounts, excluded measures and role cues."""

from __future__ import annotations

from newsprobe.quantities.tokens import words

# Hedge phrase (lower-case tokens) → hedge kind; `bounds()` turns a kind into low/best/high.
HEDGES: dict[tuple[str, ...], str] = {
    **{
        (word,): "around"
        for word in ("around", "about", "approximately", "roughly", "some", "approx", "circa")
    },
    ("an", "estimated"): "around",
    ("estimated",): "around",
    ("an", "approximate"): "around",
    **{(word,): "nearly" for word in ("nearly", "almost")},
    ("close", "to"): "nearly",
    ("just", "under"): "nearly",
    ("more", "than"): "more than",
    ("over",): "more than",
    ("upwards", "of"): "more than",
    ("in", "excess", "of"): "more than",
    ("above",): "more than",
    ("just", "over"): "more than",
    ("at", "least"): "at least",
    ("no", "fewer", "than"): "at least",
    ("no", "less", "than"): "at least",
    ("a", "minimum", "of"): "at least",
    ("up", "to"): "up to",
    ("as", "many", "as"): "up to",
    ("at", "most"): "up to",
    ("no", "more", "than"): "up to",
    ("a", "maximum", "of"): "up to",
    ("fewer", "than"): "less than",
    ("less", "than"): "less than",
    ("under",): "less than",
    ("between",): "between",
    ("from",): "between",
}
HEDGE_LENGTH = max(len(phrase) for phrase in HEDGES)

# Vague amounts → the conservative figure ACLED codes ("dozens" → 12, "tens" → 10, "hundreds" → 100; its notes
# say "several fatalities coded as 3" and "scores ... coded as 20"). Multi-word forms first.
VAGUE: dict[tuple[str, ...], float] = {
    ("tens", "of", "thousands"): 10_000,
    ("hundreds", "of", "thousands"): 100_000,
    ("several", "dozen"): 12,
    ("a", "few", "dozen"): 12,
    ("several", "hundred"): 100,
    ("a", "few", "hundred"): 100,
    ("several", "thousand"): 1000,
    ("a", "few", "thousand"): 1000,
    ("dozens",): 12,
    ("tens",): 10,
    ("hundreds",): 100,
    ("thousands",): 1000,
    ("scores",): 20,
    ("several",): 3,
    (
        "a",
        "few",
    ): 3,
    ("a", "couple", "of"): 2,
    ("a", "handful", "of"): 3,
}
VAGUE_LENGTH = max(len(phrase) for phrase in VAGUE)

# Words after a number that make it a measure, a date, a time or an age, not a count of people or things.
MEASURES = frozenset(
    words(
        "km kms kilometer kilometers kilometre kilometres mile miles meter meters metre metres m cm "
        "mm ft feet "
        "kg kilograms kilogram kilo kilos ton tons tonne tonnes lb lbs liter liters litre litres "
        "gallons barrels "
        "hour hours hrs minute minutes min mins second seconds day days night nights week weeks month months "
        "year years decade decades century centuries times percent pct % am pm a.m. p.m. o'clock gmt utc "
        "degree degrees caliber calibre mph kph hectares acres dollars usd euros eur rubles roubles pounds "
        "hryvnias rupees naira dinars lira yuan yen cents year-old years-old st nd rd th sq square per"
    )
)
MONTHS = frozenset(
    words(
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)
# Words before a number that make it a label or an age: "No. 5", "Route 7", "aged 25", "Resolution 2254".
LABELS = frozenset(
    words(
        "no nos number # route highway road article resolution chapter page section paragraph building zone "
        "sector block phase grade level line aged age ages km kilometer kilometre flight hall room platform "
        "gate exit district ward precinct brigade division battalion regiment corps squadron unit code"
    )
)
CURRENCY_SIGNS = frozenset(words("$ € £ ₽ ₴ ₹ ¥"))

# Heads that count other heads: "several units of mortar guns" counts mortar guns.
CLASSIFIERS = frozenset(words("units unit pieces piece items item kinds types sets rounds"))
# Nouns that commonly modify the head of a counted compound ("mortar guns", "police officers").
COMPOUND_MODIFIERS = frozenset(
    words(
        "mortar machine rocket missile police security army aid health border militia oil fuel fire armoured "
        "armored military combat cargo passenger fishing civilian"
    )
)

# Role cue word → role. Inflected forms are listed because the rules match surface words.
ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        words(
            "kill killed kills killing dead died die dies dying slain gunned slaughtered massacred "
            "executed eliminated "
            "liquidated neutralized neutralised death deaths fatalities fatality bodies corpses perished"
        ),
        "killed",
    ),
    **dict.fromkeys(
        words("wound wounded wounding injure injured injuring injuries hurt maimed casualties"), "wounded"
    ),
    "casualties": "casualties",
    **dict.fromkeys(words("captured capture capturing seized seizing taken prisoners prisoner"), "captured"),
    **dict.fromkeys(
        words("arrested arrest arresting detained detaining apprehended held rounded"), "arrested"
    ),
    **dict.fromkeys(words("abducted abducting kidnapped kidnapping hostages hostage"), "abducted"),
    **dict.fromkeys(words("surrounded encircled besieged trapped blockaded blocked cornered"), "surrounded"),
    **dict.fromkeys(words("displaced fled fleeing evacuated refugees homeless idps uprooted"), "displaced"),
    **dict.fromkeys(
        words("destroyed destroying destroy burned burnt torched demolished downed razed wrecked"),
        "destroyed",
    ),
    **dict.fromkeys(words("damaged damaging"), "damaged"),
    **dict.fromkeys(words("surrendered defected"), "surrendered"),
    **dict.fromkeys(words("missing disappeared"), "missing"),
    **dict.fromkeys(
        words("protested demonstrated rallied marched gathered protesters demonstrators participants"),
        "participants",
    ),
}
# Role cues that are nouns: they stay the counted head ("122 protesters", "12 bodies").
ROLE_NOUNS = frozenset(
    words(
        "protesters demonstrators participants refugees idps hostages prisoners bodies corpses casualties "
        "fatalities deaths injuries dead"
    )
)
# Common finite verbs that end a counted noun phrase ("several radicals left the area").
VERBS = frozenset(
    words(
        "left say says said took take takes made make went go came come got get remain remained "
        "remains stayed "
        "tried attempted managed escaped hid hide hiding joined launched opened fired attacked "
        "stormed entered "
        "crossed reached arrived staged demanded called shot live lived work worked lost belong belonged "
        "continue continued began started stood sat face faced need needed want wanted"
    )
)
# Heads of things, not people: they are destroyed or captured, never killed or wounded.
OBJECT_HEADS = frozenset(
    words(
        "tanks tank vehicles vehicle pick-ups pickups trucks truck cars car houses house buildings building "
        "homes shops drones drone aircraft helicopters jets planes guns mortars rockets missiles shells "
        "depots depot bridges bridge weapons rifles launchers boats ships motorcycles bombs mines positions "
        "villages towns settlements locations attacks checkpoints bases posts warehouses"
    )
)
PERSON_ROLES = frozenset(words("killed wounded"))
# Words allowed between a counted phrase and its role: "50 militants were reportedly killed".
ROLE_BRIDGE = frozenset(
    words(
        "were was are is have has had been being be reportedly also later allegedly all of them reported "
        "confirmed believed feared said to left found shot stabbed beaten hacked gunned"
    )
)
# Words that end the backward search for a governing verb: "split among 6 events", "an attack on 2 villages".
BACK_STOPS = frozenset(
    words("among across between in on at into during from after before since until per by")
)
# Words after a verb that show it has its own object, so a count before it is its subject ("5 men killed a").
PASSIVE_AUX = frozenset(words("were was are is be been being"))
OBJECT_STARTS = frozenset(words("a an the his her their its two three four five several dozens"))
# Tokens that end the noun phrase after a number.
NP_STOPS = frozenset(
    words(
        "of in on at to from by with and or but as for into onto near since during after before "
        "while who whom "
        "which that this these those the a an were was are is have has had be been being will would could "
        "should may might can did do does not also reportedly allegedly including among than per each their "
        "his her its our your them they he she it we you there here when where "
        # prepositions of place and direction: "a few pockets along the river", "two farms east of the town"
        "along across around behind beyond under over through toward towards against within without via "
        "amid amidst beside upon throughout despite off past "
        "north south east west northeast northwest southeast southwest"
    )
)
# Words after a noun phrase that are no part of it: "a young man outside", "a man earlier".
NP_ADVERBS = frozenset(
    words("outside inside earlier later following yesterday today overnight there then again")
)
# Heads that do damage rather than suffer it: "a fire burned for hours" destroys nothing countable.
AGENT_HEADS = frozenset(words("fire fires blaze blazes flames explosion explosions blast blasts smoke"))
# Heads that are amounts themselves: "a number of", "a total of" count nothing.
AMOUNT_HEADS = frozenset(words("number total lot series majority part range variety handful couple few"))
# Tokens that end a clause for the backward search of a governing verb.
CLAUSE_STOPS = frozenset(words(". ; ! ? : but while whereas although though who which whom when because"))
