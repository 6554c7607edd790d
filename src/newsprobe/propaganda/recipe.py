"""The training recipe of the technique models: plain settings, importable without torch (the CLI shows
them as defaults)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsprobe.propaganda.windows import WINDOW_STRIDE, WINDOW_TOKENS


@dataclass(frozen=True)
class TrainSettings:
    """Everything that decides the shipped model; recorded in its card."""

    # The pre-trained encoder (a key of `propaganda.encoders.ENCODERS`).
    encoder: str = "minilm-l6"
    # One ensemble member per seed; their tag and technique probabilities are averaged at run time.
    seeds: tuple[int, ...] = (13, 7)
    epochs: int = 2
    batch_size: int = 16
    encoder_lr: float = 1.5e-4
    head_lr: float = 1e-3
    warmup: float = 0.1
    span_loss_weight: float = 1.0
    threads: int = 2
    # Word pieces per window, and the step between training windows (run time reads them without overlap).
    window_tokens: int = WINDOW_TOKENS
    window_stride: int = WINDOW_STRIDE
    # Fine-tune the word embeddings too (loaded words are lexical), or keep them frozen as pre-trained.
    train_embeddings: bool = False
    # Articles to train on: `train` (all non-dev), `fit` (non-dev minus the tuning part) or `not-fold-K`
    # (all but one cross-validation fold).
    split: str = "train"
    # Stop early after this many optimizer steps; 0 = run all epochs.
    max_steps: int = 0
    # Span thresholds (high, low) for `train` runs, chosen beforehand (e.g. those a `fit` run of the same
    # recipe chose on its tuning part); None chooses them on dev after training. `fit` runs always choose
    # on their tuning part.
    span_thresholds: tuple[float, float] | None = None


# The recipe of each profile's model: `fast` is the shipped MiniLM ensemble; `accurate` one base-size encoder
# (a larger model wants a smaller learning rate, and one member is already as costly as the fast ensemble).
RECIPES = {
    "minilm-l6": TrainSettings(),
    # Trained on `fit`: the span thresholds are chosen on the tuning part, and dev is only ever scored.
    "mpnet-base": replace(TrainSettings(), encoder="mpnet-base", seeds=(13,), epochs=3, encoder_lr=5e-5,
                          split="fit"),
}
# Settings that change how a run goes, not what it learns: a run resumes across a change of these.
NOT_RECIPE = ("threads", "span_thresholds")
