"""The provenance-signals analyzer: rule-based, precise, every finding explained."""

from __future__ import annotations

from typing import ClassVar

from newsprobe.model import Analysis, Signal, SpanRef
from newsprobe.signals.artefacts import find_artefacts
from newsprobe.signals.disclaimers import find_disclaimers
from newsprobe.signals.duplicates import find_spliced_clauses, find_verbatim_repeats
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
    tokens = tokenize(text, body)
    spliced = [
        Signal.of(
            text, *clause.second, kind="duplicate_passage", score=clause.similarity,
            explanation=(
                f"Says again what the clause before it in the same sentence said ({clause.matches} words in the "
                f"same order, similarity {clause.similarity:.2f}): two renderings of one source clause spliced "
                "together, typical of machine translation."
            ),
            related=[_ref(text, clause.first)],
            attributes={"form": "spliced_clause", "similarity": f"{clause.similarity:.3f}"},
        )
        for clause in find_spliced_clauses(text, tokens)
    ]
    verbatim = [
        Signal.of(
            text, *repeat.second, kind="duplicate_passage", score=1.0,
            explanation=f"Repeats word for word a passage of {repeat.words} words that appears earlier.",
            related=[_ref(text, repeat.first)],
            attributes={"form": "verbatim_repeat", "words": str(repeat.words)},
        )
        for repeat in find_verbatim_repeats(tokens)
    ]
    return spliced + verbatim


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
