"""What a caller may ask of the store: one `Filters` for articles, search, events and exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, select, true

from newsprobe.store.schema import article_countries, articles, event_actors, events, techniques
from newsprobe.store.search import matching_ids


@dataclass(frozen=True)
class Filters:
    """Filters; each left empty matches everything. Dates are inclusive; `country` is an ISO 3166 alpha-2 code.

    Article filters: `outlet`, `language`, `date_from`/`date_to` (publication date), `technique`,
    `event_type`, `country` (of a place or an event), `query` (full text). Event filters also read
    `sub_event_type`, `actor` (any role), `bbox` (west, south, east, north) and the event's own date.
    """

    outlet: str | None = None
    language: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    technique: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    query: str | None = None


def article_conditions(filters: Filters, dialect: str) -> ColumnElement[bool]:
    """The WHERE clause on `articles` for every filter; `query` needs the database's name (`dialect`)."""
    conditions = _equal([(articles.c.outlet, filters.outlet), (articles.c.language, filters.language)])
    if filters.date_from:
        conditions.append(articles.c.published_date >= filters.date_from.isoformat())
    if filters.date_to:
        conditions.append(and_(articles.c.published_date != "",
                               articles.c.published_date <= filters.date_to.isoformat()))
    if filters.query is not None:
        matches = matching_ids(dialect, filters.query).subquery()
        conditions.append(articles.c.id.in_(select(matches.c.article_id)))
    conditions += _layer_conditions(filters)
    return and_(true(), *conditions)


def _equal(pairs: list[tuple[ColumnElement[Any], str | None]]) -> list[ColumnElement[bool]]:
    """`column = value` for each pair whose value is set."""
    return [column == value for column, value in pairs if value]


def _layer_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """Filters on what the analysis found, as EXISTS over the derived tables."""
    conditions: list[ColumnElement[bool]] = []
    if filters.technique:
        conditions.append(exists(select(1).where(techniques.c.article_id == articles.c.id,
                                                 techniques.c.technique == filters.technique)))
    if filters.event_type or filters.sub_event_type or filters.actor:
        conditions.append(exists(select(1).where(events.c.article_id == articles.c.id,
                                                 event_conditions(filters, with_place=False))))
    if filters.country:
        conditions.append(exists(select(1).where(article_countries.c.article_id == articles.c.id,
                                                 article_countries.c.country_code == filters.country)))
    return conditions


def event_conditions(filters: Filters, with_place: bool = True) -> ColumnElement[bool]:
    """The WHERE clause on `events` for the event filters (type, actor, and with `with_place` country, bbox)."""
    conditions = _equal([(events.c.event_type, filters.event_type), (events.c.sub_event_type, filters.sub_event_type)])
    if filters.actor:
        conditions.append(exists(select(1).where(
            event_actors.c.article_id == events.c.article_id, event_actors.c.rank == events.c.rank,
            event_actors.c.name == filters.actor)))
    if with_place and filters.country:
        conditions.append(events.c.country_code == filters.country)
    if with_place and filters.bbox:
        west, south, east, north = filters.bbox
        conditions.append(and_(events.c.lon >= west, events.c.lon <= east,
                               events.c.lat >= south, events.c.lat <= north))
    return and_(true(), *conditions)


def event_date_conditions(filters: Filters) -> ColumnElement[bool]:
    """Events filtered by their own date (not the article's publication date)."""
    conditions: list[ColumnElement[bool]] = []
    if filters.date_from:
        conditions.append(events.c.event_date >= filters.date_from.isoformat())
    if filters.date_to:
        conditions.append(events.c.event_date <= filters.date_to.isoformat())
    return and_(true(), *conditions)
