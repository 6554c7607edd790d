"""Reports read the analysis only; segments tile the text exactly."""

from __future__ import annotations

from newsprobe.model import Analysis, Article, Signal, TechniqueSpan
from newsprobe.propaganda.techniques import TECHNIQUES
from newsprobe.render import collect_highlights, render_html
from newsprobe.render.segments import segment_text


def _analysis() -> Analysis:
    article = Article.create("Title\n\nThe pathetic remnants fled. * A terrorist organization banned in Russia.")
    text = article.text
    start = text.index("pathetic")
    return Analysis(
        article=article,
        techniques=[
            TechniqueSpan.of(text, start, start + len("pathetic remnants"), technique="Loaded_Language", score=0.9),
            TechniqueSpan.of(text, start, start + len("pathetic"), technique="Name_Calling,Labeling", score=0.6),
        ],
        signals=[Signal.of(text, text.index("*"), len(text), kind="legal_disclaimer", explanation="RU notice")],
    )


def test_segments_tile_the_text_and_know_what_covers_them() -> None:
    analysis = _analysis()
    segments = segment_text(analysis.article.text, collect_highlights(analysis))
    assert "".join(segment.text for segment in segments) == analysis.article.text
    covered = {segment.text: len(segment.covering) for segment in segments if segment.covering}
    assert covered["pathetic"] == 2 and covered[" remnants"] == 1


def test_html_has_a_legend_entry_per_label_and_escapes_text() -> None:
    analysis = _analysis()
    html = render_html([analysis])
    for label in ("Loaded language", "Name calling / labelling", "Provenance signal"):
        assert label in html
    assert "What the colours mean" in html
    assert TECHNIQUES["Loaded_Language"].definition in html
    assert "Russian law" not in html and "A place mention" not in html  # only labels that occur
    escaped = Analysis(article=Article.create("Title\n\n<script>alert(1)</script> text"))
    assert "<script>alert(1)</script>" not in render_html([escaped])
