"""The golden path on the real seed article (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe.cli.main import cli
from newsprobe.ingest import article_from_text
from newsprobe.model import Analysis
from newsprobe.pipeline import analyze
from newsprobe.settings import Options

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def seed_analysis() -> Analysis:
    from tests.conftest import SEED_ARTICLE

    if not SEED_ARTICLE.is_file():
        pytest.skip("the seed article (../shared/examples) is not available")
    result = CliRunner().invoke(cli, ["analyze", str(SEED_ARTICLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    return Analysis.from_json(result.stdout)


def test_seed_metadata(seed_analysis: Analysis) -> None:
    article = seed_analysis.article
    assert article.title == "From Hell to Hell: the IG Terrorists Who Escaped Abu Kamal Got into Another Trap"
    assert article.outlet == "Русская весна"
    assert article.language == "en"


def test_seed_duplicated_clause_lies_in_the_first_paragraph(seed_analysis: Analysis) -> None:
    text = seed_analysis.article.text
    first_paragraph_start = seed_analysis.article.body_start
    first_paragraph_end = text.index("\n", first_paragraph_start)
    duplicates = [s for s in seed_analysis.signals if s.kind == "duplicate_passage"]
    assert duplicates
    assert all(first_paragraph_start <= s.start and s.end <= first_paragraph_end for s in duplicates)


def test_seed_disclaimer_and_spellings(seed_analysis: Analysis) -> None:
    [disclaimer] = [s for s in seed_analysis.signals if s.kind == "legal_disclaimer"]
    assert disclaimer.text == "* A terrorist organization banned in Russia."
    variants = [s for s in seed_analysis.signals if s.kind == "spelling_variants"]
    spellings = {ref.text for s in variants for ref in [s, *s.related]}
    assert {"Abu Kamal", "Abu Kemal", "Abu-Kemal"} <= spellings


def test_seed_analysis_is_stable_across_runs(seed_analysis: Analysis, tmp_path: Path) -> None:
    assert Analysis.from_json(seed_analysis.to_json()) == seed_analysis


@pytest.mark.issue(19)
def test_seed_loaded_language_in_the_shipped_profile() -> None:
    from tests.conftest import SEED_ARTICLE

    if not SEED_ARTICLE.is_file():
        pytest.skip("the seed article (../shared/examples) is not available")
    options = Options(only=("propaganda",))
    analysis = analyze(article_from_text(SEED_ARTICLE.read_text(encoding="utf-8"), options), options)
    loaded = [span.text for span in analysis.techniques if span.technique == "Loaded_Language"]
    for phrase in ("plague is beaten", "pathetic remnants"):
        assert any(phrase in text for text in loaded), (phrase, loaded)
    assert analysis.propaganda is not None and analysis.propaganda.profile == "fast"
