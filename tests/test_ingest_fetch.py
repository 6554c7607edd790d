"""URL ingest against a real HTTP server on loopback (no other network is used)."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

import pytest

from http_replies import send_reply
from newsprobe.errors import InputError
from newsprobe.ingest import fetch_url, read_articles
from newsprobe.model import Article
from newsprobe.settings import Options

PAGE = (
    b"<html><head><title>Shelling reported near the port</title></head><body><article>"
    b"<h1>Shelling reported near the port</h1>"
    b"<p>Several shells landed near the port on Sunday evening, local officials said, damaging two warehouses.</p>"
    b"<p>No casualties were reported, according to the city administration.</p></article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", PAGE),
            "/plain.txt": (200, "text/plain; charset=utf-8", b"Plain title\n\nPlain body about the front line."),
            "/big.txt": (200, "text/plain", b"x" * 5000),
        }
        send_reply(self, *routes.get(self.path, (404, "text/plain", b"not here")))

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server(serve: Callable[[type[BaseHTTPRequestHandler]], str]) -> str:
    return serve(_Handler)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.network
def test_url_html_page_is_extracted(server: str) -> None:
    [article] = list(read_articles([f"{server}/article.html"]))
    assert isinstance(article, Article)
    assert article.title == "Shelling reported near the port"
    assert article.url == f"{server}/article.html"
    assert "two warehouses" in article.text


@pytest.mark.network
def test_url_plain_text(server: str) -> None:
    [article] = list(read_articles([f"{server}/plain.txt"]))
    assert isinstance(article, Article) and article.title == "Plain title"


@pytest.mark.network
@pytest.mark.parametrize(("path", "fragment"), [("/missing", "HTTP 404"), ("/big.txt", "over the limit")])
def test_url_errors_are_clear(server: str, path: str, fragment: str) -> None:
    [error] = list(read_articles([f"{server}{path}"], Options(max_bytes=1000)))
    assert isinstance(error, InputError)
    assert fragment in error.describe()


@pytest.mark.network
def test_unreachable_url_is_one_error() -> None:
    url = f"http://127.0.0.1:{_free_port()}/gone"
    with pytest.raises(InputError) as caught:
        fetch_url(url, timeout_s=2, max_bytes=1000)
    assert caught.value.code == "E007"
    assert url in caught.value.describe()


class _SlowHandler(BaseHTTPRequestHandler):
    """A server that drips its body (or its status line and headers) a byte every 0.2 s, or waits before its
    headers, or redirects."""

    def do_GET(self) -> None:
        with contextlib.suppress(ConnectionError):  # the client hangs up at its deadline
            self._answer()

    def _answer(self) -> None:
        if self.path == "/slow-headers":
            time.sleep(3)
        if self.path == "/drip-headers":
            self._drip(b"HTTP/1.1 200 OK\r\n" + b"X-Padding: " + b"x" * 100 + b"\r\n\r\nbody")
            return
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/drip?bytes=5")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        count = int(self.path.partition("bytes=")[2] or 100)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"Slow title\n\n")
        for _ in range(count):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.2)

    def _drip(self, data: bytes) -> None:
        for byte in data:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.2)

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def slow_server(serve: Callable[[type[BaseHTTPRequestHandler]], str]) -> str:
    return serve(_SlowHandler)


@pytest.mark.network
@pytest.mark.issue(18)
@pytest.mark.parametrize("path", ["/drip?bytes=100", "/slow-headers", "/drip-headers"])
def test_fetch_ends_within_the_timeout_for_the_whole_fetch(slow_server: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        fetch_url(f"{slow_server}{path}", timeout_s=1.0, max_bytes=10_000)
    elapsed = time.monotonic() - started
    assert caught.value.code == "E007"
    # The drip would take 20 s, the slow headers 3 s per try, the dripped headers 25 s with every byte well
    # inside a socket timeout: all end at the 1 s deadline.
    assert elapsed < 1.8, elapsed


@pytest.mark.network
@pytest.mark.issue(18)
def test_fetch_follows_redirects_within_the_deadline(slow_server: str) -> None:
    page = fetch_url(f"{slow_server}/moved", timeout_s=5.0, max_bytes=10_000)
    assert page.url.endswith("/drip?bytes=5")
    assert page.data == b"Slow title\n\nxxxxx"
