"""Web security without a browser: injection payloads in every filter (SQLite and PostgreSQL), the token,
path traversal, security headers on every response, the body and URL-fetch size limits, the rate limit."""

from __future__ import annotations

import http.client
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from fastapi.testclient import TestClient

from newsprobe import Store
from newsprobe.settings import Options
from newsprobe.web import WebLimits, create_app
from store_fixtures import seed_like
from web_fixtures import serving

pytestmark = pytest.mark.issue(18)
TOKEN = "s3cret-token"
SQL = ["'; DROP TABLE articles; --", "' OR '1'='1", "1) OR 1=1 --", "\" OR \"\"=\"", "%' --", "_%",
       "x' UNION SELECT id, text FROM articles --", "'; SELECT pg_sleep(5); --", "\\'; DELETE FROM events; --",
       "a' || (SELECT count(*) FROM articles) || '", "NEAR(a b)", "\"*\" OR *"]
FILTERS = ["outlet", "language", "technique", "event_type", "sub_event_type", "actor", "country", "q", "bbox",
           "cursor", "date_from"]
# Every listing the filters reach, API and pages.
LISTINGS = ["/api/articles", "/api/events", "/api/facets", "/api/search", "/", "/search", "/events",
            "/events/clusters"]


@pytest.fixture
def app_over(store_url: str) -> Iterator[Callable[..., TestClient]]:
    """A test client over a store of two articles, with the given limits."""
    with Store(store_url) as store:
        store.add_many([seed_like("a"), seed_like("b", outlet="Other Wire", published="2024-04-02")])
        clients: list[TestClient] = []

        def make(limits: WebLimits | None = None, options: Options | None = None) -> TestClient:
            app = create_app(store, token=TOKEN, options=options or Options(only=("signals",)), limits=limits)
            clients.append(TestClient(app).__enter__())
            return clients[-1]
        yield make
        for client in clients:
            client.__exit__(None, None, None)


def _snapshot(client: TestClient) -> tuple[list[str], int]:
    articles = client.get("/api/articles", params={"limit": 1000}).json()["items"]
    events = client.get("/api/events", params={"limit": 10000}).json()["items"]
    return sorted(item["id"] for item in articles), len(events)


@pytest.mark.parametrize("payload", SQL)
def test_injection_in_every_filter_is_data_not_sql(app_over: Callable[..., TestClient], payload: str) -> None:
    client = app_over()
    before = _snapshot(client)
    for path in LISTINGS:
        for name in FILTERS:
            params = {name: payload, **({"q": "shelled"} if name != "q" and "search" in path else {})}
            response = client.get(path, params=params)
            assert response.status_code < 500, (path, name, response.text[:300])
            if response.status_code == 200 and path == "/api/articles" and name in ("outlet", "language"):
                assert response.json()["items"] == []  # a value, not a condition that matches every row
    for path in ("/api/articles/", "/articles/", "/outlets/", "/api/articles/a/../"):
        assert client.get(path + quote(payload, safe="")).status_code in (404, 422)
    assert _snapshot(client) == before


def test_write_endpoints_need_the_exact_token(app_over: Callable[..., TestClient]) -> None:
    client = app_over()
    text = {"text": "Strike on depot\n\nA drone hit a fuel depot on Monday."}
    for wrong in ("", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), "s3cret-tokén", "x" * 10_000):
        response = client.post("/api/articles", json=text, headers={"Authorization": f"Bearer {wrong}".encode()})
        assert response.status_code in (401, 403), wrong[:20]
        form = client.post("/analyse", data={"text": text["text"], "token": wrong})
        assert form.status_code == 200 and ("E511" in form.text or not wrong)
    assert _snapshot(client)[0] == ["a", "b"]


def test_security_headers_on_every_response(app_over: Callable[..., TestClient]) -> None:
    client = app_over(WebLimits(max_body_bytes=1000, analyses_per_minute=1))
    text = {"text": "Strike on depot\n\nA drone hit a fuel depot on Monday."}
    responses = [client.get(path) for path in ("/", "/articles/a", "/outlets", "/events", "/analyse",
                                                "/api/articles", "/api/events?format=csv", "/static/app.css",
                                                "/nowhere", "/api/articles?limit=0", "/articles/a/report.html")]
    responses += [client.post("/api/analyze", json=text), client.post("/api/analyze", json=text),
                  client.post("/api/analyze", content=b"x" * 2000), client.delete("/api/articles/a")]
    assert {response.status_code for response in responses} >= {200, 401, 404, 413, 422, 429}
    for response in responses:
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        policy = dict(part.strip().partition(" ")[::2] for part in response.headers["Content-Security-Policy"].split(";"))
        scripts = policy.get("script-src", policy["default-src"])  # the report page allows no script at all
        assert "'unsafe-inline'" not in scripts and policy["frame-ancestors"] == "'none'"


def test_openapi_docs_still_work(app_over: Callable[..., TestClient]) -> None:
    client = app_over()
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "/api/analyze" in client.get("/openapi.json").json()["paths"]


def test_request_body_over_the_limit_is_refused(app_over: Callable[..., TestClient]) -> None:
    client = app_over(WebLimits(max_body_bytes=5000, analyses_per_minute=0))
    big = {"text": "Title\n\n" + "word " * 2000}
    declared = client.post("/api/analyze", json=big)
    assert declared.status_code == 413 and declared.json()["detail"]["code"] == "E050"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "Title\\n\\n'
        yield from (b"word " for _ in range(2000))
        yield b'"}'
    streamed = client.post("/api/analyze", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413 and streamed.json()["detail"]["code"] == "E050"
    form = client.post("/analyse", data={"text": "Title\n\n" + "word " * 2000})
    assert form.status_code == 413
    assert client.post("/api/analyze", json={"text": "Title\n\nA drone hit a depot."}).status_code == 200


def test_analyses_are_rate_limited_per_client(app_over: Callable[..., TestClient]) -> None:
    client = app_over(WebLimits(analyses_per_minute=2))
    text = {"text": "Strike on depot\n\nA drone hit a fuel depot on Monday."}
    assert [client.post("/api/analyze", json=text).status_code for _ in range(2)] == [200, 200]
    limited = client.post("/api/analyze", json=text)
    assert limited.status_code == 429 and limited.json()["detail"]["code"] == "E051"
    assert 0 < int(limited.headers["Retry-After"]) <= 60
    assert client.post("/analyse", data={"text": text["text"]}).status_code == 429  # the form shares the limit
    assert client.get("/api/articles").status_code == 200  # reading is not limited


class _BigPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<html><body><h1>Big</h1><p>" + b"news " * 2000 + b"</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.mark.network
def test_url_fetch_size_limit_on_analyze(app_over: Callable[..., TestClient],
                                         serve: Callable[[type[BaseHTTPRequestHandler]], str]) -> None:
    client = app_over(options=Options(only=("signals",), max_bytes=1000))
    url = serve(_BigPage) + "/big"
    response = client.post("/api/analyze", json={"url": url})
    assert response.status_code == 422 and response.json()["detail"]["code"] == "E003"
    form = client.post("/analyse", data={"url": url})
    assert form.status_code == 422 and "E003" in form.text


TRAVERSALS = ["/static/../pyproject.toml", "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e/%2e%2e/README.md",
              "/static/leaflet/../../../../../../etc/passwd", "/static/..%5c..%5cetc%5cpasswd",
              "/static//etc/passwd", "/articles/..%2f..%2f..%2fetc%2fpasswd/events.csv",
              "/articles/../../etc/passwd/report.html", "/static/app.css%00.txt"]


@pytest.mark.network
def test_no_path_traversal_in_static_or_export_routes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'trav.db'}"
    with Store(url) as store:
        store.add(seed_like("a"))
    with serving(url) as base:
        host = urlsplit(base)
        for path in TRAVERSALS:  # sent byte for byte: clients would normalise the dots away
            connection = http.client.HTTPConnection(host.hostname or "", host.port, timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            connection.close()
            assert response.status in (400, 404), (path, response.status)
            assert b"root:" not in body and b"[project]" not in body and b"newsprobe" not in body[:20], path
