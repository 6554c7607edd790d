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


async def _store_error(_request: Request, error: Exception) -> JSONResponse:
    """A store that fails (the server went away, a write failed) as a 503 with a code, not a 500 traceback."""
    if not isinstance(error, NewsprobeError):
        error = NewsprobeError(Errors.E512, detail=type(error).__name__)
    return JSONResponse({"detail": {"code": error.code, "message": error.message}}, status_code=503)


def create_app(store: Store, token: str | None = None, options: Options | None = None) -> FastAPI:
    """The app over `store`.

    Args:
        store: the open store every request reads.
        token: enables the write endpoints for `Authorization: Bearer TOKEN`; None leaves them off.
        options: analyzer selection and limits for `POST /api/analyze` and `POST /api/articles`.

    Returns:
        The ASGI app; OpenAPI docs at /docs.
    """
    app = FastAPI(title="newsprobe", version=__version__,
                  description="Conflict news analysed: propaganda techniques, events, places, sourcing.")
    app.state.store = store
    app.state.token = token or None
    app.state.options = options or Options()
    app.add_exception_handler(NewsprobeError, _store_error)
    app.add_exception_handler(SQLAlchemyError, _store_error)
    app.include_router(api.router)
    # The web pages' router goes here: app.include_router(pages.router)
    return app
