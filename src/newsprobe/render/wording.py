"""How findings are worded for people: clipped text, counts, ranges, directions, technique names."""

from __future__ import annotations

from newsprobe.model import Analysis, RelativeLocation
from newsprobe.propaganda.techniques import TECHNIQUES

CLIP_CHARS = 90
_COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


def technique_name(label: str) -> str:
    """The legend's name of a PTC label: `Name_Calling,Labeling` → `Name calling / labelling`."""
    technique = TECHNIQUES.get(label)
    return technique.name if technique else label.replace("_", " ")


def clip(text: str, limit: int = CLIP_CHARS) -> str:
    """`text` cut at a word boundary before `limit` characters, with an ellipsis when anything was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def number(value: float | None) -> str:
    """A count as people write it: `2`, `2.5`; `?` when unknown."""
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def value_range(low: float | None, best: float | None, high: float | None) -> str:
    """`50` when the three agree, else `best (low–high)` with `?` for an open end: `13 (13–?)`."""
    if low == best == high:
        return number(best)
    return f"{number(best)} ({number(low)}–{number(high)})"


def relation_phrase(relation: RelativeLocation) -> str:
    """`24–60 km W of Ālbū Kamāl`; `near X` when the text gives no distance or direction."""
    low, high = relation.distance_km_low, relation.distance_km_high
    distance = "" if low is None and high is None else f"{number(low) if low == high else f'{number(low)}–{number(high)}'} km "
    bearing = "" if relation.bearing_deg is None else f"{_COMPASS[round(relation.bearing_deg / 45) % 8]} "
    return f"{distance}{bearing}of {relation.anchor_name}" if distance or bearing else f"near {relation.anchor_name}"




def propaganda_summary(analysis: Analysis) -> str | None:
    """`score 0.24 · 20 spans: Loaded language 12, Doubt 3`, or None when the analyzer did not run."""
    summary = analysis.propaganda
    if summary is None:
        return None
    spans = sum(summary.counts.values())
    counts = ", ".join(f"{technique_name(label)} {count}" for label, count in summary.counts.items())
    return f"score {summary.score:.2f} · {spans} span{'' if spans == 1 else 's'}" + (f": {counts}" if counts else "")


def article_facts(analysis: Analysis) -> list[tuple[str, str]]:
    """The facts a report shows under the title, those that are known."""
    article = analysis.article
    facts = [
        ("outlet", article.outlet), ("language", article.language), ("published", article.published),
        ("url", article.url), ("id", article.id), ("propaganda", propaganda_summary(analysis)),
    ]
    return [(name, value) for name, value in facts if value]
