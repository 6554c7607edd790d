"""`run_batch`: stream articles to Dask workers in chunks, a bounded number in flight, and write what comes back.

The client reads and chunks the inputs lazily (reading costs a fraction of a per cent of analysing), skips
articles the store already holds from the current analyzer versions, and is the one writer of the store:
each finished chunk is written in one transaction, so a killed client loses at most the chunks in flight.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import dask
from distributed import Client, Future, LocalCluster, as_completed

from newsprobe.batch.worker import Failure, PipelinePlugin, Result, analyze_chunk
from newsprobe.errors import Errors, InputError, NewsprobeError
from newsprobe.ingest import read_articles
from newsprobe.model import Analysis, Article
from newsprobe.pipeline import analyzer_versions
from newsprobe.settings import Options
from newsprobe.store import Store

CONNECT_TIMEOUT_S = 20
DEBUG_LOG_MESSAGES = 16


@dataclass(frozen=True)
class BatchOptions:
    """Where to run and how to split the work; `analysis` selects analyzers and input limits as for `analyze`."""

    workers: int = 2
    threads_per_worker: int = 1
    scheduler: str | None = None
    chunk_size: int = 8
    # Chunks submitted and not yet written; None: two per worker thread, so no worker waits for the client.
    in_flight: int | None = None
    analysis: Options = field(default_factory=Options)


@dataclass
class BatchSummary:
    """Counts so far; `done` articles out of those read, and the failures with their codes."""

    read: int = 0
    unchanged: int = 0
    new: int = 0
    updated: int = 0
    failures: list[Failure] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    # Seconds to start the cluster and load the models on every worker, before `started` is reset.
    startup_s: float = 0.0
    dashboard: str | None = None

    @property
    def done(self) -> int:
        return self.unchanged + self.new + self.updated + len(self.failures)

    @property
    def seconds(self) -> float:
        """Seconds since the workers were ready (since the start while they are not)."""
        return time.perf_counter() - self.started

    @property
    def analysed_per_s(self) -> float:
        """Articles analysed and written per second (articles skipped as unchanged do not count)."""
        return (self.new + self.updated) / self.seconds if self.seconds else 0.0


Progress = Callable[[BatchSummary], None]


def run_batch(inputs: Iterable[str], store: Store, options: BatchOptions | None = None,
              progress: Progress | None = None) -> BatchSummary:
    """Analyse every article of `inputs` on Dask and store it; resumable, idempotent.

    Args:
        inputs: files, folders, URLs, JSONL, as `analyze` reads them.
        store: the store to fill (its writer is this process).
        options: cluster, chunking and analyzer selection.
        progress: called with the running summary after each chunk.

    Returns:
        The final summary: new, updated, unchanged (already stored) and failed articles.
    """
    options = options or BatchOptions()
    versions = analyzer_versions(options.analysis)
    summary = BatchSummary()
    report = progress or (lambda _: None)
    with _connect(options) as client:
        summary.dashboard = client.dashboard_link if _has_dashboard() else None
        client.register_plugin(PipelinePlugin(options.analysis))
        summary.startup_s, summary.started = summary.seconds, time.perf_counter()
        limit = options.in_flight or 2 * sum(client.nthreads().values())
        running = as_completed()
        chunks: dict[Future, list[Article]] = {}
        # The workers detect the languages: the client only reads, checks the store and writes.
        reading = replace(options.analysis, detect_language=False)
        for chunk in _chunks(read_articles(inputs, reading), options.chunk_size):
            todo = _to_analyse(chunk, store, versions, summary)
            if todo:
                future = client.submit(analyze_chunk, todo, pure=False)
                chunks[future] = todo
                running.add(future)
            while running.count() >= limit:
                _collect(next(running), chunks, store, summary)
            report(summary)
        for future in running:
            _collect(future, chunks, store, summary)
            report(summary)
    return summary


def _to_analyse(chunk: list[Article | InputError], store: Store, versions: dict[str, str],
                summary: BatchSummary) -> list[Article]:
    """The chunk's articles that are not stored yet from `versions`; unreadable inputs become failures."""
    articles = [item for item in chunk if isinstance(item, Article)]
    summary.failures += [Failure.of(item) for item in chunk if isinstance(item, InputError)]
    summary.read += len(articles)
    current = store.current_ids([article.id for article in articles], versions)
    summary.unchanged += sum(article.id in current for article in articles)
    return [article for article in articles if article.id not in current]


def _collect(future: Future, chunks: dict[Future, list[Article]], store: Store, summary: BatchSummary) -> None:
    """Write a finished chunk's analyses; a chunk lost with its workers marks its articles failed."""
    articles = chunks.pop(future)
    try:
        results: list[Result] = future.result()
    except Exception as error:  # noqa: BLE001 (KilledWorker and the like: record, go on with the other chunks)
        results = [Failure(article.source or article.id, Errors.E602.name, _lost(error)) for article in articles]
    future.release()
    analyses = [result for result in results if isinstance(result, Analysis)]
    summary.failures += [result for result in results if isinstance(result, Failure)]
    for outcome in store.add_many(analyses) if analyses else []:
        setattr(summary, outcome, getattr(summary, outcome) + 1)


def _lost(error: Exception) -> str:
    return Errors.E602.value.format(detail=f"{type(error).__name__}: {error}")


def _chunks(items: Iterator[Article | InputError], size: int) -> Iterator[list[Article | InputError]]:
    chunk: list[Article | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def _connect(options: BatchOptions) -> Iterator[Client]:
    """A client of the scheduler at `options.scheduler`, or of a local cluster of worker processes."""
    # Dask keeps the last N messages of every stream for debugging (1,000 by default), task arguments
    # included: with articles in the arguments, that held hundreds of MB in the client and scheduler.
    with dask.config.set({"distributed.admin.low-level-log-length": DEBUG_LOG_MESSAGES}):
        yield from _clients(options)


def _clients(options: BatchOptions) -> Iterator[Client]:
    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            raise NewsprobeError(Errors.E601, address=options.scheduler, detail=str(error)) from error
        with client:
            yield client
        return
    # Any free port: the scheduler serves HTTP (health, and the dashboard with bokeh) even without bokeh.
    with LocalCluster(n_workers=options.workers, threads_per_worker=options.threads_per_worker,
                      processes=True, dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def _has_dashboard() -> bool:
    """Dask serves its dashboard only when bokeh is installed."""
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None
