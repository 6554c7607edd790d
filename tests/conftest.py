"""Shared fixtures: a small hand-built article, the CLI runner, and the research corpora when present."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe.model import Article
from pg import PostgresServer, start_or_skip

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
