"""The web pages: each route computes its data once and renders it as HTML, or as JSON with `?format=json`."""

from __future__ import annotations

import calendar
import csv
import hmac
import io
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import xstatic.pkg.leaflet
from fastapi import APIRouter, Depends, FastAPI, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from newsprobe.errors import Errors, InputError, NewsprobeError
from newsprobe.events.export import COLUMNS, event_rows
from newsprobe.events.taxonomy import EVENT_TYPES
from newsprobe.ingest import build_article, read_input
from newsprobe.model import Analysis, Article
from newsprobe.pipeline import analyze
from newsprobe.render import render_html
from newsprobe.settings import PROPAGANDA_PROFILES, Options
from newsprobe.store import Filters, Store
from newsprobe.web import corpus_views
from newsprobe.web.article_view import article_view, technique_name
from newsprobe.web.data import filter_params
from newsprobe.web.limits import rate_limited
from newsprobe.web.security import add_security_headers

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)


def safe_href(url: str | None) -> str:
    """Only web addresses become links; `javascript:` and the like are shown as text but never followed."""
    return url if url and urlsplit(url).scheme in ("http", "https") else "#"


def map_points(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"lat": p["lat"], "lon": p["lon"], "label": f"{p['text']} → {p['name'] or '?'}"} for p in places]


templates.env.filters["safe_href"] = safe_href
templates.env.filters["map_points"] = map_points
templates.env.filters["technique_name"] = technique_name


def add_pages(app: FastAPI, tiles_url: str | None = None, tiles_attribution: str = "") -> None:
    """Mount the pages, the static files and the security headers on the API's app (`app.state.store`)."""
    app.state.tiles = {"url": tiles_url or "", "attribution": tiles_attribution}
    app.state.aggregates = corpus_views.Aggregates()
    app.mount("/static/leaflet", StaticFiles(directory=xstatic.pkg.leaflet.BASE_DIR), name="leaflet")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
    add_security_headers(app, tiles_url)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _cache(request: Request) -> corpus_views.Aggregates:
    cache: corpus_views.Aggregates = request.app.state.aggregates
    return cache


def respond(request: Request, template: str, data: dict[str, Any], title: str, status: int = 200,
            **extra: Any) -> Response:
    """The page's data as JSON (`?format=json`) or rendered by its template."""
    if request.query_params.get("format") == "json":
        return JSONResponse(data, status_code=status)
    json_url = f"{request.url.path}?{urlencode([*request.query_params.multi_items(), ('format', 'json')])}"
    context = {"data": data, "title": title, "json_url": json_url, "tiles": request.app.state.tiles,
               "params": dict(request.query_params), **url_helpers(request), **extra}
    return templates.TemplateResponse(request, template, context, status_code=status)


# Where a listing is up to: dropped whenever the query changes, since a cursor belongs to one query.
PAGING = ("page", "cursor")


def url_helpers(request: Request) -> dict[str, Any]:
    """Links to this page with one parameter changed, so facets and pagers keep the rest of the query."""
    params = {key: value for key, value in request.query_params.items() if key != "format"}

    def url_with(key: str, value: object) -> str:
        return f"{request.url.path}?{urlencode({**params, key: value})}"

    def url_without(key: str) -> str:
        return f"{request.url.path}?{urlencode({k: v for k, v in params.items() if k not in (key, *PAGING)})}"

    def facet_url(name: str, value: str) -> str:
        narrowed = {k: v for k, v in params.items() if k not in PAGING} | month_range(name, value)
        return f"{request.url.path}?{urlencode(narrowed)}"

    return {"url_with": url_with, "url_without": url_without, "facet_url": facet_url,
            "query_string": urlencode(params)}


def month_range(facet: str, value: str) -> dict[str, str]:
    """A facet value as URL parameters; a month (YYYY-MM) becomes its first and last day."""
    if facet != "month":
        return {facet: value}
    year, month = (int(part) for part in value.split("-")[:2])
    last = calendar.monthrange(year, month)[1]
    return {"date_from": f"{value}-01", "date_to": f"{value}-{last:02d}"}


def not_found(request: Request, what: str) -> Response:
    return respond(request, "not_found.html", {"error": f"{what} is not in this store"}, "Not found", status=404)


# The API's filters (same names, same 422s), so a page URL and its API query read alike.
PageFilters = Annotated[Filters, Depends(filter_params)]


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> Response:
    return respond(request, "overview.html", corpus_views.overview(_store(request), _cache(request)), "Overview")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, filters: PageFilters, q: str = "",
                sort: Annotated[str, Query(pattern="^(relevance|date)$")] = "relevance",
                page: Annotated[int, Query(ge=1, le=10_000)] = 1, cursor: str | None = None) -> Response:
    data = corpus_views.search_page(_store(request), q.strip(), filters, sort, page, cursor)
    return respond(request, "search.html", data, f"Search: {q}" if q else "Search")


@router.get("/articles/{article_id:path}/report.html", response_class=HTMLResponse)
def article_report(request: Request, article_id: str) -> Response:
    """The self-contained HTML report (inline CSS, no script), as a download."""
    analysis = _store(request).get(article_id)
    if analysis is None:
        return not_found(request, f"article {article_id!r}")
    headers = {"Content-Disposition": f'attachment; filename="{_filename(article_id)}.html"',
               "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"}
    return HTMLResponse(render_html([analysis]), headers=headers)


@router.get("/articles/{article_id:path}/events.csv")
def article_events_csv(request: Request, article_id: str) -> Response:
    analysis = _store(request).get(article_id)
    if analysis is None:
        return not_found(request, f"article {article_id!r}")
    return Response(acled_csv([analysis]), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(article_id)}-events.csv"'})


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    store = _store(request)
    analysis = store.get(article_id)
    if analysis is None:
        return not_found(request, f"article {article_id!r}")
    scores = corpus_views.article_scores(store, _cache(request), analysis.article.outlet)
    return respond(request, "article.html", article_view(analysis, scores), analysis.article.title or article_id)


def acled_csv(analyses: list[Analysis]) -> str:
    """ACLED-column CSV rows of the analyses' events (the exporter's columns)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(event_rows(analyses))
    return buffer.getvalue()


def _filename(article_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in article_id)[:80] or "article"


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request) -> Response:
    return respond(request, "outlets.html", corpus_views.outlets_page(_store(request), _cache(request)), "Outlets")


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet_page(request: Request, name: str) -> Response:
    data = corpus_views.outlet_page(_store(request), _cache(request), name)
    if data is None:
        return not_found(request, f"outlet {name!r}")
    return respond(request, "outlet.html", data, name)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, filters: PageFilters) -> Response:
    data = corpus_views.events_page(_store(request), filters)
    return respond(request, "events.html", data, "Events", event_types=EVENT_TYPES)


@router.get("/events/clusters", response_class=HTMLResponse)
def clusters_page(request: Request, filters: PageFilters) -> Response:
    data = corpus_views.clusters_page(_store(request), filters)
    return respond(request, "clusters.html", data, "Same event, different outlets")


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> Response:
    form = {"text": "", "url": "", "profile": request.app.state.options.propaganda_profile}
    return respond(request, "analyse.html", {}, "Analyse a text", form=form, profiles=PROPAGANDA_PROFILES)


@router.post("/analyse", response_class=HTMLResponse, dependencies=[Depends(rate_limited)])
def analyse_text(request: Request, text: Annotated[str, Form()] = "", url: Annotated[str, Form()] = "",
                 token: Annotated[str, Form()] = "", profile: Annotated[str, Form()] = "") -> Response:
    """Analyse a pasted text or an address with the chosen propaganda profile and show the article page;
    stored only with the serve token."""
    form = {"text": text, "url": url, "profile": profile}
    options: Options = request.app.state.options.for_profile(profile or None)
    try:
        article = _read_form(text, url, options)
    except InputError as error:
        return _analyse_error(request, form, error.describe())
    if article is None:
        return _analyse_error(request, form, "Paste a text or give an address.")
    try:
        analysis = analyze(article, options)
    except NewsprobeError as error:  # E030: over its time budget; E110/E111: a profile without a model
        return _analyse_error(request, form, error.describe())
    stored = _store_if_allowed(request, analysis, token) if token else None
    return respond(request, "analyse.html", {**article_view(analysis), "stored": stored}, "Analyse a text",
                   form=form, profiles=PROPAGANDA_PROFILES)


def _analyse_error(request: Request, form: dict[str, str], error: str) -> Response:
    return respond(request, "analyse.html", {"error": error}, "Analyse a text", status=422, form=form, error=error,
                   profiles=PROPAGANDA_PROFILES)


def _read_form(text: str, url: str, options: Options) -> Article | None:
    """The address's article (fetched with the CLI's limits), else the pasted text; None when both are empty."""
    if url.strip():
        found = next(iter(read_input(url.strip(), options)), None)
        if isinstance(found, InputError):
            raise found
        return found
    return build_article(text, "form", options) if text.strip() else None


def _store_if_allowed(request: Request, analysis: Analysis, token: str) -> str:
    """The store's outcome ("new", "updated", "unchanged") when `token` is the one `serve` was started with."""
    expected: str | None = request.app.state.token
    if not expected:
        return NewsprobeError(Errors.E510).describe()
    if not hmac.compare_digest(token.encode(), expected.encode()):
        return NewsprobeError(Errors.E511).describe()
    return _store(request).add(analysis)
