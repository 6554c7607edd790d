"""Research formats: PTC/SemEval TSV rows for `predict` and `classify`, in offsets of the files as read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsprobe.errors import Errors, InputError, NewsprobeError
from newsprobe.ingest import decode_bytes, read_articles
from newsprobe.model import Article, TechniqueSpan
from newsprobe.propaganda.align import align_offsets, to_raw, to_text
from newsprobe.propaganda.corpus import GoldSpan, article_number
from newsprobe.propaganda.model import PropagandaModel, Reading
from newsprobe.propaganda.techniques import LABELS
from newsprobe.settings import Options

_MARKUP_SUFFIXES = (".html", ".htm", ".json", ".jsonl", ".ndjson")


@dataclass(frozen=True)
class SourceText:
    """An article with its PTC id and the map from its normalised text back to the file's characters."""

    id: str
    article: Article
    mapping: np.ndarray


def source_text(article_id: str, raw: str) -> SourceText:
    """A PTC file's text (as Python reads it) normalised the way ingest does, with the offset map."""
    article = Article.create(raw, id=article_id, language="en")
    return SourceText(article_id, article, align_offsets(raw, article.text))


def read_sources(inputs: Iterable[str], options: Options | None = None) -> Iterator[SourceText | InputError]:
    """Articles of `inputs` (files, folders, URLs, JSONL) with their PTC ids and offset maps."""
    options = options or Options()
    for item in read_articles(inputs, options):
        if isinstance(item, InputError):
            yield item
            continue
        raw = _file_text(item.source, options)
        raw_id = article_number(item.source) if raw is not None and item.source else item.id
        mapping = align_offsets(raw, item.text) if raw is not None else np.arange(len(item.text) + 1)
        yield SourceText(raw_id, item, mapping)


def _file_text(source: str | None, options: Options) -> str | None:
    """The plain-text file an article was read from, with newlines as Python's text mode reads them."""
    if not source or Path(source).suffix.lower() in _MARKUP_SUFFIXES or not Path(source).is_file():
        return None
    raw = decode_bytes(Path(source).read_bytes(), source, options.max_bytes)
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def predict_source(model: PropagandaModel, source: SourceText, reading: Reading | None = None) -> list[GoldSpan]:
    """Technique spans of one article in the file's offsets."""
    return [
        GoldSpan(source.id, found.technique, *to_raw(source.mapping, found.start, found.end))
        for found in model.predict_reading(reading or model.read(source.article.text))
    ]


def technique_rows(source: SourceText, techniques: Iterable[TechniqueSpan]) -> list[GoldSpan]:
    """The propaganda analyzer's spans of one article as PTC rows, in the file's offsets."""
    return [GoldSpan(source.id, span.technique, *to_raw(source.mapping, span.start, span.end)) for span in techniques]


def classify_source(
    model: PropagandaModel, source: SourceText, spans: list[GoldSpan], reading: Reading | None = None
) -> list[GoldSpan]:
    """A technique for each given span (file offsets); a span listed k times gets the k likeliest."""
    text_spans = [to_text(source.mapping, span.start, span.end) for span in spans]
    probs = model.label_probs(reading or model.read(source.article.text), text_spans)
    seen: dict[tuple[int, int], int] = {}
    labelled = []
    for span, row in zip(spans, probs, strict=True):
        rank = seen.get((span.start, span.end), 0)
        seen[(span.start, span.end)] = rank + 1
        choice = int(np.argsort(-row)[min(rank, len(LABELS) - 1)])
        labelled.append(GoldSpan(span.article_id, LABELS[choice], span.start, span.end))
    return labelled


def classify_all(model: PropagandaModel, sources: list[SourceText], spans: list[GoldSpan]) -> list[GoldSpan]:
    """Label every span of a spans file, in its order, against the articles it names."""
    by_id = {source.id: source for source in sources}
    grouped: dict[str, list[GoldSpan]] = {}
    for span in spans:
        source = by_id.get(span.article_id)
        if source is None:
            raise NewsprobeError(Errors.E104, id=span.article_id)
        length = int(source.mapping[-1])
        if not 0 <= span.start <= span.end <= length:
            raise NewsprobeError(Errors.E105, id=span.article_id, start=span.start, end=span.end, length=length)
        grouped.setdefault(span.article_id, []).append(span)
    labelled = {
        (span.article_id, index): result
        for article_id, group in grouped.items()
        for index, (span, result) in enumerate(zip(group, classify_source(model, by_id[article_id], group)))
    }
    counters: dict[str, int] = {}
    ordered = []
    for span in spans:
        index = counters.get(span.article_id, 0)
        counters[span.article_id] = index + 1
        ordered.append(labelled[(span.article_id, index)])
    return ordered


def read_span_rows(path: Path) -> list[GoldSpan]:
    """Rows `id<TAB>technique-or-?<TAB>start<TAB>end` of a spans file."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 4 or not fields[2].strip().isdigit() or not fields[3].strip().isdigit():
            raise NewsprobeError(Errors.E103, line=number, detail=repr(line[:80]))
        rows.append(GoldSpan(fields[0].strip(), fields[1], int(fields[2]), int(fields[3])))
    return rows


def format_rows(spans: Iterable[GoldSpan]) -> str:
    """PTC rows `id<TAB>technique<TAB>start<TAB>end`, one per line."""
    return "".join(f"{span.article_id}\t{span.technique}\t{span.start}\t{span.end}\n" for span in spans)

