"""`Store`: the corpus in SQLite (default) or PostgreSQL, for the CLI, the API, batch workers and notebooks."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Self

from sqlalchemy import Connection, func, literal, select
from sqlalchemy.exc import DatabaseError, IntegrityError, SQLAlchemyError

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.model import Analysis
from newsprobe.store import query, search
from newsprobe.store.engine import open_engine, prepare, resolve_url, shown, store_exists
from newsprobe.store.filters import Filters, article_conditions
from newsprobe.store.results import (
    ArticlePage,
    EventPage,
    FacetCount,
    MonthRate,
    OutletProfile,
    SearchHit,
    SearchResults,
)
from newsprobe.store.schema import analyses, article_countries, articles, events
from newsprobe.store.write import Outcome, is_current, remove_articles, write_batch

BATCH_SIZE = 200


class Store:
    """A newsprobe store. Opening an empty database creates the schema; an older store is refused (E504).

    Args:
        url: `sqlite:///path.db`, a bare file path, or `postgresql://user@host/db`; None reads
            `NEWSPROBE_DB`, else a file in the user's data directory.
        create: create a missing SQLite file; False refuses it (E506), for commands that only read.
        migrate: migrate an older store to this version's schema instead of refusing it (`db upgrade`).

    Raises:
        NewsprobeError: E501 unreachable, E502 not a store, E503 made by a newer newsprobe, E504 older.
    """

    def __init__(self, url: str | None = None, *, create: bool = True, migrate: bool = False) -> None:
        self.url = resolve_url(url)
        if not create and not store_exists(self.url):
            raise NewsprobeError(Errors.E506, url=shown(self.url))
        self.engine = open_engine(self.url)
        try:
            with self.engine.begin() as connection:
                # The revision before opening: None when this call created the store.
                self.revision_before = prepare(connection, migrate)
        except DatabaseError as error:
            self.engine.dispose()
            code = Errors.E502 if "not a database" in str(error) else Errors.E501
            raise NewsprobeError(code, url=shown(self.url), detail=_reason(error)) from error
        except NewsprobeError:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # Writing

    def add(self, analysis: Analysis) -> Outcome:
        """Store one analysis: "new", "updated" (replaced with every derived row) or "unchanged"."""
        return self.add_many([analysis])[0]

    def add_many(self, batch: Iterable[Analysis]) -> list[Outcome]:
        """Store analyses in transactions of `BATCH_SIZE`; outcomes in input order. A failed batch leaves the
        store as it was before that batch."""
        outcomes: list[Outcome] = []
        iterator = iter(batch)
        while chunk := list(islice(iterator, BATCH_SIZE)):
            outcomes += self._write(chunk)
        return outcomes

    def _write(self, chunk: list[Analysis]) -> list[Outcome]:
        try:
            try:
                return self._write_once(chunk)
            except IntegrityError:
                # Another writer (a second PostgreSQL client) stored one of these ids meanwhile: classify again.
                return self._write_once(chunk)
        except SQLAlchemyError as error:
            raise NewsprobeError(Errors.E505, url=shown(self.url), detail=_reason(error)) from error

    def _write_once(self, chunk: list[Analysis]) -> list[Outcome]:
        with self.engine.begin() as connection:
            return write_batch(connection, chunk)

    def delete(self, article_id: str) -> bool:
        """Remove an article, its analysis and derived rows; False when it was not stored."""
        with self.engine.begin() as connection:
            if connection.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is None:
                return False
            remove_articles(connection, [article_id])
        return True

    # Resume and reanalysis

    def current_ids(self, ids: Iterable[str], versions: Mapping[str, str]) -> set[str]:
        """Which of `ids` are stored with an analysis that `versions` (name → versioned id) would not change."""
        wanted = list(ids)
        query_ = select(analyses.c.article_id, analyses.c.schema_version, analyses.c.analyzers,
                        analyses.c.skipped).where(analyses.c.article_id.in_(wanted))
        with self.engine.connect() as connection:
            rows = connection.execute(query_).all()
        return {key for key, schema, ran, skipped in rows
                if is_current(json.loads(ran), json.loads(skipped), versions, schema)}

    def has_current(self, article_id: str, versions: Mapping[str, str]) -> bool:
        """Whether `article_id` is stored and analysed by exactly these analyzer versions (resume/skip)."""
        return article_id in self.current_ids([article_id], versions)

    def stale_ids(self, versions: Mapping[str, str], filters: Filters | None = None) -> list[str]:
        """Ids of stored articles (matching `filters`) whose analysis `versions` would change."""
        query_ = select(analyses.c.article_id, analyses.c.schema_version, analyses.c.analyzers,
                        analyses.c.skipped).join(articles, articles.c.id == analyses.c.article_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query_.where(
                article_conditions(filters or Filters(), connection.dialect.name))).all()
        return sorted(key for key, schema, ran, skipped in rows
                      if not is_current(json.loads(ran), json.loads(skipped), versions, schema))

    # Reading

    def get(self, article_id: str) -> Analysis | None:
        """The stored `Analysis` of one article, or None."""
        found = self.get_many([article_id])
        return found[0] if found else None

    def get_many(self, ids: Iterable[str]) -> list[Analysis]:
        """Stored analyses of `ids`, in the order given (unknown ids are left out)."""
        wanted = list(ids)
        with self.engine.connect() as connection:
            rows = dict(connection.execute(select(analyses.c.article_id, analyses.c.data)
                                           .where(analyses.c.article_id.in_(wanted))).all())
        return [Analysis.from_json(rows[key]) for key in wanted if key in rows]

    def analyses(self, filters: Filters | None = None) -> Iterator[Analysis]:
        """Every stored analysis matching `filters` (including `query`), newest first, read in pages."""
        ids = self.ids(filters)
        for start in range(0, len(ids), BATCH_SIZE):
            yield from self.get_many(ids[start : start + BATCH_SIZE])

    def ids(self, filters: Filters | None = None) -> list[str]:
        """Ids of the articles matching `filters` (including `query`), newest first."""
        filters = filters or Filters()
        with self.engine.connect() as connection:
            statement = select(articles.c.id).where(article_conditions(filters, connection.dialect.name))
            order = (articles.c.published_date.desc(), articles.c.id.desc())
            return list(connection.execute(statement.order_by(*order)).scalars())

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(articles)).scalar_one()

    def articles(self, filters: Filters | None = None, limit: int = 50, cursor: str | None = None) -> ArticlePage:
        """A page of article summaries, newest first; `filters.query` narrows by full text.

        Raises:
            ValueError: `cursor` is not one this store returned.
        """
        with self.engine.connect() as connection:
            items, next_cursor = query.article_page(connection, filters or Filters(), limit, cursor)
        return ArticlePage(items=items, next_cursor=next_cursor)

    def search(self, text: str, filters: Filters | None = None, limit: int = 20, offset: int = 0) -> SearchResults:
        """Full-text search ranked by relevance, with snippets and facets over every matching article."""
        filters = filters or Filters()
        with self.engine.connect() as connection:
            matches = search.matching_ids(connection.dialect.name, text).subquery()
            matched = (select(matches.c.article_id, matches.c.rank).join(articles, articles.c.id == matches.c.article_id)
                       .where(article_conditions(filters, connection.dialect.name)))
            total = query.fill_matched(connection, matched)
            hits = self._hits(connection, text, query.matched_page(connection, limit, offset))
            facet_counts = query.facets(connection)
        return SearchResults(query=text, total=total, hits=hits, facets=facet_counts)

    def _hits(self, connection: Connection, text: str, page: list[tuple[str, float]]) -> list[SearchHit]:
        ranks = dict(page)
        snippets = search.snippets(connection, text, list(ranks))
        rows = connection.execute(query.summary_select().where(articles.c.id.in_(list(ranks)))).mappings()
        summaries = {row["id"]: dict(row) for row in rows}
        return [SearchHit(**summaries[key], rank=float(rank), snippet=snippets.get(key, ""))
                for key, rank in ranks.items() if key in summaries]

    def facets(self, filters: Filters | None = None) -> dict[str, list[FacetCount]]:
        """Counts per outlet, language, technique, event type, country and month of the matching articles."""
        filters = filters or Filters()
        if filters.query is not None:
            return self.search(filters.query, filters, limit=0).facets
        with self.engine.connect() as connection:
            conditions = article_conditions(filters, connection.dialect.name)
            query.fill_matched(connection, select(articles.c.id, literal(0.0)).where(conditions))
            return query.facets(connection)

    def events(self, filters: Filters | None = None, limit: int = 100, cursor: str | None = None) -> EventPage:
        """A page of events, latest first, filtered by type, actor, country, event date, bounding box and article."""
        with self.engine.connect() as connection:
            items, next_cursor = query.event_page(connection, filters or Filters(), limit, cursor)
        return EventPage(items=items, next_cursor=next_cursor)

    def outlets(self) -> list[OutletProfile]:
        """Every outlet with its profile numbers (articles, dates, languages, techniques, events, signals)."""
        with self.engine.connect() as connection:
            return query.outlet_profiles(connection)

    def monthly_technique_rates(self, outlet: str | None = None) -> list[MonthRate]:
        """Technique spans per 1,000 words per month of publication, of `outlet` or of the whole corpus."""
        with self.engine.connect() as connection:
            return query.monthly_rates(connection, outlet)

    def country_codes(self) -> list[str]:
        """ISO codes of every country a stored place or event lies in."""
        with self.engine.connect() as connection:
            return list(connection.execute(select(article_countries.c.country_code).distinct()
                                           .order_by(article_countries.c.country_code)).scalars())

    def event_count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(events)).scalar_one()


def _reason(error: SQLAlchemyError) -> str:
    """The driver's message, first line only (no SQL, no parameters)."""
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
