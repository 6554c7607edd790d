"""Findings that misled a first reader of our examples (issue 12, items 12 and 14–16), each as its class."""

from __future__ import annotations

import pytest

import newsprobe
from newsprobe.actors import find_actors
from newsprobe.claims import find_attribution
from newsprobe.model import Article, iter_spans
from newsprobe.quantities import find_quantities
from newsprobe.settings import Options

SCRAPED = (
    "IG Terrorists Trapped Near Raqqa\n\nIG Terrorists Trapped Near Raqqa | Example Herald\n\n"
    "Government forces surrounded about 40 IG* terrorists near Raqqa on Monday, residents said.\n\n"
    "* A terrorist organization banned in Russia."
)


@pytest.mark.issue(12)
def test_the_header_line_is_metadata_for_every_analyzer() -> None:
    article = Article.create(SCRAPED, title="IG Terrorists Trapped Near Raqqa", outlet="Example Herald", language="en")
    header_start, header_end = article.header_line or (0, 0)
    assert article.text[header_start:header_end] == "IG Terrorists Trapped Near Raqqa | Example Herald"
    analysis = newsprobe.analyze(article)
    assert analysis.article.text == article.text  # offsets are the contract: the text is unchanged
    spans = list(iter_spans(analysis))
    assert spans and not [span for span in spans if span.start < header_end and span.end > header_start]
    assert [entity.text for entity in analysis.entities if entity.start < header_start] == ["IG Terrorists"]
    notice = analysis.article.text.index("* A terrorist")
    assert [span.text for span in spans if span.end > notice] == ["* A terrorist organization banned in Russia."]


@pytest.mark.issue(12)
def test_a_title_that_only_begins_the_first_line_is_no_title_line() -> None:
    article = Article.create("A drone struck the depot.\n\nMore later.", title="A", language="en")
    assert article.title_line is None and article.body_start == 0


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    "Villages on the left bank of the Dnipro were shelled.",
    "The right flank held while the left retreated.",
])
def test_names_led_by_the_need_their_capitals(text: str) -> None:
    assert [entity.canonical for entity in find_actors(text, country="Ukraine")] == []


@pytest.mark.issue(12)
def test_a_capitalised_article_name_is_still_found() -> None:
    text = "The Left and the Greens (Germany) marched in Berlin; the Left said turnout was high."
    assert [entity.text for entity in find_actors(text, country="Germany")][:1] == ["The Left"]


@pytest.mark.issue(12)
@pytest.mark.parametrize("sentence", [
    "No group has claimed responsibility for the attack.",
    "Nobody said how many were killed.",
    "Hamas claimed responsibility for the attack.",
])
def test_nobody_and_acts_of_claiming_are_no_source(sentence: str) -> None:
    assert find_attribution(sentence, 0, len(sentence)).kind == "none"


@pytest.mark.issue(12)
@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("Troops pushed the fighters out of two farms east of Mayadin.", "two farms", "farms"),
    ("The group holds a few pockets along the Euphrates.", "a few pockets", "pockets"),
    ("Three villages across the river were shelled.", "Three villages", "villages"),
])
def test_a_preposition_or_direction_ends_the_counted_phrase(text: str, surface: str, unit: str) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == [(surface, unit)]


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    "Nobody was killed, but a fire burned for several hours.",
    "A blast destroyed the depot.",
])
def test_what_destroys_is_not_counted_as_destroyed(text: str) -> None:
    assert [q.role for q in find_quantities(text) if q.role] == []


@pytest.mark.issue(12)
def test_events_alone_get_the_layers_they_read() -> None:
    article = Article.create(SCRAPED, title="IG Terrorists Trapped Near Raqqa", outlet="Example Herald", language="en")
    alone = newsprobe.analyze(article, Options(only=("events",)))
    assert {"places", "actors", "quantities", "claims"} <= set(alone.analyzers)
    assert alone.events == newsprobe.analyze(article).events
