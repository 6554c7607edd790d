"""Build the web app's offline base layer: Natural Earth countries (world-atlas TopoJSON) → small GeoJSON.

Run at package time, not at run time:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/build_world.py package/countries-50m.json src/newsprobe/web/static/world.geojson
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# Two decimals of a degree (about 1 km) is finer than the 1:50m shapes themselves and halves the file.
DIGITS = 2


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc: TopoJSON stores quantised deltas."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * scale[0] + translate[0], DIGITS), round(y * scale[1] + translate[1], DIGITS)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join arcs into one ring; a negative index ~i means arc i reversed; shared end points are dropped."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return unwrap(points)


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Keep a ring continuous across the antimeridian (Russia, Fiji): Leaflet would draw a line across the map."""
    result = points[:1]
    for lon, lat in points[1:]:
        previous = result[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        result.append((round(lon, DIGITS), lat))
    return result


def feature(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> dict[str, Any] | None:
    """A GeoJSON feature with the country's name."""
    kind = geometry.get("type")
    if kind == "Polygon":
        coordinates: list[Any] = [ring(r, arcs) for r in geometry["arcs"]]
    elif kind == "MultiPolygon":
        coordinates = [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    else:
        return None
    name = geometry.get("properties", {}).get("name", "")
    return {"type": "Feature", "properties": {"name": name},
            "geometry": {"type": kind, "coordinates": coordinates}}


def convert(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    features = [item for item in (feature(g, arcs) for g in geometries) if item]
    return {"type": "FeatureCollection", "features": features}


def main(source: str, target: str) -> None:
    collection = convert(json.loads(Path(source).read_text(encoding="utf-8")))
    Path(target).write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
