"""What the terminal and HTML reports show people (issue 12, items 8–13) and what they never let through
from an article to the terminal (issue 18, item 2)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from newsprobe.cli.main import cli
from newsprobe.model import (
    Analysis,
    Article,
    Place,
    PropagandaSummary,
    Quantity,
    RelativeLocation,
    TechniqueSpan,
)
from newsprobe.render import render_html, render_text
from newsprobe.render.wording import clip, relation_phrase, value_range

TITLE = "Drone strike near Kramatorsk"
TEXT = (
    f"{TITLE}\n\n{TITLE} | Example Wire\n\n"
    "A drone struck a depot near Kramatorsk overnight. Kramatorsk officials said the pathetic attackers fled."
)


def _analysis(text: str = TEXT, title: str = TITLE) -> Analysis:
    article = Article.create(text, title=title, outlet="Example Wire", language="en")
    text = article.text
    places = [Place.of(text, m.start(), m.end(), name="Kramatorsk", geonameid=704508, lat=48.73, lon=37.57,
                       country_code="UA", precision=1) for m in re.finditer("Kramatorsk", text) if m.start() > text.index("\n\nA drone")]
    start = text.index("pathetic")
    return Analysis(
        article=article, places=places,
        techniques=[TechniqueSpan.of(text, start, start + 8, technique="Name_Calling,Labeling", score=0.5)],
        propaganda=PropagandaSummary(counts={"Name_Calling,Labeling": 1}, score=0.25),
        quantities=[Quantity.of(text, text.index("A drone"), text.index("A drone") + 7, low=1.0, best=1.0,
                                high=1.0, unit="drone")],
    )


def _terminal(analysis: Analysis, width: int = 120, terminal: bool = True) -> str:
    stream = io.StringIO()
    render_text(analysis, Console(file=stream, width=width, force_terminal=terminal, color_system="truecolor"
                                  if terminal else None))
    return stream.getvalue()


@pytest.mark.issue(12)
@pytest.mark.parametrize(("text", "expected"), [
    ("short enough", "short enough"),
    ("the terrorists fell into another trap near the village", "the terrorists fell into…"),
    ("heavy losses among the IG militants", "heavy losses among the IG…"),
])
def test_clipped_text_ends_at_a_word_with_an_ellipsis(text: str, expected: str) -> None:
    assert clip(text, 28) == expected


@pytest.mark.issue(12)
def test_people_see_numbers_and_directions_not_raw_values() -> None:
    assert value_range(2.0, 2.0, 2.0) == "2" and value_range(5.0, 5.0, None) == "5 (5–?)"
    assert relation_phrase(RelativeLocation(anchor_name="Al Mayādīn")) == "near Al Mayādīn"
    assert relation_phrase(RelativeLocation(anchor_name="X", bearing_deg=270.0, distance_km_low=24.0,
                                            distance_km_high=60.0)) == "24–60 km W of X"
    shown = _terminal(_analysis(), terminal=False)
    assert "None" not in shown and "1.0" not in shown and "Name_Calling" not in shown
    assert "Name calling / labelling" in shown


@pytest.mark.issue(12)
def test_html_hover_notes_show_no_raw_values() -> None:
    analysis = _analysis()
    start = analysis.article.text.index("A drone")
    relative = Place.of(analysis.article.text, start, start + 7, lat=48.9, lon=37.7, precision=2,
                        relation=RelativeLocation(anchor_name="Kramatorsk", bearing_deg=45.0, distance_km_low=20.0,
                                                  distance_km_high=20.0))
    html = render_html([analysis.model_copy(update={"places": [*analysis.places, relative]})])
    assert "None" not in html and "Name_Calling" not in html
    assert 'title="20 km NE of Kramatorsk: 48.90, 37.70' in html


@pytest.mark.issue(12)
def test_names_are_not_broken_across_lines_at_80_columns() -> None:
    shown = _terminal(_analysis(), width=80, terminal=False)
    assert "relative" in shown and all(len(line) <= 80 for line in shown.splitlines())  # nothing cropped
    for line in shown.splitlines():
        assert not re.search(r"\bKramators?\b|\bamatorsk", line), line


@pytest.mark.issue(12)
def test_a_place_mentioned_twice_is_one_row_with_a_count() -> None:
    shown = _terminal(_analysis(), terminal=False)
    assert len(re.findall(r"Kramatorsk \(×2\)", shown)) == 1
    assert "704508" in shown and shown.count("704508") == 1


@pytest.mark.issue(12)
def test_piped_reports_mark_findings_without_colour(runner: CliRunner, tmp_path: Path) -> None:
    shown = _terminal(_analysis(), terminal=False)
    assert "\x1b[" not in shown
    number = re.search("⟦pathetic⟧(\\d)", shown)
    assert number and f"⟦…⟧{number.group(1)} Name calling / labelling" in shown
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 0 and "⟦" in result.stdout and "\x1b[" not in result.stdout


@pytest.mark.issue(12)
def test_the_title_is_shown_once_and_the_propaganda_score_is_shown() -> None:
    shown = _terminal(_analysis(), terminal=False)
    assert shown.count(TITLE) == 1 and "| Example Wire" not in shown
    assert "propaganda: score 0.25 · 1 span: Name calling / labelling 1" in shown
    html = render_html([_analysis()])
    assert html.count(TITLE) == 2  # the page <title> and the heading; not a third time in the text
    assert "score 0.25" in html


@pytest.mark.issue(12)
def test_several_articles_are_numbered_and_summarised(runner: CliRunner, tmp_path: Path) -> None:
    paths = []
    for number in (1, 2):
        path = tmp_path / f"{number}.txt"
        path.write_text(TEXT.replace("overnight", f"on day {number}"), encoding="utf-8")
        paths.append(str(path))
    result = runner.invoke(cli, ["analyze", *paths])
    assert result.exit_code == 0, result.output
    assert "article 1" in result.stdout and "article 2" in result.stdout and "Summary" in result.stdout
    out = tmp_path / "r.html"
    runner.invoke(cli, ["analyze", *paths, "-f", "html", "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert "2 articles" in html and html.count('<a href="#a-') == 2


HOSTILE = "Hostile page\n\nA [/] stray tag, [bold]fake[/bold] markup, \x1b]0;pwned\x07 a title and \x1b[2J a clear."


@pytest.mark.issue(18)
@pytest.mark.parametrize("terminal", [True, False])
def test_markup_in_an_article_does_not_crash_the_report(terminal: bool) -> None:
    article = Article.create(HOSTILE, title="[/]", outlet="[red]x", language="en")
    start = article.text.index("[/]")
    quantity = Quantity.of(article.text, start, start + 3, low=1.0, best=1.0, high=1.0, unit="[/]")
    shown = _terminal(Analysis(article=article, quantities=[quantity]), terminal=terminal)
    assert "[/]" in shown and " stray tag" in shown and "[bold]fake[/bold]" in shown and "[red]x" in shown


@pytest.mark.issue(18)
def test_terminal_escapes_from_an_article_never_reach_the_terminal(runner: CliRunner, tmp_path: Path) -> None:
    article = Article.create(HOSTILE, title="Hostile \x1b[2J", outlet="\x1b]0;x\x07", language="en")
    shown = _terminal(Analysis(article=article))
    assert "\x1b]" not in shown and "\x1b[2J" not in shown and "\x07" not in shown
    assert "␛]0;pwned␇" in shown and "␛[2J" in shown
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


@pytest.mark.issue(12)
def test_actors_are_a_neutral_grey_unlike_any_technique_colour() -> None:
    from newsprobe.render.highlights import LAYER_STYLES, TECHNIQUE_PALETTE

    def channels(colour: str) -> tuple[int, ...]:
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    actor = channels(LAYER_STYLES["entities"][1])
    assert max(actor) - min(actor) == 0
    assert all(max(channels(colour)) - min(channels(colour)) > 40 for colour in TECHNIQUE_PALETTE)
