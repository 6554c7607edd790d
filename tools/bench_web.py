"""Page latencies (p50/p95) of the web app on a store of ≥ 10,000 articles, and the article page's weight.

    python tools/bench_web.py --db /tmp/bench-web.db --articles 10000

The store is filled with replicas of the demo corpus's analyses under new ids, outlets and dates (built once,
reused when the file exists). Latencies are measured over HTTP on loopback against a real `newsprobe serve`
process, so they include the server's whole request handling; the weight is what Chromium downloads.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from newsprobe.model import Analysis
from newsprobe.pipeline import analyze_many
from newsprobe.store import Store

REPO = Path(__file__).resolve().parents[1]
OUTLETS = 40
PAGES = {
    "overview": "/",
    "search with facets": "/search?q=Kramatorsk",
    "article": "/articles/eb-2025-01-14-r62",
    "outlet": "/outlets/Eastern%20Bulletin%207",
    "events with map data": "/events?event_type=Battles",
}
# The JSON API's answers to the same questions, measured in the same run: the pages' cost over the store's.
REFERENCES = {
    "search with facets": "/api/search?q=Kramatorsk",
    "article": "/api/articles/eb-2025-01-14-r62",
    "events with map data": "/api/events?event_type=Battles&limit=500",
}


def replica(analysis: Analysis, index: int) -> Analysis:
    """A copy under a new id, one of `OUTLETS` outlet names and a publication date spread over two years."""
    article = analysis.article
    published = date(2024, 1, 1) + timedelta(days=index % 730)
    copy = article.model_copy(update={"id": f"{article.id}-r{index}", "published": published.isoformat(),
                                      "outlet": f"{article.outlet or 'Unknown'} {index % OUTLETS}"})
    return analysis.model_copy(update={"article": copy})


def fill(url: str, count: int) -> float:
    """Store `count` replicas; returns the write rate (analyses/s)."""
    originals = [item for item in analyze_many([str(REPO / "examples" / "demo")]) if isinstance(item, Analysis)]
    replicas = [replica(originals[i % len(originals)], i) for i in range(count)]
    with Store(url) as store:
        started = time.perf_counter()
        store.add_many(replicas)
        return count / (time.perf_counter() - started)


def latencies(base: str, path: str, runs: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds after two warm-up requests."""
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(2):
            client.get(path).raise_for_status()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            client.get(path).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def first_request_ms(base: str, path: str) -> float:
    """One request on a fresh server: the overview before the corpus-wide numbers are cached."""
    started = time.perf_counter()
    httpx.get(base + path, timeout=60).raise_for_status()
    return (time.perf_counter() - started) * 1000


def page_weight(base: str) -> tuple[int, float]:
    """Requests and kilobytes Chromium loads for the article page (cold cache)."""
    from playwright.sync_api import sync_playwright

    sizes: list[int] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.on("response", lambda response: sizes.append(len(response.body())))
        page.goto(base + PAGES["article"], wait_until="networkidle")
        browser.close()
    return len(sizes), sum(sizes) / 1024


def serve(url: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newsprobe", "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
        try:
            httpx.get(f"http://127.0.0.1:{port}/?format=json", timeout=2)
            return process
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("newsprobe serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-web.db"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args()
    url = f"sqlite:///{args.db}"
    if not args.db.exists():
        print(f"filled {args.articles} articles at {fill(url, args.articles):.0f} analyses/s", flush=True)
    process = serve(url, args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        print(f"overview, first request after start: {first_request_ms(base, PAGES['overview']):.0f} ms", flush=True)
        for name, path in PAGES.items():
            p50, p95 = latencies(base, path, args.runs)
            print(f"{name:22} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({path})", flush=True)
            if name in REFERENCES:
                r50, r95 = latencies(base, REFERENCES[name], args.runs)
                print(f"{'  API reference':22} p50 {r50:7.1f} ms   p95 {r95:7.1f} ms   ({REFERENCES[name]}); "
                      f"page/API p50 {p50 / r50:.2f}", flush=True)
        requests, kilobytes = page_weight(base)
        print(f"article page weight: {requests} requests, {kilobytes:.0f} KB", flush=True)
    finally:
        process.terminate()


if __name__ == "__main__":
    main()
