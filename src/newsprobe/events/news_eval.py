"""`eval events --news FILE`: how the events layer codes news snippets, each labelled with one sub-type or none.

Each snippet is analysed as a short article by the whole pipeline (as `eval events` does with ACLED notes)
and its first event's sub-type is compared with the label: weighted F1 over every snippet and over the
event snippets alone (the shared-task measure), the share of event snippets that get no event, the accuracy
where an event is found, the share of "no event" snippets given one, and the confusion matrix.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from newsprobe.events.metrics import classification_scores, weighted_f1
from newsprobe.events.snippets import LABELS, Snippet, read_snippets
from newsprobe.events.taxonomy import NO_EVENT
from newsprobe.model import Article
from newsprobe.pipeline import analyze
from newsprobe.settings import Options

NEWS_OPTIONS = Options()  # the default pipeline: events reuse the encoder reading propaganda makes


def code_snippet(snippet: Snippet, options: Options = NEWS_OPTIONS) -> str:
    """The sub-type of the snippet's first event, or "no event"."""
    analysis = analyze(Article.create(snippet.text, id=snippet.id, language="en"), options)
    return analysis.events[0].sub_event_type if analysis.events else NO_EVENT


def confusion(gold: list[str], predicted: list[str]) -> dict[str, dict[str, int]]:
    """gold label → {predicted label: count}, every gold label in taxonomy order, only non-zero cells."""
    pairs = Counter(zip(gold, predicted))
    return {label: {p: pairs[(label, p)] for p in LABELS if pairs[(label, p)]} for label in LABELS if label in gold}


def news_scores(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """Every figure of `eval events --news` for paired gold and predicted labels."""
    events = [(g, p) for g, p in zip(gold, predicted, strict=True) if g != NO_EVENT]
    found = [(g, p) for g, p in events if p != NO_EVENT]
    quiet = [p for g, p in zip(gold, predicted, strict=True) if g == NO_EVENT]
    return {
        "all_snippets": classification_scores(gold, predicted),
        "event_snippets_sub_event_type_weighted_f1": round(weighted_f1([g for g, _ in events],
                                                                       [p for _, p in events]), 4),
        "event_snippets_with_no_event": round(1 - len(found) / max(1, len(events)), 4),
        "accuracy_where_event_found": round(sum(g == p for g, p in found) / max(1, len(found)), 4),
        "no_event_snippets_given_an_event": round(sum(p != NO_EVENT for p in quiet) / max(1, len(quiet)), 4),
        "counts": {"snippets": len(gold), "event_snippets": len(events), "no_event_snippets": len(quiet)},
        "confusion": confusion(gold, predicted),
    }


def evaluate_news(path: Path) -> dict[str, Any]:
    """Score the events layer on a labelled news file.

    Args:
        path: JSONL, one snippet a line: `{"text", "sub_event_type" (or "no event"), "id"?, "register"?}`.

    Returns:
        The figures of `news_scores`, with the file name and, per register, the event-snippet weighted F1.
    """
    snippets = read_snippets(path)
    predicted = [code_snippet(snippet) for snippet in snippets]
    gold = [snippet.label for snippet in snippets]
    return {"data": path.name, **news_scores(gold, predicted), "by_register": _by_register(snippets, predicted)}


def _by_register(snippets: list[Snippet], predicted: list[str]) -> dict[str, dict[str, float]]:
    """Classification scores of the snippets of each register (wire, state media, local press)."""
    scores = {}
    for register in sorted({snippet.register for snippet in snippets}):
        pairs = [(s.label, p) for s, p in zip(snippets, predicted, strict=True) if s.register == register]
        scores[register] = classification_scores([g for g, _ in pairs], [p for _, p in pairs])
    return scores
