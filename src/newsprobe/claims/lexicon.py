"""Word lists of the claims layer: reporting verbs, source kinds, hedges and opinion patterns."""

from __future__ import annotations

import re

from newsprobe.model.claims import SourceKind
from newsprobe.quantities.tokens import words

# Verbs that attribute what follows (or precedes) to their subject.
REPORTING_VERBS = frozenset(
    words(
        "say says said report reports reported claim claims claimed state states stated announce announces "
        "announced confirm confirms confirmed tell tells told add adds added note notes noted write "
        "writes wrote "
        "inform informs informed assert asserts asserted declare declares declared warn warns warned allege "
        "alleges alleged deny denies denied acknowledge acknowledges acknowledged insist insists insisted "
        "indicate indicates indicated quote quoted cite cites cited publish publishes published accuse "
        "accuses accused blame blames blamed"
    )
)
# Phrases inside a source that introduce the source it relays: "agencies referring to the command".
RELAY_CUES = re.compile(
    r"\b(?:referring to|citing|quoting|with reference to|relying on|in reference to)\b", re.IGNORECASE
)
# Source heads that name no one: outlets and data in general.
VAGUE_HEADS = frozenset(
    words(
        "reports report media agencies outlets data information rumours rumors it publications "
        "channels figures "
        "estimates statistics count counts tallies "
        "networks press news sites websites accounts bloggers telegram"
    )
)
# Source heads that are particular but unnamed people or groups.
ANONYMOUS_HEADS = frozenset(
    words(
        "source sources official officials resident residents witness witnesses eyewitness "
        "eyewitnesses local "
        "locals population people activist activists villager villagers medic medics doctor doctors relative "
        "relatives survivor survivors observer observers expert experts analyst analysts insider insiders "
        "diplomat diplomats they someone spokesman spokesperson spokeswoman representative representatives "
        "inhabitants citizens fighters soldiers militants refugees"
    )
)
# Institution heads: with a name or a country they identify the source ("Syria's defence ministry").
INSTITUTION_HEADS = frozenset(
    words(
        "ministry command headquarters army forces government office agency council committee police "
        "department "
        "observatory president minister governor commander mayor spokesman presidency administration service "
        "military navy authority authorities prosecutor court embassy mission operations center centre"
    )
)
# Words that begin a subject's modifier, after which the head has been seen.
HEAD_ENDS = frozenset(words("of who which that referring citing quoting in from with , at on for"))
# Adverbs and auxiliaries between a subject and its reporting verb.
SUBJECT_TRAILERS = frozenset(
    words("previously earlier also later have has had recently officially repeatedly then")
)
# Words that open a clause before its subject ("As the BBC reported").
SUBORDINATORS = frozenset(words("as while but and however meanwhile earlier later now also"))
# Last words of a span that is no subject: "The ministry did not say", "the".
SUBJECT_BAD_ENDS = frozenset(words("the a an and or not never did does do n't cannot could would"))
# First words of a subject that says nobody spoke: "No group has claimed ...", "Nobody confirmed ...".
NEGATIVE_SUBJECTS = frozenset(words("no nobody none neither nothing"))
# Objects that make a reporting verb an act, not a report: "claimed responsibility for the attack".
ACT_OBJECTS = frozenset(words("responsibility credit"))
BE_AUX = frozenset(words("is are was were been be being"))
PRONOUN_SOURCES: dict[str, SourceKind] = {
    "he": "named",
    "she": "named",
    "they": "anonymous",
    "it": "vague",
    "we": "named",
    "i": "named",
}

# Adverbial attributions without a source.
ADVERBIAL_CUES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|it is reported|it was reported|it has been reported|"
    r"it is said|it was said|it is claimed|reports say|reports said|reports suggest|rumou?r has it)\b",
    re.IGNORECASE,
)
ACCORDING_TO = re.compile(
    r"\b(?:according to|as reported by|in the words of|as stated by|as claimed by)\s+", re.IGNORECASE
)

# Hedges: epistemic markers that weaken a claim.
HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|apparently|possibly|probably|presumably|perhaps|maybe|"
    r"likely|unlikely|seemingly|it seems|seems|seemed|it appears|appears to|appeared to|may|might|"
    r"could (?:be|have)|is believed|are believed|was believed|were believed|is thought|are thought|"
    r"is suspected|are suspected|suspected|unconfirmed|unverified|preliminary|rumou?red|estimated)\b",
    re.IGNORECASE,
)

# Rhetorical and opinion patterns: not factual claims.
OPINION = re.compile(
    r"\b(?:(?:may|can|could|might) (?:be|well be) (?:called|described|considered|seen|regarded|termed)|"
    r"in (?:our|my) (?:opinion|view)|we believe|I believe|it is (?:obvious|clear|evident) that|"
    r"should|must|ought to|let us|let's|shame|disgrace)\b",
    re.IGNORECASE,
)
# Verbs of conflict events and movements: a sentence with one states something checkable.
EVENT_VERBS = frozenset(
    words(
        "killed wounded injured attacked captured destroyed shelled bombed struck seized liberated stormed "
        "surrounded trapped fled escaped escaping hiding hide blocked found arrested clashed fought launched "
        "advanced retreated withdrew defected surrendered left reported died kidnapped abducted fired hit "
        "targeted shot burned raided ambushed detonated exploded intercepted downed occupied entered "
        "took lost "
        "recaptured evacuated displaced besieged"
    )
)
