"""Fine-tune a pre-trained encoder as a span tagger plus span classifier (one encoder pass feeds both heads)
and ship it as int8 ONNX; runs checkpoint and resume.

Needs the optional `train` extra (torch, transformers); inference never imports this module.
"""

from __future__ import annotations

import json
import platform
import random
import shutil
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn
from transformers import AutoModel, get_linear_schedule_with_warmup

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.propaganda.checkpoint import (
    CHECKPOINT_EVERY,
    Eta,
    Position,
    RunLog,
    StepHook,
    close_run,
    mark_done,
    member_done,
    member_path,
    open_run,
    recipe_of,
    restore,
    save,
)
from newsprobe.propaganda.corpus import (
    DEV_PERCENT,
    FOLDS,
    SPLIT_SALT,
    CorpusArticle,
    fold_training_split,
    held_out_split,
    read_corpus,
)
from newsprobe.propaganda.encoders import ENCODERS, file_sha256
from newsprobe.propaganda.examples import IGNORE, WindowExample, article_examples
from newsprobe.propaganda.features import EXTRA_FEATURES
from newsprobe.propaganda.recipe import TrainSettings
from newsprobe.propaganda.techniques import LABELS
from newsprobe.propaganda.windows import load_tokenizer

if TYPE_CHECKING:
    from newsprobe.propaganda.evaluate import CrossValidation

HEAD_HIDDEN = 256
Log = Callable[[str], None]


class JointModel(nn.Module):
    """Encoder + O/B/I tag head + span classifier over (first, last, mean) states and repetition extras."""

    def __init__(self, encoder_dir: Path) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(str(encoder_dir))
        size = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.tagger = nn.Linear(size, 3)
        self.span_head = nn.Sequential(
            nn.Linear(3 * size + EXTRA_FEATURES, HEAD_HIDDEN), nn.GELU(), nn.Dropout(0.1),
            nn.Linear(HEAD_HIDDEN, len(LABELS)),
        )

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return hidden, self.tagger(self.dropout(hidden))


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _batch(examples: list[WindowExample]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    width = max(len(example.input_ids) for example in examples)
    ids = torch.zeros((len(examples), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    tags = torch.full((len(examples), width), IGNORE, dtype=torch.long)
    for row, example in enumerate(examples):
        ids[row, : len(example.input_ids)] = torch.from_numpy(example.input_ids)
        # From the length, not `ids != 0`: id 0 is MPNet's <s>, not padding.
        mask[row, : len(example.input_ids)] = 1
        tags[row, : len(example.tags)] = torch.from_numpy(example.tags)
    return ids, mask, tags


def _span_inputs(hidden: torch.Tensor, examples: list[WindowExample]) -> tuple[torch.Tensor, torch.Tensor] | None:
    rows, labels = [], []
    for row, example in enumerate(examples):
        for span in example.spans:
            inside = hidden[row, span.first : span.last + 1]
            extras = torch.from_numpy(span.extras)
            rows.append(torch.cat([hidden[row, span.first], hidden[row, span.last], inside.mean(0), extras]))
            labels.append(span.label)
    if not rows:
        return None
    return torch.stack(rows), torch.tensor(labels)


def class_weights(examples: list[WindowExample]) -> torch.Tensor:
    """Inverse square-root frequency weights, mean 1, so rare techniques are not drowned out."""
    counts = np.bincount([span.label for ex in examples for span in ex.spans], minlength=len(LABELS)) + 1
    weights = (counts.sum() / counts) ** 0.5
    return torch.tensor(weights / weights.mean(), dtype=torch.float32)


def _step_loss(model: JointModel, batch: list[WindowExample], span_loss: nn.Module, weight: float) -> torch.Tensor:
    ids, mask, tags = _batch(batch)
    hidden, tag_logits = model(ids, mask)
    loss = nn.functional.cross_entropy(tag_logits.reshape(-1, 3), tags.reshape(-1), ignore_index=IGNORE)
    spans = _span_inputs(hidden, batch)
    if spans is not None:
        features, labels = spans
        loss = loss + weight * span_loss(model.span_head(features), labels)
    return loss


def _optimizer(model: JointModel, settings: TrainSettings, total: int
               ) -> tuple[torch.optim.Optimizer, torch.optim.lr_scheduler.LRScheduler]:
    """AdamW over the encoder and the heads at their own rates, with linear warm-up and decay over `total`."""
    # Word embeddings are a third of the parameters; frozen by default (little gain measured, see BENCHMARKS.md).
    model.encoder.embeddings.word_embeddings.requires_grad_(settings.train_embeddings)
    encoder_params = [p for p in model.encoder.parameters() if p.requires_grad]
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optimizer = torch.optim.AdamW([
        {"params": encoder_params, "lr": settings.encoder_lr},
        {"params": head_params, "lr": settings.head_lr},
    ], weight_decay=0.01)
    return optimizer, get_linear_schedule_with_warmup(optimizer, int(settings.warmup * total), total)


def _total_steps(per_epoch: int, settings: TrainSettings) -> int:
    total = per_epoch * settings.epochs
    return min(total, settings.max_steps) if settings.max_steps else total


def fit(model: JointModel, examples: list[WindowExample], settings: TrainSettings, seed: int, log: Log,
        checkpoint: Path | None = None, every: int = CHECKPOINT_EVERY, on_step: StepHook | None = None) -> float:
    """Train both heads and the encoder jointly with AdamW and a linear schedule.

    With `checkpoint`, the run is saved there every `every` steps and at the end of each epoch, and continues
    from it when it exists: same batches, same dropout draws, as if it had never stopped. Returns the training
    seconds of the member over all the processes that ran it.
    """
    size = settings.batch_size
    per_epoch = (len(examples) + size - 1) // size
    total = _total_steps(per_epoch, settings)
    optimizer, schedule = _optimizer(model, settings, total)
    span_loss = nn.CrossEntropyLoss(weight=class_weights(examples))
    order = random.Random(seed)
    position = Position(0, 0, order.getstate())
    if checkpoint is not None and checkpoint.is_file():
        position = restore(checkpoint, model, optimizer, schedule)
        log(f"resuming from {checkpoint} at step {position.step}/{total}")
    eta, earlier = Eta(total, position.step), position.seconds
    model.train()
    while position.step < total:
        order.setstate(position.order_state)
        shuffled = examples[:]
        order.shuffle(shuffled)
        for index in range((position.step - position.epoch * per_epoch) * size, len(shuffled), size):
            loss = _train_step(model, shuffled[index : index + size], span_loss, settings, optimizer, schedule)
            position.step += 1
            position.seconds = earlier + eta.elapsed()
            _report(position, total, loss, eta, log, on_step)
            if checkpoint is not None and (position.step % every == 0 or position.step == total):
                save(checkpoint, model, optimizer, schedule, position)
            if position.step >= total:
                break
        else:
            position = Position(position.step, position.epoch + 1, order.getstate(), position.seconds)
            if checkpoint is not None:
                save(checkpoint, model, optimizer, schedule, position)
    return round(earlier + eta.elapsed(), 1)


def _train_step(model: JointModel, batch: list[WindowExample], span_loss: nn.Module, settings: TrainSettings,
                optimizer: torch.optim.Optimizer, schedule: torch.optim.lr_scheduler.LRScheduler) -> float:
    loss = _step_loss(model, batch, span_loss, settings.span_loss_weight)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    schedule.step()
    optimizer.zero_grad()
    return float(loss.item())


def _report(position: Position, total: int, loss: float, eta: Eta, log: Log, on_step: StepHook | None) -> None:
    if on_step is not None:
        on_step(position.step, total)
    if position.step % 10 == 0:
        log(f"epoch {position.epoch + 1} step {position.step}/{total} loss {loss:.4f}, {eta.describe(position.step)}")


class _EncoderGraph(nn.Module):
    """What the shipped encoder file computes: O/B/I probabilities and the hidden states."""

    def __init__(self, model: JointModel) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        hidden, logits = self.model(input_ids, attention_mask)
        return torch.softmax(logits, dim=-1), hidden


class _HeadGraph(nn.Module):
    def __init__(self, model: JointModel) -> None:
        super().__init__()
        self.head = model.span_head

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.head(features), dim=-1)


def member_files(index: int) -> dict[str, str]:
    """File names of ensemble member `index`: `encoder.onnx`/`span_head.onnx`, then `encoder-2.onnx`, ..."""
    suffix = f"-{index + 1}" if index else ""
    return {"encoder": f"encoder{suffix}.onnx", "head": f"span_head{suffix}.onnx"}


def export_onnx(model: JointModel, out_dir: Path, files: dict[str, str]) -> None:
    """Write the member's encoder (int8 dynamic quantisation) and span head (float) into `out_dir`."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    float_path = out_dir / "encoder.float.onnx"
    torch.onnx.export(
        _EncoderGraph(model), (ids, torch.ones_like(ids)), str(float_path), dynamo=False,
        input_names=["input_ids", "attention_mask"], output_names=["tag_probs", "hidden"],
        dynamic_axes={name: {0: "windows", 1: "tokens"} for name in ("input_ids", "attention_mask", "tag_probs", "hidden")},
        opset_version=17,
    )
    quantize_dynamic(str(float_path), str(out_dir / files["encoder"]), weight_type=QuantType.QInt8)
    float_path.unlink()
    features = torch.zeros((3, 3 * model.encoder.config.hidden_size + EXTRA_FEATURES))
    torch.onnx.export(
        _HeadGraph(model), (features,), str(out_dir / files["head"]), dynamo=False,
        input_names=["features"], output_names=["label_probs"],
        dynamic_axes={"features": {0: "spans"}, "label_probs": {0: "spans"}}, opset_version=17,
    )


def train(data_dir: Path, out_dir: Path, encoder_dir: Path, settings: TrainSettings, log: Log = print,
          every: int = CHECKPOINT_EVERY, on_step: StepHook | None = None) -> dict:
    """Train one member per seed on the `settings.split` articles, export to `out_dir`; returns the partial card.

    Checkpoints go to `out_dir/checkpoints/` (see `propaganda.checkpoint`); a re-run of the same recipe skips
    the members already exported and resumes the one in training.
    """
    torch.set_num_threads(settings.threads)
    tokenizer = load_tokenizer(encoder_dir / "tokenizer.json")
    articles = read_corpus(data_dir, split=settings.split)
    examples = [example for article in articles
                for example in article_examples(tokenizer, article, settings.window_tokens, settings.window_stride)]
    log(f"{len(articles)} training articles, {len(examples)} windows, "
        f"{sum(len(ex.spans) for ex in examples)} span examples")
    folder = open_run(out_dir, recipe_of(settings, file_sha256(encoder_dir / "model.safetensors")))
    members, seconds = [], []
    for index, seed in enumerate(settings.seeds):
        offset = index * settings.window_tokens // len(settings.seeds)
        members.append({**member_files(index), "seed": seed, "window_offset": offset})
        done = member_done(folder, index)
        if done is None:
            done = _train_member(examples, settings, index, encoder_dir, out_dir, log, every, on_step)
        else:
            log(f"member {index + 1} (seed {seed}): already trained and exported")
        seconds.append(done)
    shutil.copy(encoder_dir / "tokenizer.json", out_dir / "tokenizer.json")
    return _card(settings, articles, members, seconds)


def _train_member(examples: list[WindowExample], settings: TrainSettings, index: int, encoder_dir: Path,
                  out_dir: Path, log: Log, every: int, on_step: StepHook | None) -> float:
    """Train (or resume) member `index`, export it and mark it done; returns its training seconds."""
    seed = settings.seeds[index]
    log(f"member {index + 1} (seed {seed}): training")
    seed_everything(seed)
    model = JointModel(encoder_dir)
    folder = out_dir / "checkpoints"
    seconds = fit(model, examples, settings, seed, log, member_path(folder, index), every, on_step)
    export_onnx(model, out_dir, member_files(index))
    mark_done(folder, index, seconds)
    return seconds


def _card(settings: TrainSettings, articles: list[CorpusArticle], members: list[dict], seconds: list[float]
          ) -> dict:
    """The card of a freshly trained model, before thresholds and scores."""
    encoder = ENCODERS.get(settings.encoder)
    return {
        "model": f"newsprobe propaganda v2: {len(members)} {settings.encoder} encoder(s) fine-tuned as O/B/I span "
                 "tagger + span classifier over one shared encoder pass",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "training_data": f"PTC v2 training split (SemEval-2020 Task 11), {len(articles)} articles; "
                         f"dev = {DEV_PERCENT}% of articles by salted hash ({SPLIT_SALT!r}), never trained on",
        "encoder": f"{settings.encoder} ({encoder.upstream if encoder else 'a local encoder'}, Apache-2.0)",
        "labels": list(LABELS),
        "window_tokens": settings.window_tokens,
        "window_stride": settings.window_stride,
        "read_stride": settings.window_tokens,
        "settings": asdict(settings),
        "members": members,
        "train_seconds": seconds,
        "hardware": f"{platform.machine()} CPU, {torch.get_num_threads()} torch threads, no GPU",
        "torch": torch.__version__,
    }


def write_card(out_dir: Path, card: dict) -> None:
    (out_dir / "card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build_model(data_dir: Path, out_dir: Path, encoder_dir: Path, settings: TrainSettings,
                log: Log = print, every: int = CHECKPOINT_EVERY, on_step: StepHook | None = None,
                fast_dir: Path | None = None) -> dict:
    """Train, export, then calibrate (blended with the fast model in `fast_dir` when given) and score on the
    dev split (a fold's model: on its fold); the card records it all, `out_dir/train.log` the run. An
    interrupted run resumes from its checkpoints when run again."""
    if settings.split.startswith("not-fold-") and settings.span_thresholds is None:
        # Dev lies inside the training articles of folds 2-5: thresholds chosen there would flatter the fold.
        raise NewsprobeError(Errors.E107)
    log = RunLog(out_dir, log)
    card = train(data_dir, out_dir, encoder_dir, settings, log, every, on_step)
    write_card(out_dir, card)
    if settings.span_thresholds and settings.split != "fit":
        high, low = settings.span_thresholds
        card["span_thresholds"], card["thresholds_chosen_on"] = {"high": high, "low": low}, "given"
        card = score_held_out(data_dir, out_dir, card, log)
    else:
        card = calibrate_and_score(data_dir, out_dir, card, calibration_split(settings.split), log, fast_dir)
    close_run(out_dir)
    return card


def calibration_split(split: str) -> str:
    """Models trained without the tuning part choose their thresholds there; the others can only use dev."""
    return "tune" if split == "fit" else "dev"


def recalibrate(data_dir: Path, out_dir: Path, log: Log = print, fast_dir: Path | None = None) -> dict:
    """Choose the span thresholds and the technique-prior correction of the trained model in `out_dir` again
    (as its training run did, on the same split; blended with the fast model in `fast_dir` when given) and
    score it; its weights are untouched."""
    card = json.loads((out_dir / "card.json").read_text(encoding="utf-8"))
    split = card.get("settings", {}).get("split", "train")
    if split.startswith("not-fold-"):
        raise NewsprobeError(Errors.E107)
    return calibrate_and_score(data_dir, out_dir, card, calibration_split(split), log, fast_dir)


def cross_validate(data_dir: Path, out_dir: Path, encoder_dir: Path, settings: TrainSettings,
                   log: Log = print) -> CrossValidation:
    """Train one model per fold on the other folds (`out_dir/fold-K`) and score every fold with its model.

    Thresholds must be fixed beforehand, so no fold's score is chosen on that fold. A fold whose folder already
    holds a model of the same recipe with its held-out scores is reused: an interrupted run resumes.
    """
    from newsprobe.propaganda.evaluate import evaluate_folds

    if settings.span_thresholds is None:
        raise NewsprobeError(Errors.E107)
    folders = {}
    for fold in range(1, FOLDS + 1):
        fold_settings = replace(settings, split=fold_training_split(fold))
        folders[fold] = out_dir / f"fold-{fold}"
        if trained_with(folders[fold], fold_settings):
            log(f"fold {fold}: reusing the model in {folders[fold]}")
            continue
        log(f"fold {fold}: training on {fold_settings.split}")
        build_model(data_dir, folders[fold], encoder_dir, fold_settings, log)
    return evaluate_folds(data_dir, folders)


def trained_with(folder: Path, settings: TrainSettings) -> bool:
    """Whether `folder` holds a finished model of `settings`: same recipe, thresholds, and held-out scores.

    Settings a card predates (it lacks the key) are taken to be the defaults they were then.
    """
    card_path = folder / "card.json"
    if not card_path.is_file():
        return False
    card = json.loads(card_path.read_text(encoding="utf-8"))
    recorded = card.get("settings", {})
    wanted = json.loads(json.dumps(asdict(settings)))
    high, low = wanted.pop("span_thresholds")
    same_recipe = bool(recorded) and all(recorded[key] == value for key, value in wanted.items() if key in recorded)
    return (same_recipe and card.get("span_thresholds") == {"high": high, "low": low}
            and held_out_split(settings.split) in card)


def calibrate_and_score(data_dir: Path, out_dir: Path, card: dict, calibration: str, log: Log = print,
                        fast_dir: Path | None = None) -> dict:
    """Choose the span thresholds and the technique-prior correction on the `calibration` split (with the
    blend weights, when blended with the fast model in `fast_dir`), score the dev split, write them all into
    the card."""
    from newsprobe.propaganda.evaluate import label_shares

    articles = read_corpus(data_dir, split=calibration)
    card["label_priors"] = label_shares(read_corpus(data_dir, split=card["settings"]["split"]))
    card["thresholds_chosen_on"] = calibration
    if fast_dir is not None:
        card = _calibrate_blend(out_dir, card, articles, fast_dir)
    elif "fast_blend" in card:
        raise NewsprobeError(Errors.E112, path=str(out_dir))
    else:
        card = _calibrate_alone(out_dir, card, articles)
    return score_held_out(data_dir, out_dir, card, log)


def _calibrate_alone(out_dir: Path, card: dict, articles: list[CorpusArticle]) -> dict:
    from newsprobe.propaganda.evaluate import calibrate_label_prior, calibrate_threshold
    from newsprobe.propaganda.model import PropagandaModel

    calibration = card["thresholds_chosen_on"]
    model = PropagandaModel(out_dir)
    card["span_thresholds"], card[f"threshold_grid_{calibration}_si_f1"] = calibrate_threshold(model, articles)
    card["label_prior_power"], card[f"label_prior_grid_{calibration}_tc_f1"] = calibrate_label_prior(
        model, articles, card["label_priors"])
    return card


def _calibrate_blend(out_dir: Path, card: dict, articles: list[CorpusArticle], fast_dir: Path) -> dict:
    """Blend weights, thresholds and prior correction chosen with the fast model in `fast_dir`, which must
    have trained on the same articles (so that it never read the calibration split either)."""
    from newsprobe.propaganda.evaluate import calibrate_blend
    from newsprobe.propaganda.model import PropagandaModel, load_model
    from newsprobe.propaganda.profiles import model_version

    fast = load_model(fast_dir)
    fast_split = fast.card.get("settings", {}).get("split", "train")
    if fast_split != card["settings"]["split"]:
        raise NewsprobeError(Errors.E113, path=str(fast_dir), found=fast_split, split=card["settings"]["split"])
    chosen = calibrate_blend(PropagandaModel(out_dir), fast, articles, card["label_priors"])
    calibration = card["thresholds_chosen_on"]
    card["fast_blend"] = {"tags": chosen.blend.tags, "labels": chosen.blend.labels,
                          "calibrated_with": model_version(fast.card)}
    card["span_thresholds"], card["label_prior_power"] = chosen.thresholds, chosen.prior_power
    card[f"blend_threshold_grid_{calibration}_si_f1"] = chosen.si_curve
    card[f"blend_label_prior_grid_{calibration}_tc_f1"] = chosen.tc_curve
    return card


def score_held_out(data_dir: Path, out_dir: Path, card: dict, log: Log = print) -> dict:
    """Score the model in `out_dir` (with the card's thresholds) on the split it never trained on: dev, or its
    fold for a cross-validation run; the card records it under that split's name."""
    from newsprobe.propaganda.evaluate import evaluate
    from newsprobe.propaganda.model import PropagandaModel

    write_card(out_dir, card)
    held_out = held_out_split(card["settings"]["split"])
    report = evaluate(data_dir, held_out, PropagandaModel(out_dir))
    card[held_out] = {
        "articles": report.articles,
        "si": {key: round(value, 4) for key, value in asdict(report.si).items()},
        "tc_micro_f1": round(report.tc.f1, 4),
        "tc_per_technique_f1": {label: round(s.f1, 4) for label, s in report.tc_per_technique.items()},
    }
    write_card(out_dir, card)
    log(f"{held_out} SI F1 {report.si.f1:.4f}, TC micro-F1 {report.tc.f1:.4f}, thresholds {card['span_thresholds']}")
    return card
