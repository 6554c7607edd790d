"""Time per 1,000 characters as articles grow, on news text and on each hostile family (issue 18): flat
means linear. The reference is the smallest size of the same family, measured in the same run."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from threadpoolctl import threadpool_limits

from newsprobe.ingest import article_from_text
from newsprobe.model import Article
from newsprobe.pipeline.families import TITLE, family_text
from newsprobe.pipeline.run import Pipeline
from newsprobe.settings import ONNX_THREADS_ENV, Options

SIZES = (2_000, 20_000, 200_000)


@dataclass(frozen=True)
class ScalingRow:
    family: str
    chars: int
    seconds: float

    @property
    def ms_per_kchar(self) -> float:
        return 1000 * self.seconds / (self.chars / 1000)


def ptc_text(folder: Path, chars: int) -> str:
    """About `chars` characters of real news: PTC articles (`articles/*.txt`) joined in name order, cut at
    the last line break that fits."""
    pieces, size = [TITLE], len(TITLE)
    for path in sorted((folder / "articles").glob("*.txt")):
        pieces.append(path.read_text(encoding="utf-8").strip() + "\n\n")
        size += len(pieces[-1])
        if size >= chars:
            break
    text = "".join(pieces)
    return text[: text.rfind("\n", 0, chars) + 1] if len(text) > chars else text


def one_thread_pipeline(options: Options) -> Pipeline:
    """A pipeline whose models run on one thread each, its models loaded by a first article.

    CPU time sums all threads: on a many-core machine, pool threads waiting for work made a 4x longer text
    cost 6x the CPU seconds (CI, 2026-11-30) where one thread's work grew 4x."""
    previous = os.environ.get(ONNX_THREADS_ENV)
    os.environ[ONNX_THREADS_ENV] = "1"
    try:
        pipeline = Pipeline(options)
        pipeline(article_from_text(family_text("news", 2_000), options))
    finally:
        if previous is None:
            del os.environ[ONNX_THREADS_ENV]
        else:
            os.environ[ONNX_THREADS_ENV] = previous
    return pipeline


def time_article(pipeline: Pipeline, article: Article) -> float:
    """CPU seconds of this process to analyse `article` (less disturbed by other jobs than wall time), with
    numpy's BLAS on one thread for the reason `one_thread_pipeline` gives."""
    with threadpool_limits(limits=1):
        started = time.process_time()
        pipeline(article)
        return time.process_time() - started


def bench_scaling(
    families: Iterable[str], sizes: Iterable[int] = SIZES, options: Options | None = None, ptc: Path | None = None
) -> list[ScalingRow]:
    """One row per family and size; family "ptc" is real news from the PTC corpus in `ptc`."""
    options = options or Options(max_seconds=None)
    pipeline = one_thread_pipeline(options)  # models load outside the timings
    rows = []
    for family in families:
        for chars in sizes:
            text = ptc_text(ptc, chars) if family == "ptc" and ptc else family_text(family, chars)
            article = article_from_text(text, options)
            rows.append(ScalingRow(family, len(article.text), time_article(pipeline, article)))
    return rows


def scaling_table(rows: list[ScalingRow]) -> str:
    """Markdown: ms per 1,000 characters at each size, and the ratio of the largest to the smallest."""
    lines = ["| family | characters | seconds | ms / 1,000 chars | × smallest |", "|---|---:|---:|---:|---:|"]
    reference: dict[str, float] = {}
    for row in rows:
        base = reference.setdefault(row.family, row.ms_per_kchar)
        ratio = row.ms_per_kchar / base if base else 0.0
        lines.append(f"| {row.family} | {row.chars:,} | {row.seconds:.2f} | {row.ms_per_kchar:.1f} | {ratio:.2f} |")
    return "\n".join(lines)
