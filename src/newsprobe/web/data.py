"""Page data computed once, for the JSON API and the HTML pages alike (STYLE.md §1).

Each `*_view_data` function takes the store and parsed parameters and returns plain models; the API serves
them as JSON and the pages render them, so the two cannot disagree. `filter_params` is the FastAPI
dependency that turns query parameters into `Filters`, with 422 naming the field on bad input.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError

from newsprobe.corpus.export import country_filter, event_rows_page
from newsprobe.errors import Errors, NewsprobeError
from newsprobe.model import Analysis
from newsprobe.store import ArticlePage, EventPage, FacetCount, Filters, OutletProfile, SearchResults, Store

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def store_of(request: Request) -> Store:
    """The app's store (`create_app(store)`)."""
    store: Store = request.app.state.store
    return store


def invalid(field: str, message: str, value: object) -> RequestValidationError:
    """A 422 that names the query parameter, in FastAPI's own error shape."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", field), "msg": message, "input": value}])


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise invalid("bbox", "bbox is west,south,east,north in degrees, e.g. 35.5,32,42.5,37.5", value) from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise invalid("bbox", "bbox needs west <= east within ±180 and south <= north within ±90", value)
    return (west, south, east, north)


def filter_params(
    request: Request,
    outlet: str | None = None, language: str | None = None,
    date_from: Annotated[date | None, Query(description="On or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(description="On or before (YYYY-MM-DD).")] = None,
    technique: str | None = None, event_type: str | None = None, sub_event_type: str | None = None,
    actor: Annotated[str | None, Query(description="ACLED actor name, in any role.")] = None,
    country: Annotated[str | None, Query(description="Country name (`Syria`) or ISO alpha-2 code (`SY`).")] = None,
    bbox: Annotated[str | None, Query(description="Events only: west,south,east,north.")] = None,
    q: Annotated[str | None, Query(description="Full-text query, read as words.")] = None,
) -> Filters:
    """The filters of a request; dates and bbox are checked, text values must hold no control characters."""
    texts = {"outlet": outlet, "language": language, "technique": technique, "event_type": event_type,
             "sub_event_type": sub_event_type, "actor": actor, "country": country}
    for field, value in texts.items():
        if value is not None and _CONTROL.search(value):
            raise invalid(field, "control characters are not allowed", value)
    return Filters(outlet=outlet, language=language, technique=technique, event_type=event_type,
                   sub_event_type=sub_event_type, actor=actor, date_from=date_from, date_to=date_to,
                   country=country_filter(country, store_of(request)), bbox=_bbox(bbox), query=q)


def article_view_data(store: Store, article_id: str) -> Analysis:
    """One article's full analysis; `NewsprobeError` E509 when it is not stored."""
    analysis = store.get(article_id)
    if analysis is None:
        raise NewsprobeError(Errors.E509, id=article_id)
    return analysis


def articles_view_data(store: Store, filters: Filters, limit: int, cursor: str | None) -> ArticlePage:
    """A page of articles; a cursor that is not ours is a 422 on `cursor`."""
    try:
        return store.articles(filters, limit=limit, cursor=cursor)
    except ValueError as error:
        raise invalid("cursor", str(error), cursor) from error


def search_view_data(store: Store, query: str, filters: Filters, limit: int, offset: int) -> SearchResults:
    return store.search(query, filters, limit=limit, offset=offset)


def facets_view_data(store: Store, filters: Filters) -> dict[str, list[FacetCount]]:
    return store.facets(filters)


def events_view_data(store: Store, filters: Filters, limit: int, cursor: str | None) -> EventPage:
    try:
        return store.events(filters, limit=limit, cursor=cursor)
    except ValueError as error:
        raise invalid("cursor", str(error), cursor) from error


def event_rows_view_data(store: Store, filters: Filters, limit: int,
                         cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """ACLED-column rows of a page of events (CSV and GeoJSON), and the next cursor."""
    try:
        return event_rows_page(store, filters, limit, cursor)
    except ValueError as error:
        raise invalid("cursor", str(error), cursor) from error


def outlets_view_data(store: Store) -> list[OutletProfile]:
    return store.outlets()
