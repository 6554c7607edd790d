"""Throughput of the whole pipeline, as a ratio to a reference measured in the same run.

Two references: reading alone (bytes → `Article`, language identification), or spaCy's small English
pipeline (`en_core_web_sm`, every component, `nlp.pipe`) over the same texts. The spaCy reference runs
chunk by chunk alternating with newsprobe, so a change in the machine's load hits both alike.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsprobe.ingest import read_articles
from newsprobe.model import Article
from newsprobe.pipeline.run import Pipeline
from newsprobe.settings import Options

REFERENCES = ("reading", "spacy")
# Articles per alternation between the spaCy reference and newsprobe.
_CHUNK = 10


@dataclass
class Clock:
    """Wall and CPU seconds (all threads of this process) accumulated over timed calls. CPU seconds are the
    cost on a machine shared with other jobs, whose load stretches wall time unevenly."""

    wall: float = 0.0
    cpu: float = 0.0

    def time(self, work: Callable[..., None], *args: Any) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        work(*args)
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu


@dataclass(frozen=True)
class PipelineBench:
    articles: int
    words: int
    load_s: float
    reference: str
    reference_time: Clock
    analyse_time: Clock
    peak_rss_mb: float
    analyzer_s: dict[str, float]

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.analyse_time.wall if self.analyse_time.wall else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.analyse_time.wall if self.analyse_time.wall else 0.0

    @property
    def ratio(self) -> float:
        """How many times longer the analysis takes than the reference on the same texts."""
        return self.analyse_time.wall / self.reference_time.wall if self.reference_time.wall else 0.0

    @property
    def cpu_ratio(self) -> float:
        """How many times more CPU time the analysis takes than the reference."""
        return self.analyse_time.cpu / self.reference_time.cpu if self.reference_time.cpu else 0.0


def bench_pipeline(inputs: list[str], options: Options | None = None, reference: str = "reading") -> PipelineBench:
    """Load the analyzers, read every input once, then analyse every article against `reference`."""
    options = options or Options()
    started = time.perf_counter()
    pipeline = Pipeline(options)
    load_s = time.perf_counter() - started
    reading, reference_time, analyse_time = Clock(), Clock(), Clock()
    articles: list[Article] = []
    reading.time(_read_into, articles, inputs, options)
    if reference == "spacy":
        _alternate(articles, pipeline, _spacy_runner(), reference_time, analyse_time)
    else:
        reference_time = reading
        analyse_time.time(_analyse_all, pipeline, articles)
    words = sum(len(article.text.split()) for article in articles)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return PipelineBench(len(articles), words, load_s, reference, reference_time, analyse_time, peak_rss_mb,
                         dict(pipeline.seconds))


def _read_into(articles: list[Article], inputs: list[str], options: Options) -> None:
    articles.extend(item for item in read_articles(inputs, options) if isinstance(item, Article))


def _alternate(articles: list[Article], pipeline: Pipeline, run_reference: Callable[[list[str]], None],
               reference_time: Clock, analyse_time: Clock) -> None:
    """Time the reference and the pipeline on the same chunks, one after the other."""
    for first in range(0, len(articles), _CHUNK):
        chunk = articles[first : first + _CHUNK]
        reference_time.time(run_reference, [article.text for article in chunk])
        analyse_time.time(_analyse_all, pipeline, chunk)


def _analyse_all(pipeline: Pipeline, articles: list[Article]) -> None:
    for article in articles:
        pipeline(article)


def _spacy_runner() -> Callable[[list[str]], None]:
    """spaCy's small English pipeline with all its components, as users run it."""
    import spacy

    from newsprobe.places import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL)
    list(nlp.pipe(["Warm up."]))  # the first call builds lazy tables; keep it out of the timing

    def run(texts: list[str]) -> None:
        for _ in nlp.pipe(texts):
            pass

    return run


__all__ = ["REFERENCES", "Clock", "PipelineBench", "bench_pipeline"]
