"""Limits of the web service: a request body size cap on every request and a per-client rate limit on the
analysis endpoints, both set at `newsprobe serve`."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass

from fastapi import HTTPException, Request, status
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprobe.errors import Errors, NewsprobeError

_WINDOW_S = 60.0
_MAX_CLIENTS = 10_000  # remembered clients before the idle ones are forgotten (bounded memory)


@dataclass(frozen=True)
class WebLimits:
    """`max_body_bytes`: any request body (an article is at most 200,000 characters, under 1.2 MB even as JSON
    escapes); `analyses_per_minute`: `POST /api/analyze` and the analyse form per client address, 0 for none."""

    max_body_bytes: int = 2_000_000
    analyses_per_minute: int = 30


def _coded(error: NewsprobeError) -> dict[str, dict[str, str]]:
    return {"detail": {"code": error.code, "message": error.message}}


class BodyLimit:
    """ASGI middleware: a declared `Content-Length` over the cap is refused before reading; a chunked body is
    counted as it arrives and refused once it passes the cap (413, `E050`)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await JSONResponse(_coded(self._error()), status_code=413)(scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    def _error(self) -> NewsprobeError:
        return NewsprobeError(Errors.E050, limit=self.max_bytes)

    def _counting(self, receive: Receive) -> Receive:
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:  # an HTTPException: FastAPI's body parsing passes it through as is
                raise HTTPException(413, detail=_coded(self._error())["detail"])
            return message
        return counted


class RateLimiter:
    """At most `per_minute` calls per client in any sliding minute; thread-safe (sync endpoints run in a pool)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait_s(self, client: str, now: float) -> float:
        """0 when the call is allowed (and counted), else the seconds until it would be."""
        with self._lock:
            calls = self._calls.setdefault(client, deque())
            while calls and calls[0] <= now - _WINDOW_S:
                calls.popleft()
            if len(calls) >= self.per_minute:
                return calls[0] + _WINDOW_S - now
            calls.append(now)
            self._forget_idle(now)
            return 0.0

    def _forget_idle(self, now: float) -> None:
        if len(self._calls) > _MAX_CLIENTS:
            self._calls = {key: calls for key, calls in self._calls.items() if calls and calls[-1] > now - _WINDOW_S}


def rate_limited(request: Request) -> None:
    """Dependency of the analysis endpoints: 429 with `E051` and `Retry-After` past the client's limit."""
    limiter: RateLimiter | None = request.app.state.rate_limiter
    if limiter is None:
        return
    client = request.client.host if request.client else "unknown"
    wait = limiter.wait_s(client, time.monotonic())
    if wait > 0:
        retry = math.ceil(wait)
        error = NewsprobeError(Errors.E051, limit=limiter.per_minute, retry=retry)
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, detail=_coded(error)["detail"],
                            headers={"Retry-After": str(retry)})
