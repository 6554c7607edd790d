"""The geoparser: mentions → gazetteer places → points, with relative locations and unknown places."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.language import Language

from newsprobe.places.gazetteer import Candidate, Gazetteer, load_gazetteer
from newsprobe.places.geo import destination
from newsprobe.places.normalize import normalize_name
from newsprobe.places.recognize import Mention, find_mentions, load_nlp
from newsprobe.places.relative import Relation, relation_before
from newsprobe.places.resolve import (
    Choice,
    Context,
    candidates_for,
    demonym_names,
    features,
    group_names,
    is_facility,
    load_weights,
    resolve_names,
    score,
    seat_choice,
    water_before,
    within,
    without_settlement_word,
)

# Words that may stand between a place and the relation that locates it ("Muayzilah, located 30 km west of X").
_LINK = re.compile(r"^[\s,]*(?:(?:which|that|is|was|lies|lying|located|situated|settlement|village|town|some|about)[\s,]+)*$",
                   re.IGNORECASE)


# What joins a facility to the town the text puts it in ("... Plant near Enerhodar", "..., in the city of Kyiv").
_PLACED_IN = re.compile(r"^[\s,]*(?:in|near|at|outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
                        r"(?:(?:city|town|village|settlement)\s+of\s+)?$", re.IGNORECASE)

# A name found by the gazetteer alone (no NER place label) is kept only if the ranker is this sure of it.
# (Chosen with the conditional-logit ranker on the development halves of LGL and GeoVirus, among pairs from
# 0.15/0.1 to 0.55/0.45: 0.4 and 0.45 gave the best mean detection F1; 0.4 the better end-to-end accuracy.)
GAZETTEER_MIN_SCORE = 0.4
# After a locative word ("west of X", "in X") the text itself says X is a place: a lower bar suffices.
CUE_MIN_SCORE = 0.3


@dataclass(frozen=True)
class Located:
    """A place mention with the place chosen for it and the point it stands at."""

    start: int
    end: int
    text: str
    candidate: Candidate | None
    score: float
    lat: float | None
    lon: float | None
    precision: int | None
    relation: Relation | None = None
    anchor: Candidate | None = None
    source: str = "ner"


def precision_of(candidate: Candidate) -> int:
    """ACLED geo_precision of a place itself: 1 a populated place, 3 a division, country or region."""
    return 1 if candidate.feature.startswith("P.") else 3


def relative_point(anchor: Candidate, relation: Relation) -> tuple[float, float]:
    """The estimated point of a relation: the middle of its distance range along its bearing."""
    if relation.bearing_deg is None:
        return anchor.lat, anchor.lon
    return destination(anchor.lat, anchor.lon, relation.bearing_deg, (relation.low_km + relation.high_km) / 2)


class Geoparser:
    """Recognises and resolves place mentions; the loaded models are shared by every call."""

    def __init__(self, gazetteer: Gazetteer | None = None, nlp: Language | None = None,
                 weights: dict[str, float] | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.nlp = nlp or load_nlp()
        self.weights = weights or load_weights()

    def mentions(self, text: str) -> list[Mention]:
        """Place mentions in a text."""
        return find_mentions(self.nlp(text), self.gazetteer)

    def parse(self, text: str) -> list[Located]:
        """Every place mention of a text, located."""
        return self.locate(text, self.mentions(text))

    def resolve_spans(self, text: str, spans: list[tuple[int, int]]) -> list[Located]:
        """Locate given mention spans (resolution only, as with gold spans)."""
        return self.locate(text, [Mention(s, e, text[s:e], "given") for s, e in spans])

    def locate(self, text: str, mentions: list[Mention]) -> list[Located]:
        """Resolve mentions together, then place the unknown ones through relations or their best anchor."""
        names = group_names(text, [(m.start, m.end, m.division) for m in mentions], self.gazetteer)
        names.update(demonym_names(text, self.gazetteer))
        choices = resolve_names(names, self.weights)
        located = [_located(m, _choice_for(text, m, mentions, choices)) for m in mentions]
        located = _confirmed(located)
        located = _apply_relations(text, located, self.settlement_anchor)
        return _place_unknown(text, located)

    def relative_phrases(self, text: str, located: list[Located]) -> list[Located]:
        """Unnamed locations stated relative to a place ("30 km north of Raqqa"), as places of their own."""
        used = {p.relation for p in located if p.relation}
        phrases = []
        for anchor in located:
            relation = relation_before(text, anchor.start, anchor.end) if anchor.candidate else None
            if relation is None or relation in used or relation.bearing_deg is None:
                continue
            if anchor.candidate.is_division and not relation.distance_stated:  # type: ignore[union-attr]
                continue  # "the southeast of Syria" is a part of Syria, not a point beside it
            origin = self.settlement_anchor(anchor)
            lat, lon = relative_point(origin, relation)
            phrases.append(Located(relation.start, relation.end, text[relation.start : relation.end], None,
                                   round(anchor.score * 0.8, 4), lat, lon, 2, relation, origin))
        return phrases

    def settlement_anchor(self, anchor: Located) -> Candidate:
        """The place a distance is measured from: the namesake town of a division where it has one ("15 km
        north-east of Kherson" from the city, not from the oblast's middle), else the place itself."""
        place = anchor.candidate
        assert place is not None
        if not place.is_division:
            return place
        towns = [c for c in candidates_for(anchor.text, self.gazetteer)
                 if c.feature.startswith("P.") and c.spelt_as_named and within(c, place)]
        return max(towns, key=lambda c: c.population, default=place)

    def resolve_place(self, name: str, country_hint: str | None = None) -> Candidate | None:
        """The likeliest place called `name`, in the country `country_hint` (ISO code) when it has one."""
        candidates = candidates_for(name, self.gazetteer)
        if country_hint:
            candidates = [c for c in candidates if c.country_code == country_hint.upper()] or candidates
        context = Context({}, 0, frozenset({country_hint.upper()} if country_hint else ()), frozenset(), ())
        scored = {c: score(features(c, candidates, context, False), self.weights) for c in candidates}
        return max(scored, key=scored.__getitem__, default=None)


def _confirmed(located: list[Located]) -> list[Located]:
    """Drop names only the gazetteer found unless the ranker is sure enough (less so after a locative cue)."""
    cued = {normalize_name(p.text) for p in located if p.source == "cue"}
    return [p for p in located if p.source not in ("gazetteer", "cue") or p.score >= GAZETTEER_MIN_SCORE
            or (normalize_name(p.text) in cued and p.score >= CUE_MIN_SCORE)]


def _choice_for(text: str, mention: Mention, mentions: list[Mention], choices: dict[str, Choice]) -> Choice:
    """The mention's own choice, or for a facility or body the gazetteer lacks, the town it is named after,
    unless the text says where it is ("Kherson power station in Nova Kakhovka": see `_place_unknown`)."""
    own = choices[normalize_name(mention.text)]
    # The text is only searched for the few mentions left without a place.
    if own.candidate is not None or _placed_by_text(text, mention, mentions):
        return own
    return seat_choice(mention.text, choices) or own


def _placed_by_text(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether a locative word joins the mention to the next one ("Orchard Street in Alexandria")."""
    following = [m for m in mentions if m.start >= mention.end]
    return bool(following) and bool(_PLACED_IN.match(text[mention.end : min(m.start for m in following)]))


def _located(mention: Mention, choice: Choice) -> Located:
    candidate = choice.candidate
    if candidate is None:
        return Located(mention.start, mention.end, mention.text, None, 0.0, None, None, None, source=mention.source)
    return Located(mention.start, mention.end, mention.text, candidate, choice.score, candidate.lat,
                   candidate.lon, precision_of(candidate), source=mention.source)


def _apply_relations(text: str, located: list[Located], origin_of: Callable[[Located], Candidate]) -> list[Located]:
    """Locate unknown places stated relative to a known one ("X, 30 km west of Y"), measured from
    `origin_of` the anchor."""
    result = list(located)
    for index, anchor in enumerate(located):
        relation = relation_before(text, anchor.start, anchor.end) if anchor.candidate else None
        subject = _subject(text, located, index, relation) if relation else None
        if relation and subject is not None and result[subject].candidate is None:
            origin = origin_of(anchor)
            lat, lon = relative_point(origin, relation)
            result[subject] = replace(result[subject], lat=lat, lon=lon, precision=2, relation=relation,
                                      anchor=origin, score=round(anchor.score * 0.8, 4))
    return result


def _subject(text: str, located: list[Located], index: int, relation: Relation) -> int | None:
    """The mention just before a relation phrase that the phrase locates, if only linking words part them."""
    before = [i for i in range(index) if located[i].end <= relation.start]
    if not before:
        return None
    last = before[-1]
    return last if _LINK.match(text[located[last].end : relation.start]) else None


def _place_unknown(text: str, located: list[Located]) -> list[Located]:
    """Give every unknown name the location of its related mention, else of the nearest known town, else
    of the nearest known place of any kind ("Deep River (Connecticut)" when the town is missing). A street,
    building or river goes to the nearest known town only, or stays unresolved: never to the state in its name."""
    by_name = {_village_key(p.text): p for p in located if p.candidate is None and p.relation}
    towns = [p for p in located if p.candidate and p.candidate.feature.startswith("P.")]
    anywhere = towns or [p for p in located if p.candidate]
    result = []
    for place in located:
        known = towns if is_facility(place.text) or water_before(text, place.start) else anywhere
        if place.lat is None and _village_key(place.text) in by_name:
            source = by_name[_village_key(place.text)]
            place = replace(place, lat=source.lat, lon=source.lon, precision=2, relation=source.relation,
                            anchor=source.anchor, score=source.score)
        elif place.lat is None and known:
            anchor = min(known, key=lambda k: abs(k.start - place.start))
            place = replace(place, lat=anchor.lat, lon=anchor.lon, precision=3, anchor=anchor.candidate,
                            score=round(anchor.score * 0.3, 4))
        result.append(place)
    return result


def _village_key(surface: str) -> str:
    """The key of an unknown name without its settlement word: "Muayzilah settlement" is "Muayzilah"."""
    return normalize_name(without_settlement_word(surface))
