"""The three events-core analyzers in the pipeline, on a built article and on the seed article."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

import newsprobe
from newsprobe.claims import find_claims
from newsprobe.ingest import article_from_text
from newsprobe.model import Analysis
from newsprobe.quantities import find_quantities
from newsprobe.settings import Options

ONLY = Options(only=("quantities", "actors", "claims"))


def test_events_core_layers_fill_and_round_trip(small_article):
    analysis = newsprobe.analyze(small_article, ONLY)
    assert [(q.text, q.best, q.role) for q in analysis.quantities] == [("at least 12", 12, "killed")]
    assert {e.canonical for e in analysis.entities if e.text == "Government forces"} == {
        "Military Forces of Syria (2000-)"
    }
    (sourced,) = [claim for claim in analysis.claims if claim.attribution.kind != "none"]
    assert sourced.attribution.source.text == "local residents"
    assert Analysis.from_json(analysis.to_json()) == analysis


def test_events_core_skips_other_languages():
    text = "Titre\n\nLes forces gouvernementales ont tué 12 combattants près de Raqqa."
    analysis = newsprobe.analyze(
        article_from_text(text, Options()).model_copy(update={"language": "fr"}), ONLY
    )
    assert analysis.quantities == []
    # places runs too: actors and claims read its layer
    assert [warning.split()[0] for warning in analysis.warnings] == ["places", "quantities", "actors", "claims"]


_PIECES = st.sampled_from(
    [
        "12",
        "around",
        "50",
        "militants",
        "killed",
        "–",
        "200",
        "in",
        "2022",
        "km",
        "said",
        ",",
        ".",
        "the",
        "according to",
        "residents",
        "reportedly",
        "a",
        "dozen",
        "more than",
        "May",
        "\n",
        "Daesh",
        "army",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_events_core_spans_always_match_the_text(pieces):
    text = " ".join(pieces)
    quantities = find_quantities(text)
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(quantities))
    for claim in find_claims(text):
        assert text[claim.start : claim.end] == claim.text


def test_events_core_seed_article(seed_article_path):
    analysis = newsprobe.analyze(seed_article_path.read_text(encoding="utf-8"), ONLY)
    quantities = {q.text: (q.low, q.best, q.high, q.role) for q in analysis.quantities}
    assert quantities["around 50 terrorists"] == (50, 50, 50, "killed")
    assert quantities["150–200 surrounded militants"] == (150, 150, 200, "surrounded")
    assert quantities["more than a dozen pick-ups"] == (13, 13, None, "destroyed")
    canonical = {e.text: e.canonical for e in analysis.entities}
    for mention in ("IG Terrorists", "IS", "Islamic State", "pseudo-Caliphate"):
        assert canonical[mention] == "Islamic State (Syria)"
    assert canonical["Government Forces"] == "Military Forces of Syria (2000-)"
    air = [e for e in analysis.entities if e.text in ("Russian aviation", "Russian pilots")]
    assert {(e.canonical, e.attributes["mode"]) for e in air} == {
        ("Military Forces of Russia (2000-)", "air")
    }
    sourcing = {
        (c.attribution.kind, c.attribution.source.text if c.attribution.source else c.attribution.cue.text)
        for c in analysis.claims
        if c.attribution.kind != "none"
    }
    assert ("anonymous", "The local population") in sourcing
    assert ("vague", "Reportedly") in sourcing
    assert ("vague", "the preliminary data") in sourcing
    relayed = [c.attribution for c in analysis.claims if c.attribution.origin]
    assert relayed[0].source.text.startswith("Arab information agencies referring to the command")
    assert relayed[0].origin_kind == "named"
