"""A real store (demo corpus, a hostile article, the seed when present) served by a real `newsprobe serve`."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsprobe.model import Analysis
from newsprobe.pipeline import analyze_many
from newsprobe.store import Store

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo"
SEED = REPO.parent / "shared" / "examples" / "rusvesna-abu-kamal.txt"
CHROMIUM = "/usr/bin/chromium"
OUTPUT = REPO / "test-output" / "screenshots"
# Breaks out of text, attributes, URLs and scripts wherever an article's fields are shown.
PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
HOSTILE = {
    "id": "hostile/1 ?#x", "outlet": f"Evil {PAYLOAD} Outlet", "published": "2025-04-01",
    "url": "javascript:alert(3)",
    "title": f"Hostile {PAYLOAD} title",
    "text": f"Hostile {PAYLOAD} title\n\nGovernment forces shelled Raqqa on Monday, killing 3 civilians. "
            f"The page said {PAYLOAD} and <a href=\"javascript:alert(4)\">click</a> and \"quoted\" 'text'.",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def analyse_inputs(folder: Path) -> list[Analysis]:
    """The demo corpus, the hostile article and the seed (when present), analysed."""
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    inputs = [str(DEMO), str(hostile), *([str(SEED)] if SEED.is_file() else [])]
    return [item for item in analyze_many(inputs) if isinstance(item, Analysis)]


def build_store(url: str, analyses: list[Analysis]) -> str:
    with Store(url) as store:
        store.add_many(analyses)
    return url


@pytest.fixture(scope="session")
def web_analyses(tmp_path_factory: pytest.TempPathFactory) -> list[Analysis]:
    return analyse_inputs(tmp_path_factory.mktemp("web-inputs"))


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, web_analyses: list[Analysis]) -> str:
    return build_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}", web_analyses)


@pytest.fixture(scope="session")
def served(web_store: str) -> Iterator[str]:
    """`newsprobe serve` in its own process on a free loopback port; its base URL."""
    with serving(web_store) as base:
        yield base


@pytest.fixture(scope="session")
def served_postgres(postgres_server: Any, web_analyses: list[Analysis]) -> Iterator[str]:
    """The same store on the suite's PostgreSQL server, served."""
    with serving(build_store(postgres_server.url(), web_analyses)) as base:
        yield base


@contextlib.contextmanager
def serving(url: str, *options: str) -> Iterator[str]:
    """Run `newsprobe serve --db url *options` until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "newsprobe", "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port),
               *options]
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(base: str, process: subprocess.Popen[str], timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"newsprobe serve exited {process.returncode}: {process.stdout.read() if process.stdout else ''}")
        try:
            with urllib.request.urlopen(f"{base}/?format=json", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError("newsprobe serve did not answer within a minute")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium, headless; skipped only outside CI when it is not installed."""
    if not shutil.which(CHROMIUM) and not os.environ.get("CI"):
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        yield instance
        instance.close()
