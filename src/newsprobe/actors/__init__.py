"""Actors: mentions normalised to ACLED standard names and inter codes via an alias table we own."""

from newsprobe.actors.analyzer import ActorsAnalyzer, find_actors
from newsprobe.actors.build import build_actor_table
from newsprobe.actors.focus import (
    country_focus,
    country_focus_text,
    country_name,
    event_country,
    event_country_code,
)
from newsprobe.actors.lookup import resolve_actor
from newsprobe.actors.table import load_table

__all__ = [
    "ActorsAnalyzer",
    "build_actor_table",
    "country_focus",
    "country_focus_text",
    "country_name",
    "event_country",
    "event_country_code",
    "find_actors",
    "load_table",
    "resolve_actor",
]
