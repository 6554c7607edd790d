"""A progress bar on stderr for long runs; silent for one input or when stderr is not a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")


def progress_over(items: Iterable[T], total: int | None, label: str) -> Iterator[T]:
    """Yield `items`, advancing a bar on stderr; `total` counts inputs, JSONL files may hold more articles."""
    if total is not None and total <= 1:
        yield from items
        return
    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


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
