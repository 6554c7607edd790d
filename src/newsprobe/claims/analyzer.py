"""The claims analyzer: factual sentences, their attribution (named, anonymous, vague, none), hedges."""

from __future__ import annotations

from typing import ClassVar

from newsprobe.budget import check_budget
from newsprobe.claims import lexicon as lx
from newsprobe.claims.attribution import Found, find_attribution
from newsprobe.claims.hedges import find_hedges
from newsprobe.claims.sentences import split_sentences
from newsprobe.model import Analysis, Attribution, Claim, Quantity, SpanRef
from newsprobe.quantities.analyzer import find_quantities
from newsprobe.quantities.tokens import tokenize

_MIN_WORDS = 4


def find_claims(text: str, start: int = 0, anchors: list[tuple[int, int]] | None = None,
                quantities: list[Quantity] | None = None) -> list[Claim]:
    """Factual claims of `text[start:]`.

    Args:
        text: the article text.
        start: offset where the body starts.
        anchors: spans that make a sentence checkable (actors, places); counted quantities are added here.
        quantities: the counted quantities of `text[start:]` when already found; found here otherwise.

    Returns:
        One `Claim` per factual sentence, with its attribution and hedges.
    """
    counted = find_quantities(text, start) if quantities is None else quantities
    spans = [*(anchors or []), *(quantity.offsets for quantity in counted)]
    claims = []
    for begin, end in split_sentences(text, start):
        check_budget("the claims analyzer")
        attribution = find_attribution(text, begin, end)
        if is_claim(text, begin, end, spans, attribution):
            hedges = [SpanRef.of(text, *hedge) for hedge in find_hedges(text, begin, end)]
            claims.append(
                Claim.of(
                    text,
                    begin,
                    end,
                    attribution=_attribution(text, attribution),
                    hedged=bool(hedges),
                    hedges=hedges,
                )
            )
    return claims


def is_claim(text: str, start: int, end: int, anchors: list[tuple[int, int]], attribution: Found) -> bool:
    """A sentence states a checkable fact: not a question, footnote or opinion, and it names a source, an
    actor, a place, a number or a conflict event."""
    sentence = text[start:end]
    words = [token for token in tokenize(sentence) if token.is_word]
    if (
        len(words) < _MIN_WORDS
        or sentence.endswith("?")
        or sentence.startswith("*")
        or lx.OPINION.search(sentence)
    ):
        return False
    anchored = any(start <= a_start and a_end <= end for a_start, a_end in anchors)
    has_event = any(token.lower in lx.EVENT_VERBS for token in words)
    return anchored or has_event or attribution.kind != "none"


def _attribution(text: str, found: Found) -> Attribution:
    def ref(offsets: tuple[int, int] | None) -> SpanRef | None:
        return SpanRef.of(text, *offsets) if offsets else None

    return Attribution(
        kind=found.kind,
        source=ref(found.source),
        cue=ref(found.cue),
        origin=ref(found.origin),
        origin_kind=found.origin_kind,
    )


class ClaimsAnalyzer:
    name: ClassVar[str] = "claims"
    version: ClassVar[str] = "v2"  # v2: "No group" and "claimed responsibility" are no source
    requires: ClassVar[tuple[str, ...]] = ("entities", "places")
    assigns: ClassVar[tuple[str, ...]] = ("claims",)
    languages: ClassVar[tuple[str, ...]] = ("en",)

    def __call__(self, analysis: Analysis) -> None:
        anchors = [
            entity.offsets
            for entity in analysis.entities
            if entity.attributes.get("resolved_by") != "generic"
        ]
        anchors += [place.offsets for place in analysis.places]
        # The quantities analyzer ran the same search over the same body: reuse its findings.
        counted = analysis.quantities if "quantities" in analysis.analyzers else None
        analysis.claims.extend(find_claims(analysis.article.text, analysis.article.body_start, anchors, counted))
