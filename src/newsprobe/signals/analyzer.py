"""The provenance-signals analyzer: rule-based, precise, every finding explained."""

from __future__ import annotations

from typing import ClassVar

from newsprobe.model import Analysis, Signal, SpanRef
from newsprobe.signals.artefacts import find_artefacts
from newsprobe.signals.disclaimers import find_disclaimers
from newsprobe.signals.duplicates import find_repeated_passages
from newsprobe.signals.spellings import find_spelling_variants
from newsprobe.signals.tokens import tokenize


class SignalsAnalyzer:
    name: ClassVar[str] = "signals"
    version: ClassVar[str] = "v1"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("signals",)
    languages: ClassVar[tuple[str, ...]] = ()

    def __call__(self, analysis: Analysis) -> None:
        article = analysis.article
        text, body = article.text, article.body_start
        signals = [*_duplicate_signals(text, body), *_disclaimer_signals(text)]
        if article.language == "en":
            signals += [*_variant_signals(text, body), *_artefact_signals(text, body)]
        analysis.signals.extend(sorted(signals, key=lambda signal: (signal.start, signal.end)))


def _ref(text: str, offsets: tuple[int, int]) -> SpanRef:
    return SpanRef.of(text, *offsets)


def _duplicate_signals(text: str, body: int) -> list[Signal]:
    return [
        Signal.of(
            text, *passage.second, kind="duplicate_passage", score=passage.similarity,
            explanation=(
                f"Repeats the passage just before it ({passage.matches} words in the same order, similarity "
                f"{passage.similarity:.2f}): two renderings of one clause spliced together, typical of "
                "machine translation or careless editing."
            ),
            related=[_ref(text, passage.first)],
            attributes={"similarity": f"{passage.similarity:.3f}", "shared_words": str(passage.matches)},
        )
        for passage in find_repeated_passages(tokenize(text, body))
    ]


def _disclaimer_signals(text: str) -> list[Signal]:
    return [
        Signal.of(
            text, found.start, found.end, kind="legal_disclaimer", explanation=found.rule.explanation,
            related=[_ref(text, mark) for mark in found.marked],
            attributes={"jurisdiction": found.rule.jurisdiction, "notice": found.rule.kind},
        )
        for found in find_disclaimers(text)
    ]


def _variant_signals(text: str, body: int) -> list[Signal]:
    signals = []
    for group in find_spelling_variants(text, body):
        first, *others = group.mentions
        signals.append(Signal.of(
            text, *first, kind="spelling_variants",
            explanation=(f"One name spelled {len(group.surfaces)} ways ({' / '.join(group.surfaces)}): "
                         "a sign of text assembled or translated from several sources."),
            related=[_ref(text, mention) for mention in others],
            attributes={"variants": " | ".join(group.surfaces)},
        ))
    return signals


def _artefact_signals(text: str, body: int) -> list[Signal]:
    return [
        Signal.of(text, found.start, found.end, kind="translation_artefact", explanation=found.explanation,
                  attributes={"artefact": found.kind})
        for found in find_artefacts(text, body)
    ]
