"""The JSON API under /api: articles, search with facets, events (JSON, ACLED CSV, GeoJSON), outlets, analyze.

Read-only unless the app was given a token: then `POST /api/articles` and `DELETE /api/articles/{id}` accept
`Authorization: Bearer TOKEN`, compared in constant time.
"""

from __future__ import annotations

import hmac
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, model_validator

from newsprobe.errors import Errors, InputError, NewsprobeError
from newsprobe.events.export import feature_collection, write_csv_rows
from newsprobe.ingest import read_articles
from newsprobe.ingest.build import build_article
from newsprobe.model import Analysis, Article
from newsprobe.pipeline import analyze
from newsprobe.settings import Options
from newsprobe.store import ArticlePage, EventPage, FacetCount, Filters, OutletProfile, SearchResults, Store
from newsprobe.web.data import (
    article_view_data,
    articles_view_data,
    event_rows_view_data,
    events_view_data,
    facets_view_data,
    filter_params,
    outlets_view_data,
    search_view_data,
    store_of,
)
from newsprobe.web.limits import rate_limited

router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[Store, Depends(store_of)]
FiltersDep = Annotated[Filters, Depends(filter_params)]
_bearer = HTTPBearer(auto_error=False)


class ArticleIn(BaseModel):
    """An article to analyse: its `text` (title line, empty line, body) or a `url` to fetch, not both."""

    text: str | None = Field(default=None, description="Article text in the corpus convention.")
    url: str | None = Field(default=None, description="http(s) address to fetch and extract.")
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    profile: Literal["fast", "accurate"] | None = Field(
        default=None, description="Propaganda model profile; the server's (`serve --profile`) when not given.")

    @model_validator(mode="after")
    def _one_source(self) -> ArticleIn:
        if (self.text is None) == (self.url is None):
            raise ValueError("give exactly one of text and url")
        return self


class Stored(BaseModel):
    id: str
    outcome: Literal["new", "updated", "unchanged"]


def _error(status_code: int, error: NewsprobeError) -> HTTPException:
    return HTTPException(status_code, detail={"code": error.code, "message": error.message})


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Write endpoints: off without a configured token (403), else the bearer token must match (401)."""
    token: str | None = request.app.state.token
    if not token:
        raise _error(status.HTTP_403_FORBIDDEN, NewsprobeError(Errors.E510))
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail={"code": "E511", "message": Errors.E511.value},
                            headers={"WWW-Authenticate": "Bearer"})


@router.get("/articles", response_model=ArticlePage)
def list_articles(store: StoreDep, filters: FiltersDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50,
                  cursor: str | None = None) -> ArticlePage:
    """Articles newest first, filtered; pass `next_cursor` as `cursor` for the next page."""
    return articles_view_data(store, filters, limit, cursor)


@router.get("/articles/{article_id:path}", responses={404: {"description": "No such article"}})
def get_article(store: StoreDep, article_id: str) -> JSONResponse:
    """One article's full `Analysis` (docs/schema.md)."""
    try:
        return JSONResponse(article_view_data(store, article_id).to_dict())
    except NewsprobeError as error:
        raise _error(status.HTTP_404_NOT_FOUND, error) from error


@router.get("/search", response_model=SearchResults)
def search(store: StoreDep, filters: FiltersDep, q: Annotated[str, Query(min_length=1, max_length=1000)],
           limit: Annotated[int, Query(ge=0, le=200)] = 20, offset: Annotated[int, Query(ge=0)] = 0) -> SearchResults:
    """Full-text search (ranked, highlighted snippets) with facets over every match."""
    return search_view_data(store, q, filters, limit, offset)


@router.get("/facets", response_model=dict[str, list[FacetCount]])
def facets(store: StoreDep, filters: FiltersDep) -> dict[str, list[FacetCount]]:
    """Counts per outlet, language, technique, event type, country and month of the filtered articles."""
    return facets_view_data(store, filters)


@router.get("/events", response_model=EventPage, responses={200: {"content": {
    "text/csv": {}, "application/geo+json": {}}}})
def list_events(store: StoreDep, filters: FiltersDep, limit: Annotated[int, Query(ge=1, le=10000)] = 100,
                cursor: str | None = None, format: Literal["json", "csv", "geojson"] = "json") -> Any:
    """Events in the ACLED API's spirit: JSON, CSV with ACLED's columns, or GeoJSON; the next page's cursor is
    in `next_cursor` (JSON) or the `X-Next-Cursor` header."""
    if format == "json":
        return events_view_data(store, filters, limit, cursor)
    rows, next_cursor = event_rows_view_data(store, filters, limit, cursor)
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
    if format == "geojson":
        return JSONResponse(feature_collection(rows), media_type="application/geo+json", headers=headers)
    buffer = io.StringIO()
    write_csv_rows(rows, buffer)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/outlets", response_model=list[OutletProfile])
def outlets(store: StoreDep) -> list[OutletProfile]:
    """Every outlet with its profile numbers."""
    return outlets_view_data(store)


@router.post("/analyze", dependencies=[Depends(rate_limited)], responses={
    422: {"description": "Unreadable text or unreachable URL"}, 413: {"description": "Body over the limit"},
    429: {"description": "Too many analyses from this client (`Retry-After`)"}})
def analyze_article(request: Request, body: ArticleIn) -> JSONResponse:
    """Analyse a posted text or URL and return its `Analysis`, without storing it."""
    return JSONResponse(_analysed(request, body).to_dict())


@router.post("/articles", status_code=status.HTTP_201_CREATED, response_model=Stored,
             dependencies=[Depends(require_token)])
def add_article(request: Request, store: StoreDep, body: ArticleIn) -> Stored:
    """Analyse and store an article (needs the bearer token)."""
    analysis = _analysed(request, body)
    return Stored(id=analysis.id, outcome=store.add(analysis))


@router.delete("/articles/{article_id:path}", status_code=status.HTTP_204_NO_CONTENT,
               dependencies=[Depends(require_token)])
def delete_article(store: StoreDep, article_id: str) -> Response:
    """Remove an article and everything derived from it (needs the bearer token)."""
    if not store.delete(article_id):
        raise _error(status.HTTP_404_NOT_FOUND, NewsprobeError(Errors.E509, id=article_id))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _analysed(request: Request, body: ArticleIn) -> Analysis:
    options: Options = request.app.state.options.for_profile(body.profile)
    try:
        article = _article_of(body, options)
    except NewsprobeError as error:
        raise _error(status.HTTP_422_UNPROCESSABLE_CONTENT, error) from error
    try:
        return analyze(article, options)
    except NewsprobeError as error:  # E030: past its time budget; E110: the profile's model is not installed
        raise _error(status.HTTP_422_UNPROCESSABLE_CONTENT, error) from error


def _article_of(body: ArticleIn, options: Options) -> Article:
    metadata = {"title": body.title, "outlet": body.outlet, "published": body.published}
    if body.text is not None:
        return build_article(body.text, "request", options, id=body.id, **metadata)
    for item in read_articles([body.url or ""], options):
        if isinstance(item, InputError):
            raise item
        return item.model_copy(update={key: value for key, value in metadata.items() if value})
    raise InputError(Errors.E009, body.url)
