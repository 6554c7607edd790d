"""Options shared by commands: reading and analysing inputs (`analyze`, `ingest`), and a helper to group options."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import click

from newsprobe.settings import (
    FETCH_TIMEOUT_S,
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_SECONDS,
    MAX_INPUT_BYTES,
    PROPAGANDA_PROFILES,
    Options,
)

F = TypeVar("F", bound=Callable[..., object])


def with_options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying `decorators` so that they appear in the help in the order given."""
    def apply(command: F) -> F:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command
    return apply


reading_options = with_options(
    click.option("--only", multiple=True, help="Run only these analyzers (repeatable)."),
    click.option("--skip", multiple=True, help="Do not run these analyzers (repeatable)."),
    click.option("--max-bytes", type=int, default=MAX_INPUT_BYTES, show_default=True,
                 help="Refuse larger inputs."),
    click.option("--max-chars", type=int, default=MAX_ARTICLE_CHARS, show_default=True,
                 help="Refuse articles whose text is longer."),
    click.option("--timeout", type=float, default=FETCH_TIMEOUT_S, show_default=True,
                 help="Seconds for a whole URL fetch: connecting, headers, body and retries."),
    click.option("--max-seconds", type=float, default=MAX_ARTICLE_SECONDS, show_default=True,
                 help="Time budget per article; one over it fails with E030 and the rest go on (0: none)."),
)


def reading_options_value(only: tuple[str, ...], skip: tuple[str, ...], max_bytes: int, max_chars: int,
                          timeout: float, max_seconds: float) -> Options:
    """The `Options` the reading options describe."""
    return Options(max_bytes=max_bytes, max_chars=max_chars, fetch_timeout_s=timeout,
                   max_seconds=max_seconds or None, only=only, skip=skip)


# --profile, --propaganda-model: which propaganda model the analysis uses (`analyze`, `ingest`, `batch`).
profile_options = with_options(
    click.option("--profile", type=click.Choice(PROPAGANDA_PROFILES), default="fast", show_default=True,
                 help="Propaganda model: fast (MiniLM ensemble) or accurate (base-size encoder, slower)."),
    click.option("--propaganda-model", type=click.Path(exists=True),
                 help="A propaganda model folder or packed model file (e.g. one you trained) to use instead of "
                 "the profile's."),
)


def with_profile(options: Options, profile: str, propaganda_model: str | None) -> Options:
    """`options` with the propaganda profile and model the profile options chose."""
    return replace(options, propaganda_profile=profile, propaganda_model=propaganda_model)
