"""Provenance signals: duplicated passages, legal disclaimers, spelling variants, translation artefacts."""

from newsprobe.signals.analyzer import SignalsAnalyzer

__all__ = ["SignalsAnalyzer"]
