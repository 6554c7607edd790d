"""Cross-outlet event clusters: same type, close in space and time, at least two outlets."""

from __future__ import annotations

from datetime import date

import pytest

from newsprobe.clusters import EventPoint, cluster_events, distance_km


def point(article: str, outlet: str, day: str, lat: float, lon: float, kind: str = "Battles") -> EventPoint:
    return EventPoint(article, 0, outlet, kind, date.fromisoformat(day), lat, lon)


def test_clusters_join_two_outlets_telling_one_clash() -> None:
    wire = point("w", "Wire", "2025-03-11", 35.0158, 40.4518)
    state = point("s", "State", "2025-03-12", 35.10, 40.30)  # ~17 km away, a day later
    clusters = cluster_events([wire, state, point("x", "Wire", "2025-03-11", 36.2, 37.1)])
    assert clusters == [[wire, state]]


@pytest.mark.parametrize(("other", "why"), [
    (point("s", "State", "2025-03-16", 35.0, 40.45), "five days apart"),
    (point("s", "State", "2025-03-11", 35.9, 40.45), "100 km apart"),
    (point("s", "State", "2025-03-11", 35.0, 40.45, kind="Protests"), "another type"),
    (point("s", "Wire", "2025-03-11", 35.0, 40.45), "one outlet only"),
])
def test_clusters_keep_apart_events_that_differ(other: EventPoint, why: str) -> None:
    assert cluster_events([point("w", "Wire", "2025-03-11", 35.0158, 40.4518), other]) == [], why


def test_clusters_chain_a_third_telling_through_the_second() -> None:
    points = [point("a", "A", "2025-05-20", 48.72, 37.56), point("b", "B", "2025-05-21", 48.74, 37.58),
              point("c", "C", "2025-05-23", 48.75, 37.60)]
    assert [p.outlet for p in cluster_events(points)[0]] == ["A", "B", "C"]


def test_distance_km_is_haversine() -> None:
    assert distance_km(point("a", "A", "2025-01-01", 0, 0), point("b", "B", "2025-01-01", 0, 1)) == pytest.approx(111.19, abs=0.01)
