"""Write src/newsprobe/events/data/acled_regions.json: ISO 3166 alpha-2 → ACLED's numeric `iso` and `region`.

ACLED's regions follow the UN M49 (intermediate) regions with a few differences, written out below. Needs
countryinfo (the `places-build` extra). Run: python tools/build_acled_regions.py
"""

from __future__ import annotations

import json
from pathlib import Path

import countryinfo

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprobe" / "events" / "data" / "acled_regions.json"
# UN intermediate region or subregion → ACLED region.
BY_UN_REGION = {
    "Western Africa": "Western Africa", "Middle Africa": "Middle Africa", "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa", "Northern Africa": "Northern Africa", "Caribbean": "Caribbean",
    "Central America": "Central America", "South America": "South America", "Northern America": "North America",
    "Western Asia": "Middle East", "Central Asia": "Caucasus and Central Asia", "Southern Asia": "South Asia",
    "South-eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia", "Northern Europe": "Europe",
    "Southern Europe": "Europe", "Eastern Europe": "Europe", "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania", "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania",
}
# Where ACLED departs from the UN regions.
EXCEPTIONS = {
    "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia", "GE": "Caucasus and Central Asia",
    "AF": "Caucasus and Central Asia", "IR": "Middle East", "CY": "Europe", "GL": "Europe", "MX": "North America",
    "ZM": "Southern Africa", "ZW": "Southern Africa",
}


def acled_region(info: dict[str, object]) -> str | None:
    """ACLED's region of one countryinfo record."""
    iso2 = str(info["ISO"]["alpha2"])  # type: ignore[index]
    if iso2 in EXCEPTIONS:
        return EXCEPTIONS[iso2]
    for key in ("intermediateregion", "subregion"):
        if (region := BY_UN_REGION.get(str(info.get(key) or ""))) is not None:
            return region
    return "Antarctica" if info.get("region") == "Antarctic" else None


def main() -> None:
    table = {}
    for country in countryinfo.all_countries():
        info = country.info()
        numeric, region = info["ISO"].get("numeric"), acled_region(info)
        if numeric and region:
            table[info["ISO"]["alpha2"]] = {"iso": int(numeric), "region": region}
    OUT.write_text(json.dumps(dict(sorted(table.items())), separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(table)} countries written to {OUT}")


if __name__ == "__main__":
    main()
