"""The FastAPI app `newsprobe serve` runs: the JSON API (and the web pages) over one store."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from newsprobe import __version__
from newsprobe.errors import Errors, NewsprobeError
from newsprobe.settings import Options
from newsprobe.store import Store
from newsprobe.web import api
from newsprobe.web.limits import BodyLimit, RateLimiter, WebLimits
from newsprobe.web.pages import add_pages


async def _store_error(_request: Request, error: Exception) -> JSONResponse:
    """A store that fails (the server went away, a write failed) as a 503 with a code, not a 500 traceback."""
    if not isinstance(error, NewsprobeError):
        error = NewsprobeError(Errors.E512, detail=type(error).__name__)
    return JSONResponse({"detail": {"code": error.code, "message": error.message}}, status_code=503)


def create_app(store: Store, token: str | None = None, options: Options | None = None,
               tiles_url: str | None = None, limits: WebLimits | None = None) -> FastAPI:
    """The app over `store`.

    Args:
        store: the open store every request reads.
        token: enables the write endpoints for `Authorization: Bearer TOKEN`; None leaves them off.
        options: analyzer selection and limits for `POST /api/analyze` and `POST /api/articles`.
        tiles_url: an online tile server (`https://{s}.example.org/{z}/{x}/{y}.png`) drawn over the offline
            base map; None keeps every page offline.
        limits: the request body cap and the per-client rate of analyses (`WebLimits()` when None).

    Returns:
        The ASGI app; OpenAPI docs at /docs.
    """
    app = FastAPI(title="newsprobe", version=__version__,
                  description="Conflict news analysed: propaganda techniques, events, places, sourcing.")
    app.state.store = store
    app.state.token = token or None
    app.state.options = options or Options()
    limits = limits or WebLimits()
    app.state.rate_limiter = RateLimiter(limits.analyses_per_minute) if limits.analyses_per_minute else None
    app.add_middleware(BodyLimit, max_bytes=limits.max_body_bytes)  # inside the security headers (added later)
    app.add_exception_handler(NewsprobeError, _store_error)
    app.add_exception_handler(SQLAlchemyError, _store_error)
    app.include_router(api.router)
    add_pages(app, tiles_url=tiles_url)
    return app
