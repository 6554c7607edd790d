"""URL ingest against a real HTTP server on loopback (no other network is used)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

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
        status, kind, body = routes.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


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
