"""Propaganda profiles: chosen in `Options` and the CLI, recorded in the analysis, refused when unknown or
not installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsprobe
from model_fixtures import stand_in_accurate_model
from newsprobe import Store
from newsprobe.cli.main import cli
from newsprobe.corpus.ingest import ingest
from newsprobe.errors import NewsprobeError
from newsprobe.pipeline import analyzer_versions, registry
from newsprobe.propaganda.archive import has_model, pack_model
from newsprobe.propaganda.model import MODEL_DIR, PropagandaModel
from newsprobe.propaganda.profiles import (
    PROFILES,
    default_run_folder,
    install_model,
    model_version,
    profile_dir,
)
from newsprobe.settings import PROPAGANDA_PROFILES, Options

TEXT = ("Opinion: the truth they hide\n\n"
        "These spineless bureaucrats have betrayed every family in the valley, again and again.\n"
        "The council will meet on Tuesday to discuss the new bus timetable.\n")


@pytest.fixture
def other_model(tmp_path: Path) -> Path:
    return stand_in_accurate_model(tmp_path / "accurate", "2026-11-30T10:00:00+00:00")


def test_the_profiles_the_cli_offers_are_the_ones_installed() -> None:
    assert tuple(PROFILES) == PROPAGANDA_PROFILES == ("fast", "accurate")
    assert profile_dir("fast") == MODEL_DIR


@pytest.mark.issue(19)
def test_the_default_analysis_records_the_fast_profile_and_its_model() -> None:
    summary = newsprobe.analyze(TEXT, Options(only=("propaganda",))).propaganda
    assert summary is not None and summary.profile == "fast"
    card = json.loads((MODEL_DIR / "card.json").read_text(encoding="utf-8"))
    assert summary.model == model_version(card) == f"minilm-l6@{card['created']}"


@pytest.mark.issue(19)
def test_the_library_options_choose_the_model_and_the_analysis_says_which(other_model: Path) -> None:
    options = Options(only=("propaganda",), propaganda_profile="accurate", propaganda_model=str(other_model))
    analysis = newsprobe.analyze(TEXT, options)
    assert analysis.propaganda is not None
    assert (analysis.propaganda.profile, analysis.propaganda.model) == ("accurate", "mpnet-base@2026-11-30T10:00:00+00:00")
    assert analysis.analyzers["propaganda"] == "propaganda.v2+accurate"
    # The fast profile is still served, by its own analyzer.
    assert newsprobe.analyze(TEXT, Options(only=("propaganda",))).propaganda.profile == "fast"  # type: ignore[union-attr]


@pytest.mark.issue(19)
def test_the_cli_profile_reaches_the_json(runner: CliRunner, tmp_path: Path, other_model: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(article), "-f", "json", "--only", "propaganda",
                                 "--profile", "accurate", "--propaganda-model", str(other_model)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["propaganda"]
    assert summary["profile"] == "accurate" and summary["model"].startswith("mpnet-base@")


@pytest.mark.issue(19)
def test_a_missing_model_or_an_unknown_profile_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(NewsprobeError) as missing:
        profile_dir("accurate", tmp_path / "nothing-here")
    assert "[E114]" in missing.value.describe() and "nothing-here is not a propaganda model" in missing.value.describe()
    with pytest.raises(NewsprobeError) as unknown:
        newsprobe.analyze(TEXT, Options(only=("propaganda",), propaganda_profile="huge"))
    assert "[E111]" in unknown.value.describe()


@pytest.mark.issue(19)
def test_the_version_names_a_profile_other_than_the_default() -> None:
    assert analyzer_versions(Options(only=("propaganda",))) == {"signals": "signals.v1", "propaganda": "propaganda.v2"}
    accurate = analyzer_versions(Options(propaganda_profile="accurate"))
    assert accurate["propaganda"] == "propaganda.v2+accurate" and accurate["places"] == "places." + (
        registry.analyzer_class("places").version)


@pytest.mark.issue(19)
def test_ingesting_again_with_the_other_profile_replaces_the_techniques(tmp_path: Path, other_model: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    fast = Options(only=("propaganda",))
    accurate = Options(only=("propaganda",), propaganda_profile="accurate", propaganda_model=str(other_model))
    with Store(f"sqlite:///{tmp_path / 'news.db'}") as store:
        outcomes = [[outcome for outcome, _ in ingest([str(article)], store, options)]
                    for options in (fast, fast, accurate, accurate, fast)]
        assert outcomes == [["new"], ["unchanged"], ["updated"], ["unchanged"], ["updated"]]
        [stored] = store.get_many(store.ids())
    assert stored.propaganda is not None and stored.propaganda.profile == "fast"
    assert stored.analyzers["propaganda"] == "propaganda.v2"


@pytest.mark.issue(19)
def test_the_cli_says_how_to_get_an_accurate_model_when_none_is_installed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(PROFILES, "accurate", tmp_path / "not-installed")
    registry._build.cache_clear()  # an analyzer built earlier with the installed model would be reused
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(article), "--only", "propaganda", "--profile", "accurate"])
    assert result.exit_code == 2
    assert "[E110]" in result.output and "--encoder mpnet-base" in result.output


@pytest.mark.issue(19)
def test_a_model_packed_into_one_file_reads_as_its_folder_does(tmp_path: Path, other_model: Path) -> None:
    archive = tmp_path / "packed.zip"
    size = pack_model(other_model, archive)
    assert size == archive.stat().st_size and has_model(archive) and not (tmp_path / "packed.zip.partial").exists()
    text = TEXT * 3
    assert PropagandaModel(archive).predict(text) == PropagandaModel(other_model).predict(text)
    assert profile_dir("accurate", archive) == archive


@pytest.mark.issue(19)
def test_a_broken_or_incomplete_model_file_is_a_coded_error(tmp_path: Path, other_model: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(NewsprobeError) as not_a_model:
        profile_dir("accurate", broken)
    assert "[E114]" in not_a_model.value.describe()
    (other_model / "span_head.onnx").unlink()
    with pytest.raises(NewsprobeError) as incomplete:
        pack_model(other_model, tmp_path / "incomplete.zip")
    assert "[E015]" in incomplete.value.describe() and not (tmp_path / "incomplete.zip").exists()


@pytest.mark.issue(19)
def test_installing_a_base_size_model_replaces_the_accurate_file(
    tmp_path: Path, other_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "models" / "accurate.zip"
    installed.parent.mkdir()
    installed.write_bytes(b"an older model")
    monkeypatch.setitem(PROFILES, "accurate", installed)
    assert install_model(other_model) == installed
    assert PropagandaModel(profile_dir("accurate")).card["created"] == "2026-11-30T10:00:00+00:00"
    # Without --out, base-size training happens in the user cache, never inside the package.
    assert default_run_folder("mpnet-base").parts[-2:] == ("training", "mpnet-base")
    assert default_run_folder("minilm-l6") == MODEL_DIR
