"""The FastAPI app `newsprobe serve` runs: the JSON API (and the web pages) over one store."""

from __future__ import annotations

from fastapi import FastAPI

from newsprobe import __version__
from newsprobe.settings import Options
from newsprobe.store import Store
from newsprobe.web import api


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
    app.include_router(api.router)
    # The web pages' router goes here: app.include_router(pages.router)
    return app
