"""Full-text search, the one query that differs per database: FTS5 + bm25 on SQLite, tsvector on PostgreSQL.

A user's query is never passed through as query syntax: on SQLite its words are quoted into FTS5 phrases,
on PostgreSQL `websearch_to_tsquery` reads it. Quotes, NEAR, `*`, parentheses or SQL are searched as text.
"""

from __future__ import annotations

import html
import re
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, column, func, literal_column, select, table, text

from newsprobe.store.schema import articles

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks, swapped for <mark> after HTML escaping
_SNIPPET_WORDS = 32
_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FTS_TABLE = table("articles_fts", column("article_id"), column("title"), column("body"))


def fts5_query(query: str) -> str:
    """A safe FTS5 expression: each word or "quoted phrase" a phrase, all required; a leading `-` excludes."""
    required: list[str] = []
    excluded: list[str] = []
    for match in _TERM.finditer(query):
        negated, words = (match[1], match[2]) if match[2] is not None else (match[3], match[4])
        phrase = " ".join(_WORD.findall(words))
        if phrase:
            (excluded if negated else required).append(f'"{phrase}"')
    if not required:
        return ""
    return " AND ".join(required) + "".join(f" NOT {phrase}" for phrase in excluded)


def clean_query(query: str) -> str:
    """The query without control characters (PostgreSQL refuses NUL in text); they are never words."""
    return _CONTROL.sub(" ", query)


def matching_ids(dialect: str, query: str) -> Select[Any]:
    """SELECT (article_id, rank) of the articles matching `query` on database `dialect`; rank: higher is better."""
    query = clean_query(query)
    if dialect == "postgresql":
        tsquery = func.websearch_to_tsquery("simple", query)
        vector: ColumnElement[Any] = literal_column("articles.search_vector")
        return select(articles.c.id.label("article_id"), func.ts_rank_cd(vector, tsquery).label("rank")).where(
            vector.op("@@")(tsquery))
    expression = fts5_query(query)
    # bm25 weights: article_id (unindexed) 0, title 5, body 1; bm25 is lower for better matches.
    rank = -func.bm25(literal_column("articles_fts"), 0.0, 5.0, 1.0)
    return select(FTS_TABLE.c.article_id.label("article_id"), rank.label("rank")).where(
        _fts_match(expression))


def _fts_match(expression: str) -> ColumnElement[bool]:
    if not expression:
        return literal_column("0") == 1  # no word to search: nothing matches
    return text("articles_fts MATCH :expression").bindparams(expression=expression)  # type: ignore[return-value]


def snippets(connection: Connection, query: str, ids: list[str]) -> dict[str, str]:
    """HTML snippets of the hits `ids`, matched words in <mark>; computed for one page of hits only."""
    if not ids:
        return {}
    query = clean_query(query)
    if connection.dialect.name == "postgresql":
        options = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords={_SNIPPET_WORDS}, MinWords=12, MaxFragments=2"
        headline = func.ts_headline("simple", articles.c.text, func.websearch_to_tsquery("simple", query), options)
        rows = connection.execute(select(articles.c.id, headline).where(articles.c.id.in_(ids)))
    else:
        snippet = func.snippet(literal_column("articles_fts"), 2, _OPEN, _CLOSE, "…", _SNIPPET_WORDS)
        rows = connection.execute(select(FTS_TABLE.c.article_id, snippet).where(
            _fts_match(fts5_query(query)), FTS_TABLE.c.article_id.in_(ids)))
    return {key: _marked_html(value or "") for key, value in rows}


def _marked_html(snippet: str) -> str:
    return html.escape(snippet).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
