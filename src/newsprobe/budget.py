"""A time budget per article: the pipeline sets a deadline, analyzers check it between steps and inside
their long loops, so an article that runs past it fails alone (E030) in any process or thread.

The deadline lives in a context variable: each thread (a Dask or web worker) and each asyncio task sees its
own, and code outside a budget pays one lookup per check.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

from newsprobe.errors import Errors, InputError

_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("newsprobe_deadline", default=None)


class OverBudget(Exception):
    """Raised by `check_budget` once the deadline has passed; the pipeline turns it into an E030 error."""

    def __init__(self, seconds: float, where: str) -> None:
        self.seconds = seconds
        self.where = where
        super().__init__(f"over the time budget of {seconds:g} s in {where}")

    def as_input_error(self, source: str | None) -> InputError:
        return InputError(Errors.E030, source, seconds=self.seconds, where=self.where)


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the block under a deadline `seconds` from now; None or 0 means no budget."""
    token = _DEADLINE.set((time.monotonic() + seconds, seconds) if seconds else None)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_budget(where: str) -> None:
    """Raise `OverBudget` when the current deadline has passed; `where` names the step for the message."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise OverBudget(deadline[1], where)
