"""`ingest`: inputs → articles → analyses → store, resumable; `reanalyze`: stale stored analyses redone.

What is stored is never analysed again for the same analyzer versions, so a run killed halfway resumes
where it stopped; analyses are written every `flush_every` articles, each batch in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from newsprobe.errors import Errors, InputError
from newsprobe.ingest import read_articles
from newsprobe.model import Analysis, Article
from newsprobe.pipeline import Pipeline
from newsprobe.settings import Options
from newsprobe.store import Filters, Store

FLUSH_EVERY = 20
Result = tuple[str, str | InputError]  # ("new" | "updated" | "unchanged", article id) or ("failed", error)


@dataclass
class IngestSummary:
    """Counts of a run, and every failure with its code and reason."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[InputError] = field(default_factory=list)

    def count(self, result: Result) -> None:
        outcome, item = result
        if isinstance(item, InputError):
            self.failures.append(item)
        else:
            setattr(self, outcome, getattr(self, outcome) + 1)

    def line(self) -> str:
        return (f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
                f"{len(self.failures)} failed")


def ingest(inputs: Iterable[str], store: Store, options: Options | None = None,
           flush_every: int = FLUSH_EVERY) -> Iterator[Result]:
    """Read, analyse and store every article of `inputs`; yields one result per article or failed input."""
    pipeline = Pipeline(options or Options())
    versions = pipeline.versions
    fresh: list[Article | InputError] = []
    for item in read_articles(inputs, pipeline.options):
        if isinstance(item, Article) and store.has_current(item.id, versions):
            yield ("unchanged", item.id)
        else:
            fresh.append(item)
        if len(fresh) >= flush_every:
            yield from analyse_and_store(fresh, store, pipeline)
            fresh = []
    yield from analyse_and_store(fresh, store, pipeline)


def reanalyze(store: Store, options: Options | None = None, filters: Filters | None = None,
              flush_every: int = FLUSH_EVERY) -> tuple[int, Iterator[Result]]:
    """Re-run the analyzers on stored articles whose analysis they would change: (how many, results)."""
    pipeline = Pipeline(options or Options())
    stale = store.stale_ids(pipeline.versions, filters)

    def results() -> Iterator[Result]:
        for start in range(0, len(stale), flush_every):
            stored = store.get_many(stale[start : start + flush_every])
            yield from analyse_and_store([analysis.article for analysis in stored], store, pipeline)

    return len(stale), results()


def analyse_and_store(items: list[Article | InputError], store: Store, pipeline: Pipeline) -> Iterator[Result]:
    """Analyse the articles of `items` and store them in one batch; errors pass through as failures."""
    analysed: list[Analysis] = []
    for item in items:
        if isinstance(item, InputError):
            yield ("failed", item)
            continue
        try:
            analysed.append(pipeline(item))
        except InputError as error:  # E030: past its time budget
            yield ("failed", error)
        except Exception as error:  # noqa: BLE001 (an analyzer bug on one article must not stop the batch)
            yield ("failed", InputError(Errors.E016, item.source or item.id, detail=f"{type(error).__name__}: {error}"))
    for analysis, outcome in zip(analysed, store.add_many(analysed), strict=True):
        yield (outcome, analysis.id)
