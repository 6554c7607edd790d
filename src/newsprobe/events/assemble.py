"""Article → events: classify sentences, group them into events, fill every field from the other layers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsprobe.actors import event_country, load_table
from newsprobe.actors.units import unit_name
from newsprobe.budget import check_budget
from newsprobe.events.classifier import EventClassifier, Label
from newsprobe.events.dates import resolve_date
from newsprobe.events.happening import happenings
from newsprobe.events.locate import locate_event
from newsprobe.events.roles import Sides, assign_roles
from newsprobe.events.sentences import Sentence, split_sentences
from newsprobe.events.taxonomy import EVENT_TYPES, NO_EVENT
from newsprobe.events.triggers import nominal_event
from newsprobe.model import Analysis, Attribution, Entity, Event, EventActor, Fatalities, SpanRef, lies_within
from newsprobe.quantities import fatalities_from

MAX_GAP = 1  # non-event sentences allowed inside one event's stretch of a paragraph
# ACLED's generic actors by event type (name pattern, inter code).
PROTESTERS, RIOTERS, CIVILIANS = ("Protesters ({})", 6), ("Rioters ({})", 5), ("Civilians ({})", 7)
UNIDENTIFIED_INTER = 3
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
STATE_FORCES = 1
NON_VIOLENT = "Strategic developments"
NOT_DEVELOPMENTS = tuple(t for t in EVENT_TYPES if t != NON_VIOLENT)
Spans = Sequence[tuple[int, int]]
# A violent event read with at least this probability stands without the grammar test. Classifier v3, trained
# on news prose, reads negated and descriptive sentences with confidence too ("neither the suicide bombers nor
# … managed to", 0.94; "some suicide vests found there are of small size", 0.95), so only a near-certain
# reading is spared the test.
SURE = 0.95


@dataclass
class Group:
    """Consecutive event sentences of one paragraph, read as one event."""

    sentences: list[Sentence]
    label: Label

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.sentences]


@dataclass(frozen=True)
class SentenceReading:
    """A sentence's label, the model's probabilities, and whether the action-noun rule set the label."""

    label: Label
    probabilities: np.ndarray
    by_rule: bool = False


def doubtful(label: Label) -> bool:
    """Labels the news rules check: a strategic development, or a violent event read with little confidence."""
    return label.event_type == NON_VIOLENT or (label.event_type != NO_EVENT and label.score < SURE)


def news_reading(sentence: Sentence, label: Label, classifier: EventClassifier, probabilities: np.ndarray,
                 deaths: Spans, told: bool) -> Label:
    """Two rules of news register over a doubtful label: a sentence that counts deaths tells violence (a
    killing is never a strategic development), and one that neither counts deaths nor says what happened
    (`told` false: "there are cases of defection", "suicide vests found there are of small size") tells no
    event."""
    if not doubtful(label):
        return label
    counts_deaths = any(lies_within(s, e, [(sentence.start, sentence.end)]) for s, e in deaths)
    if label.event_type == NON_VIOLENT and counts_deaths:
        return classifier.best_event(probabilities, NOT_DEVELOPMENTS)
    return label if told or counts_deaths else classifier.no_event(probabilities)


def sentence_label(text: str, sentence: Sentence, classifier: EventClassifier, places: Spans,
                   probabilities: np.ndarray, told: bool = True, deaths: Spans = ()) -> SentenceReading:
    """The classifier's label, read for news (`news_reading`); a sentence it reads as background or as a
    non-violent development may still name a violent event by an action noun with its outcome ("heavy
    losses during the assault of X")."""
    label = news_reading(sentence, classifier.decide(probabilities), classifier, probabilities, deaths, told)
    if label.event_type not in (NO_EVENT, NON_VIOLENT):
        return SentenceReading(label, probabilities)
    named = nominal_event(text, sentence.start, sentence.end, list(places))
    if named is None:
        return SentenceReading(label, probabilities)
    # The score stays the model's own probability, so such events rank after those the model reads.
    return SentenceReading(classifier.label_from(probabilities, named), probabilities, by_rule=True)


def read_sentences(text: str, sentences: list[Sentence], classifier: EventClassifier, places: Spans,
                   deaths: Spans = ()) -> list[SentenceReading]:
    """Every sentence's reading; only the doubtful ones are parsed, in one batch (the parse is the cost)."""
    vectors = classifier.read_spans(text, [(sentence.start, sentence.end) for sentence in sentences])
    probabilities = [classifier.probabilities(text[s.start:s.end], v) for s, v in zip(sentences, vectors, strict=True)]
    checked = [i for i, p in enumerate(probabilities) if doubtful(classifier.decide(p))]
    told = dict(zip(checked, happenings([text[sentences[i].start:sentences[i].end] for i in checked]), strict=True))
    return [sentence_label(text, sentence, classifier, places, probabilities[i], told.get(i, True), deaths)
            for i, sentence in enumerate(sentences)]


def group_sentences(text: str, sentences: list[Sentence], classifier: EventClassifier,
                    places: Spans, deaths: Spans = ()) -> list[Group]:
    """Event sentences (the classifier finds an event sub-type, or an action noun names one), joined
    while they share a paragraph and lie at most MAX_GAP sentences apart."""
    read = read_sentences(text, sentences, classifier, places, deaths)
    runs: list[list[int]] = []
    for index, sentence in enumerate(sentences):
        if read[index].label.sub_event_type == NO_EVENT:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and sentences[last].paragraph == sentence.paragraph and index - last <= MAX_GAP + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return merge_follow_ups([_label_group(text, sentences[run[0]:run[-1] + 1], [read[i] for i in run], classifier)
                             for run in runs])


def merge_follow_ups(groups: list[Group]) -> list[Group]:
    """A group of the same sub-type in the very next paragraph is one event told on: news gives the event,
    then its toll and witnesses ("Two drivers were wounded…", "at least five shells landed…")."""
    merged: list[Group] = []
    for group in groups:
        last = merged[-1] if merged else None
        if last is not None and last.label.sub_event_type == group.label.sub_event_type \
                and group.sentences[0].paragraph == last.sentences[-1].paragraph + 1:
            merged[-1] = Group(last.sentences + group.sentences, max(last.label, group.label, key=lambda x: x.score))
        else:
            merged.append(group)
    return merged


def _label_group(text: str, members: list[Sentence], found: list[SentenceReading],
                 classifier: EventClassifier) -> Group:
    """The group's sub-type: the rule's, where the action-noun rule coded a sentence (it reads an explicit
    statement the model missed); else the stretch read together (as an ACLED note is) and each event
    sentence read alone vote with their probabilities, "no event" left out."""
    ruled = [reading.label for reading in found if reading.by_rule]
    if len(members) == 1 or ruled:
        return Group(members, ruled[0] if ruled else found[0].label)
    start, end = members[0].start, members[-1].end
    stretch = classifier.probabilities(text[start:end], classifier.read_spans(text, [(start, end)])[0])
    # A stretch with a violent or crowd sentence is no strategic development; the others are its aftermath.
    violent = NOT_DEVELOPMENTS if any(r.label.event_type in NOT_DEVELOPMENTS for r in found) else ()
    return Group(members, classifier.best_event(np.mean([stretch, *(r.probabilities for r in found)], axis=0),
                                                violent))


def _actor(text: str, entity: Entity) -> EventActor:
    """The event's actor: ACLED names a state force's unit when the mention does ("military police")."""
    name = unit_name(entity.canonical, entity.text) if entity.canonical else entity.text
    return EventActor(name=name, inter=entity.inter, mention=SpanRef.of(text, entity.start, entity.end))


def _sources(analysis: Analysis, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets of the sources the event's claims cite ("Arab agencies referring to the Iraqi command")."""
    found = []
    for claim in analysis.claims:
        if _overlaps(spans, claim.start, claim.end):
            found += [(ref.start, ref.end) for ref in (claim.attribution.source, claim.attribution.origin) if ref]
    return found


def _sides(analysis: Analysis, group: Group) -> Sides:
    """Actor roles from the first sentence of the event that names an actor; a cited source is no side."""
    sources = _sources(analysis, group.spans)
    actors = [e for e in analysis.entities if e.label == "ACTOR" and not e.lies_within(sources)]
    for start, end in group.spans:
        sides = assign_roles(analysis.article.text, start, end, actors)
        if sides.actor1 is not None or sides.actor2 is not None:
            return sides
    return Sides()


def _generic(pattern: tuple[str, int], country: str | None) -> EventActor | None:
    """ACLED's generic actor ("Protesters (Chile)"); None when the country is unknown."""
    return EventActor(name=pattern[0].format(country), inter=pattern[1]) if country else None


def _crowd_roles(text: str, sides: Sides, crowd: EventActor | None,
                 sub_event_type: str) -> tuple[list[EventActor], list[EventActor]]:
    """Protests and riots: the crowd is actor1, named groups join it; state forces (and, in riots,
    civilians) face it as actor2. A peaceful protest has no actor2: the state it addresses is not a side."""
    named = [m for m in (sides.actor1, *sides.assoc1, sides.actor2, *sides.assoc2) if m is not None]
    opposing = (STATE_FORCES, CIVILIANS[1]) if sub_event_type in ("Mob violence", "Violent demonstration") \
        else (STATE_FORCES,)
    facing = [_actor(text, m) for m in named if m.inter in opposing]
    joining = [_actor(text, m) for m in named if m.inter not in opposing]
    return ([crowd, *joining] if crowd else joining), ([] if sub_event_type == "Peaceful protest" else facing)


def _opponent(analysis: Analysis, group: Group, exclude: set[str]) -> EventActor | None:
    """A battle's missing side: the article's most-named other armed actor, at its mention nearest the event.
    Civilians are never a side of a battle (ACLED: battles are fought between armed, organised groups)."""
    others = [e for e in analysis.entities if e.label == "ACTOR" and (e.canonical or e.text) not in exclude
              and e.inter != CIVILIANS[1]]
    if not others:
        return None
    name = Counter(e.canonical or e.text for e in others).most_common(1)[0][0]
    start = group.spans[0][0]
    nearest = min((e for e in others if (e.canonical or e.text) == name), key=lambda e: abs(e.start - start))
    return _actor(analysis.article.text, nearest)


def fill_actors(analysis: Analysis, group: Group, event: Event) -> None:
    """actor1/assoc_actor_1/actor2/assoc_actor_2 from the entities layer, ACLED's generic actors as fallback."""
    text, sides = analysis.article.text, _sides(analysis, group)
    country = event_country(analysis, group.spans)
    event_type = group.label.event_type
    if event_type in ("Protests", "Riots"):
        crowd = _generic(PROTESTERS if event_type == "Protests" else RIOTERS, country)
        side1, side2 = _crowd_roles(text, sides, crowd, group.label.sub_event_type)
        if not side2 and group.label.sub_event_type == "Mob violence":
            side2 = [a for a in [_generic(CIVILIANS, country)] if a]
    else:
        side1 = [_actor(text, m) for m in (sides.actor1, *sides.assoc1) if m is not None]
        side2 = [_actor(text, m) for m in (sides.actor2, *sides.assoc2) if m is not None]
        if event_type in VIOLENT_TYPES and side1 and side1[0].inter == CIVILIANS[1] and not side2:
            # In political violence ACLED codes civilians as the targets, never as the side that acts.
            side1, side2 = [], side1
        if not side2 and event_type == "Violence against civilians":
            side2 = [a for a in [_generic(CIVILIANS, country)] if a]
        if not side1 and side2 and event_type == "Battles":
            # A battle told from its losers' side ("losses among the IS"): the article's other actor fought it.
            side1 = [a for a in [_opponent(analysis, group, {a.name for a in side2})] if a]
        if not side1 and event_type in VIOLENT_TYPES:
            # ACLED codes a perpetrator the report does not name as unidentified (a gang in parts of Latin America).
            side1 = [EventActor(name=load_table().unidentified_perpetrator(country), inter=UNIDENTIFIED_INTER)] \
                if country else []
        if not side2 and event_type == "Battles" and side1:
            side2 = [a for a in [_opponent(analysis, group, {a.name for a in side1})] if a]
    event.actor1, event.assoc_actor_1 = (side1[0], side1[1:]) if side1 else (None, [])
    event.actor2, event.assoc_actor_2 = (side2[0], side2[1:]) if side2 else (None, [])


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def fill_counts(analysis: Analysis, group: Group, event: Event) -> None:
    """Quantities inside the event's sentences; fatalities = the conservative best of their killed counts."""
    indexes = [i for i, q in enumerate(analysis.quantities) if q.lies_within(group.spans)]
    event.quantity_indexes = indexes
    counted = fatalities_from(analysis.quantities[i] for i in indexes)
    event.fatalities = counted.to_model(analysis.article.text) if counted.best is not None else Fatalities()


def sourcing(analysis: Analysis, spans: list[tuple[int, int]]) -> list[Attribution]:
    """Distinct attributions of the claims that overlap the event's sentences."""
    found: list[Attribution] = []
    for claim in analysis.claims:
        if _overlaps(spans, claim.start, claim.end) and claim.attribution not in found:
            found.append(claim.attribution)
    return found


def build_event(analysis: Analysis, group: Group) -> Event:
    """One `Event` with every field the layers allow."""
    text = analysis.article.text
    location = locate_event(analysis, group.spans)
    event = Event(
        event_type=group.label.event_type, sub_event_type=group.label.sub_event_type,
        score=round(group.label.score, 4), place_index=location.place_index, location=location.place,
        geo_precision=location.geo_precision,
        date=resolve_date(text, group.spans, analysis.article.published),
        evidence=[SpanRef.of(text, s, e) for s, e in group.spans], sourcing=sourcing(analysis, group.spans),
    )
    fill_actors(analysis, group, event)
    fill_counts(analysis, group, event)
    return event


def salience(group: Group, event: Event) -> float:
    """Confidence, plus what makes a report's main event: a death toll, two sides, a named place, length."""
    return (group.label.score + 0.5 * (event.fatalities.best is not None)
            + 0.25 * (event.actor1 is not None and event.actor2 is not None)
            + 0.25 * (event.place_index is not None or event.location is not None) + 0.1 * len(group.sentences))


def assemble_events(analysis: Analysis, classifier: EventClassifier) -> list[Event]:
    """Every event of the article, most salient first.

    Args:
        analysis: the analysis with whatever entities, places, quantities and claims layers ran.
        classifier: the event classifier.

    Returns:
        The events, ordered by salience (events[0] is the article's main event).
    """
    text = analysis.article.text
    # A legal notice ("* A terrorist organization banned in Russia.") is the law's wording, not a report.
    notices = analysis.signal_spans("legal_disclaimer")
    sentences = [s for s in split_sentences(text, analysis.article.body_start)
                 if not lies_within(s.start, s.end, notices)]
    scored = []
    places = [(place.start, place.end) for place in analysis.places]
    deaths = [(quantity.start, quantity.end) for quantity in analysis.quantities if quantity.role == "killed"]
    for order, group in enumerate(group_sentences(text, sentences, classifier, places, deaths)):
        check_budget("the events analyzer")
        event = build_event(analysis, group)
        scored.append((salience(group, event), order, event))
    return [event for _, _, event in sorted(scored, key=lambda item: (-item[0], item[1]))]
