"""Checkpoints and the log of a training run, so a run killed at any moment resumes where it stopped.

A run's folder `OUT/checkpoints/` holds `run.json` (the recipe), `member-K.pt` (the member in training: weights,
optimiser, schedule, random states, position) and `member-K.done` once member K is exported. Training only.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import torch

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.propaganda.recipe import NOT_RECIPE, TrainSettings

FOLDER = "checkpoints"
LOG_FILE = "train.log"
# Optimizer steps between checkpoints (a base-size checkpoint is about 1 GB; one also closes every epoch).
CHECKPOINT_EVERY = 50
Log = Callable[[str], None]
StepHook = Callable[[int, int], None]


@dataclass
class Position:
    """Where a member's training stands: steps done, the epoch under way, and the shuffling state that
    epoch started from (so its batch order is drawn again identically)."""

    step: int
    epoch: int
    order_state: tuple
    # Training seconds spent on the member so far, over every process that ran it.
    seconds: float = 0.0


def recipe_of(settings: TrainSettings, encoder_sha256: str) -> dict[str, Any]:
    """The settings that decide what a run learns, plus the encoder weights it starts from, as JSON values."""
    recipe = {key: value for key, value in asdict(settings).items() if key not in NOT_RECIPE}
    return json.loads(json.dumps({**recipe, "encoder_sha256": encoder_sha256}))


def open_run(out_dir: Path, recipe: dict[str, Any]) -> Path:
    """The run's checkpoint folder, created for a new run; refuses a folder left by another recipe.

    A setting the recorded run predates (newer code added it) is taken to have had its default value.
    """
    folder = out_dir / FOLDER
    run_file = folder / "run.json"
    if run_file.is_file():
        recorded = {**recipe_of(TrainSettings(), ""), **json.loads(run_file.read_text(encoding="utf-8"))}
        differences = [f"{key} {recorded.get(key)!r} → {value!r}" for key, value in recipe.items()
                       if recorded.get(key) != value]
        if differences:
            raise NewsprobeError(Errors.E109, path=str(folder), differences="; ".join(differences))
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    _write_atomically(run_file, lambda path: path.write_text(json.dumps(recipe, indent=2), encoding="utf-8"))
    return folder


def close_run(out_dir: Path) -> None:
    """Drop the checkpoints of a finished run (a base-size run's are gigabytes)."""
    shutil.rmtree(out_dir / FOLDER, ignore_errors=True)


def member_path(folder: Path, index: int) -> Path:
    return folder / f"member-{index + 1}.pt"


def member_done(folder: Path, index: int) -> float | None:
    """Training seconds of member `index` if it is already trained and exported, else None."""
    marker = folder / f"member-{index + 1}.done"
    return float(json.loads(marker.read_text(encoding="utf-8"))["seconds"]) if marker.is_file() else None


def mark_done(folder: Path, index: int, seconds: float) -> None:
    """Record that member `index` is trained and exported; its training state is no longer needed."""
    marker = folder / f"member-{index + 1}.done"
    _write_atomically(marker, lambda path: path.write_text(json.dumps({"seconds": seconds}), encoding="utf-8"))
    member_path(folder, index).unlink(missing_ok=True)


def save(path: Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer,
         schedule: torch.optim.lr_scheduler.LRScheduler, position: Position) -> None:
    """Write everything a resumed run needs to continue as if never stopped; a kill mid-write keeps the
    previous checkpoint."""
    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(),
             "torch_rng": torch.get_rng_state(), "position": asdict(position)}
    _write_atomically(path, lambda temporary: torch.save(state, temporary))


def restore(path: Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer,
            schedule: torch.optim.lr_scheduler.LRScheduler) -> Position:
    """Load a checkpoint written by `save` into the fresh objects; returns where training stood."""
    state = torch.load(path, weights_only=False)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    schedule.load_state_dict(state["schedule"])
    torch.set_rng_state(state["torch_rng"])
    return Position(**state["position"])


def _write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    temporary = path.with_name(path.name + ".partial")
    write(temporary)
    os.replace(temporary, path)


class RunLog:
    """The run's log: each line goes to the caller's `log` and, time-stamped, to `OUT/train.log`."""

    def __init__(self, out_dir: Path, echo: Log) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / LOG_FILE
        self.echo = echo

    def __call__(self, line: str) -> None:
        self.echo(line)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(f"{stamp} {line}\n")


class Eta:
    """Seconds per step and time left, from the steps this process has run (a resumed run restarts the clock)."""

    def __init__(self, total: int, done: int) -> None:
        self.total, self.first, self.began = total, done, time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.began

    def describe(self, step: int) -> str:
        ran = step - self.first
        if ran <= 0:
            return "eta unknown"
        per_step = self.elapsed() / ran
        return f"{per_step:.1f} s/step, eta {_duration(per_step * (self.total - step))}"


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}h{minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m{int(seconds % 60):02d}s"
