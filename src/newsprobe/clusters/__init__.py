"""The same event as told by different outlets: events grouped by type, distance and date.

Pure functions over plain records, below `store` and `web` in the layering, so the web app, the API and
notebooks group events the same way.
"""

from newsprobe.clusters.group import MAX_DAYS, MAX_KM, EventPoint, cluster_events, distance_km

__all__ = ["MAX_DAYS", "MAX_KM", "EventPoint", "cluster_events", "distance_km"]
