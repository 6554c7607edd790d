"""The JSON API through HTTP on the ASGI app, over real SQLite and PostgreSQL stores; one real uvicorn run."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from newsprobe import Store
from newsprobe.model import Analysis
from newsprobe.settings import Options
from newsprobe.web import create_app
from store_fixtures import seed_like

pytestmark = pytest.mark.issue(13)
TOKEN = "s3cret-token"
SRC = Path(__file__).resolve().parents[1] / "src"
HOSTILE = ['"', "NEAR(x y)", "*", "((", "'; DROP TABLE articles; --", "\\", "a OR", "%", "-", "NOT"]


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    with Store(store_url) as store:
        store.add_many([seed_like("a"), seed_like("b", outlet="Other Wire", published="2024-04-02")])
        app = create_app(store, token=TOKEN, options=Options(only=("signals",)))
        with TestClient(app) as test_client:
            yield test_client


def test_api_article_is_the_full_analysis(client: TestClient) -> None:
    response = client.get("/api/articles/a")
    assert response.status_code == 200
    assert Analysis.model_validate(response.json()) == seed_like("a")
    missing = client.get("/api/articles/none")
    assert missing.status_code == 404 and missing.json()["detail"]["code"] == "E509"


@pytest.mark.issue(14)
def test_api_ids_with_a_slash_work_like_on_the_pages(client: TestClient) -> None:
    client.app.state.store.add(seed_like("feeds/2024/03 #1?"))  # type: ignore[attr-defined]
    link = "/api/articles/" + quote("feeds/2024/03 #1?")  # "/" kept as a path separator, as page links write it
    assert client.get(link).json()["article"]["id"] == "feeds/2024/03 #1?"
    assert client.get("/api/articles/" + quote("feeds/2024/03 #1?", safe="")).status_code == 200
    assert client.get("/api/articles/feeds/2024").status_code == 404
    assert client.delete(link, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 204
    assert client.get(link).status_code == 404


def test_api_articles_filter_and_page(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert [item["id"] for item in first["items"]] == ["b"]
    second = client.get("/api/articles", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert [item["id"] for item in second["items"]] == ["a"] and second["next_cursor"] is None
    assert [i["id"] for i in client.get("/api/articles", params={"outlet": "Other Wire"}).json()["items"]] == ["b"]
    dated = client.get("/api/articles", params={"date_from": "2024-04-01", "country": "Syria"}).json()
    assert [i["id"] for i in dated["items"]] == ["b"]


@pytest.mark.parametrize(("params", "field"), [
    ({"date_from": "2024-13-01"}, "date_from"), ({"date_to": "yesterday"}, "date_to"), ({"limit": 0}, "limit"),
    ({"cursor": "garbage"}, "cursor"), ({"outlet": "a\x00b"}, "outlet"),
])
def test_api_malformed_filters_are_422_naming_the_field(client: TestClient, params: dict, field: str) -> None:
    response = client.get("/api/articles", params=params)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == field


def test_api_search_finds_highlights_and_counts(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Muayzilah"}).json()
    assert body["total"] == 2 and "<mark>Muayzilah</mark>" in body["hits"][0]["snippet"]
    assert body["facets"]["technique"] == [{"value": "Name_Calling,Labeling", "count": 2}]
    assert {f["value"] for f in body["facets"]["outlet"]} == {"Example Front", "Other Wire"}
    assert client.get("/api/search").status_code == 422


@pytest.mark.parametrize("query", HOSTILE)
def test_api_search_any_query_is_text(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200 and response.json()["total"] >= 0


def test_api_events_as_json_csv_and_geojson(client: TestClient) -> None:
    page = client.get("/api/events", params={"country": "Syria"}).json()
    assert [(e["article_id"], e["event_type"], e["fatalities_best"]) for e in page["items"]] == [
        ("b", "Battles", 50), ("a", "Battles", 50)]
    listed = client.get("/api/events", params={"country": "SY", "format": "csv", "limit": 1})
    assert listed.headers["content-type"].startswith("text/csv") and listed.headers["x-next-cursor"]
    [row] = list(csv.DictReader(io.StringIO(listed.text)))
    assert (row["event_type"], row["sub_event_type"], row["fatalities"], row["location"]) == (
        "Battles", "Armed clash", "50", "Muayzilah")
    geo = client.get("/api/events", params={"bbox": "40,34,41,35", "format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["coordinates"] == [40.5, 34.6]
    assert client.get("/api/events", params={"bbox": "1,2"}).status_code == 422
    assert client.get("/api/events", params={"actor": "Nobody"}).json()["items"] == []


def test_api_outlets_and_facets(client: TestClient) -> None:
    outlets = {o["name"]: o for o in client.get("/api/outlets").json()}
    assert outlets["Other Wire"]["articles"] == 1 and outlets["Example Front"]["techniques_per_article"] == 1.0
    facets = client.get("/api/facets", params={"outlet": "Other Wire"}).json()
    assert facets["month"] == [{"value": "2024-04", "count": 1}]


def test_api_analyze_does_not_store(client: TestClient) -> None:
    text = "Strike on depot\n\nA drone hit a fuel depot on Monday.\n* A terrorist organization banned in Russia."
    response = client.post("/api/analyze", json={"text": text, "outlet": "Example Wire"})
    assert response.status_code == 200
    analysis = Analysis.model_validate(response.json())
    assert analysis.article.outlet == "Example Wire" and analysis.signals
    assert client.get(f"/api/articles/{analysis.id}").status_code == 404
    assert client.post("/api/analyze", json={}).status_code == 422
    assert client.post("/api/analyze", json={"text": "   "}).json()["detail"]["code"] == "E001"


def test_api_writes_need_the_token(client: TestClient) -> None:
    text = {"text": "Strike on depot\n\nA drone hit a fuel depot on Monday."}
    assert client.post("/api/articles", json=text).status_code == 401
    assert client.post("/api/articles", json=text, headers={"Authorization": "Bearer wrong"}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = client.post("/api/articles", json=text, headers=auth)
    assert created.status_code == 201 and created.json()["outcome"] == "new"
    assert client.delete(f"/api/articles/{created.json()['id']}").status_code == 401
    assert client.delete(f"/api/articles/{created.json()['id']}", headers=auth).status_code == 204
    assert client.delete("/api/articles/none", headers=auth).status_code == 404


def test_api_without_a_token_is_read_only(tmp_path: Path) -> None:
    with Store(str(tmp_path / "ro.db")) as store, TestClient(create_app(store)) as client:
        response = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer x"})
        assert response.status_code == 403 and response.json()["detail"]["code"] == "E510"
        assert client.get("/openapi.json").json()["info"]["title"] == "newsprobe"


def test_api_store_failure_is_a_503_with_a_code(tmp_path: Path) -> None:
    with Store(str(tmp_path / "broken.db")) as store, TestClient(create_app(store)) as client:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE articles_fts")
        response = client.get("/api/search", params={"q": "anything"})
        assert response.status_code == 503 and response.json()["detail"]["code"] == "E512"


def test_serve_runs_a_real_uvicorn(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    with Store(str(db)) as store:
        store.add(seed_like())
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsprobe", "serve", "--db", str(db), "--port", str(port)],
                               env={**os.environ, "PYTHONPATH": str(SRC), "NEWSPROBE_TOKEN": ""},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        response = _get_when_up(f"http://127.0.0.1:{port}/api/search?q=Muayzilah", process)
        assert response.status_code == 200 and response.json()["hits"][0]["id"] == "seed-1"
        assert httpx.get(f"http://127.0.0.1:{port}/docs").status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=30)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get_when_up(url: str, process: subprocess.Popen[bytes]) -> httpx.Response:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode() if process.stderr else "serve exited")
        try:
            return httpx.get(url, timeout=10)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("newsprobe serve did not answer within 120 s")
