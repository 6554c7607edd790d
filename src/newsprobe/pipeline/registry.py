"""Analyzers registered by name, imported lazily and built once per process."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
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
    # (passed to its constructor as keywords), and `profile_option: ClassVar[str]`, the one among them that
    # picks its model: a profile other than the default is part of the version it records.

    def __call__(self, analysis: Analysis) -> None: ...


def analyzer_class(name: str) -> type[Analyzer]:
    """The class registered as `name`, imported but not built (its model is not loaded)."""
    if name not in ANALYZERS:
        raise NewsprobeError(Errors.E010, name=name, known=", ".join(ANALYZERS))
    module_name, class_name = ANALYZERS[name].split(":")
    found: type[Analyzer] = getattr(importlib.import_module(module_name), class_name)
    return found


def load_analyzer(name: str, options: Options | None = None) -> Analyzer:
    """The analyzer registered as `name`, built with the option fields it declares; built once per choice."""
    fields = getattr(analyzer_class(name), "options", ())
    chosen = options or Options()
    return _build(name, tuple((field, getattr(chosen, field)) for field in fields))


@functools.cache
def _build(name: str, settings: tuple[tuple[str, object], ...]) -> Analyzer:
    build: Callable[..., Analyzer] = analyzer_class(name)
    return build(**dict(settings))


def analyzer_versions(options: Options | None = None) -> dict[str, str]:
    """`{name: "name.vN"}` of the analyzers `options` selects, as an `Analysis` records them, without loading
    models; `name.vN+PROFILE` for one built with a profile other than its default (`propaganda.v2+accurate`)."""
    chosen = options or Options()
    return {name: _version(name, chosen) for name in select_analyzers(chosen.only, chosen.skip)}


def _version(name: str, options: Options) -> str:
    analyzer = analyzer_class(name)
    version = f"{name}.{analyzer.version}"
    field = getattr(analyzer, "profile_option", None)
    if field is None or getattr(options, field) == getattr(Options(), field):
        return version
    return f"{version}+{getattr(options, field)}"


def select_analyzers(only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> list[str]:
    """Names to run, in registry order: `only` plus the analyzers whose layers they read, minus `skip`.

    Raises E010 for an unknown name, E018 when one name is both chosen and skipped, E019 when nothing is left.
    """
    for name in (*only, *skip):
        analyzer_class(name)
    if both := sorted(set(only) & set(skip)):
        raise NewsprobeError(Errors.E018, names=", ".join(both))
    chosen = with_requirements(only) if only else set(ANALYZERS)
    names = [name for name in ANALYZERS if name in chosen and name not in skip]
    if not names:
        raise NewsprobeError(Errors.E019)
    return names


def with_requirements(names: tuple[str, ...]) -> set[str]:
    """`names` and, transitively, the analyzers that write the layers they read."""
    writers = {layer: name for name in ANALYZERS for layer in analyzer_class(name).assigns}
    chosen: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in chosen:
            chosen.add(name)
            pending += [writers[layer] for layer in analyzer_class(name).requires if layer in writers]
    return chosen


def added_requirements(only: tuple[str, ...], skip: tuple[str, ...] = ()) -> list[str]:
    """Analyzers that `--only` did not name but that run because a chosen one reads their layers."""
    return [name for name in select_analyzers(only, skip) if only and name not in only]


def check_requirements(analyzers: list[Analyzer]) -> None:
    """Fail before any run when an analyzer reads a layer that no earlier analyzer writes."""
    written: set[str] = set()
    for analyzer in analyzers:
        for layer in analyzer.requires:
            if layer not in written:
                writer = next((n for n in ANALYZERS if layer in analyzer_class(n).assigns), "?")
                raise NewsprobeError(Errors.E011, name=analyzer.name, layer=layer, writer=writer)
        written.update(analyzer.assigns)
