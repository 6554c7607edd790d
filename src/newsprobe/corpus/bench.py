"""Store write rate: replicas of real analyses (new ids) written in batches, against serialising them alone."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from newsprobe.model import Analysis
from newsprobe.store import BATCH_SIZE, Store


@dataclass(frozen=True)
class StoreBench:
    analyses: int
    write_s: float
    reference_s: float

    @property
    def per_s(self) -> float:
        return self.analyses / self.write_s if self.write_s else 0.0

    @property
    def cost_vs_json(self) -> float:
        """How many times longer storing takes than serialising the same analyses to JSON."""
        return self.write_s / self.reference_s if self.reference_s else 0.0


def replicas(analyses: list[Analysis], count: int, prefix: str) -> list[Analysis]:
    """`count` copies of `analyses` in turn, each under a new article id `PREFIX-N-ORIGINAL`."""
    copies = []
    for number in range(count):
        original = analyses[number % len(analyses)]
        article = original.article.model_copy(update={"id": f"{prefix}-{number}-{original.id}"})
        copies.append(original.model_copy(update={"article": article}))
    return copies


def bench_store(store: Store, analyses: Iterable[Analysis], count: int, batch_size: int = BATCH_SIZE) -> StoreBench:
    """Serialise the replicas to JSON (the reference), then write them with `add_many` in batches."""
    copies = replicas(list(analyses), count, prefix=f"bench{time.time_ns()}")
    started = time.perf_counter()
    for analysis in copies:
        analysis.to_json()
    reference_s = time.perf_counter() - started
    started = time.perf_counter()
    for start in range(0, len(copies), batch_size):
        store.add_many(copies[start : start + batch_size])
    return StoreBench(len(copies), time.perf_counter() - started, reference_s)
