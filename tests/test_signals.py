"""Provenance signals on sentences written for the tests."""

from __future__ import annotations

import pytest

from newsprobe.model import Analysis, Article
from newsprobe.signals import SignalsAnalyzer
from newsprobe.signals.artefacts import find_artefacts
from newsprobe.signals.disclaimers import find_disclaimers
from newsprobe.signals.duplicates import find_spliced_clauses, find_verbatim_repeats
from newsprobe.signals.spellings import find_spelling_variants
from newsprobe.signals.tokens import consonant_key, tokenize


def _signals(text: str, language: str = "en") -> Analysis:
    analysis = Analysis.of(Article.create(text, language=language))
    SignalsAnalyzer()(analysis)
    return analysis


@pytest.mark.parametrize(("one", "other"), [("Kamal", "Kemal"), ("Muayzilah", "Muaizila"), ("Qaeda", "Qaida")])
def test_consonant_key_folds_transliterations(one: str, other: str) -> None:
    assert consonant_key(one) == consonant_key(other)


SPLICED = (
    "Barely had the rebels regrouped after the battle for the bridge the fighters fled into the hills near "
    "did not manage to recover after the fight for the bridge, the fighters ran away into the hills near Tal Abyad."
)


def test_spliced_translation_is_found_with_both_renderings() -> None:
    [clause] = find_spliced_clauses(SPLICED, tokenize(SPLICED))
    first, second = SPLICED[slice(*clause.first)], SPLICED[slice(*clause.second)]
    assert first.startswith("Barely had the rebels") and first.endswith("into the hills near")
    assert second.startswith("did not manage to recover") and second.endswith("Tal Abyad")


@pytest.mark.parametrize(
    "text",
    [
        "We have seen an increase in the military budget, and we have seen an increase in the intelligence budget.",
        "The army shelled the northern districts of the city while the rebels shelled the southern districts of the town.",
        "Fighting continued in the north. Fighting continued in the south of the province after the army arrived.",
    ],
)
def test_coordinated_parallel_prose_is_not_a_splice(text: str) -> None:
    assert find_spliced_clauses(text, tokenize(text)) == []


def test_verbatim_repeat_anywhere_in_the_body() -> None:
    passage = "the convoy was stopped at the checkpoint for six hours before it was allowed to continue"
    text = f"Officials said {passage}. Other news followed here. Witnesses confirmed that {passage}."
    [repeat] = find_verbatim_repeats(tokenize(text))
    assert text[slice(*repeat.first)] == text[slice(*repeat.second)] == passage
    assert repeat.words == len(passage.split())


@pytest.mark.parametrize(
    ("text", "notice", "language"),
    [
        ("The ISIS* fighters retreated.\n\n* A terrorist organization banned in Russia.", "banned_organisation", "en"),
        ("Meta, recognized as an extremist organization and banned in Russia.", "banned_organisation", "en"),
        ("The report was written by a journalist designated a foreign agent in Russia.", "foreign_agent", "en"),
        ("Боевики ИГ* отступили.\n\n* Террористическая организация, запрещённая в России.", "banned_organisation", "ru"),
        ("Материал подготовлен изданием, признанным иноагентом.", "foreign_agent", "ru"),
    ],
)
def test_disclaimers_reveal_jurisdiction(text: str, notice: str, language: str) -> None:
    [found] = find_disclaimers(text)
    assert found.rule.jurisdiction == "RU" and found.rule.kind == notice


def test_footnote_disclaimer_links_the_marked_names() -> None:
    analysis = _signals("Clash in the east\n\nThe ISIS* fighters retreated.\n\n* A terrorist organization banned in Russia.")
    [signal] = [s for s in analysis.signals if s.kind == "legal_disclaimer"]
    assert signal.text == "* A terrorist organization banned in Russia."
    assert [ref.text for ref in signal.related] == ["ISIS*"]
    assert signal.attributes["jurisdiction"] == "RU"


def test_disclaimer_free_text_has_none() -> None:
    assert find_disclaimers("The government banned the rally in Moscow, police said.") == []


def test_spelling_variants_group_one_place_written_three_ways() -> None:
    text = "Title\n\nTroops entered Deir ez-Zor. Later Deir Ezzor was quiet, and Deir Ez-Zor province too. Deir ez-Zor!"
    [group] = find_spelling_variants(text, 7)
    assert set(group.surfaces) == {"Deir ez-Zor", "Deir Ezzor", "Deir Ez-Zor"}
    assert len(group.mentions) == 4


@pytest.mark.parametrize(
    "text",
    [
        "Israel and Israeli officials met. Israel agreed.",
        "Kurds and Kurdish parties met in the Kurdish capital.",
        "Al Franken spoke. Franken then left.",
        "Pius IX and Pius XI were popes.",
        "Helen Branswell wrote it; follow HelenBranswell online.",
        "NEW YORK — Officials in New York said so.",
    ],
)
def test_inflections_cases_and_joins_are_not_spelling_variants(text: str) -> None:
    assert find_spelling_variants(text, 0) == []


def test_guillemets_and_calques_in_english_text() -> None:
    text = "Title\n\nThe IG militants of the so-called «caliphate» retreated from the Syrian town."
    kinds = [(a.kind, text[a.start : a.end]) for a in find_artefacts(text, 7)]
    assert kinds == [("calque", "IG"), ("guillemets", "«caliphate»")]


def test_inspector_general_is_not_a_calque() -> None:
    text = "The IG report on the FBI said agents acted properly, the inspector general's office added."
    assert find_artefacts(text, 0) == []


def test_translation_artefacts_are_only_looked_for_in_english() -> None:
    russian = _signals("Заголовок\n\nБоевики «Исламского государства» отступили.", language="ru")
    assert not [s for s in russian.signals if s.kind == "translation_artefact"]


def test_analyzer_output_is_sorted_and_valid() -> None:
    analysis = _signals(
        "Trap near Abu Kamal\n\nThe IG* fighters fled Abu Kamal. Later they left Abu-Kemal for the desert.\n\n"
        "* A terrorist organization banned in Russia."
    )
    kinds = [s.kind for s in analysis.signals]
    assert {"translation_artefact", "spelling_variants", "legal_disclaimer"} <= set(kinds)
    assert [s.start for s in analysis.signals] == sorted(s.start for s in analysis.signals)
    variants = next(s for s in analysis.signals if s.kind == "spelling_variants")
    assert variants.attributes["variants"] == "Abu Kamal | Abu-Kemal"
    assert Analysis.from_json(analysis.to_json()) == analysis


@pytest.mark.issue(2)
def test_names_ending_in_a_single_capital_are_whole_mentions() -> None:
    text = "Troops entered Chaung-U township on Monday. Later a farm near the Chuang-U river was shelled."
    [group] = find_spelling_variants(text, 0)
    assert group.surfaces == ("Chaung-U", "Chuang-U")
    assert [text[start:end] for start, end in group.mentions] == ["Chaung-U", "Chuang-U"]
