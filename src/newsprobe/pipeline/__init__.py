"""Running analyzers over articles: the registry and `analyze`."""

from newsprobe.pipeline.registry import (
    ANALYZERS,
    Analyzer,
    added_requirements,
    analyzer_versions,
    check_requirements,
    load_analyzer,
    select_analyzers,
)
from newsprobe.pipeline.run import Pipeline, analyze, analyze_many, analyze_or_error

__all__ = [
    "ANALYZERS",
    "Analyzer",
    "Pipeline",
    "added_requirements",
    "analyze",
    "analyze_many",
    "analyze_or_error",
    "analyzer_versions",
    "check_requirements",
    "load_analyzer",
    "select_analyzers",
]
