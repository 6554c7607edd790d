"""The corpus pages' data (overview, search, outlets, events, clusters), each computed once from the store.

Every function returns plain JSON-ready data: the page renders it, `?format=json` returns it as is.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsprobe.clusters import EventPoint, cluster_events
from newsprobe.store import EventRecord, FacetCount, Filters, MonthRate, OutletProfile, Store
from newsprobe.store.query import per_1000_words
from newsprobe.web.data import articles_view_data

PAGE_SIZE = 20
MAP_EVENTS = 500
# Sorting search hits by date reorders the most relevant ones; beyond this many, refine the query.
DATE_SORT_LIMIT = 500
CLUSTER_EVENTS = 5000
PROFILE_SAMPLE = 30
# Corpus-wide counts (every outlet's profile, the unfiltered facets) cost a scan of the store: pages reuse them
# until the store's article or event count changes, or for this long after an in-place reanalysis.
AGGREGATES_TTL_S = 60.0


@dataclass
class Aggregates:
    """The corpus-wide numbers the overview, article and outlet pages share, with when they were read."""

    outlets: list[OutletProfile] = field(default_factory=list)
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    months: list[MonthRate] = field(default_factory=list)
    key: tuple[int, int] = (-1, -1)
    read_at: float = 0.0


def aggregates(store: Store, cache: Aggregates) -> Aggregates:
    """`cache`, refreshed from the store when it is stale."""
    key = (store.count(), store.event_count())
    if key != cache.key or time.monotonic() - cache.read_at > AGGREGATES_TTL_S:
        cache.outlets, cache.facets = store.outlets(), store.facets()
        cache.months = store.monthly_technique_rates()
        cache.key, cache.read_at = key, time.monotonic()
    return cache


def overview(store: Store, cache: Aggregates) -> dict[str, Any]:
    """Counts, technique distribution, events over time, top outlets, an events map, the latest articles."""
    corpus = aggregates(store, cache)
    facets = corpus.facets
    recent = store.events(limit=MAP_EVENTS).items
    outlets = sorted(corpus.outlets, key=lambda outlet: -outlet.articles)
    return {
        "counts": {"articles": corpus.key[0], "events": corpus.key[1], "outlets": len(outlets)},
        "techniques": _facet(facets, "technique"),
        "events_by_month": month_series(recent),
        "map_events": len(recent),
        "articles_by_month": _periods(facets),
        "outlets": [{"name": o.name, "articles": o.articles, "propaganda_score_mean": o.propaganda_score_mean}
                    for o in outlets[:10]],
        "map": event_points(recent),
        "latest": [item.model_dump() for item in store.articles(limit=10).items],
    }


def _facet(facets: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [{"value": item.value, "count": item.count} for item in facets.get(name, [])]


def _periods(facets: dict[str, Any]) -> list[dict[str, Any]]:
    """The month facet as a timeline series, oldest first."""
    return sorted(({"period": item["value"], "count": item["count"]} for item in _facet(facets, "month")),
                  key=lambda item: item["period"])


def month_series(records: list[EventRecord]) -> list[dict[str, Any]]:
    """Events per month (YYYY-MM), oldest first; undated events are left out."""
    counts = Counter(record.event_date[:7] for record in records if record.event_date)
    return [{"period": month, "count": counts[month]} for month in sorted(counts)]


def event_points(records: list[EventRecord]) -> list[dict[str, Any]]:
    """Map markers: events with coordinates, labelled and linked to their article."""
    return [{"lat": r.lat, "lon": r.lon, "href": f"/articles/{r.article_id}",
             "label": f"{r.event_type}: {r.location or ''} {r.event_date or ''} ({r.outlet or 'unknown outlet'})"}
            for r in records if r.lat is not None and r.lon is not None]


def search_page(store: Store, text: str, filters: Filters, sort: str, page: int,
                cursor: str | None = None) -> dict[str, Any]:
    """Search hits with snippets and facets, or the filtered article list (cursor-paged) when there is no query."""
    offset = (page - 1) * PAGE_SIZE
    if not text:
        return _browse(store, filters, cursor)
    if sort == "date":
        results = store.search(text, filters, limit=DATE_SORT_LIMIT)
        hits = sorted(results.hits, key=lambda hit: hit.published or "", reverse=True)[offset : offset + PAGE_SIZE]
    else:
        results = store.search(text, filters, limit=PAGE_SIZE, offset=offset)
        hits = results.hits
    return {"query": text, "total": results.total, "page": page, "sort": sort, "next_cursor": None,
            "hits": [hit.model_dump() for hit in hits], "facets": _facets_json(results.facets)}


def _browse(store: Store, filters: Filters, cursor: str | None) -> dict[str, Any]:
    listing = articles_view_data(store, filters, PAGE_SIZE, cursor)
    return {"query": "", "total": len(store.ids(filters)), "page": None, "sort": "date",
            "next_cursor": listing.next_cursor, "hits": [{**item.model_dump(), "snippet": ""} for item in listing.items],
            "facets": _facets_json(store.facets(filters))}


def _facets_json(facets: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {name: [{"value": item.value, "count": item.count} for item in items] for name, items in facets.items()}


def outlets_page(store: Store, cache: Aggregates) -> dict[str, Any]:
    profiles = aggregates(store, cache).outlets
    return {"outlets": [profile.model_dump() for profile in sorted(profiles, key=lambda o: -o.articles)]}


def outlet_page(store: Store, cache: Aggregates, name: str) -> dict[str, Any] | None:
    """An outlet's profile against the corpus; None when the store has no such outlet."""
    corpus = aggregates(store, cache)
    profile = next((item for item in corpus.outlets if item.name == name), None)
    if profile is None:
        return None
    mine = Filters(outlet=name)
    sample = list(_latest(store, mine))
    return {
        "profile": profile.model_dump(),
        "corpus": corpus_means(corpus.outlets),
        "technique_rates": technique_rates(profile.techniques, profile.words, corpus.outlets),
        "rates_by_month": rates_by_month(store.monthly_technique_rates(name), corpus.months),
        "articles_by_month": _periods(store.facets(mine)),
        "sample_size": len(sample),
        "sourcing": dict(Counter(claim.attribution.kind for a in sample for claim in a.claims)),
        "actors": _top(entity.canonical for a in sample for entity in a.entities if entity.canonical),
        "places": _top(place.name for a in sample for place in a.places if place.name),
        "jurisdictions": _top(s.attributes.get("jurisdiction") for a in sample for s in a.signals
                              if s.kind == "legal_disclaimer"),
        "events": [record.model_dump() for record in store.events(mine, limit=50).items],
        "articles": [item.model_dump() for item in store.articles(mine, limit=PAGE_SIZE).items],
    }


def _latest(store: Store, filters: Filters) -> Any:
    """The outlet's latest analyses: sourcing, actors and places are read from these, not the whole corpus."""
    return store.get_many(store.ids(filters)[:PROFILE_SAMPLE])


def _top(values: Any, count: int = 10) -> list[dict[str, Any]]:
    return [{"value": value, "count": n} for value, n in Counter(v for v in values if v).most_common(count)]


def article_scores(store: Store, cache: Aggregates, outlet: str | None) -> dict[str, float | None]:
    """The mean propaganda score of the article's outlet and of the corpus, for the article page."""
    profiles = aggregates(store, cache).outlets
    mine = next((p for p in profiles if p.name == outlet), None)
    return {"outlet": mine.propaganda_score_mean if mine else None,
            "corpus": corpus_means(profiles)["propaganda_score_mean"]}


def corpus_means(profiles: list[Any]) -> dict[str, float | None]:
    """Article-weighted means over every outlet."""
    articles = sum(p.articles for p in profiles)
    scored = [(p.propaganda_score_mean, p.articles) for p in profiles if p.propaganda_score_mean is not None]
    weight = sum(n for _, n in scored)
    words = sum(p.words for p in profiles)
    return {"techniques_per_article": sum(p.techniques_per_article * p.articles for p in profiles) / articles
            if articles else None,
            "techniques_per_1000_words": per_1000_words(sum(sum(p.techniques.values()) for p in profiles), words)
            if words else None,
            "propaganda_score_mean": sum(s * n for s, n in scored) / weight if weight else None}


def technique_rates(counts: dict[str, int], words: int, profiles: list[Any]) -> list[dict[str, Any]]:
    """Spans per 1,000 words for the outlet and for the whole corpus, per technique: long and short articles
    weigh by their length, so a wire of briefs and a site of long features compare fairly."""
    corpus = Counter[str]()
    for profile in profiles:
        corpus.update(profile.techniques)
    total = sum(p.words for p in profiles)
    return [{"technique": label, "outlet": per_1000_words(counts.get(label, 0), words),
             "corpus": per_1000_words(corpus[label], total)} for label in sorted(corpus, key=lambda t: -corpus[t])]


def rates_by_month(outlet: list[MonthRate], corpus: list[MonthRate]) -> list[dict[str, Any]]:
    """The outlet's technique spans per 1,000 words in each month it published, beside the corpus's that month."""
    corpus_rate = {item.month: item.per_1000_words for item in corpus}
    return [{"period": item.month, "count": item.per_1000_words, "words": item.words,
             "corpus": corpus_rate.get(item.month)} for item in outlet]


def events_page(store: Store, filters: Filters) -> dict[str, Any]:
    """ACLED-style filtered events: the table, the map markers and the timeline."""
    records = store.events(filters, limit=MAP_EVENTS).items
    return {"filters": _filters_json(filters), "events": [r.model_dump() for r in records],
            "map": event_points(records), "timeline": month_series(records)}


def _filters_json(filters: Filters) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, date) else value
            for key, value in filters.__dict__.items() if value and key != "ids"}


def clusters_page(store: Store, filters: Filters) -> dict[str, Any]:
    """The same event told by different outlets, side by side (see `newsprobe.clusters`)."""
    points = [point for record in store.events(filters, limit=CLUSTER_EVENTS).items
              if (point := _point(record)) is not None]
    clusters = cluster_events(points)
    return {"filters": _filters_json(filters), "clusters": [
        {"event_type": group[0].event_type, "first_day": group[0].day.isoformat(),
         "outlets": sorted({p.outlet for p in group}), "tellings": _one_per_article(group)}
        for group in clusters]}


def _one_per_article(group: list[EventPoint]) -> list[dict[str, object]]:
    """Each article's most salient event of the group (an article may code one clash twice)."""
    best: dict[str, EventPoint] = {}
    for point in group:
        if point.article_id not in best or point.rank < best[point.article_id].rank:
            best[point.article_id] = point
    return [point.details for point in sorted(best.values(), key=lambda p: (p.day, p.outlet))]


def _point(record: EventRecord) -> EventPoint | None:
    if record.lat is None or record.lon is None or not record.event_date:
        return None
    day = date.fromisoformat(record.event_date[:10])
    return EventPoint(record.article_id, record.rank, record.outlet or "", record.event_type, day,
                      record.lat, record.lon, record.model_dump())
