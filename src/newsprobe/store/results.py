"""What the store returns: small pydantic models the API serves as JSON and pages render as HTML."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ArticleSummary(BaseModel):
    """One line of an article list."""

    id: str
    title: str | None
    outlet: str | None
    language: str | None
    published: str | None
    url: str | None
    propaganda_score: float | None = Field(description="Article-level propaganda score, when analysed.")
    techniques: int = Field(description="Technique spans found.")
    events: int = Field(description="Events coded.")


class ArticlePage(BaseModel):
    """A page of articles, newest first; pass `next_cursor` back for the next page (null on the last)."""

    items: list[ArticleSummary]
    next_cursor: str | None


class FacetCount(BaseModel):
    value: str
    count: int


class SearchHit(ArticleSummary):
    rank: float = Field(description="Relevance: higher is better (negated bm25 on SQLite, ts_rank_cd on PostgreSQL).")
    snippet: str = Field(description="HTML-escaped passage with the matched words inside <mark>…</mark>.")


class SearchResults(BaseModel):
    query: str
    total: int = Field(description="Articles matching the query and filters.")
    hits: list[SearchHit]
    facets: dict[str, list[FacetCount]] = Field(
        description="Counts of matching articles per outlet, language, technique, event_type, country (ISO "
        "alpha-2) and month (YYYY-MM).")


class EventRecord(BaseModel):
    """One stored event with its article's id and outlet; `rank` is its index in `Analysis.events`."""

    article_id: str
    rank: int
    outlet: str | None
    event_type: str
    sub_event_type: str
    score: float
    actor1: str | None
    inter1: int | None
    actor2: str | None
    inter2: int | None
    event_date: str | None
    time_precision: int | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    location: str | None
    geonameid: int | None
    country_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    sourcing: str | None


class EventPage(BaseModel):
    items: list[EventRecord]
    next_cursor: str | None


class MonthRate(BaseModel):
    """Technique spans per 1,000 words in the articles published in one month."""

    month: str = Field(description="YYYY-MM of publication.")
    words: int
    techniques: int
    per_1000_words: float


class OutletProfile(BaseModel):
    """An outlet's numbers over the stored corpus."""

    name: str
    articles: int
    first_published: str | None
    last_published: str | None
    languages: dict[str, int]
    propaganda_score_mean: float | None
    techniques_per_article: float
    words: int = Field(description="Words in its articles' texts: the denominator of rates per 1,000 words.")
    techniques_per_1000_words: float
    techniques: dict[str, int] = Field(description="Technique spans per technique, most frequent first.")
    events: int
    signals: dict[str, int] = Field(description="Provenance signals per kind.")
