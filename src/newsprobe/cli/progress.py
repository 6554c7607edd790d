"""A progress bar on stderr for long runs; silent for one input or when stderr is not a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
