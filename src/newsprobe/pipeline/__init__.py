"""Running analyzers over articles: the registry and `analyze`."""

from newsprobe.pipeline.registry import (
    ANALYZERS,
    Analyzer,
    added_requirements,
    check_requirements,
    load_analyzer,
    select_analyzers,
)
from newsprobe.pipeline.run import Pipeline, analyze, analyze_many

__all__ = [
    "ANALYZERS",
    "Analyzer",
    "Pipeline",
    "added_requirements",
    "analyze",
    "analyze_many",
    "check_requirements",
    "load_analyzer",
    "select_analyzers",
]
