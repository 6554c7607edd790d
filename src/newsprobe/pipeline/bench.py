"""Throughput of the whole pipeline, as a ratio to reading alone measured in the same run."""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass

from newsprobe.ingest import read_articles
from newsprobe.model import Article
from newsprobe.pipeline.run import Pipeline
from newsprobe.settings import Options


@dataclass(frozen=True)
class PipelineBench:
    articles: int
    load_s: float
    read_s: float
    analyse_s: float
    peak_rss_mb: float
    analyzer_s: dict[str, float]

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.analyse_s if self.analyse_s else 0.0

    @property
    def cost_vs_reading(self) -> float:
        """How many times longer analysis takes than reading and language identification alone."""
        return self.analyse_s / self.read_s if self.read_s else 0.0


def bench_pipeline(inputs: list[str], options: Options | None = None) -> PipelineBench:
    """Load the analyzers, read every input once (the reference), then analyse every article."""
    options = options or Options()
    started = time.perf_counter()
    pipeline = Pipeline(options)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    articles = [item for item in read_articles(inputs, options) if isinstance(item, Article)]
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        pipeline(article)
    analyse_s = time.perf_counter() - started
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return PipelineBench(len(articles), load_s, read_s, analyse_s, peak_rss_mb, dict(pipeline.seconds))


__all__ = ["PipelineBench", "bench_pipeline"]
