"""An `Analysis` flattened into the rows of the derived tables (pure functions, no database)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from newsprobe.model import Analysis, Event, EventActor, Span

Row = dict[str, Any]
# A word: a run of letters or digits, apostrophes inside it included ("don't", "l'armée" count once).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _span(article_id: str, span: Span) -> Row:
    return {"article_id": article_id, "start": span.start, "end": span.end, "text": span.text}


def article_row(analysis: Analysis) -> Row:
    """The `articles` row: every `Article` field, the date prefix used for filters and order, the word count."""
    row: Row = analysis.article.model_dump()
    row["published_date"] = (analysis.article.published or "")[:10]
    row["word_count"] = word_count(analysis.article.text)
    return row


def word_count(text: str) -> int:
    """Words in `text`, the denominator of technique rates per 1,000 words."""
    return sum(1 for _ in _WORD.finditer(text))


def skipped_analyzers(analysis: Analysis) -> list[str]:
    """Analyzers the pipeline skipped for this article's language; it words those warnings `NAME skipped: ...`."""
    return sorted(warning.split(" ", 1)[0] for warning in analysis.warnings if " skipped: " in warning)


def analysis_row(analysis: Analysis, analysed_at: str) -> Row:
    """The `analyses` row: the full JSON and the versions that produced it."""
    return {
        "article_id": analysis.id, "schema_version": analysis.schema_version,
        "analyzers": json.dumps(analysis.analyzers, sort_keys=True),
        "skipped": json.dumps(skipped_analyzers(analysis)),
        "propaganda_score": analysis.propaganda.score if analysis.propaganda else None,
        "analysed_at": analysed_at,
        "data": analysis.model_dump_json(),  # pydantic's serialiser: several times faster than to_json()
    }


def derived_rows(analysis: Analysis) -> dict[str, list[Row]]:
    """Rows of every derived table, keyed by table name."""
    key = analysis.id
    return {
        "techniques": [_span(key, t) | {"technique": t.technique, "score": t.score} for t in analysis.techniques],
        "entities": [_span(key, e) | {"label": e.label, "canonical": e.canonical, "inter": e.inter,
                                      "score": e.score} for e in analysis.entities],
        "places": [_span(key, p) | {"idx": index, **p.model_dump(include=_PLACE_FIELDS)}
                   for index, p in enumerate(analysis.places)],
        "quantities": [_span(key, q) | q.model_dump(include=_QUANTITY_FIELDS) for q in analysis.quantities],
        "claims": [_span(key, c) | {"source_kind": c.attribution.kind, "hedged": c.hedged,
                                    "source": c.attribution.source.text if c.attribution.source else None}
                   for c in analysis.claims],
        "events": [event_row(analysis, rank, event) for rank, event in enumerate(analysis.events)],
        "event_actors": [row for rank, event in enumerate(analysis.events) for row in _actor_rows(key, rank, event)],
        "article_countries": [{"article_id": key, "country_code": code} for code in _countries(analysis)],
        "signals": [_span(key, s) | {"kind": s.kind, "explanation": s.explanation, "score": s.score}
                    for s in analysis.signals],
    }


_PLACE_FIELDS = {"name", "geonameid", "lat", "lon", "country_code", "admin1", "feature", "precision", "score"}
_QUANTITY_FIELDS = {"low", "best", "high", "hedge", "unit", "role"}


def _countries(analysis: Analysis) -> list[str]:
    """Country codes of the article's places and of its events' places, each once."""
    places = [*analysis.places, *(event.location for event in analysis.events if event.location)]
    return sorted({place.country_code for place in places if place.country_code})


def event_row(analysis: Analysis, rank: int, event: Event) -> Row:
    """One `events` row: type, actors, date, fatalities, place and the kind of its first source."""
    place = analysis.event_place(event)
    return {
        "article_id": analysis.id, "rank": rank, "event_type": event.event_type,
        "sub_event_type": event.sub_event_type, "score": event.score,
        "actor1": event.actor1.name if event.actor1 else None, "inter1": event.actor1.inter if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None, "inter2": event.actor2.inter if event.actor2 else None,
        "event_date": event.date.date, "time_precision": event.date.time_precision,
        "fatalities_low": event.fatalities.low, "fatalities_best": event.fatalities.best,
        "fatalities_high": event.fatalities.high,
        "location": (place.name or place.text) if place else None, "geonameid": place.geonameid if place else None,
        "country_code": place.country_code if place else None, "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geo_precision": event.geo_precision,
        "sourcing": event.sourcing[0].kind if event.sourcing else None,
    }


def _actor_rows(article_id: str, rank: int, event: Event) -> list[Row]:
    roles: Mapping[str, list[EventActor]] = {
        "actor1": [event.actor1] if event.actor1 else [], "assoc_actor_1": event.assoc_actor_1,
        "actor2": [event.actor2] if event.actor2 else [], "assoc_actor_2": event.assoc_actor_2,
    }
    return [{"article_id": article_id, "rank": rank, "role": role, "name": actor.name, "inter": actor.inter}
            for role, actors in roles.items() for actor in actors]
