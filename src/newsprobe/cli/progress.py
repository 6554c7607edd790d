"""Progress on stderr for long runs: a bar on a terminal, a plain line now and then otherwise, and a summary."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")
PLAIN_EVERY_S = 5.0  # a redirected stderr (a log file) gets a line this often, not a redrawn bar


def progress_over(items: Iterable[T], total: int | None, label: str) -> Iterator[T]:
    """Yield `items`, reporting progress on stderr; `total` counts inputs, JSONL files may hold more articles."""
    if total is not None and total <= 1:
        yield from items
        return
    console = Console(stderr=True)
    if not console.is_terminal:
        yield from _plain_progress(items, total, label)
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


def _plain_progress(items: Iterable[T], total: int | None, label: str) -> Iterator[T]:
    """One `label: done/total` line every few seconds, for logs where a bar would be garbage."""
    last = time.monotonic()
    for done, item in enumerate(items, 1):
        yield item
        if time.monotonic() - last >= PLAIN_EVERY_S:
            last = time.monotonic()
            click.echo(f"{label}: {done}/{total if total is not None else '?'}", err=True)


def plural(count: int, noun: str) -> str:
    """`1 article`, `2 articles`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary_line(done: int, failures: int, verb: str = "analysed") -> str:
    """The closing line of a run: `3 articles analysed, 1 input failed.`"""
    return f"{plural(done, 'article')} {verb}, {plural(failures, 'input')} failed."
@contextmanager
def step_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A bar with time left for a run counted in steps; yields the `(done, total)` hook the run calls."""
    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            if progress.tasks[0].total is None:
                # A resumed run starts mid-way: the speed behind the time left counts from here.
                progress.reset(task, total=total, completed=done)
            progress.update(task, completed=done)

        yield advance
