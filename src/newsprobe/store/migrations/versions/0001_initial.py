"""The first schema: articles, analyses, outlets, the derived tables and full-text search per database.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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
    (
        "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('simple', text), 'B')) STORED"
    ),
    "CREATE INDEX ix_articles_search ON articles USING gin (search_vector)",
)


def upgrade() -> None:
    # The schema as it stood at this revision, written out (not the living schema module): later revisions
    # change it with op.*, so upgrading from here gives the same tables as a new store.
    for create in _TABLES:
        create()
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_SQLITE_FTS)
    else:
        for statement in _POSTGRES_FTS:
            op.execute(statement)


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("checksum", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=300), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("language_score", sa.Float(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("published_date", sa.String(length=10), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_articles_date_id", "articles", ["published_date", "id"], unique=False)
    op.create_index("ix_articles_language", "articles", ["language"], unique=False)
    op.create_index("ix_articles_outlet", "articles", ["outlet"], unique=False)


def _outlets() -> None:
    op.create_table(
        "outlets",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("first_seen", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def _analyses() -> None:
    op.create_table(
        "analyses",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("schema_version", sa.String(length=10), nullable=False),
        sa.Column(
            "analyzers",
            sa.Text(),
            nullable=False,
            comment="JSON object: analyzer name → versioned id that ran.",
        ),
        sa.Column(
            "skipped",
            sa.Text(),
            nullable=False,
            comment="JSON list: analyzers skipped for the article's language.",
        ),
        sa.Column("propaganda_score", sa.Float(), nullable=True),
        sa.Column(
            "analysed_at", sa.String(length=32), nullable=False, comment="UTC ISO timestamp of the write."
        ),
        sa.Column("data", sa.Text(), nullable=False, comment="The full Analysis JSON."),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
    )


def _article_countries() -> None:
    op.create_table(
        "article_countries",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "country_code"),
        comment="Each country an article's places or events lie in, once: the country filter and facet read it.",
    )
    op.create_index(
        "ix_article_countries_country", "article_countries", ["country_code", "article_id"], unique=False
    )


def _claims() -> None:
    op.create_table(
        "claims",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_kind", sa.String(length=10), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_claims_article", "claims", ["article_id"], unique=False)


def _entities() -> None:
    op.create_table(
        "entities",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=True),
        sa.Column("inter", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_entities_article", "entities", ["article_id"], unique=False)
    op.create_index("ix_entities_canonical", "entities", ["canonical"], unique=False)


def _event_actors() -> None:
    op.create_table(
        "event_actors",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.String(length=16),
            nullable=False,
            comment="actor1, assoc_actor_1, actor2 or assoc_actor_2.",
        ),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("inter", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_event_actors_article", "event_actors", ["article_id"], unique=False)
    op.create_index("ix_event_actors_name", "event_actors", ["name"], unique=False)


def _events() -> None:
    op.create_table(
        "events",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False, comment="Index in Analysis.events (salience order)."),
        sa.Column("event_type", sa.String(length=60), nullable=False),
        sa.Column("sub_event_type", sa.String(length=80), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("actor1", sa.Text(), nullable=True),
        sa.Column("inter1", sa.Integer(), nullable=True),
        sa.Column("actor2", sa.Text(), nullable=True),
        sa.Column("inter2", sa.Integer(), nullable=True),
        sa.Column("event_date", sa.String(length=10), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_best", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column(
            "sourcing",
            sa.String(length=10),
            nullable=True,
            comment="Kind of the first attribution: named, anonymous, vague, none.",
        ),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_events_article", "events", ["article_id", "rank"], unique=False)
    op.create_index("ix_events_country_date", "events", ["country_code", "event_date"], unique=False)
    op.create_index("ix_events_date", "events", ["event_date"], unique=False)
    op.create_index("ix_events_type", "events", ["event_type", "sub_event_type"], unique=False)


def _places() -> None:
    op.create_table(
        "places",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False, comment="Index in Analysis.places."),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("feature", sa.String(length=12), nullable=True),
        sa.Column("precision", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_places_article", "places", ["article_id"], unique=False)
    op.create_index("ix_places_country", "places", ["country_code", "article_id"], unique=False)
    op.create_index("ix_places_geonameid", "places", ["geonameid"], unique=False)


def _quantities() -> None:
    op.create_table(
        "quantities",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("best", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("hedge", sa.String(length=40), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("role", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_quantities_article", "quantities", ["article_id"], unique=False)


def _signals() -> None:
    op.create_table(
        "signals",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_signals_article", "signals", ["article_id"], unique=False)
    op.create_index("ix_signals_kind", "signals", ["kind"], unique=False)


def _techniques() -> None:
    op.create_table(
        "techniques",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("technique", sa.String(length=80), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_techniques_article", "techniques", ["article_id"], unique=False)
    op.create_index("ix_techniques_technique", "techniques", ["technique", "article_id"], unique=False)


# Articles first: every other table references it.
_TABLES = (
    _articles,
    _outlets,
    _analyses,
    _article_countries,
    _claims,
    _entities,
    _event_actors,
    _events,
    _places,
    _quantities,
    _signals,
    _techniques,
)
