"""Keeping a corpus: read, analyse and store articles (`ingest`), and bring old analyses up to date (`reanalyze`)."""

from newsprobe.corpus.ingest import IngestSummary, ingest, reanalyze

__all__ = ["IngestSummary", "ingest", "reanalyze"]
