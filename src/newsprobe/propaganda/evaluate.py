"""Dev-split and cross-validated evaluation with the task's metrics, threshold calibration, speed benchmark."""

from __future__ import annotations

import resource
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from newsprobe.propaganda.align import to_raw
from newsprobe.propaganda.corpus import CorpusArticle, GoldSpan, read_corpus
from newsprobe.propaganda.metrics import Scores, si_scores, tc_scores
from newsprobe.propaganda.model import MODEL_DIR, Blend, PropagandaModel, Reading
from newsprobe.propaganda.ptc import SourceText, classify_source, predict_source, read_sources, source_text
from newsprobe.propaganda.techniques import LABELS

# (high, low) pairs tried for the hysteresis span decoder. The lower values were added when the base-size
# model's best pair on its tuning articles lay on the grid's lower edge (0.3/0.1).
THRESHOLDS = tuple(
    (high, low) for high in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5) for low in (0.05, 0.1, 0.15, 0.2, 0.25)
    if low < high
)
# Powers of the training split's technique shares tried as a correction of the classifier's probabilities
# (`model.label_weights`); 0 is none, and wins ties.
PRIOR_POWERS = (0.0, 0.25, 0.5, 0.75, 1.0)
# The fast model's weights tried when a base-size model is blended with it (0: the base-size model alone).
BLEND_WEIGHTS = (0.0, 0.25, 0.4, 0.5, 0.6, 0.75)


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
    articles = read_corpus(data_dir, split)
    predicted, classified, _ = predictions(model or PropagandaModel(MODEL_DIR), articles)
    return report_of(split, articles, predicted, classified)


Pair = tuple[float, float]


def predictions(model: PropagandaModel, articles: list[CorpusArticle], grid: tuple[Pair, ...] = ()
                ) -> tuple[list[GoldSpan], list[GoldSpan], dict[Pair, list[GoldSpan]]]:
    """The model's own technique spans of each article, its labels for the article's gold spans, and its
    technique-agnostic spans at each threshold pair of `grid`."""
    predicted: list[GoldSpan] = []
    classified: list[GoldSpan] = []
    at_pair: dict[Pair, list[GoldSpan]] = {pair: [] for pair in grid}
    for article, source, reading in _readings(model, articles):
        predicted += predict_source(model, source, reading)
        classified += classify_source(model, source, article.spans, reading) if article.spans else []
        for pair in grid:
            at_pair[pair] += _spans_at(model, source, reading, pair)
    return predicted, classified, at_pair


def _readings(model: PropagandaModel, articles: list[CorpusArticle]
              ) -> Iterator[tuple[CorpusArticle, SourceText, Reading]]:
    """Each article with its text as the model reads it (and the offset map back) and the model's reading."""
    for article in articles:
        source = source_text(article.id, article.text)
        yield article, source, model.read(source.article.text)


def report_of(split: str, articles: list[CorpusArticle], predicted: list[GoldSpan],
              classified: list[GoldSpan]) -> EvalReport:
    """SI and TC scores of `predictions` against the articles' gold spans."""
    gold = [span for article in articles for span in article.spans]
    tc, per_technique = tc_scores(classified, gold)
    return EvalReport(split, len(articles), si_scores(predicted, gold), tc, per_technique)


@dataclass
class CrossValidation:
    """Each fold's scores (its model never read its articles), the scores of all folds' predictions pooled,
    and pooled SI once more with each fold's thresholds chosen on the other folds' predictions."""

    folds: dict[int, EvalReport]
    pooled: EvalReport
    nested_si: Scores
    nested_thresholds: dict[int, Pair]

    def to_dict(self) -> dict:
        return {"folds": {fold: report.to_dict() for fold, report in self.folds.items()},
                "pooled": self.pooled.to_dict(), "nested_si": asdict(self.nested_si),
                "nested_thresholds": self.nested_thresholds}


def evaluate_folds(data_dir: Path, models: dict[int, Path]) -> CrossValidation:
    """Score each fold's model on its own fold, then every article's prediction together."""
    folds, articles, grids = {}, {}, {}
    pooled_predicted, pooled_classified = [], []
    for fold, folder in sorted(models.items()):
        articles[fold] = read_corpus(data_dir, f"fold-{fold}")
        predicted, classified, grids[fold] = predictions(PropagandaModel(folder), articles[fold], THRESHOLDS)
        folds[fold] = report_of(f"fold-{fold}", articles[fold], predicted, classified)
        pooled_predicted += predicted
        pooled_classified += classified
    everything = [article for fold in sorted(articles) for article in articles[fold]]
    pooled = report_of("cross-validation", everything, pooled_predicted, pooled_classified)
    gold = {fold: [span for article in found for span in article.spans] for fold, found in articles.items()}
    nested_si, chosen = _thresholds_from_other_folds(grids, gold)
    return CrossValidation(folds, pooled, nested_si, chosen)


def _thresholds_from_other_folds(grids: dict[int, dict[Pair, list[GoldSpan]]],
                                 gold: dict[int, list[GoldSpan]]) -> tuple[Scores, dict[int, Pair]]:
    """Pooled SI when each fold takes the threshold pair that scores best on all the other folds."""
    chosen, spans = {}, []
    for fold, grid in grids.items():
        others = [other for other in grids if other != fold] or [fold]
        others_gold = [span for other in others for span in gold[other]]
        chosen[fold] = max(grid, key=lambda pair: si_scores(
            [span for other in others for span in grids[other][pair]], others_gold).f1)
        spans += grid[chosen[fold]]
    return si_scores(spans, [span for found in gold.values() for span in found]), chosen


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


def format_cross_validation(validation: CrossValidation) -> str:
    """One line per fold, the spread of the folds' SI F1, SI with thresholds chosen on the other folds, then
    the pooled report."""
    lines = [f"fold {fold}: {report.articles} articles, SI P {report.si.precision:.4f} R {report.si.recall:.4f} "
             f"F1 {report.si.f1:.4f}, TC micro-F1 {report.tc.f1:.4f}" for fold, report in validation.folds.items()]
    si = [report.si.f1 for report in validation.folds.values()]
    nested = validation.nested_si
    chosen = ", ".join(f"{fold}: {high}/{low}" for fold, (high, low) in validation.nested_thresholds.items())
    lines += [
        (f"SI F1 over folds: mean {statistics.fmean(si):.4f}, standard deviation "
         f"{statistics.stdev(si) if len(si) > 1 else 0.0:.4f}"),
        (f"SI with each fold's thresholds chosen on the other folds: P {nested.precision:.4f} "
         f"R {nested.recall:.4f} F1 {nested.f1:.4f} (fold: high/low {chosen})"),
    ]
    return "\n".join([*lines, "pooled, at the given thresholds:", format_report(validation.pooled)])


def calibrate_threshold(
    model: PropagandaModel, articles: list[CorpusArticle]
) -> tuple[dict[str, float], dict[str, float]]:
    """The (high, low) B+I thresholds with the best SI F1 on `articles`, and the F1 of every pair tried."""
    curve = _threshold_curve(model, list(_readings(model, articles)), _gold_of(articles))
    return _best_pair(curve), curve


def calibrate_label_prior(model: PropagandaModel, articles: list[CorpusArticle], priors: list[float]
                          ) -> tuple[float, dict[str, float]]:
    """The power of `priors` (technique shares of the training split) with the best TC micro-F1 on
    `articles`, and the F1 at each power tried; `model` keeps the chosen correction."""
    curve = _prior_curve(model, list(_readings(model, articles)), _gold_of(articles), priors)
    best = max(PRIOR_POWERS, key=lambda power: curve[str(power)])
    model.label_weights = np.asarray(priors, dtype=np.float32) ** best
    return best, curve


@dataclass(frozen=True)
class BlendCalibration:
    """What `calibrate_blend` chose, with the F1 of every setting tried (keyed `weight:high/low` and
    `weight:power`)."""

    blend: Blend
    thresholds: dict[str, float]
    prior_power: float
    si_curve: dict[str, float]
    tc_curve: dict[str, float]


def calibrate_blend(model: PropagandaModel, fast: PropagandaModel, articles: list[CorpusArticle],
                    priors: list[float]) -> BlendCalibration:
    """Blend `model` with `fast` and choose, on `articles`, the fast model's weight in the tag probabilities
    together with the span thresholds (best SI F1), then its weight in the technique probabilities together
    with the prior correction (best TC micro-F1); `model` keeps the choice. Each article is read once."""
    model.blend_with(fast, Blend(0.0, 0.0))
    readings, gold = list(_readings(model, articles)), _gold_of(articles)
    si_curve: dict[tuple[float, str], float] = {}
    for weight in BLEND_WEIGHTS:
        model.blend = Blend(weight, 0.0)
        si_curve |= {(weight, pair): f1 for pair, f1 in _threshold_curve(model, readings, gold).items()}
    tags, pair = max(si_curve, key=si_curve.__getitem__)
    tc_curve: dict[tuple[float, str], float] = {}
    for weight in BLEND_WEIGHTS:
        model.blend = Blend(tags, weight)
        tc_curve |= {(weight, power): f1 for power, f1 in _prior_curve(model, readings, gold, priors).items()}
    labels, power = max(tc_curve, key=tc_curve.__getitem__)
    model.blend = Blend(tags, labels)
    model.label_weights = np.asarray(priors, dtype=np.float32) ** float(power)
    thresholds = dict(zip(("high", "low"), map(float, pair.split("/")), strict=True))
    return BlendCalibration(model.blend, thresholds, float(power), _keyed(si_curve), _keyed(tc_curve))


def _keyed(curve: dict[tuple[float, str], float]) -> dict[str, float]:
    """A curve over (blend weight, setting) pairs with the card's keys, `weight:setting`."""
    return {f"{weight}:{setting}": f1 for (weight, setting), f1 in curve.items()}


def _gold_of(articles: list[CorpusArticle]) -> list[GoldSpan]:
    return [span for article in articles for span in article.spans]


def _threshold_curve(model: PropagandaModel, readings: list[tuple[CorpusArticle, SourceText, Reading]],
                     gold: list[GoldSpan]) -> dict[str, float]:
    """SI F1 of the model's spans at each threshold pair, keyed `high/low`."""
    at_pair: dict[Pair, list[GoldSpan]] = {pair: [] for pair in THRESHOLDS}
    for _, source, reading in readings:
        for pair in THRESHOLDS:
            at_pair[pair] += _spans_at(model, source, reading, pair)
    return {f"{high}/{low}": round(si_scores(spans, gold).f1, 4) for (high, low), spans in at_pair.items()}


def _best_pair(curve: dict[str, float]) -> dict[str, float]:
    high, low = max(THRESHOLDS, key=lambda pair: curve[f"{pair[0]}/{pair[1]}"])
    return {"high": high, "low": low}


def _prior_curve(model: PropagandaModel, readings: list[tuple[CorpusArticle, SourceText, Reading]],
                 gold: list[GoldSpan], priors: list[float]) -> dict[str, float]:
    """TC micro-F1 on the gold spans at each power of the prior correction, keyed by the power."""
    curve = {}
    for power in PRIOR_POWERS:
        model.label_weights = np.asarray(priors, dtype=np.float32) ** power
        classified = [span for article, source, reading in readings if article.spans
                      for span in classify_source(model, source, article.spans, reading)]
        curve[str(power)] = round(tc_scores(classified, gold)[0].f1, 4)
    return curve


def label_shares(articles: list[CorpusArticle]) -> list[float]:
    """Each technique's share of the gold spans of `articles` (in `LABELS` order; add-one smoothed)."""
    counts = Counter(span.technique for article in articles for span in article.spans)
    total = sum(counts[label] + 1 for label in LABELS)
    return [round((counts[label] + 1) / total, 6) for label in LABELS]


def _spans_at(model: PropagandaModel, source: SourceText, reading: Reading, pair: Pair) -> list[GoldSpan]:
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
