"""Date resolution: absolute and relative expressions against the publication date, ACLED precision."""

from __future__ import annotations

import pytest

from newsprobe.events import resolve_date

PUBLISHED = "2024-05-10"  # a Friday


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        ("On 23 February 2022, rebels attacked a convoy.", None, "2022-02-23", 1),
        ("Fighting broke out on March 4, 2021 near the dam.", None, "2021-03-04", 1),
        ("Around 6 March 2022 (week of), militias clashed.", None, "2022-03-06", 2),
        ("Around 15 March 2022 (month of), herders were shot.", None, "2022-03-15", 3),
        ("Militants attacked a checkpoint on Tuesday.", PUBLISHED, "2024-05-07", 1),
        ("Militants attacked a checkpoint on Friday.", PUBLISHED, "2024-05-10", 1),
        ("The village was shelled yesterday.", PUBLISHED, "2024-05-09", 1),
        ("Drones struck the depot at night.", PUBLISHED, "2024-05-10", 1),
        ("Two soldiers died in an ambush last week.", PUBLISHED, "2024-05-03", 2),
        ("The base was hit three days ago.", PUBLISHED, "2024-05-07", 1),
        ("Protesters gathered in the square last month.", PUBLISHED, "2024-04-01", 3),
        ("The town was captured in March.", PUBLISHED, "2024-03-01", 3),
        ("The town was captured in June.", PUBLISHED, "2023-06-01", 3),
        ("Police fired on the crowd on 3 January.", "2024-01-10", "2024-01-03", 1),
        ("Police fired on the crowd on 3 January.", "2024-01-01", "2023-01-03", 1),
        ("Troops had earlier retaken the village.", PUBLISHED, "2024-05-10", 2),
    ],
)
def test_dates_resolve(text: str, published: str | None, date: str, precision: int) -> None:
    resolved = resolve_date(text, [(0, len(text))], published)
    assert (resolved.date, resolved.time_precision) == (date, precision)
    assert resolved.evidence is not None and resolved.evidence.text in text


@pytest.mark.parametrize("text", ["Troops had earlier retaken the village.", "Rebels attacked on Sunday."])
def test_dates_relative_without_publication_is_null_with_note(text: str) -> None:
    resolved = resolve_date(text, [(0, len(text))], None)
    assert resolved.date is None and resolved.time_precision is None
    assert "publication date is unknown" in (resolved.note or "")


def test_dates_unstated_falls_back_to_publication_week() -> None:
    text = "Rebels attacked a police post."
    resolved = resolve_date(text, [(0, len(text))], PUBLISHED)
    assert (resolved.date, resolved.time_precision, resolved.evidence) == (PUBLISHED, 2, None)
    assert "no date stated" in (resolved.note or "")


def test_dates_unstated_and_unpublished_is_null() -> None:
    text = "Rebels attacked a police post."
    assert resolve_date(text, [(0, len(text))], None).date is None
