"""Events on news prose (issue 15): sentences written for the tests, the news dev set and `eval events --news`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe import analyze
from newsprobe.cli.main import cli
from newsprobe.events.augment import news_variants, strip_formula
from newsprobe.events.classifier import load_classifier
from newsprobe.events.encoder import span_vectors
from newsprobe.events.news_eval import news_scores
from newsprobe.events.priors import TEMPLATES, prior_sentences
from newsprobe.events.snippets import LABELS, read_snippets
from newsprobe.events.taxonomy import EVENT_TYPES, NO_EVENT, SUB_EVENT_TYPES
from newsprobe.events.training import score_news
from newsprobe.ingest import read_articles
from newsprobe.model import Analysis, Article
from newsprobe.propaganda import load_model
from newsprobe.settings import Options

DEV_SET = Path(__file__).resolve().parents[1] / "benchmarks" / "events-news-dev.jsonl"


def _first_event(text: str) -> tuple[str, str]:
    """(event type, sub-type) of the first event of `text` read as a short article, or "no event" twice."""
    analysis = analyze(Article.create(text, language="en"))
    return (analysis.events[0].event_type, analysis.events[0].sub_event_type) if analysis.events \
        else (NO_EVENT, NO_EVENT)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        (("Soldiers clashed with separatist gunmen for hours near the border crossing on Wednesday, the "
         "regional governor said."), "Battles"),
        (("Two civilians were wounded when shells hit a residential street in the town late on Sunday, local "
         "officials said."), "Explosions/Remote violence"),
        (("Unknown gunmen shot dead a village elder outside his home on Thursday night, his family told "
         "reporters."), "Violence against civilians"),
        (("Several hundred pensioners rallied outside the regional parliament on Monday to demand higher "
         "pensions."), "Protests"),
        (("Angry residents set fire to a police car and hurled stones at officers after a boy died in custody, "
         "witnesses said."), "Riots"),
        (("Police arrested three men suspected of smuggling weapons to the insurgents, a spokesman said on "
         "Friday."), "Strategic developments"),
        ("The regional football championship will resume next month after the winter break.", NO_EVENT),
    ],
)
def test_news_sentence_of_each_family_gets_its_event_type(sentence: str, event_type: str) -> None:
    assert _first_event(sentence)[0] == event_type


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        (("A suicide bomber blew himself up among mourners at a funeral on Saturday, killing at least 18 "
         "people, police said."), "Suicide bomb"),
        (("Medics said dozens of residents were struggling to breathe after a gas shell released chlorine over "
         "the neighbourhood."), "Chemical weapon"),
        ("A man on a scooter threw a hand grenade into a crowded cafe, wounding six customers.", "Grenade"),
        ("Under the deal, the rebels handed the town over to the army, which entered it without a fight.",
         "Non-violent transfer of territory"),
        ("Government forces recaptured the town from the rebels on Friday, the army said.",
         "Government regains territory"),
        ("Both sides signed a ceasefire agreement on Tuesday after talks in the capital.", "Agreement"),
        # events v6: one sentence per sub-type family more, written for the tests (not in any training set)
        (("Insurgents drove the last police officers out of the river town on Wednesday and now hold it, a "
          "councillor said."), "Non-state actor overtakes territory"),
        (("A military jet bombed a crowded cattle market in the border district, killing 11 herders, "
          "survivors said."), "Air/drone strike"),
        ("A mine exploded under a minibus on the road to the quarry, killing three workers.",
         "Remote explosive/landmine/IED"),
        (("Armed men seized two nuns from their convent overnight and are demanding a ransom, the bishop "
          "said."), "Abduction/forced disappearance"),
        (("Riot police broke up the march of striking dockers with tear gas and detained about 20 of them."),
         "Protest with intervention"),
        (("Angry shopkeepers threw stones at the tax office and set a police van on fire during a protest "
          "over new levies."), "Violent demonstration"),
        ("Bomb disposal experts defused a device found under a bridge on the main highway, police said.",
         "Disrupted weapons use"),
        (("The militia has set up a new base in an abandoned sawmill outside the town, local sources "
          "said."), "Headquarters or base established"),
    ],
)
def test_rare_sub_types_in_news_style(sentence: str, sub_event_type: str) -> None:
    assert _first_event(sentence)[1] == sub_event_type


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # events v7: air strike against shelling, and "Other", the weakest sub-types of v6 (written for the tests,
        # in no training set)
        (("Two helicopters fired missiles at a fuel convoy on the highway north of the capital, the rebels "
          "said."), "Air/drone strike"),
        ("A drone hit a petrol station on the edge of town late on Tuesday, killing its night watchman.",
         "Air/drone strike"),
        (("Mortars fired from the rebel lines landed on a clinic in the old town, injuring two nurses, staff "
          "said."), "Shelling/artillery/missile attack"),
        (("Soldiers clearing a ruined farm discovered a pit holding the remains of at least 30 people, "
          "officials said."), "Other"),
    ],
)
def test_air_strike_shelling_and_other_in_news_style(sentence: str, sub_event_type: str) -> None:
    assert _first_event(sentence)[1] == sub_event_type


def test_strip_formula_removes_date_place_chain_and_tags() -> None:
    note = ("On 8 June 2022, in Villa Nueva (Santa Cruz), residents blocked the road to protest against "
            "water cuts. [size=no report]")
    assert strip_formula(note) == "Residents blocked the road to protest against water cuts."


def test_news_variants_attribute_and_date_the_sentence() -> None:
    variants = news_variants("Gunmen killed two traders in the market.", "KEY1")
    assert len(variants) == 2 and all("Gunmen killed two traders" in v or "gunmen killed two traders" in v.lower()
                                      for v in variants)
    assert variants == news_variants("Gunmen killed two traders in the market.", "KEY1")  # deterministic


def test_priors_cover_every_sub_type() -> None:
    assert set(TEMPLATES) == {*SUB_EVENT_TYPES, NO_EVENT}
    assert {label for _, label in prior_sentences()} == {*SUB_EVENT_TYPES, NO_EVENT}


def test_news_scores_count_missed_and_false_events() -> None:
    gold = ["Armed clash", "Armed clash", "Grenade", NO_EVENT]
    predicted = ["Armed clash", NO_EVENT, "Attack", "Peaceful protest"]
    scores = news_scores(gold, predicted)
    assert scores["event_snippets_with_no_event"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["accuracy_where_event_found"] == 0.5
    assert scores["no_event_snippets_given_an_event"] == 1.0
    assert scores["confusion"]["Armed clash"] == {"Armed clash": 1, NO_EVENT: 1}


def test_dev_set_is_labelled_and_covers_every_sub_type() -> None:
    snippets = read_snippets(DEV_SET)
    counts = {label: sum(s.label == label for s in snippets) for label in LABELS}
    assert len(snippets) >= 300
    assert min(counts.values()) >= 10
    assert {s.register for s in snippets} == {"wire", "state media", "local press"}
    assert len(EVENT_TYPES) == 6


@pytest.mark.issue(15)
def test_eval_events_news_reports_f1_no_event_rate_and_confusion(tmp_path: Path, runner: CliRunner) -> None:
    news = tmp_path / "news.jsonl"
    rows = [{"text": "Hundreds of teachers marched to the ministry on Tuesday to demand unpaid wages.",
             "sub_event_type": "Peaceful protest", "register": "wire"},
            {"text": "The museum will reopen after a two-year renovation, the mayor said.",
             "sub_event_type": NO_EVENT, "register": "local press"}]
    news.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = runner.invoke(cli, ["eval", "events", "--news", str(news)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["counts"] == {"snippets": 2, "event_snippets": 1, "no_event_snippets": 1}
    assert report["event_snippets_sub_event_type_weighted_f1"] == 1.0
    assert report["event_snippets_with_no_event"] == 0.0
    assert report["confusion"]["Peaceful protest"] == {"Peaceful protest": 1}
    assert set(report["by_register"]) == {"wire", "local press"}


def test_eval_events_news_rejects_unlabelled_lines(tmp_path: Path, runner: CliRunner) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text('{"text": "Something happened."}\n', encoding="utf-8")
    result = runner.invoke(cli, ["eval", "events", "--news", str(news)])
    assert result.exit_code != 0 and "E403" in result.output


def test_eval_events_needs_one_data_source(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["eval", "events"])
    assert result.exit_code != 0 and "E404" in result.output


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _analyses(name: str) -> list[Analysis]:
    return [analyze(item) for item in read_articles([str(EXAMPLES / name)], Options()) if isinstance(item, Article)]


@pytest.mark.issue(12)
def test_artillery_fire_that_wounds_two_is_an_event() -> None:
    events = _analyses("aid-convoy-shelled.html")[0].events
    assert len(events) == 1 and events[0].sub_event_type == "Shelling/artillery/missile attack"
    # The follow-up paragraphs (the toll, the witnesses) are the same event, not two more.
    assert any("artillery fire" in span.text for span in events[0].evidence)
    assert any("Two drivers were wounded" in span.text for span in events[0].evidence)


@pytest.mark.issue(12)
def test_a_battle_has_armed_sides_and_no_enemy_as_associate() -> None:
    events = _analyses("militants-routed-near-mayadin.txt")[0].events
    battles = [e for e in events if e.event_type == "Battles"]
    assert battles
    for event in battles:
        names = [a.name for a in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2) if a]
        assert not any(name.startswith("Civilians") for name in names)
        assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of Syria")
        assert event.actor2 is not None and event.actor2.name.startswith("Islamic State")
        assert not any(a.name.startswith("Islamic State") for a in event.assoc_actor_1)


@pytest.mark.issue(12)
def test_drone_strike_on_a_fuel_depot_is_an_air_strike() -> None:
    brief = next(a for a in _analyses("wire-briefs.jsonl") if a.article.id == "brief-001")
    assert brief.events[0].sub_event_type == "Air/drone strike"


@pytest.mark.issue(15)
def test_events_reuse_the_propaganda_reading_of_the_article() -> None:
    text = "Shells hit the market on Tuesday. The mayor said two traders were wounded."
    model = load_model()
    reading = model.read(text)
    assert model.read(text) is reading  # the second read of the same text costs nothing
    vectors = span_vectors(text, [(0, 33), (34, len(text))])
    assert vectors.shape == (2, reading.hidden[0].shape[-1])
    assert model.read(text) is reading


def test_model_card_scores_news_snippets(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"text": "Riot police fired tear gas to break up a peaceful sit-in by teachers.",
                                "sub_event_type": "Protest with intervention"}) + "\n", encoding="utf-8")
    scores = score_news(load_classifier(), news)
    assert scores["counts"] == {"snippets": 1, "event_snippets": 1, "no_event_snippets": 0}
    assert "confusion" not in scores
