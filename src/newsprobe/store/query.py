"""Read queries shared by both databases: article lists, facets, events and outlet profiles."""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, column, delete, func, insert, select, table, text, tuple_

from newsprobe.store.filters import Filters, article_conditions, event_conditions, event_date_conditions
from newsprobe.store.results import ArticleSummary, EventRecord, FacetCount, MonthRate, OutletProfile
from newsprobe.store.schema import analyses, article_countries, articles, events, signals, techniques

FACET_SIZE = 20
FACETS = ("outlet", "language", "technique", "event_type", "country", "month")
_MATCHED = table("matched_ids", column("article_id"), column("rank"))


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The values of a cursor; ValueError when it is not one of ours."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError("not a cursor returned by this API") from error
    if not isinstance(values, list) or len(values) != size:
        raise ValueError("not a cursor returned by this API")
    return values


def _count_of(table: Any) -> Any:
    return select(func.count()).where(table.c.article_id == articles.c.id).scalar_subquery()


def summary_select() -> Select[Any]:
    """Columns of an `ArticleSummary`, from `articles` joined to its analysis."""
    return select(
        articles.c.id, articles.c.title, articles.c.outlet, articles.c.language, articles.c.published,
        articles.c.url, analyses.c.propaganda_score, _count_of(techniques).label("techniques"),
        _count_of(events).label("events"),
    ).join(analyses, analyses.c.article_id == articles.c.id)


def article_page(connection: Connection, filters: Filters, limit: int, cursor: str | None) -> tuple[list[ArticleSummary], str | None]:
    """Articles newest first (by publication date, then id), `limit` at a time after `cursor`."""
    query = summary_select().where(article_conditions(filters, connection.dialect.name))
    if cursor:
        query = query.where(tuple_(articles.c.published_date, articles.c.id) < tuple(decode_cursor(cursor, 2)))
    query = query.add_columns(articles.c.published_date).order_by(
        articles.c.published_date.desc(), articles.c.id.desc()).limit(limit + 1)
    rows = connection.execute(query).mappings().all()
    items = [ArticleSummary.model_validate(dict(row)) for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return items, encode_cursor([last["published_date"], last["id"]]) if last else None


def fill_matched(connection: Connection, ids: Select[Any]) -> int:
    """Keep the (article_id, rank) rows `ids` selects in this connection's temporary table `matched_ids`;
    returns how many. The page of hits and every facet then read one small indexed table instead of running
    the search (or the filters) once each.
    """
    connection.execute(text(f"CREATE TEMPORARY TABLE IF NOT EXISTS {_MATCHED.name} "
                            "(article_id VARCHAR(200) PRIMARY KEY, rank FLOAT)"))
    connection.execute(delete(_MATCHED))
    connection.execute(insert(_MATCHED).from_select(["article_id", "rank"], ids))
    # Counted, not taken from rowcount: psycopg reports -1 for INSERT … SELECT.
    return int(connection.execute(select(func.count()).select_from(_MATCHED)).scalar_one())


def matched_page(connection: Connection, limit: int, offset: int) -> list[tuple[str, float]]:
    """A page of `matched_ids`, best rank first."""
    query = (select(_MATCHED.c.article_id, _MATCHED.c.rank)
             .order_by(_MATCHED.c.rank.desc(), _MATCHED.c.article_id).limit(limit).offset(offset))
    return [(key, float(rank)) for key, rank in connection.execute(query)]


def facets(connection: Connection) -> dict[str, list[FacetCount]]:
    """Articles of `matched_ids` (see `fill_matched`) per outlet, language, technique, event type, country, month."""
    counts = _article_facets(connection)
    counts["technique"] = _facet(connection, techniques.c.technique, techniques.c.article_id)
    counts["event_type"] = _facet(connection, events.c.event_type, events.c.article_id)
    counts["country"] = _facet(connection, article_countries.c.country_code, article_countries.c.article_id)
    return {name: counts[name] for name in FACETS}


def _article_facets(connection: Connection) -> dict[str, list[FacetCount]]:
    """Outlet, language and month in one pass over the matched articles."""
    month = func.substr(articles.c.published_date, 1, 7)
    query = (select(articles.c.outlet, articles.c.language, month, func.count())
             .join(_MATCHED, _MATCHED.c.article_id == articles.c.id)
             .group_by(articles.c.outlet, articles.c.language, month))
    totals: dict[str, Counter[str]] = {"outlet": Counter(), "language": Counter(), "month": Counter()}
    for outlet, language, published_month, number in connection.execute(query):
        for name, value in (("outlet", outlet), ("language", language), ("month", published_month)):
            if value:
                totals[name][value] += number
    return {name: _top(counter.items()) for name, counter in totals.items()}


def _facet(connection: Connection, value: Any, key: Any) -> list[FacetCount]:
    """Matched articles per `value` of a derived table whose article column is `key`."""
    # DISTINCT pairs, then a plain count: PostgreSQL sorts for count(DISTINCT …), but hashes a DISTINCT.
    pairs = (select(value.label("value"), key).distinct().join(_MATCHED, _MATCHED.c.article_id == key)
             .where(value.is_not(None)).subquery())
    query = select(pairs.c.value, func.count()).group_by(pairs.c.value)
    return _top((str(row[0]), row[1]) for row in connection.execute(query))


def _top(pairs: Iterable[tuple[str, int]]) -> list[FacetCount]:
    """The `FACET_SIZE` most frequent values, ties by value."""
    ranked = sorted(pairs, key=lambda pair: (-pair[1], pair[0]))[:FACET_SIZE]
    return [FacetCount(value=value, count=count) for value, count in ranked]


def event_page(connection: Connection, filters: Filters, limit: int, cursor: str | None) -> tuple[list[EventRecord], str | None]:
    """Events, latest event date first, filtered on the event and on its article."""
    order_date = func.coalesce(events.c.event_date, "")
    query = (select(events, articles.c.outlet, order_date.label("order_date"))
             .join(articles, articles.c.id == events.c.article_id)
             .where(event_conditions(filters), event_date_conditions(filters),
                    article_conditions(_article_part(filters), connection.dialect.name)))
    if cursor:
        query = query.where(tuple_(order_date, events.c.article_id, events.c.rank) < tuple(decode_cursor(cursor, 3)))
    query = query.order_by(order_date.desc(), events.c.article_id.desc(), events.c.rank.desc()).limit(limit + 1)
    rows = connection.execute(query).mappings().all()
    items = [EventRecord.model_validate(dict(row)) for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return items, encode_cursor([last["order_date"], last["article_id"], last["rank"]]) if last else None


def _article_part(filters: Filters) -> Filters:
    """The filters an event's article must meet; event fields and dates apply to the event itself."""
    return Filters(outlet=filters.outlet, language=filters.language, technique=filters.technique,
                   query=filters.query)


def outlet_profiles(connection: Connection) -> list[OutletProfile]:
    """Every outlet's numbers, most articles first."""
    base = (select(articles.c.outlet, func.count().label("articles"),
                   func.sum(articles.c.word_count).label("words"),
                   func.min(func.nullif(articles.c.published_date, "")).label("first_published"),
                   func.max(func.nullif(articles.c.published_date, "")).label("last_published"),
                   func.avg(analyses.c.propaganda_score).label("propaganda_score_mean"))
            .join(analyses, analyses.c.article_id == articles.c.id)
            .where(articles.c.outlet.is_not(None)).group_by(articles.c.outlet))
    languages = _per_outlet(connection, articles.c.language, articles)
    technique_counts = _per_outlet(connection, techniques.c.technique, techniques)
    signal_counts = _per_outlet(connection, signals.c.kind, signals)
    event_types = _per_outlet(connection, events.c.event_type, events)
    profiles = []
    for row in connection.execute(base).mappings():
        name, total = row["outlet"], row["articles"]
        spans = technique_counts.get(name, {})
        profiles.append(OutletProfile(
            name=name, articles=total, first_published=row["first_published"],
            last_published=row["last_published"], languages=languages.get(name, {}),
            propaganda_score_mean=row["propaganda_score_mean"],
            techniques_per_article=round(sum(spans.values()) / total, 3), techniques=spans,
            words=row["words"] or 0, techniques_per_1000_words=per_1000_words(sum(spans.values()), row["words"]),
            events=sum(event_types.get(name, {}).values()), signals=signal_counts.get(name, {})))
    return sorted(profiles, key=lambda profile: (-profile.articles, profile.name))


def monthly_rates(connection: Connection, outlet: str | None) -> list[MonthRate]:
    """Per month of publication: words, technique spans and spans per 1,000 words (undated articles left out).
    Words and spans are counted apart: one join would repeat each article's words once per span."""
    month = func.substr(articles.c.published_date, 1, 7)
    where = [articles.c.published_date != ""] + ([articles.c.outlet == outlet] if outlet is not None else [])
    words = connection.execute(select(month, func.sum(articles.c.word_count)).where(*where).group_by(month)).all()
    spans_query = select(month, func.count()).join(techniques, techniques.c.article_id == articles.c.id)
    spans: dict[str, int] = dict(connection.execute(spans_query.where(*where).group_by(month)).all())
    return [MonthRate(month=key, words=total or 0, techniques=spans.get(key, 0),
                      per_1000_words=per_1000_words(spans.get(key, 0), total)) for key, total in sorted(words)]


def per_1000_words(count: int, words: int | None) -> float:
    """A rate per 1,000 words (0 for no words), rounded for display and JSON."""
    return round(1000 * count / words, 3) if words else 0.0


def _per_outlet(connection: Connection, value: Any, table: Any) -> dict[str, dict[str, int]]:
    """outlet → value → rows of `table` (joined to its article), most frequent first."""
    count = func.count()
    query = select(articles.c.outlet, value, count).where(articles.c.outlet.is_not(None), value.is_not(None))
    if table is not articles:
        query = query.join(table, table.c.article_id == articles.c.id)
    query = query.group_by(articles.c.outlet, value).order_by(articles.c.outlet, count.desc())
    result: dict[str, dict[str, int]] = {}
    for outlet, key, number in connection.execute(query):
        result.setdefault(outlet, {})[str(key)] = number
    return result
