"""The store's tables (SQLAlchemy 2): articles, their full analyses, and the derived rows queries read.

Derived tables repeat what the `Analysis` JSON holds in columns, so search, facets, the API and the web app
filter and count without parsing JSON. Full-text search differs per database and lives in the migration:
an FTS5 table `articles_fts` on SQLite, a generated `tsvector` column `articles.search_vector` on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> Column[str]:
    return Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


def _span_columns() -> list[Column[object]]:
    return [Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
            Column("text", Text, nullable=False)]


articles = Table(
    "articles", metadata,
    Column("id", String(200), primary_key=True),
    Column("checksum", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("outlet", String(300)),
    Column("url", Text),
    Column("author", Text),
    Column("language", String(8)),
    Column("language_score", Float),
    Column("published", String(40)),
    # `published[:10]` or '' when unknown: date filters, month facets and the list order read it.
    Column("published_date", String(10), nullable=False),
    Column("source", Text),
    # Words in `text` (revision 0002): outlet profiles give technique rates per 1,000 words.
    Column("word_count", Integer, nullable=False, server_default="0"),
    Index("ix_articles_date_id", "published_date", "id"),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_language", "language"),
)

analyses = Table(
    "analyses", metadata,
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("schema_version", String(10), nullable=False),
    Column("analyzers", Text, nullable=False, comment="JSON object: analyzer name → versioned id that ran."),
    Column("skipped", Text, nullable=False, comment="JSON list: analyzers skipped for the article's language."),
    Column("propaganda_score", Float),
    Column("analysed_at", String(32), nullable=False, comment="UTC ISO timestamp of the write."),
    Column("data", Text, nullable=False, comment="The full Analysis JSON."),
)

outlets = Table(
    "outlets", metadata,
    Column("name", String(300), primary_key=True),
    Column("first_seen", String(32), nullable=False),
)

techniques = Table(
    "techniques", metadata, _article_fk(), *_span_columns(),
    Column("technique", String(80), nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_techniques_article", "article_id"),
    Index("ix_techniques_technique", "technique", "article_id"),
)

entities = Table(
    "entities", metadata, _article_fk(), *_span_columns(),
    Column("label", String(20), nullable=False),
    Column("canonical", Text),
    Column("inter", Integer),
    Column("score", Float, nullable=False),
    Index("ix_entities_article", "article_id"),
    Index("ix_entities_canonical", "canonical"),
)

places = Table(
    "places", metadata, _article_fk(),
    Column("idx", Integer, nullable=False, comment="Index in Analysis.places."), *_span_columns(),
    Column("name", Text),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("feature", String(12)),
    Column("precision", Integer),
    Column("score", Float, nullable=False),
    Index("ix_places_article", "article_id"),
    Index("ix_places_country", "country_code", "article_id"),
    Index("ix_places_geonameid", "geonameid"),
)

quantities = Table(
    "quantities", metadata, _article_fk(), *_span_columns(),
    Column("low", Float), Column("best", Float), Column("high", Float),
    Column("hedge", String(40)), Column("unit", Text), Column("role", String(40)),
    Index("ix_quantities_article", "article_id"),
)

claims = Table(
    "claims", metadata, _article_fk(), *_span_columns(),
    Column("source_kind", String(10), nullable=False),
    Column("source", Text),
    Column("hedged", Boolean, nullable=False),
    Index("ix_claims_article", "article_id"),
)

events = Table(
    "events", metadata, _article_fk(),
    Column("rank", Integer, nullable=False, comment="Index in Analysis.events (salience order)."),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("score", Float, nullable=False),
    Column("actor1", Text), Column("inter1", Integer),
    Column("actor2", Text), Column("inter2", Integer),
    Column("event_date", String(10)),
    Column("time_precision", Integer),
    Column("fatalities_low", Integer), Column("fatalities_best", Integer), Column("fatalities_high", Integer),
    Column("location", Text), Column("geonameid", Integer),
    Column("country_code", String(2)), Column("admin1", Text),
    Column("lat", Float), Column("lon", Float),
    Column("geo_precision", Integer),
    Column("sourcing", String(10), comment="Kind of the first attribution: named, anonymous, vague, none."),
    Index("ix_events_article", "article_id", "rank"),
    Index("ix_events_type", "event_type", "sub_event_type"),
    Index("ix_events_country_date", "country_code", "event_date"),
    Index("ix_events_date", "event_date"),
)

event_actors = Table(
    "event_actors", metadata, _article_fk(),
    Column("rank", Integer, nullable=False),
    Column("role", String(16), nullable=False, comment="actor1, assoc_actor_1, actor2 or assoc_actor_2."),
    Column("name", Text, nullable=False),
    Column("inter", Integer),
    Index("ix_event_actors_article", "article_id"),
    Index("ix_event_actors_name", "name"),
)

article_countries = Table(
    "article_countries", metadata, _article_fk(),
    Column("country_code", String(2), nullable=False),
    PrimaryKeyConstraint("article_id", "country_code"),
    Index("ix_article_countries_country", "country_code", "article_id"),
    comment="Each country an article's places or events lie in, once: the country filter and facet read it.",
)

signals = Table(
    "signals", metadata, _article_fk(), *_span_columns(),
    Column("kind", String(30), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_signals_article", "article_id"),
    Index("ix_signals_kind", "kind"),
)

# Tables holding rows derived from one article's analysis: replaced together with it.
DERIVED = (techniques, entities, places, quantities, claims, events, event_actors, article_countries, signals)
