"""The web app in a real browser (Debian's chromium via Playwright) against a real `newsprobe serve`."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from web_fixtures import HOSTILE, OUTPUT, PAYLOAD, REPO

SEED_ID = "6acbe3795732d86f"
pytestmark = pytest.mark.issue(14)


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    """A fresh tab that may reach the server only; alerts (a script we did not write ran) fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=served)
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served)
                  else (outside.append(route.request.url), route.abort()))
    tab = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert outside == [], "a page asked for something outside the server"
    assert dialogs == [], "article-derived text ran as script"
    assert errors == []


@pytest.fixture
def seed(seed_article_path: Any) -> str:
    return SEED_ID


def shot(tab: Any, name: str) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(OUTPUT / f"{name}.png"))


@pytest.mark.corpus
def test_browser_seed_article_shows_highlights_and_legend(page: Any, seed: str) -> None:
    page.goto(f"/articles/{seed}")
    assert page.locator('#text mark[data-on="techniques"]').count() > 0
    assert "pathetic remnants" in " ".join(page.locator('#text mark[data-layers~="techniques"]').all_inner_texts())
    assert page.locator('#legend .key[data-layer="techniques"]').count() > 0
    assert "Loaded language" in page.inner_text("#legend")
    shot(page, "seed-article")


@pytest.mark.corpus
def test_browser_toggling_a_layer_hides_its_marks(page: Any, seed: str) -> None:
    page.goto(f"/articles/{seed}")
    places = page.locator('#text mark[data-on="places"]')
    assert places.count() > 0
    page.uncheck('input[data-layer="places"]')
    assert places.count() == 0
    page.uncheck('input[data-layer="techniques"]')
    assert page.locator('#text mark[data-on="techniques"]').count() == 0
    page.check('input[data-layer="places"]')
    assert places.count() > 0


@pytest.mark.corpus
def test_browser_confidence_slider_hides_weak_techniques(page: Any, seed: str) -> None:
    page.goto(f"/articles/{seed}")
    shown = page.locator('#text mark[data-on="techniques"]')
    before = shown.count()
    page.fill("#confidence", "0.3")
    page.dispatch_event("#confidence", "input")
    assert 0 < shown.count() < before
    scores = [float(s) for s in shown.evaluate_all("marks => marks.map(m => m.dataset.score)")]
    assert min(scores) >= 0.3


@pytest.mark.corpus
def test_browser_fatalities_evidence_scrolls_to_and_flashes_the_span(page: Any, seed: str) -> None:
    page.goto(f"/articles/{seed}")
    page.evaluate("window.scrollTo(0, 0)")
    page.click('#events a.evidence[data-field="fatalities"] >> nth=0')
    flashed = page.locator("#text .flash")
    assert "".join(flashed.all_inner_texts()) == "around 50 terrorists"
    box = flashed.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900
    assert page.evaluate("window.scrollY") > 0


@pytest.mark.corpus
def test_browser_map_has_abu_kamal_and_draws_the_base_layer_offline(page: Any, seed: str) -> None:
    page.goto(f"/articles/{seed}")
    page.wait_for_selector('#places-map[data-base-layer="drawn"]')
    assert page.locator("#places-map path.leaflet-interactive").count() > 100  # the countries
    marker = page.locator('#places-map img.leaflet-marker-icon[title*="Ālbū Kamāl"]')
    assert marker.count() >= 1
    points = page.evaluate("JSON.parse(document.getElementById('place-points').textContent)")
    abu_kamal = next(p for p in points if "Ālbū Kamāl" in p["label"])
    assert abu_kamal["lat"] == pytest.approx(34.45, abs=0.05) and abu_kamal["lon"] == pytest.approx(40.92, abs=0.05)


@pytest.mark.corpus
def test_browser_search_finds_the_seed_with_a_highlighted_snippet(page: Any, seed: str) -> None:
    page.goto("/search?q=Muayzilah")
    hit = page.locator("table.articles tr", has=page.locator(f'a[href="/articles/{seed}"]'))
    assert hit.count() == 1
    assert "Muayzilah" in hit.locator(".snippet mark").first.inner_text()


def test_browser_facet_click_narrows_the_search(page: Any) -> None:
    page.goto("/search?q=Kramatorsk")
    total = int(page.inner_text("#summary").split()[0])
    page.click('ul[data-facet="outlet"] a:text-is("Northbridge Wire")')
    page.wait_for_url("**outlet=Northbridge+Wire**")
    narrowed = int(page.inner_text("#summary").split()[0])
    assert 0 < narrowed < total
    outlets = page.locator("table.articles tr td:nth-child(2)").all_inner_texts()
    assert set(outlets) == {"Northbridge Wire"}
    assert "Kramatorsk" in page.locator(".snippet mark").first.inner_text()


@pytest.mark.corpus
def test_browser_outlet_page_of_russkaya_vesna(page: Any, seed: str) -> None:
    page.goto(f"/outlets/{quote('Русская весна')}")
    assert page.inner_text("h1") == "Русская весна"
    assert "jurisdiction RU" in page.inner_text("#signals")
    assert page.locator(f'a[href="/articles/{seed}"]').count() >= 1


def test_browser_cluster_page_shows_two_outlets_versions_of_one_event(page: Any) -> None:
    page.goto("/events/clusters")
    kramatorsk = page.locator(".cluster", has=page.locator(".telling", has_text="Kramatorsk")).first
    tellings = kramatorsk.locator(".telling")
    outlets = {tellings.nth(i).locator("b").inner_text() for i in range(tellings.count())}
    assert {"Northbridge Wire", "Eastern Bulletin"} <= outlets
    fatalities = set(kramatorsk.locator(".fatalities").all_inner_texts())
    assert {"6", "2"} <= fatalities  # the disagreement is visible


def test_browser_events_page_has_table_map_and_timeline(page: Any) -> None:
    page.goto("/events?country=UA")
    page.wait_for_selector('#events-map[data-base-layer="drawn"]')
    assert int(page.get_attribute("#events-map", "data-markers") or 0) > 0
    countries = set(page.locator("table.events tr td:nth-child(6)").all_inner_texts())
    assert countries == {"UA"}
    assert page.locator("svg.chart rect").count() > 0


@pytest.mark.parametrize("path", [
    f"/articles/{quote(HOSTILE['id'])}", "/search?q=Hostile", f"/outlets/{quote(HOSTILE['outlet'], safe='')}", "/",
    "/outlets", "/events", "/search?outlet=" + quote(HOSTILE["outlet"]),
])
def test_browser_hostile_article_is_shown_as_text(page: Any, path: str) -> None:
    page.goto(path)
    assert PAYLOAD in page.inner_text("main")
    assert page.locator("main img[src='x'], main script:not([type='application/json'])").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0


def test_browser_hostile_search_query_is_echoed_escaped(page: Any) -> None:
    page.goto("/search?q=" + quote(PAYLOAD))
    assert page.input_value('#search-form input[name="q"]') == PAYLOAD
    assert PAYLOAD in page.inner_text("#summary")
    assert page.locator("main img[src='x']").count() == 0


def test_browser_screenshots_for_the_readme(page: Any) -> None:
    """Screenshots of a demo article and of the events map; with NEWSPROBE_DOCS_SCREENSHOTS=1 also the README's."""
    page.goto("/articles/eb-2025-01-14")
    page.wait_for_selector('#places-map[data-base-layer="drawn"]')
    shot(page, "article")
    page.goto("/events")
    page.wait_for_selector('#events-map[data-base-layer="drawn"]')
    shot(page, "events-map")
    if os.environ.get("NEWSPROBE_DOCS_SCREENSHOTS"):
        target = REPO / "docs" / "screenshots"
        target.mkdir(parents=True, exist_ok=True)
        for name in ("article", "events-map"):
            shutil.copyfile(OUTPUT / f"{name}.png", target / f"{name}.png")


def test_browser_event_filters_form_narrows_and_keeps_empty_fields_out_of_the_url(page: Any) -> None:
    page.goto("/events")
    page.select_option('#event-filters select[name="event_type"]', "Protests")
    page.click("#event-filters button")
    page.wait_for_url("**/events?event_type=Protests")
    types = set(page.locator("table.events tr td:nth-child(2)").all_inner_texts())
    assert types and all(kind.startswith("Protests") for kind in types)
