"""Opening a store: the URL (a file path, sqlite:// or postgresql://), the engine, and its schema revision."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from newsprobe.errors import Errors, NewsprobeError

ENV_VAR = "NEWSPROBE_DB"
MIGRATIONS = Path(__file__).with_name("migrations")
# Tables that mark a database as ours when the Alembic version table is missing.
_OURS = {"articles", "analyses"}


def include_object(obj: Any, name: str | None, kind: str, _reflected: bool, _compare_to: Any) -> bool:
    """What Alembic compares with `schema.metadata`: not the full-text objects the migration adds per database."""
    if kind == "table":
        return not (name or "").startswith("articles_fts")
    return name not in ("search_vector", "ix_articles_search")


def default_url() -> str:
    """`NEWSPROBE_DB` when set, else `newsprobe.db` in the user's data directory."""
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    folder = Path(platformdirs.user_data_dir("newsprobe", appauthor=False))
    return f"sqlite:///{folder / 'newsprobe.db'}"


def resolve_url(url: str | None) -> str:
    """A SQLAlchemy URL: a bare path means a SQLite file; PostgreSQL URLs use the psycopg 3 driver."""
    url = url or default_url()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def shown(url: str) -> str:
    """The URL as printed in messages: never its password."""
    return make_url(url).render_as_string(hide_password=True)


def store_exists(url: str) -> bool:
    """False only for a SQLite file that does not exist (a server database is checked when connecting)."""
    parsed = make_url(url)
    database = parsed.database or ""
    return parsed.get_backend_name() != "sqlite" or database in ("", ":memory:") or Path(database).is_file()


def open_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL mode, foreign keys and a busy timeout."""
    try:
        parsed = make_url(url)
    except (SQLAlchemyError, ValueError) as error:
        raise NewsprobeError(Errors.E501, url=url, detail=str(error)) from error
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise NewsprobeError(Errors.E501, url=shown(url), detail="only sqlite:// and postgresql:// are supported")
    return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers (the web app) never block the one writer; NORMAL sync is safe with WAL.
    # A 64 MB page cache and memory-mapped reads keep facet and list queries off the disk.
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", "cache_size=-65536",
                   "mmap_size=268435456"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The store's revision; None for an empty database. Refuses a database that is not a store."""
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None and _OURS & set(inspect(connection).get_table_names()):
        raise NewsprobeError(Errors.E502, url=shown(str(connection.engine.url)), detail="no schema revision")
    if revision is None and inspect(connection).get_table_names():
        raise NewsprobeError(Errors.E502, url=shown(str(connection.engine.url)), detail="it holds other tables")
    return revision


def upgrade(connection: Connection) -> None:
    """Migrate to the newest revision (creates the schema in an empty database)."""
    command.upgrade(_alembic_config(connection), "head")


def prepare(connection: Connection, migrate: bool) -> str | None:
    """Create the schema in an empty database, migrate an older one when `migrate`, else refuse it.

    Returns:
        The revision the store had before (None when it was just created).
    """
    revision = current_revision(connection)
    head = head_revision()
    url = shown(str(connection.engine.url))
    if revision is not None and not _known(revision):
        raise NewsprobeError(Errors.E503, url=url, found=revision, head=head)
    if revision is not None and revision != head and not migrate:
        raise NewsprobeError(Errors.E504, url=url, found=revision, head=head)
    if revision != head:
        upgrade(connection)
    return revision


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except CommandError:
        return False
