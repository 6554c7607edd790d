"""The article page's data, computed once from an `Analysis`: rendered as HTML or returned as JSON."""

from __future__ import annotations

from typing import Any

from newsprobe.model import Analysis, Event
from newsprobe.model.base import SpanRef
from newsprobe.propaganda.techniques import LABELS, TECHNIQUES
from newsprobe.render.highlights import LAYER_STYLES, Highlight, collect_highlights
from newsprobe.render.segments import segment_text

# Layers a reader can toggle, in drawing priority: the first one shown colours a shared stretch.
TOGGLES = {"techniques": "Techniques", "places": "Places", "entities": "Actors", "quantities": "Quantities",
           "signals": "Provenance signals", "claims": "Claims / sourcing"}
CLAIM_KINDS = {"named": "Named source", "anonymous": "Anonymous source", "vague": "Vague source",
               "none": "No source"}


def technique_class(label: str) -> str:
    """A fixed colour class per technique, the same on every page (`t0`…`t13` in app.css)."""
    return f"t{LABELS.index(label)}" if label in LABELS else "t-other"


def article_view(analysis: Analysis, scores: dict[str, float | None] | None = None) -> dict[str, Any]:
    """Everything the article page shows; `scores` adds the outlet's and the corpus's mean propaganda score."""
    article = analysis.article
    return {
        "article": article.model_dump(mode="json"),
        "segments": _segments(analysis),
        "legend": _legend(analysis),
        "toggles": [{"layer": layer, "label": label} for layer, label in TOGGLES.items()],
        "events": [_event(analysis, rank, event) for rank, event in enumerate(analysis.events)],
        "places": [_place(place) for place in analysis.places if place.lat is not None and place.lon is not None],
        "claims": [_claim(claim) for claim in analysis.claims],
        "signals": [{"kind": s.kind, "text": s.text, "explanation": s.explanation, "start": s.start,
                     "end": s.end, "attributes": s.attributes} for s in analysis.signals],
        "scores": {"article": analysis.propaganda.score if analysis.propaganda else None, **(scores or {})},
        "propaganda_model": _propaganda_model(analysis),
        "warnings": analysis.warnings,
    }


def _propaganda_model(analysis: Analysis) -> dict[str, str] | None:
    """The profile and model version that found the techniques (absent in analyses stored before profiles)."""
    summary = analysis.propaganda
    if summary is None or not summary.profile:
        return None
    return {"profile": summary.profile, "model": summary.model or "unknown"}


def _segments(analysis: Analysis) -> list[dict[str, Any]]:
    """The text cut at every finding and evidence boundary, so any evidence link can point at its stretch."""
    highlights = collect_highlights(analysis) + _claim_highlights(analysis) + _evidence_cuts(analysis)
    scores = {(t.start, t.end, t.technique): t.score for t in analysis.techniques}
    names = {technique.name: label for label, technique in TECHNIQUES.items()}
    segments = []
    for segment in segment_text(analysis.article.text, highlights):
        covering = [h for h in segment.covering if h.layer != "evidence"]
        segments.append(_segment(segment.start, segment.end, segment.text, covering, scores, names))
    return segments


def _segment(start: int, end: int, text: str, covering: list[Highlight],
             scores: dict[tuple[int, int, str], float], names: dict[str, str]) -> dict[str, Any]:
    techniques = sorted((h for h in covering if h.layer == "techniques"), key=lambda h: h.end - h.start)
    labels = [names.get(h.label, h.label) for h in techniques]
    claim = next((h.label for h in covering if h.layer == "claims"), None)
    layers = {h.layer for h in covering}
    return {
        "start": start, "end": end, "text": text,
        "layers": sorted(layers),
        # The colour drawn before any script runs: the first layer in priority order (claims only underline).
        "on": next((layer for layer in TOGGLES if layer in layers and layer != "claims"), None),
        "technique": technique_class(labels[0]) if labels else None,
        "score": max((scores.get((h.start, h.end, label), 0.0) for h, label in zip(techniques, labels)), default=None),
        "claim": claim,
        "notes": " | ".join(h.note for h in covering if h.layer != "claims"),
    }


def _claim_highlights(analysis: Analysis) -> list[Highlight]:
    return [Highlight(c.start, c.end, "claims", c.attribution.kind, CLAIM_KINDS[c.attribution.kind], "")
            for c in analysis.claims]


def _evidence_cuts(analysis: Analysis) -> list[Highlight]:
    """Zero-colour marks at every event evidence span: they only cut the text."""
    spans = [span for event in analysis.events for span, _ in _evidence(event)]
    return [Highlight(s.start, s.end, "evidence", "", "", "") for s in spans]


def _evidence(event: Event) -> list[tuple[SpanRef, str]]:
    """(span, what it proves) for each field of an event that has evidence."""
    found: list[tuple[SpanRef | None, str]] = [
        (event.fatalities.evidence, "fatalities"), (event.date.evidence, "date"),
        *((actor.mention, role) for role, actor in (("actor1", event.actor1), ("actor2", event.actor2)) if actor),
        *((span, "sentence") for span in event.evidence),
    ]
    return [(span, field) for span, field in found if span is not None]


def _event(analysis: Analysis, rank: int, event: Event) -> dict[str, Any]:
    place = analysis.event_place(event)
    return {
        "rank": rank, "event_type": event.event_type, "sub_event_type": event.sub_event_type, "score": event.score,
        "actor1": event.actor1.name if event.actor1 else None, "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_1": [a.name for a in event.assoc_actor_1], "assoc_actor_2": [a.name for a in event.assoc_actor_2],
        "date": event.date.date, "fatalities": event.fatalities.model_dump(mode="json", exclude={"evidence"}),
        "place": place.name or place.text if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "sourcing": [a.kind for a in event.sourcing],
        "evidence": [{"field": name, "start": span.start, "end": span.end, "text": span.text}
                     for span, name in _evidence(event)],
    }


def _place(place: Any) -> dict[str, Any]:
    return {"text": place.text, "name": place.name, "lat": place.lat, "lon": place.lon, "start": place.start,
            "end": place.end, "geonameid": place.geonameid, "country_code": place.country_code}


def _claim(claim: Any) -> dict[str, Any]:
    source = claim.attribution.source
    return {"text": claim.text, "start": claim.start, "end": claim.end, "kind": claim.attribution.kind,
            "source": source.text if source else None, "hedged": claim.hedged}


def _legend(analysis: Analysis) -> list[dict[str, str]]:
    """The techniques that occur, with our definition and example, then the other layers' keys."""
    used = sorted({t.technique for t in analysis.techniques}, key=lambda label: technique_class(label))
    entries = [{"layer": "techniques", "class": technique_class(label), "label": technique_name(label),
                "description": _definition(label)} for label in used]
    entries += [{"layer": layer, "class": f"l-{layer}", "label": name, "description": description}
                for layer, (name, _, description) in LAYER_STYLES.items()]
    entries += [{"layer": "claims", "class": f"c-{kind}", "label": label, "description": "A claim attributed to "
                 + label.lower() + "."} for kind, label in CLAIM_KINDS.items()]
    return entries


def technique_name(label: str) -> str:
    """A PTC label's display name ("Loaded_Language" → "Loaded language"); URLs and JSON keep the label."""
    return TECHNIQUES[label].name if label in TECHNIQUES else label.replace("_", " ")


def _definition(label: str) -> str:
    technique = TECHNIQUES.get(label)
    return f"{technique.definition} Example: {technique.example}" if technique else label
