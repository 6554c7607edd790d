"""A propaganda model folder standing in for a trained accurate model, built from the shipped fast model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newsprobe.propaganda.model import MODEL_DIR


def stand_in_accurate_model(folder: Path, created: str) -> Path:
    """`folder` filled with the fast model's first member, its card saying it was trained from mpnet-base at
    `created`: a second, distinguishable model without training one."""
    folder.mkdir()
    for name in ("encoder.onnx", "span_head.onnx", "tokenizer.json"):
        shutil.copy(MODEL_DIR / name, folder / name)
    card = json.loads((MODEL_DIR / "card.json").read_text(encoding="utf-8"))
    card.update(members=[{"encoder": "encoder.onnx", "head": "span_head.onnx"}], created=created)
    card["settings"]["encoder"] = "mpnet-base"
    (folder / "card.json").write_text(json.dumps(card), encoding="utf-8")
    return folder
