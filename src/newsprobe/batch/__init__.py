"""Batch analysis of large corpora on Dask distributed, into the store.

`run_batch` streams articles in chunks to the workers of a local cluster or of a running scheduler; each
worker loads the analyzers once (`PipelinePlugin`) and returns `Analysis` objects, which this process, the
store's one writer, writes chunk by chunk. Re-running skips what is stored from the current analyzer versions.
"""

from newsprobe.batch.run import BatchOptions, BatchSummary, run_batch
from newsprobe.batch.worker import Failure, PipelinePlugin

__all__ = ["BatchOptions", "BatchSummary", "Failure", "PipelinePlugin", "run_batch"]
