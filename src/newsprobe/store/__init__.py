"""The corpus store: SQLite (FTS5) by default, PostgreSQL by URL; one schema, one Alembic migration tree."""

from newsprobe.store.engine import default_url, resolve_url
from newsprobe.store.filters import Filters
from newsprobe.store.results import (
    ArticlePage,
    ArticleSummary,
    EventPage,
    EventRecord,
    FacetCount,
    MonthRate,
    OutletProfile,
    SearchHit,
    SearchResults,
)
from newsprobe.store.store import BATCH_SIZE, Store
from newsprobe.store.write import Outcome

__all__ = [
    "BATCH_SIZE",
    "ArticlePage",
    "ArticleSummary",
    "EventPage",
    "EventRecord",
    "FacetCount",
    "Filters",
    "MonthRate",
    "Outcome",
    "OutletProfile",
    "SearchHit",
    "SearchResults",
    "Store",
    "default_url",
    "resolve_url",
]
