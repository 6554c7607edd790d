"""The data model: normalisation, ids, the offset invariant and the JSON round-trip."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from newsprobe.model import SCHEMA_VERSION, Analysis, Article, Signal, SpanRef, TechniqueSpan


def test_article_create_normalises_before_the_id() -> None:
    one = Article.create("\ufeffTitle\r\n\r\nBody line.  \r\n")
    other = Article.create("Title\n\nBody line.")
    assert one.text == "Title\n\nBody line."
    assert one.id == other.id == one.checksum
    assert len(one.checksum) == 16


def test_article_create_keeps_a_given_id() -> None:
    article = Article.create("Some text.", id="wire-7")
    assert article.id == "wire-7"
    assert article.checksum != "wire-7"


@pytest.mark.parametrize(
    ("text", "title", "outlet", "expected_body"),
    [
        ("Title\n\nBody.", "Title", None, "Body."),
        ("Title\n\nTitle | Outlet\n\nBody.", "Title", "Outlet", "Body."),
        ("No title here.", None, None, "No title here."),
    ],
)
def test_article_body_start_skips_header_lines(text: str, title: str | None, outlet: str | None, expected_body: str) -> None:
    article = Article.create(text, title=title, outlet=outlet)
    assert article.text[article.body_start :] == expected_body


def test_span_of_rejects_offsets_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside"):
        SpanRef.of("short", 2, 10)


def test_analysis_rejects_a_span_whose_text_disagrees() -> None:
    article = Article.create("The Syrian plague is beaten.")
    bad = TechniqueSpan(start=4, end=17, text="something else", technique="Loaded_Language", score=0.9)
    with pytest.raises(ValidationError, match="does not match"):
        Analysis(article=article, techniques=[bad])


def test_analysis_rejects_unknown_keys() -> None:
    article = Article.create("Text.")
    data = Analysis.of(article).to_dict()
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        Analysis.model_validate(data)


def test_analysis_json_round_trip(small_article: Article) -> None:
    text = small_article.text
    start = text.index("remnants")
    analysis = Analysis(
        article=small_article,
        techniques=[TechniqueSpan.of(text, start, start + len("remnants"), technique="Loaded_Language", score=0.8)],
        signals=[Signal.of(text, 0, 5, kind="legal_disclaimer", explanation="x", related=[SpanRef.of(text, 6, 10)])],
    )
    encoded = analysis.to_json()
    assert json.loads(encoded)["schema_version"] == SCHEMA_VERSION
    assert Analysis.from_json(encoded) == analysis


@given(
    text=st.text(min_size=1, max_size=200),
    cuts=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=8),
)
def test_every_span_built_from_offsets_matches_the_text(text: str, cuts: list[tuple[int, int]]) -> None:
    article = Article.create(text) if text.strip() else Article.create("x")
    body = article.text
    spans = [
        TechniqueSpan.of(body, min(a, b) % (len(body) + 1), max(a, b) % (len(body) + 1), technique="Doubt", score=0.5)
        for a, b in cuts
        if min(a, b) % (len(body) + 1) <= max(a, b) % (len(body) + 1)
    ]
    analysis = Analysis.from_json(Analysis(article=article, techniques=spans).to_json())
    for span in analysis.techniques:
        assert body[span.start : span.end] == span.text
