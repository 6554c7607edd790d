"""The propaganda analyzer on articles written for the tests, the decoder, and the technique legend."""

from __future__ import annotations

import numpy as np
import pytest

import newsprobe
from newsprobe.model import Article
from newsprobe.propaganda import LABELS, TECHNIQUES, technique_legend
from newsprobe.propaganda.decode import decode_spans, snap_to_words

LOADED = (
    "Traitors sell out the nation again\n\n"
    "The corrupt elite and their cowardly puppets have once again betrayed every honest worker.\n"
    "These bloodthirsty thugs will stop at nothing to destroy our glorious homeland.\n"
    "Wake up, patriots: either you stand with us or you stand with the enemy!"
)
DRY = (
    "Road works on the ring road\n\n"
    "The city council said the eastern section of the ring road will close on Monday for resurfacing.\n"
    "Buses will use a diversion via the station until the work is finished in April."
)


def test_analyzer_fills_the_technique_layer(small_article: Article) -> None:
    analysis = newsprobe.analyze(LOADED)
    assert analysis.analyzers.get("propaganda") == "propaganda.v2"
    assert analysis.techniques, "a text this loaded should yield technique spans"
    for span in analysis.techniques:
        assert span.technique in LABELS
        assert 0.0 <= span.score <= 1.0
        assert span.text == analysis.article.text[span.start : span.end]
    summary = analysis.propaganda
    assert summary is not None
    assert sum(summary.counts.values()) == len(analysis.techniques)


def test_loaded_text_scores_higher_than_a_dry_notice() -> None:
    loaded, dry = newsprobe.analyze(LOADED).propaganda, newsprobe.analyze(DRY).propaganda
    assert loaded is not None and dry is not None
    assert loaded.score > dry.score


def test_analyzer_skips_other_languages() -> None:
    article = Article.create("Заголовок\n\nЭто короткий текст на русском языке о погоде.", language="ru")
    analysis = newsprobe.analyze(article)
    assert analysis.techniques == []
    assert any("propaganda" in warning for warning in analysis.warnings)


def test_decode_spans_grows_confident_cores_into_weaker_edges() -> None:
    # B+I per token: 0.1, 0.3, 0.9, 0.35, 0.1, 0.3, 0.1. Only token 2 reaches high=0.5; it grows over
    # tokens 1-3 (≥ low=0.25). Token 5 (0.3) has no confident core and stays out.
    inside = np.array([0.1, 0.3, 0.9, 0.35, 0.1, 0.3, 0.1])
    probs = np.stack([1 - inside, inside / 2, inside / 2], axis=1)
    spans = decode_spans(probs, high=0.5, low=0.25)
    assert [(first, last) for first, last, _ in spans] == [(1, 3)]
    assert spans[0][2] == pytest.approx((0.3 + 0.9 + 0.35) / 3)
    assert [(f, l) for f, l, _ in decode_spans(probs, high=0.3, low=0.3)] == [(1, 3), (5, 5)]


def test_snap_to_words_widens_word_pieces_and_drops_punctuation() -> None:
    text = "the bloodthirsty thugs, again, in pick-ups"
    start = text.index("thirsty")
    assert snap_to_words(text, start, start + 4) == (4, 16)
    assert snap_to_words(text, text.index(","), text.index(",") + 1) is None
    ups = text.index("ups")
    assert snap_to_words(text, ups, ups + 3) == (text.index("pick"), len(text))


def test_legend_explains_all_fourteen_techniques() -> None:
    legend = technique_legend()
    assert list(legend) == list(LABELS) and len(LABELS) == 14
    examples = {entry["example"] for entry in legend.values()}
    assert len(examples) == 14
    for label, entry in legend.items():
        assert entry["definition"].endswith(".") and len(entry["definition"]) > 40
        assert entry["name"] == TECHNIQUES[label].name


@pytest.mark.issue(17)
def test_propaganda_and_events_read_the_article_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The events layer pools the propaganda encoder's reading of the same text: one model, one pass."""
    from newsprobe.propaganda.model import MODEL_DIR, PropagandaModel, load_model

    assert load_model() is load_model(MODEL_DIR) is load_model(MODEL_DIR / ".." / MODEL_DIR.name)
    texts: list[str] = []
    original = PropagandaModel._read

    def counted(model: PropagandaModel, text: str):  # type: ignore[no-untyped-def]
        texts.append(text)
        return original(model, text)

    monkeypatch.setattr(PropagandaModel, "_read", counted)
    shelling = ("Shelling near the depot\n\nGovernment forces shelled militant positions near Raqqa on Monday, "
                "killing five fighters, the army said.")
    analysis = newsprobe.analyze(shelling)
    assert analysis.events and analysis.analyzers["events"].startswith("events.")
    assert len(texts) == len(set(texts)) == 1
