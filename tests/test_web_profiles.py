"""The propaganda profile in the web app: the server's default, chosen per request in the API and the analyse
form, shown on the article page; a profile without a model is a coded error, not a server error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from model_fixtures import stand_in_accurate_model
from newsprobe import Store
from newsprobe.model import Analysis
from newsprobe.pipeline import registry
from newsprobe.propaganda.profiles import PROFILES
from newsprobe.settings import Options
from newsprobe.web import create_app

pytestmark = pytest.mark.issue(19)
TEXT = ("Opinion: the truth they hide\n\n"
        "These spineless bureaucrats have betrayed every family in the valley, again and again.\n")


@pytest.fixture
def stand_in_model(tmp_path: Path) -> Path:
    return stand_in_accurate_model(tmp_path / "accurate", "2026-11-30T12:00:00+00:00")


@pytest.fixture
def client(tmp_path: Path, stand_in_model: Path) -> Iterator[TestClient]:
    options = Options(only=("propaganda",), propaganda_profile="accurate", propaganda_model=str(stand_in_model))
    with Store(f"sqlite:///{tmp_path / 'news.db'}") as store, TestClient(create_app(store, options=options)) as test:
        yield test


def _profile_and_model(response_json: dict) -> tuple[str, str]:
    summary = Analysis.model_validate(response_json).propaganda
    assert summary is not None and summary.profile and summary.model
    return summary.profile, summary.model


def test_the_api_uses_the_servers_profile_unless_the_request_chooses(client: TestClient) -> None:
    served = client.post("/api/analyze", json={"text": TEXT})
    assert _profile_and_model(served.json()) == ("accurate", "mpnet-base@2026-11-30T12:00:00+00:00")
    fast = client.post("/api/analyze", json={"text": TEXT, "profile": "fast"})
    assert _profile_and_model(fast.json())[0] == "fast"
    assert _profile_and_model(fast.json())[1].startswith("minilm-l6@")
    assert client.post("/api/analyze", json={"text": TEXT, "profile": "huge"}).status_code == 422


def test_the_form_offers_the_profiles_and_the_page_says_which_ran(client: TestClient) -> None:
    form = client.get("/analyse").text
    assert '<option value="accurate" selected>' in form and '<option value="fast">' in form
    page = client.post("/analyse", data={"text": TEXT, "profile": "fast"})
    assert page.status_code == 200
    assert "Techniques by the <b>fast</b> model (minilm-l6@" in page.text
    assert '<option value="fast" selected>' in page.text
    served = client.post("/analyse", data={"text": TEXT})
    assert "Techniques by the <b>accurate</b> model (mpnet-base@2026-11-30T12:00:00+00:00)" in served.text


def test_a_profile_without_a_model_is_a_coded_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PROFILES, "accurate", tmp_path / "not-installed")
    registry._build.cache_clear()  # an analyzer built earlier in this process with the installed model
    options = Options(only=("propaganda",), max_seconds=29.0)  # options no other test's cached pipeline has
    with Store(f"sqlite:///{tmp_path / 'news.db'}") as store, TestClient(create_app(store, options=options)) as client:
        api = client.post("/api/analyze", json={"text": TEXT, "profile": "accurate"})
        assert api.status_code == 422 and api.json()["detail"]["code"] == "E110"
        form = client.post("/analyse", data={"text": TEXT, "profile": "accurate"})
        assert form.status_code == 422 and "[E110]" in form.text
        unknown = client.post("/analyse", data={"text": TEXT, "profile": "huge"})
        assert unknown.status_code == 422 and "[E111]" in unknown.text
