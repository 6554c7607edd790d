"""What runs on a Dask worker: the pipeline, built once per worker by a plugin, applied to chunks of articles."""

from __future__ import annotations

import os
from dataclasses import dataclass

from distributed import Worker, WorkerPlugin, get_worker

from newsprobe.errors import InputError
from newsprobe.ingest import with_language
from newsprobe.model import Analysis, Article
from newsprobe.pipeline import Pipeline, analyze_or_error
from newsprobe.settings import ONNX_THREADS_ENV, Options

PLUGIN_NAME = "newsprobe-pipeline"


@dataclass(frozen=True)
class Failure:
    """An article or input that could not be analysed: where it came from and the coded reason.

    A plain record rather than the `InputError` itself, because exceptions with keyword details do not
    survive pickling between processes."""

    source: str
    code: str
    message: str

    @classmethod
    def of(cls, error: InputError) -> Failure:
        return cls(error.source or "", error.code, error.message)

    def describe(self) -> str:
        return f"{self.source}: {self.message} [{self.code}]"


Result = Analysis | Failure


class PipelinePlugin(WorkerPlugin):
    """Loads the analyzers' models once when a worker starts (and again in a worker that replaces a dead one)."""

    name = PLUGIN_NAME

    def __init__(self, options: Options) -> None:
        self.options = options
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Worker) -> None:
        # Dask runs one task per worker thread: one onnxruntime thread each keeps the cores busy, not contended.
        os.environ.setdefault(ONNX_THREADS_ENV, "1")
        self.pipeline = Pipeline(self.options)


def analyze_chunk(articles: list[Article]) -> list[Result]:
    """Analyse a chunk on this worker with the pipeline its plugin loaded; a failing article becomes a `Failure`."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None, "plugin registered before tasks"
    results = [analyze_or_error(plugin.pipeline, with_language(article, plugin.options)) for article in articles]
    return [Failure.of(result) if isinstance(result, InputError) else result for result in results]
