"""Time the encoder passes of the fast and accurate propaganda profiles on the same articles, in one process.

    python tools/profile_speed.py ARTICLES_DIR [--accurate DIR] [--export DIR]

`--export DIR` first writes the pre-trained mpnet-base encoder with untrained heads to DIR, exactly as training
exports a model (speed does not depend on the weights' values), and times that as the accurate profile.
Needs the `train` extra and the mpnet-base packages for `--export` only.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from newsprobe.propaganda.model import MODEL_DIR, PropagandaModel
from newsprobe.propaganda.ptc import SourceText, read_sources

ROUNDS = 2


def export_untrained(out: Path) -> Path:
    """The pre-trained mpnet-base encoder with fresh heads, exported as `train` exports a member."""
    import torch

    from newsprobe.propaganda.encoders import encoder_dir
    from newsprobe.propaganda.train import JointModel, export_onnx, member_files

    out.mkdir(parents=True, exist_ok=True)
    folder = encoder_dir("mpnet-base")
    torch.manual_seed(0)
    export_onnx(JointModel(folder), out, member_files(0))
    shutil.copy(folder / "tokenizer.json", out / "tokenizer.json")
    card = {"model": "timing only: pre-trained mpnet-base, untrained heads", "window_tokens": 128,
            "read_stride": 128, "settings": {"encoder": "mpnet-base"}, "members": [member_files(0)]}
    (out / "card.json").write_text(json.dumps(card, indent=2), encoding="utf-8")
    return out


def time_reads(models: dict[str, PropagandaModel], texts: list[str]) -> dict[str, float]:
    """Seconds each model spends reading every text, the models alternating, `ROUNDS` times."""
    spent = dict.fromkeys(models, 0.0)
    for _ in range(ROUNDS):
        for name, model in models.items():
            began = time.perf_counter()
            for text in texts:
                model.read(text)
            spent[name] += time.perf_counter() - began
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--accurate", type=Path, help="an accurate-profile model folder to time")
    parser.add_argument("--export", type=Path, help="export an untrained mpnet-base model here and time it")
    args = parser.parse_args()
    accurate = export_untrained(args.export) if args.export else args.accurate
    if accurate is None:
        parser.error("give --accurate DIR or --export DIR")
    texts = [s.article.text for s in read_sources([str(args.articles)]) if isinstance(s, SourceText)]
    spent = time_reads({"fast": PropagandaModel(MODEL_DIR), "accurate": PropagandaModel(accurate)}, texts)
    for name, seconds in spent.items():
        print(f"{name}: {ROUNDS * len(texts) / seconds:.2f} articles/s, encoder passes only "
              f"({ROUNDS * len(texts)} articles in {seconds:.1f} s)")
    print(f"accurate / fast time: {spent['accurate'] / spent['fast']:.2f}")


if __name__ == "__main__":
    main()
