"""Dev-split evaluation with the task's metrics, threshold calibration, and the speed benchmark."""

from __future__ import annotations

import resource
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsprobe.propaganda.align import to_raw
from newsprobe.propaganda.corpus import CorpusArticle, GoldSpan, read_corpus
from newsprobe.propaganda.metrics import Scores, si_scores, tc_scores
from newsprobe.propaganda.model import MODEL_DIR, PropagandaModel, Reading
from newsprobe.propaganda.ptc import SourceText, classify_source, predict_source, read_sources, source_text

# (high, low) pairs tried for the hysteresis span decoder.
THRESHOLDS = tuple(
    (high, low) for high in (0.3, 0.35, 0.4, 0.45, 0.5) for low in (0.1, 0.15, 0.2, 0.25) if low < high
)


@dataclass
class EvalReport:
    """SI and TC scores of a model on one split."""

    split: str
    articles: int
    si: Scores
    tc: Scores
    tc_per_technique: dict[str, Scores] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def evaluate(data_dir: Path, split: str = "dev", model: PropagandaModel | None = None) -> EvalReport:
    """SI on the model's own spans and TC on the gold spans, both in the files' offsets."""
    model = model or PropagandaModel(MODEL_DIR)
    articles = read_corpus(data_dir, split)
    gold = [span for article in articles for span in article.spans]
    predicted, classified = [], []
    for article in articles:
        source = source_text(article.id, article.text)
        reading = model.read(source.article.text)
        predicted += predict_source(model, source, reading)
        classified += classify_source(model, source, article.spans, reading) if article.spans else []
    tc, per_technique = tc_scores(classified, gold)
    return EvalReport(split, len(articles), si_scores(predicted, gold), tc, per_technique)


def format_report(report: EvalReport) -> str:
    """The report as the `eval propaganda` command prints it."""
    lines = [
        f"split {report.split}: {report.articles} articles",
        (f"SI  precision {report.si.precision:.4f}  recall {report.si.recall:.4f}  F1 {report.si.f1:.4f}"
        f"  ({report.si.support} gold spans, merged)"),
        (f"TC  micro-F1 {report.tc.f1:.4f}  (precision {report.tc.precision:.4f}, recall {report.tc.recall:.4f},"
        f" {report.tc.support} gold labels)"),
        f"{'technique':<38} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}",
    ]
    for label, scores in sorted(report.tc_per_technique.items(), key=lambda item: -item[1].support):
        lines.append(f"{label:<38} {scores.precision:6.3f} {scores.recall:6.3f} {scores.f1:6.3f} {scores.support:5d}")
    return "\n".join(lines)


def calibrate_threshold(
    model: PropagandaModel, articles: list[CorpusArticle]
) -> tuple[dict[str, float], dict[str, float]]:
    """The (high, low) B+I thresholds with the best SI F1 on `articles`, and the F1 of every pair tried."""
    readings = [(source_text(a.id, a.text), a) for a in articles]
    read = [(source, model.read(source.article.text)) for source, _ in readings]
    gold = [span for article in articles for span in article.spans]
    curve = {}
    for pair in THRESHOLDS:
        predicted = [span for source, reading in read for span in _spans_at(model, source, reading, pair)]
        curve[f"{pair[0]}/{pair[1]}"] = round(si_scores(predicted, gold).f1, 4)
    high, low = max(THRESHOLDS, key=lambda pair: curve[f"{pair[0]}/{pair[1]}"])
    return {"high": high, "low": low}, curve


def _spans_at(
    model: PropagandaModel, source: SourceText, reading: Reading, pair: tuple[float, float]
) -> list[GoldSpan]:
    return [GoldSpan(source.id, "?", *to_raw(source.mapping, start, end))
            for start, end, _ in model.detect(reading, pair)]


@dataclass(frozen=True)
class BenchReport:
    """Speed and memory of `predict` over a folder of articles."""

    articles: int
    load_s: float
    predict_s: float
    articles_per_s: float
    peak_rss_mb: float


def bench(data_dir: Path, model_dir: Path = MODEL_DIR) -> BenchReport:
    """Load the model, then run `predict` over the folder's articles/; wall-clock times and peak RSS."""
    began = time.perf_counter()
    model = PropagandaModel(model_dir)
    loaded = time.perf_counter()
    articles = 0
    for source in read_sources([str(data_dir / "articles")]):
        if isinstance(source, SourceText):
            predict_source(model, source)
            articles += 1
    done = time.perf_counter()
    # ru_maxrss is in KiB on Linux.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchReport(articles, round(loaded - began, 3), round(done - loaded, 2),
                       round(articles / (done - loaded), 2), round(peak, 1))
