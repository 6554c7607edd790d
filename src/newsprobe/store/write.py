"""Writing analyses: new, replaced (older analyzer versions or another text) or unchanged, per batch in one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, TableClause, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from newsprobe.model import SCHEMA_VERSION, Analysis
from newsprobe.store.rows import Row, analysis_row, article_row, derived_rows
from newsprobe.store.schema import DERIVED, analyses, articles, metadata, outlets
from newsprobe.store.search import FTS_TABLE

Outcome = Literal["new", "updated", "unchanged"]
_TABLES = {table.name: table for table in metadata.tables.values()}


def stored_state(connection: Connection, ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """Per stored id: (schema version, analyzers JSON, text checksum)."""
    query = (select(analyses.c.article_id, analyses.c.schema_version, analyses.c.analyzers, articles.c.checksum)
             .join(articles, articles.c.id == analyses.c.article_id).where(analyses.c.article_id.in_(list(ids))))
    return {row[0]: (row[1], row[2], row[3]) for row in connection.execute(query)}


def outcome_of(analysis: Analysis, state: tuple[str, str, str] | None) -> Outcome:
    """Unchanged when the same text was analysed by the same analyzer versions, under the same schema."""
    if state is None:
        return "new"
    fresh = (analysis.schema_version, json.dumps(analysis.analyzers, sort_keys=True), analysis.article.checksum)
    return "unchanged" if fresh == state else "updated"


def write_batch(connection: Connection, batch: list[Analysis]) -> list[Outcome]:
    """Store `batch` (inside the caller's transaction); outcomes in input order. The last of repeated ids wins."""
    latest = {analysis.id: analysis for analysis in batch}
    state = stored_state(connection, latest)
    outcomes = {key: outcome_of(analysis, state.get(key)) for key, analysis in latest.items()}
    changed = [analysis for key, analysis in latest.items() if outcomes[key] != "unchanged"]
    if changed:
        remove_articles(connection, [analysis.id for analysis in changed if outcomes[analysis.id] == "updated"])
        _insert(connection, changed)
    return [outcomes[analysis.id] for analysis in batch]


def remove_articles(connection: Connection, ids: list[str]) -> None:
    """Delete the articles' rows everywhere (derived rows first, so no foreign-key cascade is needed)."""
    if not ids:
        return
    for table in (*DERIVED, analyses):
        connection.execute(delete(table).where(table.c.article_id.in_(ids)))
    if connection.dialect.name == "sqlite":
        connection.execute(text("DELETE FROM articles_fts WHERE article_id IN (SELECT value FROM json_each(:ids))"),
                           {"ids": json.dumps(ids)})
    connection.execute(delete(articles).where(articles.c.id.in_(ids)))


def _insert(connection: Connection, batch: list[Analysis]) -> None:
    """Bulk-insert every table's rows for `batch`: one executemany per table."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    bulk_insert(connection, articles, [article_row(analysis) for analysis in batch])
    bulk_insert(connection, analyses, [analysis_row(analysis, now) for analysis in batch])
    derived: dict[str, list[Row]] = {table.name: [] for table in DERIVED}
    for analysis in batch:
        for name, rows in derived_rows(analysis).items():
            derived[name].extend(rows)
    for name, rows in derived.items():
        bulk_insert(connection, _TABLES[name], rows)
    _add_outlets(connection, {a.article.outlet for a in batch if a.article.outlet}, now)
    if connection.dialect.name == "sqlite":
        bulk_insert(connection, FTS_TABLE, [{"article_id": a.id, "title": a.article.title or "",
                                             "body": a.article.text} for a in batch])


def bulk_insert(connection: Connection, table: TableClause, rows: list[Row]) -> None:
    """Insert `rows` through the driver: COPY on PostgreSQL, one executemany of plain tuples on SQLite.
    SQLAlchemy's per-row parameter processing costs about as much as the database's own work for the many
    small derived rows, and on PostgreSQL one COPY stream beats even a pipelined executemany."""
    if not rows:
        return
    keys = list(rows[0])
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(quote(key) for key in keys)
    values = [tuple(row[key] for key in keys) for row in rows]
    if connection.dialect.name == "postgresql":
        _copy(connection, f"COPY {quote(table.name)} ({columns}) FROM STDIN", values)
        return
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({', '.join([marker] * len(keys))})"
    connection.exec_driver_sql(statement, values)


def _copy(connection: Connection, statement: str, values: list[tuple[object, ...]]) -> None:
    """COPY `values` on the psycopg connection under `connection`, inside its open transaction."""
    driver = connection.connection.driver_connection
    assert driver is not None
    dbapi_error = connection.dialect.loaded_dbapi.Error
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for value in values:
                copy.write_row(value)
    except dbapi_error as error:
        # The driver's error as SQLAlchemy raises it for any statement (IntegrityError for a duplicate id), so the
        # store's retry of concurrent writers and its E505 see COPY failures like INSERT ones.
        raise DBAPIError.instance(statement, None, error, dbapi_error) from error


def _add_outlets(connection: Connection, names: set[str], now: str) -> None:
    """Insert outlets not yet known; the upsert syntax is the one thing besides search that differs per database."""
    if not names:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(outlets).on_conflict_do_nothing(index_elements=["name"])
    connection.execute(statement, [{"name": name, "first_seen": now} for name in sorted(names)])


def is_current(state: Mapping[str, str], skipped: list[str], versions: Mapping[str, str], schema: str) -> bool:
    """Whether a stored analysis is what `versions` would produce: same schema, and each requested analyzer
    ran at the requested version or was skipped for the article's language."""
    return schema == SCHEMA_VERSION and all(
        state.get(name) == version or (name in skipped and name not in state) for name, version in versions.items())
