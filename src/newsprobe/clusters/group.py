"""Single-linkage grouping of events: same type, within `MAX_KM` and `MAX_DAYS` of another member."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

# ACLED codes an event to the nearest town (geo_precision 1–2 are within ~25 km); two outlets that place one
# clash at a town and at a village outside it land 20–40 km apart, and their dates differ by the day the
# report was written ("yesterday", "on Tuesday"), so 50 km and 3 days join tellings without merging the
# separate daily events of one front (tuned on examples/demo; see docs/web.md).
MAX_KM = 50.0
MAX_DAYS = 3
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class EventPoint:
    """One outlet's telling of one event, as the clusters page shows it."""

    article_id: str
    rank: int
    outlet: str
    event_type: str
    day: date
    lat: float
    lon: float
    details: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


def distance_km(a: EventPoint, b: EventPoint) -> float:
    """Great-circle (haversine) distance."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def cluster_events(points: list[EventPoint], max_km: float = MAX_KM, max_days: int = MAX_DAYS) -> list[list[EventPoint]]:
    """Groups told by at least two outlets, newest first; each group ordered by date then outlet."""
    parent = list(range(len(points)))
    for i, j in _close_pairs(points, max_km, max_days):
        parent[_root(parent, i)] = _root(parent, j)
    groups: dict[int, list[EventPoint]] = defaultdict(list)
    for index, point in enumerate(points):
        groups[_root(parent, index)].append(point)
    clusters = [sorted(g, key=lambda p: (p.day, p.outlet)) for g in groups.values() if _outlets(g) >= 2]
    return sorted(clusters, key=lambda g: (g[0].day, g[0].event_type), reverse=True)


def _close_pairs(points: list[EventPoint], max_km: float, max_days: int) -> list[tuple[int, int]]:
    """Index pairs of one type within the window; a sort by date keeps it near-linear on a large corpus."""
    order = sorted(range(len(points)), key=lambda i: points[i].day)
    pairs = []
    for position, i in enumerate(order):
        for j in order[position + 1 :]:
            if (points[j].day - points[i].day).days > max_days:
                break
            if points[i].event_type == points[j].event_type and distance_km(points[i], points[j]) <= max_km:
                pairs.append((i, j))
    return pairs


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _outlets(group: list[EventPoint]) -> int:
    return len({point.outlet for point in group})
