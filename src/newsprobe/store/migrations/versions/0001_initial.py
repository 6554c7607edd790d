"""The first schema: articles, analyses, outlets, the derived tables and full-text search per database.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from newsprobe.store.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite: an FTS5 table beside `articles` (bm25 ranking, highlight() snippets); the store writes it.
_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
# PostgreSQL: a generated tsvector (title weighted above body) with a GIN index; the 'simple' configuration
# does not stem, so every language of the corpus is searched alike.
_POSTGRES_FTS = (
    ("ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
     "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
     "setweight(to_tsvector('simple', text), 'B')) STORED"),
    "CREATE INDEX ix_articles_search ON articles USING gin (search_vector)",
)


def upgrade() -> None:
    bind = op.get_bind()
    # Revision 0001 is the schema module as it stands at this revision; later revisions change it with op.*.
    metadata.create_all(bind)
    if bind.dialect.name == "sqlite":
        op.execute(_SQLITE_FTS)
    else:
        for statement in _POSTGRES_FTS:
            op.execute(statement)
