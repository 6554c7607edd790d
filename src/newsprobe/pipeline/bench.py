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


@dataclass(frozen=True)
class PipelineBench:
    articles: int
    words: int
    load_s: float
    reference: str
    reference_s: float
    analyse_s: float
    peak_rss_mb: float
    analyzer_s: dict[str, float]

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.analyse_s if self.analyse_s else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.analyse_s if self.analyse_s else 0.0

    @property
    def ratio(self) -> float:
        """How many times longer the analysis takes than the reference on the same texts."""
        return self.analyse_s / self.reference_s if self.reference_s else 0.0


def bench_pipeline(inputs: list[str], options: Options | None = None, reference: str = "reading") -> PipelineBench:
    """Load the analyzers, read every input once, then analyse every article against `reference`."""
    options = options or Options()
    started = time.perf_counter()
    pipeline = Pipeline(options)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    articles = [item for item in read_articles(inputs, options) if isinstance(item, Article)]
    read_s = time.perf_counter() - started
    if reference == "spacy":
        reference_s, analyse_s = _alternate(articles, pipeline, _spacy_runner())
    else:
        reference_s, analyse_s = read_s, _timed(_analyse_all, pipeline, articles)
    words = sum(len(article.text.split()) for article in articles)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return PipelineBench(len(articles), words, load_s, reference, reference_s, analyse_s, peak_rss_mb,
                         dict(pipeline.seconds))


def _alternate(articles: list[Article], pipeline: Pipeline, run_reference: Callable[[list[str]], None]
               ) -> tuple[float, float]:
    """Seconds of the reference and of the pipeline, run on the same chunks one after the other."""
    reference_s = analyse_s = 0.0
    for first in range(0, len(articles), _CHUNK):
        chunk = articles[first : first + _CHUNK]
        reference_s += _timed(run_reference, [article.text for article in chunk])
        analyse_s += _timed(_analyse_all, pipeline, chunk)
    return reference_s, analyse_s


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


def _timed(work: Callable[..., None], *args: Any) -> float:
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


__all__ = ["REFERENCES", "PipelineBench", "bench_pipeline"]
