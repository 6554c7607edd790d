"""The article page's data: the text cut at every finding and evidence, techniques with fixed colours."""

from __future__ import annotations

from newsprobe.model import Analysis, Article, Event, Fatalities, TechniqueSpan
from newsprobe.model.base import SpanRef
from newsprobe.model.claims import Attribution, Claim
from newsprobe.web.article_view import article_view, technique_class


def _analysis() -> Analysis:
    article = Article.create("Clash\n\nThe pathetic remnants fled. Around 50 terrorists were killed, residents said.")
    text = article.text
    remnants, killed = text.index("pathetic"), text.index("Around 50")
    sentence = text.index("Around")
    return Analysis(
        article=article,
        techniques=[TechniqueSpan.of(text, remnants, remnants + 17, technique="Loaded_Language", score=0.8),
                    TechniqueSpan.of(text, remnants, remnants + 8, technique="Name_Calling,Labeling", score=0.3)],
        claims=[Claim.of(text, sentence, len(text), attribution=Attribution(kind="vague"))],
        events=[Event(event_type="Battles", sub_event_type="Armed clash", score=0.9,
                      fatalities=Fatalities(low=50, best=50, high=50,
                                            evidence=SpanRef.of(text, killed, killed + len("Around 50 terrorists"))))],
    )


def test_article_view_segments_tile_the_text_and_cut_at_evidence() -> None:
    analysis = _analysis()
    view = article_view(analysis)
    assert "".join(segment["text"] for segment in view["segments"]) == analysis.article.text
    evidence = view["events"][0]["evidence"][0]
    assert evidence["field"] == "fatalities" and evidence["text"] == "Around 50 terrorists"
    starts = {segment["start"] for segment in view["segments"]}
    ends = {segment["end"] for segment in view["segments"]}
    assert evidence["start"] in starts and evidence["end"] in ends


def test_article_view_marks_carry_the_innermost_technique_and_best_score() -> None:
    view = article_view(_analysis())
    pathetic = next(segment for segment in view["segments"] if segment["text"] == "pathetic")
    assert pathetic["technique"] == technique_class("Name_Calling,Labeling")
    assert pathetic["score"] == 0.8 and pathetic["layers"] == ["techniques"]
    killed = next(segment for segment in view["segments"] if segment["text"] == "Around 50 terrorists")
    assert killed["claim"] == "vague" and killed["layers"] == ["claims"]


def test_article_view_legend_defines_the_techniques_used() -> None:
    legend = article_view(_analysis())["legend"]
    techniques = [entry for entry in legend if entry["layer"] == "techniques"]
    assert {entry["label"] for entry in techniques} == {"Loaded language", "Name calling / labelling"}
    assert all("Example:" in entry["description"] for entry in techniques)


def test_technique_class_is_the_same_on_every_page() -> None:
    assert technique_class("Loaded_Language") == "t0"
    assert technique_class("Unknown") == "t-other"
