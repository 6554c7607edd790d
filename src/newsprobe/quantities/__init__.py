"""Quantities: counted numbers and number words with hedges → low/best/high, the unit and the role."""

from newsprobe.quantities.analyzer import QuantitiesAnalyzer, find_quantities
from newsprobe.quantities.fatalities import FatalityCount, fatalities_from

__all__ = ["FatalityCount", "QuantitiesAnalyzer", "fatalities_from", "find_quantities"]
