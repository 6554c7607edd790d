"""One list of highlights drawn from every layer, shared by the text and HTML reports."""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.model import Analysis, Place
from newsprobe.propaganda.techniques import TECHNIQUES
from newsprobe.render.wording import relation_phrase, technique_name, value_range

# Layer → (legend name, colour, what it marks). Techniques get their own colours, from `TECHNIQUE_PALETTE`.
LAYER_STYLES: dict[str, tuple[str, str, str]] = {
    "places": ("Place", "#a6d96a", "A place mention, resolved to GeoNames coordinates when the gazetteer knows it."),
    "quantities": ("Quantity", "#9ecae1", "A count of people or things, with low/best/high and its role."),
    # Grey, not lilac: a purple actor was hard to tell from the pink of name calling.
    "entities": ("Actor", "#d9d9d9", "An actor mention, normalised to ACLED's standard name."),
    "signals": ("Provenance signal", "#80cdc1", "A duplicated passage, legal notice, spelling variant or translation artefact."),
}
# Light, warm colours for techniques (black text stays readable), cool ones for the other layers.
TECHNIQUE_PALETTE = (
    "#fb9a99", "#fdbf6f", "#ffff99", "#fccde5", "#ffd92f", "#f4a582", "#e5c494",
    "#fdae61", "#f1b6da", "#fee08b", "#ffed6f", "#fbb4ae", "#e7ba52", "#f0e442",
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
        Highlight(span.start, span.end, "techniques", technique_name(span.technique),
                  f"{technique_name(span.technique)} ({span.score:.2f})", technique_colour(span.technique, names))
        for span in analysis.techniques
    ]


def _layer_highlights(analysis: Analysis) -> list[Highlight]:
    highlights = []
    for place in analysis.places:
        highlights.append(_styled("places", place.start, place.end, _where(place)))
    for quantity in analysis.quantities:
        highlights.append(_styled("quantities", quantity.start, quantity.end,
                                  f"{quantity.role or 'count'}: {value_range(quantity.low, quantity.best, quantity.high)}"))
    for entity in analysis.entities:
        highlights.append(_styled("entities", entity.start, entity.end, entity.canonical or entity.label))
    for signal in analysis.signals:
        highlights.append(_styled("signals", signal.start, signal.end, f"{signal.kind.replace('_', ' ')}: {signal.explanation}"))
    return highlights


def _where(place: Place) -> str:
    """`Ālbū Kamāl (174448) 34.45, 40.92`, `24–60 km W of Ālbū Kamāl: 34.45, 40.46`, or `unresolved`."""
    if place.lat is None or place.lon is None:
        return "unresolved"
    name = f"{place.name} ({place.geonameid})" if place.name and place.geonameid else place.name
    label = name or (relation_phrase(place.relation) if place.relation else place.text)
    return f"{label}: {place.lat:.2f}, {place.lon:.2f}"


def _styled(layer: str, start: int, end: int, note: str) -> Highlight:
    label, colour, _ = LAYER_STYLES[layer]
    return Highlight(start, end, layer, label, note, colour)


@dataclass(frozen=True)
class LegendEntry:
    label: str
    colour: str
    description: str


def legend(highlights: list[Highlight]) -> list[LegendEntry]:
    """One entry per label that occurs, with what it means (a technique's definition and example)."""
    entries: dict[str, LegendEntry] = {}
    for item in highlights:
        if item.label not in entries:
            entries[item.label] = LegendEntry(item.label, item.colour, _describe(item))
    return list(entries.values())


def _describe(item: Highlight) -> str:
    if item.layer != "techniques":
        return LAYER_STYLES[item.layer][2]
    technique = next((t for t in TECHNIQUES.values() if t.name == item.label), None)
    return f"{technique.definition} Example: {technique.example}" if technique else item.label
