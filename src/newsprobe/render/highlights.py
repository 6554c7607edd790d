"""One list of highlights drawn from every layer, shared by the text and HTML reports."""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.model import Analysis

# Layer → (legend name, colour). Techniques get their own colours, from `TECHNIQUE_COLOURS`.
LAYER_STYLES: dict[str, tuple[str, str]] = {
    "places": ("Place", "#4e9a06"),
    "quantities": ("Quantity", "#3465a4"),
    "entities": ("Actor", "#75507b"),
    "signals": ("Provenance signal", "#c17d11"),
}
TECHNIQUE_PALETTE = (
    "#ef2929", "#f57900", "#edd400", "#ad7fa8", "#729fcf", "#8ae234", "#e9b96e",
    "#fcaf3e", "#cc0000", "#5c3566", "#204a87", "#4e9a06", "#8f5902", "#888a85",
)


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    layer: str
    label: str
    note: str
    colour: str


def collect_highlights(analysis: Analysis) -> list[Highlight]:
    """Highlights of every finding that has offsets, sorted by position."""
    found = [*_technique_highlights(analysis), *_layer_highlights(analysis)]
    return sorted(found, key=lambda item: (item.start, -item.end))


def technique_colour(technique: str, techniques: list[str]) -> str:
    return TECHNIQUE_PALETTE[sorted(techniques).index(technique) % len(TECHNIQUE_PALETTE)]


def _technique_highlights(analysis: Analysis) -> list[Highlight]:
    names = sorted({span.technique for span in analysis.techniques})
    return [
        Highlight(span.start, span.end, "techniques", span.technique.replace("_", " "),
                  f"{span.technique} ({span.score:.2f})", technique_colour(span.technique, names))
        for span in analysis.techniques
    ]


def _layer_highlights(analysis: Analysis) -> list[Highlight]:
    highlights = []
    for place in analysis.places:
        where = f"{place.name} ({place.geonameid}) {place.lat:.2f}, {place.lon:.2f}" if place.lat is not None else "unresolved"
        highlights.append(_styled("places", place.start, place.end, where))
    for quantity in analysis.quantities:
        highlights.append(_styled("quantities", quantity.start, quantity.end,
                                  f"{quantity.role or 'count'}: {quantity.low}/{quantity.best}/{quantity.high}"))
    for entity in analysis.entities:
        highlights.append(_styled("entities", entity.start, entity.end, entity.canonical or entity.label))
    for signal in analysis.signals:
        highlights.append(_styled("signals", signal.start, signal.end, f"{signal.kind}: {signal.explanation}"))
    return highlights


def _styled(layer: str, start: int, end: int, note: str) -> Highlight:
    label, colour = LAYER_STYLES[layer]
    return Highlight(start, end, layer, label, note, colour)


def legend(highlights: list[Highlight]) -> dict[str, str]:
    """Label → colour for every label that occurs."""
    return {item.label: item.colour for item in highlights}
