"""Great-circle geometry on a spherical Earth."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
# Half the Earth's circumference: the worst possible error, given to unresolved places.
MAX_ERROR_KM = 20_037.5


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def destination(lat: float, lon: float, bearing_deg: float, distance: float) -> tuple[float, float]:
    """The point `distance` km from (lat, lon) along the initial compass bearing."""
    angular, bearing = distance / EARTH_RADIUS_KM, math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(angular) + math.cos(p1) * math.sin(angular) * math.cos(bearing))
    l2 = l1 + math.atan2(math.sin(bearing) * math.sin(angular) * math.cos(p1),
                         math.cos(angular) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
