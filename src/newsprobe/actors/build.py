"""`newsprobe train actors`: regenerate the canonical actor table from an ACLED-format CSV."""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError

ACTOR_COLUMNS = (
    ("actor1", "inter1"),
    ("assoc_actor_1", "inter1"),
    ("actor2", "inter2"),
    ("assoc_actor_2", "inter2"),
)
CANONICAL_PATH = Path(__file__).parent / "data" / "acled_actors.json"
NOTE = "ACLED standard actor names and inter codes (facts), most frequent first; no event rows."


def collect_actors(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    """Every actor name with its commonest inter code, countries, per-country inter; most frequent first."""
    counts: Counter[str] = Counter()
    inters: dict[str, Counter[int]] = defaultdict(Counter)
    by_country: dict[str, dict[str, Counter[int]]] = defaultdict(lambda: defaultdict(Counter))
    for row in rows:
        for name_column, inter_column in ACTOR_COLUMNS:
            inter = int(float(row[inter_column])) if row.get(inter_column) else 0
            for name in filter(None, (part.strip() for part in row.get(name_column, "").split(";"))):
                counts[name] += 1
                inters[name][inter] += 1
                by_country[name][row.get("country", "")][inter] += 1
    return [_actor_record(name, inters[name], by_country[name]) for name, _ in counts.most_common()]


def _actor_record(name: str, inters: Counter[int], countries: dict[str, Counter[int]]) -> dict[str, object]:
    ordered = sorted(countries, key=lambda country: -sum(countries[country].values()))
    return {
        "name": name,
        "inter": inters.most_common(1)[0][0] or None,
        "countries": [country for country in ordered if country],
        "inter_by_country": {
            country: countries[country].most_common(1)[0][0] for country in ordered if country
        },
    }


def build_actor_table(
    data: Path, output: Path = CANONICAL_PATH, keep: Callable[[dict[str, str]], bool] = lambda row: True
) -> int:
    """Write the canonical table built from the rows of `data` that `keep` accepts; returns the actor count."""
    if not data.is_file():
        raise NewsprobeError(Errors.E008, path=str(data))
    with data.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"event_id_cnty", "actor1", "inter1", "country"} - set(reader.fieldnames or ())
        if missing:
            raise NewsprobeError(Errors.E301, path=str(data), columns=", ".join(sorted(missing)))
        actors = collect_actors([row for row in reader if keep(row)])
    header = {"built_from": data.name, "note": NOTE}
    lines = [json.dumps(actor, ensure_ascii=False) for actor in actors]
    body = json.dumps(header, ensure_ascii=False)[:-1] + ', "actors": [\n' + ",\n".join(lines) + "\n]}\n"
    output.write_text(body, encoding="utf-8")
    return len(actors)
