"""The time budget per article (issue 18): over it, the article fails alone with E030, in any thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe import analyze
from newsprobe.budget import OverBudget, check_budget, time_budget
from newsprobe.cli.main import cli
from newsprobe.errors import InputError
from newsprobe.ingest import article_from_text
from newsprobe.model import Analysis
from newsprobe.pipeline import Pipeline, analyze_many
from newsprobe.pipeline.families import family_text
from newsprobe.quantities.grammar import find_matches
from newsprobe.settings import Options

SHORT = "Shelling near Raqqa\n\nGovernment forces shelled positions near Raqqa on Monday, killing at least 12 militants."
RUSHED = Options(only=("signals", "quantities"), max_seconds=1e-9)

pytestmark = pytest.mark.issue(18)


def test_no_budget_never_raises() -> None:
    check_budget("anywhere")
    with time_budget(None):
        check_budget("anywhere")


def test_a_passed_deadline_raises_inside_a_long_loop() -> None:
    with time_budget(1e-9), pytest.raises(OverBudget) as caught:
        find_matches(family_text("number-words", 5_000))
    assert caught.value.where == "the quantities grammar"


def test_over_budget_is_e030_and_the_batch_goes_on(tmp_path: Path) -> None:
    paths = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SHORT, encoding="utf-8")
        paths.append(str(tmp_path / name))
    results = list(analyze_many(paths, RUSHED))
    assert [result.code for result in results if isinstance(result, InputError)] == ["E030", "E030"]
    assert "time budget of 1e-09 s" in results[0].describe()
    assert [result.article.text for result in analyze_many(paths, Options(only=("signals",)))
            if isinstance(result, Analysis)] == [SHORT, SHORT]


def test_the_budget_holds_in_a_worker_thread_and_does_not_leak() -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        error = pool.submit(lambda: pytest.raises(InputError, analyze, SHORT, RUSHED)).result()
    assert error.value.code == "E030"
    check_budget("the main thread, which has no budget")


def test_a_long_article_stops_at_the_first_check_past_its_budget() -> None:
    # actors and claims read places, whose spaCy pass over 200,000 characters alone takes seconds: a 0.2 s
    # budget must stop the article there, before the analyzers after it spend anything.
    options = Options(only=("quantities", "actors", "claims"), max_seconds=0.2)
    pipeline = Pipeline(options)  # analyzers load outside the budget
    article = article_from_text(family_text("news", 200_000), options)
    with pytest.raises(InputError) as caught:
        pipeline(article)
    assert caught.value.code == "E030"
    assert pipeline.seconds["actors"] == pipeline.seconds["claims"] == 0.0


def test_cli_max_seconds(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SHORT, encoding="utf-8")
    rushed = runner.invoke(cli, ["analyze", str(path), "--only", "signals", "--max-seconds", "1e-9", "-f", "jsonl"])
    assert rushed.exit_code == 1 and "[E030]" in rushed.stderr
    unbounded = runner.invoke(cli, ["analyze", str(path), "--only", "signals", "--max-seconds", "0", "-f", "jsonl"])
    assert unbounded.exit_code == 0, unbounded.output
