"""Propaganda profiles: `fast` (the MiniLM ensemble, the default) and `accurate` (base-size encoders).

A profile names its installed model: a folder (fast) or one archive file (accurate, `propaganda.archive`); a
model given by the caller (one they trained) replaces it. The analysis records the profile and the model
version that produced its techniques.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import platformdirs

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.propaganda.archive import (
    CARD,
    has_model,
    is_archive,
    model_file_names,
    pack_model,
    read_model_file,
)
from newsprobe.propaganda.model import MODEL_DIR

PROFILES: dict[str, Path] = {
    "fast": MODEL_DIR,
    # One versioned file (its card says which run made it); `newsprobe train propaganda --encoder mpnet-base`
    # replaces it.
    "accurate": MODEL_DIR / "accurate.zip",
}
# The profile each pre-trained encoder's models serve.
ENCODER_PROFILES = {"minilm-l6": "fast", "mpnet-base": "accurate"}


def profile_dir(profile: str, model: str | Path | None = None) -> Path:
    """The model (folder or archive) of `profile`, or `model` when given; refuses an unknown profile, a
    profile whose model is not installed, or a given path that holds no model."""
    if profile not in PROFILES:
        raise NewsprobeError(Errors.E111, profile=profile, known=", ".join(PROFILES))
    path = Path(model) if model else PROFILES[profile]
    if model and not has_model(path):
        raise NewsprobeError(Errors.E114, path=str(path))
    if not has_model(path):
        raise NewsprobeError(Errors.E110, profile=profile, path=str(path if is_archive(path) else path / CARD))
    return path


def default_run_folder(encoder: str) -> Path:
    """Where `newsprobe train propaganda` trains when not told: in the installed folder of a profile that is
    one, else in the user cache (a base-size run's checkpoints are gigabytes)."""
    target = PROFILES[ENCODER_PROFILES[encoder]]
    return platformdirs.user_cache_path("newsprobe") / "training" / encoder if is_archive(target) else target


def install_model(folder: Path) -> Path:
    """Install the trained model in `folder` as its encoder's profile (packed when the profile ships as one
    file); returns where it went."""
    card = json.loads(read_model_file(folder, CARD))
    target = PROFILES[ENCODER_PROFILES[card.get("settings", {}).get("encoder", "minilm-l6")]]
    if is_archive(target):
        pack_model(folder, target)
    elif folder.resolve() != target.resolve():
        for name in model_file_names(card):
            shutil.copy(folder / name, target / name)
    return target


def model_version(card: dict) -> str:
    """`ENCODER@CREATED` from a model card: the encoder and the training run behind a technique layer."""
    encoder = card.get("settings", {}).get("encoder", "minilm-l6")
    return f"{encoder}@{card.get('created', 'unknown')}"
