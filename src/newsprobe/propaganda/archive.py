"""A propaganda model as one file: the folder a training run writes (card, tokenizer, each member's ONNX
files) packed into an uncompressed zip. The accurate profile ships this way, as one versioned file; the loader
reads a folder and an archive alike."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError

ARCHIVE_SUFFIX = ".zip"
CARD = "card.json"
TOKENIZER = "tokenizer.json"
# Members of the ensemble when the card lists none: one encoder and its span head.
SINGLE_MEMBER = ({"encoder": "encoder.onnx", "head": "span_head.onnx"},)


def is_archive(path: Path) -> bool:
    return path.suffix == ARCHIVE_SUFFIX


def has_model(path: Path) -> bool:
    """Whether `path` is a model folder or archive with a card."""
    if not is_archive(path):
        return (path / CARD).is_file()
    try:
        with zipfile.ZipFile(path) as archive:
            return CARD in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def read_model_file(path: Path, name: str) -> bytes:
    """File `name` of the model at `path` (a folder or an archive); E015 when it is missing or unreadable."""
    try:
        if is_archive(path):
            with zipfile.ZipFile(path) as archive:
                return archive.read(name)
        return (path / name).read_bytes()
    except (OSError, KeyError, zipfile.BadZipFile) as error:
        raise NewsprobeError(Errors.E015, path=f"{path}/{name}") from error


def model_file_names(card: dict) -> list[str]:
    """Every file a model needs at run time: its card, tokenizer and each member's encoder and head."""
    members = card.get("members", SINGLE_MEMBER)
    return [CARD, TOKENIZER, *(files[key] for files in members for key in ("encoder", "head"))]


def pack_model(folder: Path, archive: Path) -> int:
    """Pack the trained model in `folder` into `archive` (replacing it only once complete); returns its bytes.

    Stored, not deflated: int8 weights barely compress, and loading should not wait on inflating them.
    """
    names = model_file_names(json.loads(read_model_file(folder, CARD)))
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise NewsprobeError(Errors.E015, path=str(folder / missing[0]))
    partial = archive.with_name(archive.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as packed:
        for name in names:
            packed.write(folder / name, name)
    os.replace(partial, archive)
    return archive.stat().st_size
