"""HTTP(S) fetch within one deadline and a size limit; every failure becomes one clear error."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Self
from urllib.parse import urljoin

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from newsprobe.errors import Errors, InputError
from newsprobe.ingest.decode import check_size
from newsprobe.settings import USER_AGENT

_CHUNK = 65536
_RETRIES = 2  # failed connections tried again, within the same deadline
_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Page:
    url: str
    content_type: str
    data: bytes


class _Watchdog:
    """Shuts the fetch's sockets at its deadline. A socket timeout bounds one wait only, so a server that
    drips its status line and headers a byte at a time would otherwise hold the fetch for as long as it likes."""

    def __init__(self, timeout_s: float) -> None:
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self.fired = False
        self._timer = threading.Timer(timeout_s, self._fire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> Self:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    """Ends the blocked read in the fetching thread (it sees the connection closed)."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


# The watchdog of the fetch running in this thread (urllib3 connects in the caller's thread).
_WATCHDOG: ContextVar[_Watchdog | None] = ContextVar("newsprobe_fetch_watchdog", default=None)


def _watch_connection(connection: HTTPConnection) -> None:
    watchdog, sock = _WATCHDOG.get(), connection.sock
    if watchdog is not None and sock is not None:
        watchdog.watch(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watch_connection(self)


class _WatchedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watch_connection(self)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


def _pool_manager() -> urllib3.PoolManager:
    # retries=False: no hidden retries or redirects, both are counted here against the one deadline.
    pool = urllib3.PoolManager(headers={"User-Agent": USER_AGENT}, retries=False)
    pool.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
    return pool


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch_url(url: str, timeout_s: float, max_bytes: int) -> Page:
    """GET `url`, following redirects; refuse non-2xx answers and bodies over `max_bytes`.

    The whole fetch (connecting, headers, every redirect and retry, the body) ends within `timeout_s`: a
    server that drips its headers or body a byte at a time is cut off at the deadline (a watchdog shuts its
    socket), not per read."""
    with _Watchdog(timeout_s) as watchdog:
        token = _WATCHDOG.set(watchdog)
        try:
            return _fetch(url, timeout_s, max_bytes)
        finally:
            _WATCHDOG.reset(token)


def _fetch(url: str, timeout_s: float, max_bytes: int) -> Page:
    deadline = time.monotonic() + timeout_s
    response, final_url = _request(_pool_manager(), url, deadline, timeout_s)
    try:
        if response.status >= 400:
            raise InputError(Errors.E007, url, url=url, detail=f"HTTP {response.status} {response.reason}")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit():
            check_size(int(declared), max_bytes, url)
        data = _read_limited(response, url, max_bytes, deadline, timeout_s)
    finally:
        response.release_conn()
    return Page(url=final_url, content_type=response.headers.get("Content-Type", ""), data=data)


def _request(
    pool: urllib3.PoolManager, url: str, deadline: float, timeout_s: float
) -> tuple[urllib3.BaseHTTPResponse, str]:
    """The response whose headers arrived before the deadline, after up to `_RETRIES` retries of failed
    connections and `_MAX_REDIRECTS` redirects, and the address it came from."""
    current, failures, redirects = url, 0, 0
    while True:
        remaining = _remaining(deadline, url, timeout_s)
        try:
            response = pool.request("GET", current, preload_content=False, redirect=False,
                                    timeout=urllib3.Timeout(connect=remaining, read=remaining))
        except urllib3.exceptions.HTTPError as error:
            failures += 1
            _remaining(deadline, url, timeout_s)  # a socket the watchdog shut reads as the timeout it is
            if failures > _RETRIES:
                raise InputError(Errors.E007, url, url=url, detail=_reason(error)) from error
            continue
        location = response.get_redirect_location()
        if not location or redirects >= _MAX_REDIRECTS:
            return response, current
        response.drain_conn()
        response.release_conn()
        current, redirects = urljoin(current, location), redirects + 1


def _remaining(deadline: float, url: str, timeout_s: float) -> float:
    """Seconds left before the deadline; past it (or once the watchdog shut the socket), the fetch fails."""
    remaining = deadline - time.monotonic()
    watchdog = _WATCHDOG.get()
    if remaining <= 0 or (watchdog is not None and watchdog.fired):
        raise InputError(Errors.E007, url, url=url, detail=f"not fetched within the timeout of {timeout_s:g} s")
    return remaining


def _read_limited(
    response: urllib3.BaseHTTPResponse, url: str, max_bytes: int, deadline: float, timeout_s: float
) -> bytes:
    """The body, read as it arrives (`read1`), within the deadline and the size limit."""
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := _read_chunk(response, _remaining(deadline, url, timeout_s)):
            size += len(chunk)
            check_size(size, max_bytes, url)
            chunks.append(chunk)
            _remaining(deadline, url, timeout_s)
        _remaining(deadline, url, timeout_s)  # the end of a body the watchdog cut is no end
    except urllib3.exceptions.HTTPError as error:
        _remaining(deadline, url, timeout_s)
        raise InputError(Errors.E007, url, url=url, detail=_reason(error)) from error
    return b"".join(chunks)


def _read_chunk(response: urllib3.BaseHTTPResponse, remaining: float) -> bytes:
    """What has arrived (up to `_CHUNK` bytes), waiting at most `remaining` seconds: the socket's timeout
    bounds one wait, so it is lowered to what is left of the deadline before each."""
    sock = getattr(getattr(response, "connection", None), "sock", None)
    if sock is not None:
        sock.settimeout(remaining)
    return response.read1(_CHUNK)


def _reason(error: Exception) -> str:
    """The innermost cause, which names what really went wrong (refused, DNS, timeout)."""
    reason = getattr(error, "reason", None) or error
    return str(reason).split(": ", 1)[-1] if ">: " in str(reason) else str(reason)
