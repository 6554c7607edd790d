"""Analyzers registered by name, imported lazily and built once per process."""

from __future__ import annotations

import functools
import importlib
from typing import ClassVar, Protocol

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.model import Analysis
from newsprobe.settings import Options

# Name → "module:class". Order is the run order: an analyzer comes after those whose layers it reads.
ANALYZERS: dict[str, str] = {
    "signals": "newsprobe.signals:SignalsAnalyzer",
    "propaganda": "newsprobe.propaganda:PropagandaAnalyzer",
    "places": "newsprobe.places:PlacesAnalyzer",
    "quantities": "newsprobe.quantities:QuantitiesAnalyzer",
    "actors": "newsprobe.actors:ActorsAnalyzer",
    "claims": "newsprobe.claims:ClaimsAnalyzer",
    # Last: it reads every other layer that ran.
    "events": "newsprobe.events:EventsAnalyzer",
}


class Analyzer(Protocol):
    """What every analyzer is: it declares the layers it reads and writes, then adds findings."""

    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]
    # ISO 639-1 codes the analyzer can read; empty means any language.
    languages: ClassVar[tuple[str, ...]]
    # An analyzer may also declare `options: ClassVar[tuple[str, ...]]`, the `Options` fields it is built with
    # (passed to its constructor as keywords).

    def __call__(self, analysis: Analysis) -> None: ...


def load_analyzer(name: str, options: Options | None = None) -> Analyzer:
    """The analyzer registered as `name`, built with the option fields it declares; built once per choice."""
    fields = getattr(_analyzer_class(name), "options", ())
    chosen = options or Options()
    return _build(name, tuple((field, getattr(chosen, field)) for field in fields))


@functools.cache
def _build(name: str, settings: tuple[tuple[str, object], ...]) -> Analyzer:
    analyzer: Analyzer = _analyzer_class(name)(**dict(settings))
    return analyzer


def _analyzer_class(name: str) -> type:
    if name not in ANALYZERS:
        raise NewsprobeError(Errors.E010, name=name, known=", ".join(ANALYZERS))
    module_name, class_name = ANALYZERS[name].split(":")
    analyzer_class: type = getattr(importlib.import_module(module_name), class_name)
    return analyzer_class


def select_analyzers(only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> list[str]:
    """Names to run, in registry order, after checking every name exists."""
    for name in (*only, *skip):
        if name not in ANALYZERS:
            raise NewsprobeError(Errors.E010, name=name, known=", ".join(ANALYZERS))
    chosen = only or tuple(ANALYZERS)
    return [name for name in ANALYZERS if name in chosen and name not in skip]


def check_requirements(analyzers: list[Analyzer]) -> None:
    """Fail before any run when an analyzer reads a layer that no earlier analyzer writes."""
    written: set[str] = set()
    for analyzer in analyzers:
        for layer in analyzer.requires:
            if layer not in written:
                raise NewsprobeError(Errors.E011, name=analyzer.name, layer=layer)
        written.update(analyzer.assigns)
