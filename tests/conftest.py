"""Shared fixtures: a small hand-built article, the CLI runner, and the research corpora when present."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe.model import Article
from pg import PostgresServer, start_or_skip

# The web tests' fixtures (stores, servers, one Chromium for the session) registered once for every module:
# imported into several modules, a session fixture would be built once per module, and a second Playwright
# started while the first runs fails.
pytest_plugins = ("web_fixtures",)

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED_ARTICLE = SHARED_DATA.parent / "examples" / "rusvesna-abu-kamal.txt"


@pytest.fixture
def corpus_dir() -> Path:
    """`../shared/data`; tests that need it are skipped cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("research corpora (../shared/data) are not available")
    return SHARED_DATA


@pytest.fixture
def seed_article_path() -> Path:
    if not SEED_ARTICLE.is_file():
        pytest.skip("the seed article (../shared/examples) is not available")
    return SEED_ARTICLE


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def small_article() -> Article:
    """Three sentences in the style of conflict reporting, written for the tests."""
    text = (
        "Clashes near Raqqa\n\n"
        "Government forces clashed with militants 30 km north of Raqqa on Tuesday, killing at least 12.\n"
        "According to local residents, the fighting lasted until dawn.\n"
        "The militants, remnants of a banned group, fled into the desert."
    )
    return Article.create(text, title="Clashes near Raqqa", language="en")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session (tests/pg.py), stopped at the end."""
    server = start_or_skip()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store URL on each database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.url()

@pytest.fixture(scope="module")
def serve() -> Iterator[Callable[[type[BaseHTTPRequestHandler]], str]]:
    """Start real HTTP servers on 127.0.0.1 (free ports) in threads: `serve(Handler)` gives the base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(handler: type[BaseHTTPRequestHandler]) -> str:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()
