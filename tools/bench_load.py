"""A bounded load test of `newsprobe serve` on loopback: a fixed, shuffled mix of requests (pages, search,
events, `POST /api/analyze`) from concurrent clients, with a time cap; requests/s, p50/p95/p99 and errors.

    python tools/bench_load.py --db /tmp/bench-load.db --concurrency 8 --requests 150 --analyses 24

The store must exist (`newsprobe bench store ANALYSES.jsonl --db ... --count 10000`). The server runs in its
own process with `--rate-limit 0` (one client address sends every request); everything stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
WORDS = ("militants", "convoy", "shelling", "protest", "village", "forces", "killed", "Kramatorsk")
TEXT = ("Shelling near the depot\n\nArtillery shelled a fuel depot near Kramatorsk on Monday, killing two workers, "
        "regional officials said. The army denied any role.")


@dataclass(frozen=True)
class Job:
    kind: str
    method: str
    path: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(db: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newsprobe", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
               "--rate-limit", "0"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(240):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/outlets", timeout=5).raise_for_status()
            return process
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("newsprobe serve did not start")


def _jobs(client: httpx.Client, requests: int, analyses: int, rng: random.Random) -> list[Job]:
    """`requests` of each reading kind and `analyses` analyses, shuffled; ids and outlets from the store."""
    ids = [item["id"] for item in client.get("/api/articles", params={"limit": 1000}).json()["items"]]
    outlets = [item["name"] for item in client.get("/api/outlets").json()]
    makers = {
        "reference: GET /openapi.json": lambda: "/openapi.json",
        "page: overview": lambda: "/",
        "page: article": lambda: f"/articles/{rng.choice(ids)}",
        "page: search": lambda: f"/search?q={rng.choice(WORDS)}",
        "api: search with facets": lambda: f"/api/search?q={rng.choice(WORDS)}",
        "api: filtered list": lambda: f"/api/articles?outlet={rng.choice(outlets)}&limit=50",
        "api: events": lambda: "/api/events?event_type=Battles&limit=100",
    }
    jobs = [Job(kind, "GET", make()) for kind, make in makers.items() for _ in range(requests)]
    jobs += [Job("api: POST /api/analyze", "POST", "/api/analyze") for _ in range(analyses)]
    rng.shuffle(jobs)
    return jobs


def _send(client: httpx.Client, job: Job, deadline: float) -> tuple[str, int, float] | None:
    """(kind, status, seconds); None when the time cap has passed (the job is not sent)."""
    if time.monotonic() > deadline:
        return None
    started = time.perf_counter()
    try:
        if job.method == "POST":
            status = client.post(job.path, json={"text": TEXT}).status_code
        else:
            status = client.get(job.path).status_code
    except httpx.HTTPError:
        status = 0  # no answer at all counts as an error
    return job.kind, status, time.perf_counter() - started


def _percentile(sorted_s: list[float], share: float) -> float:
    return sorted_s[min(len(sorted_s) - 1, int(share * len(sorted_s)))] * 1000


def _report(results: list[tuple[str, int, float]], wall_s: float, skipped: int) -> int:
    """Print the table; returns the number of 5xx answers (and unanswered requests)."""
    by_kind: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for kind, status, seconds in results:
        by_kind[kind].append((status, seconds))
    print(f"{len(results)} requests in {wall_s:.1f} s = {len(results) / wall_s:.1f} requests/s; "
          f"{skipped} not sent (time cap)")
    print(f"{'kind':32} {'n':>4} {'errors':>6} {'5xx':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, rows in sorted(by_kind.items()):
        times = sorted(seconds for _, seconds in rows)
        errors = sum(1 for status, _ in rows if not 200 <= status < 300)
        fatal = sum(1 for status, _ in rows if status >= 500 or status == 0)
        print(f"{kind:32} {len(rows):4d} {errors:6d} {fatal:4d} {statistics.median(times) * 1000:8.1f} "
              f"{_percentile(times, 0.95):8.1f} {_percentile(times, 0.99):8.1f}")
    return sum(1 for _, status, _ in results if status >= 500 or status == 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="An existing store (path or URL).")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--requests", type=int, default=150, help="Requests per reading kind.")
    parser.add_argument("--analyses", type=int, default=24, help="POST /api/analyze requests.")
    parser.add_argument("--cap-s", type=float, default=300, help="No request is sent after this many seconds.")
    args = parser.parse_args()
    port = _free_port()
    process = _serve(args.db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120,
                          limits=httpx.Limits(max_connections=args.concurrency)) as client:
            client.post("/api/analyze", json={"text": TEXT}).raise_for_status()  # load the models first
            jobs = _jobs(client, args.requests, args.analyses, random.Random(7))
            deadline = time.monotonic() + args.cap_s
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                answers = list(pool.map(lambda job: _send(client, job, deadline), jobs))
            wall_s = time.perf_counter() - started
        results = [answer for answer in answers if answer is not None]
        fatal = _report(results, wall_s, len(answers) - len(results))
    finally:
        process.terminate()
        process.wait(timeout=30)
    raise SystemExit(1 if fatal else 0)


if __name__ == "__main__":
    main()
