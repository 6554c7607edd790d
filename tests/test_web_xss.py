"""No script from article text, titles, outlets, URLs or query strings: a payload corpus through every page of
a real `newsprobe serve` in Chromium (with the CSP bypassed, so escaping alone must hold) and through
`newsprobe analyze -f html`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from newsprobe.model import Analysis
from newsprobe.pipeline import analyze_many
from web_fixtures import REPO, build_store, serving

pytestmark = pytest.mark.issue(18)
# Each would call alert() if it ever reached the page as markup or as a followed URL.
PAYLOADS = [
    "<script>alert(101)</script>",
    "\"><img src=x onerror=alert(102)>",
    "'><svg onload=alert(103)>",
    "<svg><script>alert(104)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(105)>",
    "javascript:alert(106)",
    " JaVaScRiPt:alert(107)",
    "&lt;script&gt;alert(108)&lt;/script&gt;",
    "%3Cscript%3Ealert(109)%3C%2Fscript%3E",
    "<iframe srcdoc=\"<script>alert(110)</script>\"></iframe>",
    "\" autofocus onfocus=alert(111) x=\"",
    "</textarea><script>alert(112)</script>",
    "<a href=\"data:text/html,<script>alert(113)</script>\">x</a>",
    "</script><script>alert(114)</script><!--",
    "\u2028\u2029<!--<script>alert(115)//-->",
    "<details open ontoggle=alert(116)>",
    "{{constructor.constructor('alert(117)')()}}",
    "<img src=\"x\" onerror=\"&#97;&#108;&#101;&#114;&#116;(118)\">",
]
# What must never appear in the page's DOM (the app's own scripts are <script src> outside <main>).
FORBIDDEN = ("main [onerror], main [onload], main [onfocus], main [ontoggle], main iframe, main [srcdoc], "
             "main img[src='x'], main script:not([type='application/json']), main math, "
             "a[href^='javascript:' i], a[href^=' javascript:' i], a[href^='data:' i]")


def _article(index: int, payload: str) -> dict[str, str]:
    return {"id": f"xss-{index}", "title": f"Title {payload} {index}", "outlet": f"Outlet {payload} {index}",
            "url": payload if "script:" in payload.lower() else f"https://example.org/{quote(payload)}",
            "published": "2025-03-02",
            "text": f"Title {payload} {index}\n\nGovernment forces shelled Raqqa on Monday, killing 3 civilians, "
                    f"the outlet said: {payload}. \"{payload}\" was written on a wall in Deir ez-Zor."}


@pytest.fixture(scope="module")
def payload_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xss") / "payloads.jsonl"
    path.write_text("".join(json.dumps(_article(i, p)) + "\n" for i, p in enumerate(PAYLOADS)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def xss_served(payload_file: Path) -> Iterator[str]:
    analyses = [item for item in analyze_many([str(payload_file)]) if isinstance(item, Analysis)]
    assert len(analyses) == len(PAYLOADS)
    with serving(build_store(f"sqlite:///{payload_file.parent / 'xss.db'}", analyses), "--rate-limit", "0") as base:
        yield base


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A tab that ignores the CSP (escaping must hold alone) and fails on any dialog."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
    assert dialogs == [], f"a payload ran as script: {dialogs}"


def _visit(tab: Any, url: str) -> None:
    response = tab.goto(url)
    assert response is not None and response.status < 500, url
    tab.wait_for_load_state("load")
    found = tab.locator(FORBIDDEN).count()
    assert found == 0, f"{url}: {found} element(s) built from a payload"


def test_xss_list_pages(tab: Any, xss_served: str) -> None:
    for path in ("/", "/outlets", "/events", "/events/clusters", "/search?q=shelled", "/analyse"):
        _visit(tab, xss_served + path)


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_xss_payload_through_every_page(tab: Any, xss_served: str, index: int) -> None:
    payload, article = PAYLOADS[index], _article(index, PAYLOADS[index])
    for path in (f"/articles/{article['id']}", f"/outlets/{quote(article['outlet'], safe='')}",
                 "/search?" + urlencode({"q": payload, "outlet": payload}),
                 "/events?" + urlencode({"actor": payload, "country": payload, "event_type": payload}),
                 "/search?" + urlencode({"q": f"Title {index}"}), f"/articles/{quote(payload, safe='')}"):
        _visit(tab, xss_served + path)
    tab.goto(xss_served + "/analyse")
    tab.fill("textarea[name=text]", article["text"])
    tab.click("button[type=submit]")
    tab.wait_for_load_state("load")
    assert tab.locator(FORBIDDEN).count() == 0
    assert payload.strip()[:20] in tab.inner_text("main")  # shown as text


def test_xss_html_report(tab: Any, payload_file: Path) -> None:
    report = payload_file.parent / "report.html"
    command = [sys.executable, "-m", "newsprobe", "analyze", str(payload_file), "-f", "html", "-o", str(report)]
    subprocess.run(command, check=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")}, capture_output=True)
    tab.goto(report.as_uri())
    tab.wait_for_load_state("load")
    forbidden = FORBIDDEN.replace("main ", "body ")
    assert tab.locator(forbidden).count() == 0
    assert "alert(101)" in tab.inner_text("body")
