"""The pages over real HTTP (`newsprobe serve` in its own process): JSON twins, headers, downloads, escaping."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from newsprobe.store import Store
from newsprobe.web.pages import month_range, safe_href
from newsprobe.web.security import content_security_policy
from web_fixtures import HOSTILE, PAYLOAD, serving

pytestmark = pytest.mark.issue(14)

PAGES = {"/": "counts", "/search?q=Mayadin": "hits", "/articles/eb-2025-03-12": "segments", "/outlets": "outlets",
         "/outlets/Northbridge%20Wire": "technique_rates", "/events?event_type=Battles": "events",
         "/events/clusters": "clusters"}


@pytest.fixture(params=["sqlite", "postgresql"])
def any_served(request: pytest.FixtureRequest) -> str:
    """The served store on SQLite, then the same analyses on PostgreSQL."""
    return str(request.getfixturevalue("served" if request.param == "sqlite" else "served_postgres"))


@pytest.mark.parametrize(("path", "key"), PAGES.items())
def test_pages_have_a_json_twin_and_security_headers(any_served: str, path: str, key: str) -> None:
    page = httpx.get(any_served + path)
    twin = httpx.get(any_served + path + ("&" if "?" in path else "?") + "format=json")
    assert page.status_code == twin.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert key in twin.json()
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert 'rel="alternate" type="application/json"' in page.text


def test_pages_overview_numbers_match_its_json(any_served: str) -> None:
    counts = httpx.get(any_served + "/?format=json").json()["counts"]
    assert counts["articles"] >= 32 and counts["outlets"] >= 6
    assert f"<b>{counts['articles']}</b>articles" in httpx.get(any_served + "/").text


def test_pages_clusters_agree_on_sqlite_and_postgresql(served: str, served_postgres: str) -> None:
    on_sqlite, on_postgres = (httpx.get(base + "/events/clusters?format=json").json() for base in (served, served_postgres))
    assert on_sqlite == on_postgres and on_sqlite["clusters"]


def test_pages_unknown_article_and_outlet_are_404(served: str) -> None:
    assert httpx.get(served + "/articles/nope").status_code == 404
    missing = httpx.get(served + "/outlets/Nobody?format=json")
    assert missing.status_code == 404 and "not in this store" in missing.json()["error"]


def test_pages_malformed_filter_is_422_naming_the_field(served: str) -> None:
    response = httpx.get(served + "/events?date_from=yesterday")
    assert response.status_code == 422 and "date_from" in response.text


def test_pages_downloads_report_and_acled_rows(served: str) -> None:
    report = httpx.get(served + f"/articles/{quote(HOSTILE['id'])}/report.html")
    assert report.headers["content-disposition"].startswith("attachment")
    assert "<script>alert" not in report.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in report.text
    rows = list(csv.DictReader(io.StringIO(httpx.get(served + "/articles/nw-2025-05-20/events.csv").text)))
    assert rows and rows[0]["event_type"] == "Explosions/Remote violence" and rows[0]["fatalities"] == "6"


def test_pages_hostile_text_is_escaped_in_the_html(served: str) -> None:
    for path in (f"/articles/{quote(HOSTILE['id'])}", "/search?q=" + quote(PAYLOAD), "/"):
        body = httpx.get(served + path).text
        assert "<script>alert" not in body and "<img src=x" not in body
        assert 'href="javascript:' not in body
    link = "/articles/" + quote(HOSTILE["id"])  # the id holds "/", a space, "?" and "#"
    assert f'href="{link}"' in httpx.get(served + "/search?q=Hostile").text
    assert httpx.get(served + link + "/events.csv").status_code == 200


def test_pages_analyse_shows_an_article_without_storing_it(served: str) -> None:
    before = httpx.get(served + "/?format=json").json()["counts"]["articles"]
    text = "Shelling in Kherson\n\nArtillery hit Kherson on Monday, killing two civilians, officials said."
    page = httpx.post(served + "/analyse", data={"text": text}, timeout=60)
    assert page.status_code == 200 and 'id="text"' in page.text and "Kherson" in page.text
    empty = httpx.post(served + "/analyse", data={"text": " "})
    assert empty.status_code == 422
    refused = httpx.post(served + "/analyse", data={"text": text, "token": "guess"}, timeout=60)
    assert "[E510]" in refused.text  # this server was started without a token: storing is off
    assert httpx.get(served + "/?format=json").json()["counts"]["articles"] == before


def test_pages_analyse_stores_only_with_the_serve_token(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    Store(url).close()
    text = "Shelling in Kherson\n\nArtillery hit Kherson on Monday, killing two civilians, officials said."
    with serving(url, "--token", "s3cret") as base:
        wrong = httpx.post(base + "/analyse", data={"text": text, "token": "s3cre"}, timeout=60)
        assert "[E511]" in wrong.text
        assert httpx.get(base + "/?format=json").json()["counts"]["articles"] == 0
        stored = httpx.post(base + "/analyse", data={"text": text, "token": "s3cret"}, timeout=60)
        assert "Stored: new" in stored.text
        assert httpx.get(base + "/?format=json").json()["counts"]["articles"] == 1


def test_month_range_turns_a_month_facet_into_dates() -> None:
    assert month_range("month", "2024-02") == {"date_from": "2024-02-01", "date_to": "2024-02-29"}
    assert month_range("outlet", "Wire") == {"outlet": "Wire"}


@pytest.mark.parametrize(("url", "href"), [("https://example.org/a", "https://example.org/a"),
                                           ("javascript:alert(1)", "#"), ("data:text/html,x", "#"), (None, "#")])
def test_safe_href_links_only_web_addresses(url: str | None, href: str) -> None:
    assert safe_href(url) == href


def test_online_tiles_are_opt_in_and_widen_only_img_src() -> None:
    assert "tile" not in content_security_policy(None)
    policy = content_security_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.example.org;" in policy


def test_pages_article_list_pages_with_a_cursor(served: str) -> None:
    first = httpx.get(served + "/search?format=json").json()
    second = httpx.get(served + "/search", params={"cursor": first["next_cursor"], "format": "json"}).json()
    assert first["total"] > 20 and len(first["hits"]) == 20 and second["hits"]
    assert not {hit["id"] for hit in first["hits"]} & {hit["id"] for hit in second["hits"]}
    assert httpx.get(served + "/search?cursor=bogus").status_code == 422


@pytest.mark.issue(14)
def test_pages_outlet_rates_are_per_1000_words(served: str) -> None:
    data = httpx.get(served + "/outlets/Northbridge%20Wire?format=json").json()
    profile, months = data["profile"], data["rates_by_month"]
    spans = sum(profile["techniques"].values())
    assert profile["words"] > 0 and profile["techniques_per_1000_words"] == round(1000 * spans / profile["words"], 3)
    assert sum(row["words"] for row in months) <= profile["words"] and all(row["corpus"] is not None for row in months)
    page = httpx.get(served + "/outlets/Northbridge%20Wire").text
    assert "per 1,000 words" in page and 'id="rates-by-month"' in page


def test_pages_outlet_lists_only_its_events(served: str) -> None:
    data = httpx.get(served + "/outlets/Northbridge%20Wire?format=json").json()
    assert data["events"] and {event["outlet"] for event in data["events"]} == {"Northbridge Wire"}
