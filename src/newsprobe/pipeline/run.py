"""`analyze`: an article (or text) in, an `Analysis` with every selected layer out."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator

from newsprobe.budget import OverBudget, check_budget, time_budget
from newsprobe.errors import Errors, InputError
from newsprobe.ingest import article_from_text, read_articles
from newsprobe.model import Analysis, Article
from newsprobe.pipeline.registry import (
    Analyzer,
    analyzer_versions,
    check_requirements,
    load_analyzer,
    select_analyzers,
)
from newsprobe.settings import Options


class Pipeline:
    """The selected analyzers, loaded and checked once, applied to many articles."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        names = select_analyzers(self.options.only, self.options.skip)
        self.analyzers: list[Analyzer] = [load_analyzer(name, self.options) for name in names]
        check_requirements(self.analyzers)
        self.versions = analyzer_versions(self.options)
        # The loaded models are millions of long-lived objects: exempt them from the cyclic garbage collector,
        # whose full passes over them made the cost of a long article grow with its allocations times the heap.
        gc.freeze()
        # Seconds spent in each analyzer since this pipeline was built (read by `newsprobe bench`).
        self.seconds: dict[str, float] = dict.fromkeys(names, 0.0)

    def __call__(self, article: Article) -> Analysis:
        """The analysis of `article`; raises `InputError` E030 when it runs past `options.max_seconds`."""
        try:
            with time_budget(self.options.max_seconds):
                return self._run(article)
        except OverBudget as over:
            raise over.as_input_error(article.source or article.id) from None

    def _run(self, article: Article) -> Analysis:
        analysis = Analysis.of(article)
        for analyzer in self.analyzers:
            check_budget(f"the {analyzer.name} analyzer")
            # Each analyzer reads the text with the metadata blanked: the `Title | Outlet` header line and the
            # legal notices found so far. The result keeps the real text.
            analysis.article = article.as_analysed(analysis.signal_spans("legal_disclaimer"))
            if analyzer.languages and article.language not in analyzer.languages:
                analysis.warnings.append(
                    f"{analyzer.name} skipped: it reads {', '.join(analyzer.languages)}, "
                    f"the article is {article.language or 'of unknown language'}"
                )
                continue
            started = time.perf_counter()
            analyzer(analysis)
            self.seconds[analyzer.name] += time.perf_counter() - started
            analysis.analyzers[analyzer.name] = self.versions[analyzer.name]
        analysis.article = article
        # Re-validate so a buggy analyzer cannot emit a span that disagrees with the text.
        return Analysis.model_validate(analysis.model_dump())


def analyze(text_or_article: str | Article, options: Options | None = None) -> Analysis:
    """Analyse one article.

    Args:
        text_or_article: raw article text (title line, empty line, body) or an `Article`.
        options: analyzer selection and limits; defaults run every registered analyzer.

    Returns:
        The `Analysis` with every selected layer filled.

    Raises:
        InputError: E030 when the analysis runs past `options.max_seconds` (checked between analyzers and
            inside their long loops, so it holds in any worker thread or process).
    """
    options = options or Options()
    article = text_or_article if isinstance(text_or_article, Article) else article_from_text(text_or_article, options)
    return _cached_pipeline(options)(article)


_PIPELINES: dict[Options, Pipeline] = {}


def _cached_pipeline(options: Options) -> Pipeline:
    if options not in _PIPELINES:
        _PIPELINES[options] = Pipeline(options)
    return _PIPELINES[options]


def analyze_many(inputs: Iterable[str], options: Options | None = None) -> Iterator[Analysis | InputError]:
    """Analyse every article of `inputs` in order; an unreadable input or a failing article yields an error."""
    options = options or Options()
    pipeline = _cached_pipeline(options)
    for item in read_articles(inputs, options):
        yield item if isinstance(item, InputError) else analyze_or_error(pipeline, item)


def analyze_or_error(pipeline: Pipeline, article: Article) -> Analysis | InputError:
    """The article's analysis, or an `E016` error when an analyzer fails on it (`E030` past its time budget)."""
    try:
        return pipeline(article)
    except InputError as error:  # over the time budget
        return error
    except Exception as error:  # noqa: BLE001 (an analyzer bug on one article must not stop the batch)
        return InputError(Errors.E016, article.source or article.id, detail=f"{type(error).__name__}: {error}")
