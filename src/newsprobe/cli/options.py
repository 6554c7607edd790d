"""Options shared by commands: reading and analysing inputs (`analyze`, `ingest`), and a helper to group options."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from newsprobe.settings import FETCH_TIMEOUT_S, MAX_ARTICLE_CHARS, MAX_INPUT_BYTES, Options

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
                 help="URL fetch timeout (s)."),
)


def reading_options_value(only: tuple[str, ...], skip: tuple[str, ...], max_bytes: int, max_chars: int,
                          timeout: float) -> Options:
    """The `Options` the reading options describe."""
    return Options(max_bytes=max_bytes, max_chars=max_chars, fetch_timeout_s=timeout, only=only, skip=skip)
