"""The migration tree on real SQLite and PostgreSQL: a store made at the first revision is refused until
`newsprobe db upgrade` migrates it, and then holds what a new store holds."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import insert, select

from newsprobe import Store
from newsprobe.cli.main import cli
from newsprobe.errors import NewsprobeError
from newsprobe.store.engine import _alembic_config, include_object, open_engine
from newsprobe.store.rows import analysis_row, article_row, word_count
from newsprobe.store.schema import analyses, articles, metadata
from store_fixtures import TEXT, seed_like

pytestmark = [pytest.mark.issue(13), pytest.mark.issue(14)]


def _store_at_first_revision(url: str) -> None:
    """A store as newsprobe made it at revision 0001, holding one analysed article (no word count yet)."""
    engine = open_engine(url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
        analysis = seed_like("old-1")
        row = {key: value for key, value in article_row(analysis).items() if key != "word_count"}
        connection.execute(insert(articles), [row])
        connection.execute(insert(analyses), [analysis_row(analysis, "2026-11-01T00:00:00+00:00")])
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("INSERT INTO articles_fts VALUES (?, ?, ?)", ("old-1", "", TEXT))
    engine.dispose()


def test_first_revision_store_is_refused_then_upgraded(store_url: str) -> None:
    _store_at_first_revision(store_url)
    with pytest.raises(NewsprobeError) as caught:
        Store(store_url)
    assert caught.value.code == "E504" and "0001" in caught.value.message
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", store_url])
    assert result.exit_code == 0 and "migrated from revision 0001 to 0002" in result.output, result.output
    with Store(store_url) as store, store.engine.connect() as connection:
        assert connection.execute(select(articles.c.word_count)).scalar_one() == word_count(TEXT) == 32
        assert store.get("old-1") == seed_like("old-1") and store.search("Muayzilah").total == 1
        assert store.add(seed_like("new-1")) == "new" and store.outlets()[0].words == 2 * word_count(TEXT)
        differences = compare_metadata(MigrationContext.configure(
            connection, opts={"include_object": include_object}), metadata)
        assert differences == []
