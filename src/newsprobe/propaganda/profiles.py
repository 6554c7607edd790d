"""Propaganda profiles: `fast` (the MiniLM ensemble, the default) and `accurate` (one base-size encoder).

A profile names the installed model folder it reads; a folder given by the caller (a model they trained)
replaces it. The analysis records the profile and the model version that produced its techniques.
"""

from __future__ import annotations

from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.propaganda.model import MODEL_DIR

PROFILES: dict[str, Path] = {
    "fast": MODEL_DIR,
    # Installed here when shipped; until then train one (docs/propaganda.md) and pass its folder.
    "accurate": MODEL_DIR / "accurate",
}


def profile_dir(profile: str, model: str | Path | None = None) -> Path:
    """The model folder of `profile`, or `model` when given; refuses an unknown profile or a missing model."""
    if profile not in PROFILES:
        raise NewsprobeError(Errors.E111, profile=profile, known=", ".join(PROFILES))
    folder = Path(model) if model else PROFILES[profile]
    if not (folder / "card.json").is_file():
        raise NewsprobeError(Errors.E110, profile=profile, path=str(folder / "card.json"))
    return folder


def model_version(card: dict) -> str:
    """`ENCODER@CREATED` from a model card: the encoder and the training run behind a technique layer."""
    encoder = card.get("settings", {}).get("encoder", "minilm-l6")
    return f"{encoder}@{card.get('created', 'unknown')}"
