"""Security headers on every response: a Content-Security-Policy without inline script, no sniffing, no framing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response

# FastAPI's own /docs and /redoc pages run an inline script; they are the API's, not article pages.
_OWN_SCRIPT_PAGES = ("/docs", "/redoc")


def content_security_policy(tiles_url: str | None) -> str:
    """Everything from this server only; an opt-in tile server is the one extra image origin."""
    tile_origin = ""
    if tiles_url:
        parts = urlsplit(tiles_url)
        tile_origin = f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src 'self' data:{tile_origin}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'; form-action 'self'")


def add_security_headers(app: FastAPI, tiles_url: str | None = None) -> None:
    """Install the middleware that sets the headers."""
    policy = content_security_policy(tiles_url)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if not request.url.path.startswith(_OWN_SCRIPT_PAGES):
            response.headers.setdefault("Content-Security-Policy", policy)
        return response
