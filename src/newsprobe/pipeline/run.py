"""`analyze`: an article (or text) in, an `Analysis` with every selected layer out."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from newsprobe.errors import Errors, InputError
from newsprobe.ingest import article_from_text, read_articles
from newsprobe.model import Analysis, Article
from newsprobe.pipeline.registry import Analyzer, check_requirements, load_analyzer, select_analyzers
from newsprobe.settings import Options


class Pipeline:
    """The selected analyzers, loaded and checked once, applied to many articles."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        names = select_analyzers(self.options.only, self.options.skip)
        self.analyzers: list[Analyzer] = [load_analyzer(name, self.options) for name in names]
        check_requirements(self.analyzers)
        # Seconds spent in each analyzer since this pipeline was built (read by `newsprobe bench`).
        self.seconds: dict[str, float] = dict.fromkeys(names, 0.0)

    def __call__(self, article: Article) -> Analysis:
        analysis = Analysis.of(article)
        for analyzer in self.analyzers:
            if analyzer.languages and article.language not in analyzer.languages:
                analysis.warnings.append(
                    f"{analyzer.name} skipped: it reads {', '.join(analyzer.languages)}, "
                    f"the article is {article.language or 'of unknown language'}"
                )
                continue
            started = time.perf_counter()
            analyzer(analysis)
            self.seconds[analyzer.name] += time.perf_counter() - started
            analysis.analyzers[analyzer.name] = f"{analyzer.name}.{analyzer.version}"
        # Re-validate so a buggy analyzer cannot emit a span that disagrees with the text.
        return Analysis.model_validate(analysis.model_dump())


def analyze(text_or_article: str | Article, options: Options | None = None) -> Analysis:
    """Analyse one article.

    Args:
        text_or_article: raw article text (title line, empty line, body) or an `Article`.
        options: analyzer selection and limits; defaults run every registered analyzer.

    Returns:
        The `Analysis` with every selected layer filled.
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
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield pipeline(item)
        except Exception as error:  # noqa: BLE001 (an analyzer bug on one article must not stop the batch)
            yield InputError(Errors.E016, item.source or item.id, detail=f"{type(error).__name__}: {error}")
