"""API latency on a stored corpus: p50/p95 per kind of request, against a request that reads no database."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from fastapi.testclient import TestClient

from newsprobe.store import Store
from newsprobe.web.app import create_app

SEARCH_WORDS = ("militants", "Muayzilah", "convoy", "shelling", "protest", "village", "forces", "killed")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples) * 1000, cuts[18] * 1000


def _requests(store: Store, rng: random.Random) -> dict[str, Callable[[], str]]:
    """Request builders: each call returns a URL of that kind with varied parameters."""
    ids = store.ids()
    outlets = [outlet.name for outlet in store.outlets()] or [""]
    countries = store.country_codes() or ["SY"]
    return {
        "reference: GET /openapi.json (no database)": lambda: "/openapi.json",
        "article": lambda: f"/api/articles/{rng.choice(ids)}",
        "filtered list": lambda: f"/api/articles?outlet={rng.choice(outlets)}&limit=50",
        "search with facets": lambda: f"/api/search?q={rng.choice(SEARCH_WORDS)}",
        "events query": lambda: f"/api/events?country={rng.choice(countries)}&limit=100",
    }


def bench_api(store: Store, repeats: int = 200, seed: int = 13) -> dict[str, tuple[float, float]]:
    """(p50, p95) in ms per kind of request, `repeats` requests each, over HTTP on the ASGI app."""
    rng = random.Random(seed)
    results = {}
    with TestClient(create_app(store)) as client:
        for kind, url in _requests(store, rng).items():
            client.get(url())  # warm the route and the database cache
            samples = []
            for _ in range(repeats):
                started = time.perf_counter()
                response = client.get(url())
                samples.append(time.perf_counter() - started)
                response.raise_for_status()
            results[kind] = _percentiles(samples)
    return results
