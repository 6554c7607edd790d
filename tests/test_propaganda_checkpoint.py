"""Training checkpoints: a run killed with SIGKILL resumes exactly; a changed recipe is refused; the accurate
profile reads the model such a run writes. On a tiny MPNet-shaped encoder built here (random weights)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from newsprobe.propaganda.corpus import in_dev_split

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

SRC = Path(__file__).resolve().parents[1] / "src"
IDS = [str(800000000 + 7919 * number) for number in range(400)]
TEXT = ("Opinion: the truth they hide\n\n"
        "These spineless bureaucrats have betrayed every family in the valley, again and again.\n"
        "The council will meet on Tuesday to discuss the new bus timetable for the valley.\n"
        "Only traitors would defend such a shameful betrayal of our proud nation.\n")
# Settings of the tiny runs: one thread, so an uninterrupted and a resumed run compute the same numbers.
DRIVER = """
import sys
from pathlib import Path
from newsprobe.propaganda.recipe import TrainSettings
from newsprobe.propaganda.train import build_model

data, out, encoder, epochs = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
settings = TrainSettings(encoder="tiny", seeds=(3,), epochs=epochs, batch_size=2, window_tokens=16,
                         window_stride=12, threads=1, span_thresholds=(0.35, 0.2))
build_model(data, out, encoder, settings, every=20)
"""


def _tiny_tokenizer(folder: Path) -> None:
    """A word-level tokenizer over the fixture's words, framing texts with <s> … </s> as MPNet's does."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

    words = sorted({word for word in re.findall(r"\w+|[^\w\s]", TEXT.lower())})
    vocab = {token: index for index, token in enumerate(["<s>", "<pad>", "</s>", "<unk>", *words])}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    tokenizer.save(str(folder / "tokenizer.json"))


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An MPNet of 2 layers × 32 dimensions with random weights, saved as `from_pretrained` reads it."""
    folder = tmp_path_factory.mktemp("encoder")
    _tiny_tokenizer(folder)
    vocab = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    torch.manual_seed(0)
    config = transformers.MPNetConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                                      num_attention_heads=2, intermediate_size=64, pad_token_id=1)
    transformers.MPNetModel(config).save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten training and two dev articles in the PTC layout, each with three labelled spans."""
    folder = tmp_path_factory.mktemp("ptc")
    (folder / "articles").mkdir()
    (folder / "labels").mkdir()
    chosen = [a for a in IDS if not in_dev_split(a)][:10] + [a for a in IDS if in_dev_split(a)][:2]
    spans = [("Name_Calling,Labeling", "spineless bureaucrats"), ("Repetition", "again and again"),
             ("Loaded_Language", "shameful betrayal")]
    for article_id in chosen:
        (folder / "articles" / f"article{article_id}.txt").write_text(TEXT, encoding="utf-8")
        rows = [f"{article_id}\t{label}\t{TEXT.index(words)}\t{TEXT.index(words) + len(words)}\n"
                for label, words in spans]
        (folder / "labels" / f"article{article_id}.labels").write_text("".join(rows), encoding="utf-8")
    return folder


def _command(data: Path, out: Path, encoder: Path, script: Path, epochs: int = 10) -> list[str]:
    return [sys.executable, str(script), str(data), str(out), str(encoder), str(epochs)]


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC)}


def _last_step_line(out: Path) -> str:
    steps = [line.split(" ", 1)[1] for line in (out / "train.log").read_text(encoding="utf-8").splitlines()
             if " step " in line]
    return steps[-1].split(",")[0]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, tiny_encoder: Path, tiny_corpus: Path) -> dict[str, Path]:
    """One run straight through, and one killed with SIGKILL after its first checkpoint, then run again."""
    folder = tmp_path_factory.mktemp("runs")
    script = folder / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    straight, resumed = folder / "straight", folder / "resumed"
    subprocess.run(_command(tiny_corpus, straight, tiny_encoder, script), env=_environment(), check=True,
                   capture_output=True, timeout=600)
    victim = subprocess.Popen(_command(tiny_corpus, resumed, tiny_encoder, script), env=_environment(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    checkpoint = resumed / "checkpoints" / "member-1.pt"
    deadline = time.monotonic() + 300
    while not checkpoint.is_file() and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait() == -signal.SIGKILL
    subprocess.run(_command(tiny_corpus, resumed, tiny_encoder, script), env=_environment(), check=True,
                   capture_output=True, timeout=600)
    return {"straight": straight, "resumed": resumed}


@pytest.mark.issue(19)
def test_a_killed_run_resumes_from_its_checkpoint_and_ends_as_an_unbroken_run(runs: dict[str, Path]) -> None:
    log = (runs["resumed"] / "train.log").read_text(encoding="utf-8")
    resumed_at = [(int(step), int(total)) for step, total in re.findall(r"resuming from .* at step (\d+)/(\d+)", log)]
    assert len(resumed_at) == 1
    step, total = resumed_at[0]
    assert 20 <= step < total == 200  # 40 windows in batches of 2, 10 epochs
    assert "eta" in log
    # Same batches and dropout draws after the kill: the last loss and the dev scores are those of the
    # run that was never stopped.
    assert _last_step_line(runs["resumed"]) == _last_step_line(runs["straight"])
    cards = [json.loads((runs[name] / "card.json").read_text(encoding="utf-8")) for name in ("straight", "resumed")]
    assert cards[0]["dev"] == cards[1]["dev"]
    assert cards[1]["settings"]["encoder"] == "tiny"
    assert cards[1]["train_seconds"][0] > 0
    # A finished run drops its checkpoints and leaves the model files.
    assert not (runs["resumed"] / "checkpoints").exists()
    assert {"encoder.onnx", "span_head.onnx", "tokenizer.json", "card.json"} <= {
        path.name for path in runs["resumed"].iterdir()}


@pytest.mark.issue(19)
def test_a_run_of_another_recipe_is_refused_with_the_differences(tmp_path: Path, tiny_encoder: Path,
                                                                  tiny_corpus: Path) -> None:
    from newsprobe.errors import NewsprobeError
    from newsprobe.propaganda.checkpoint import open_run, recipe_of
    from newsprobe.propaganda.encoders import file_sha256
    from newsprobe.propaganda.recipe import TrainSettings
    from newsprobe.propaganda.train import build_model

    settings = TrainSettings(encoder="tiny", seeds=(3,), epochs=1, batch_size=2, window_tokens=16,
                             window_stride=12, threads=1, span_thresholds=(0.35, 0.2))
    weights = file_sha256(tiny_encoder / "model.safetensors")
    open_run(tmp_path, recipe_of(settings, weights))  # a run of `settings` stopped here
    with pytest.raises(NewsprobeError) as raised:
        build_model(tiny_corpus, tmp_path, tiny_encoder, replace(settings, epochs=2, encoder_lr=1e-4))
    message = raised.value.describe()
    assert "[E109]" in message and "epochs 1 → 2" in message and "encoder_lr" in message
    assert not (tmp_path / "checkpoints" / "member-1.pt").exists()
    # Thresholds and threads decide nothing that is learnt: a run resumes across a change of them.
    open_run(tmp_path, recipe_of(replace(settings, threads=2, span_thresholds=(0.4, 0.1)), weights))
    # A run recorded before a setting existed had that setting's default.
    run_file = tmp_path / "checkpoints" / "run.json"
    recorded = json.loads(run_file.read_text(encoding="utf-8"))
    del recorded["train_embeddings"]
    run_file.write_text(json.dumps(recorded), encoding="utf-8")
    open_run(tmp_path, recipe_of(settings, weights))
    with pytest.raises(NewsprobeError, match="train_embeddings False → True"):
        open_run(tmp_path, recipe_of(replace(settings, train_embeddings=True), weights))


@pytest.mark.issue(19)
def test_the_accurate_profile_reads_the_model_a_run_wrote(runs: dict[str, Path]) -> None:
    import newsprobe
    from newsprobe.settings import Options

    options = Options(only=("propaganda",), propaganda_profile="accurate", propaganda_model=str(runs["resumed"]))
    analysis = newsprobe.analyze(TEXT, options)
    assert analysis.propaganda is not None
    assert analysis.propaganda.profile == "accurate" and analysis.propaganda.model.startswith("tiny@")
    assert all(span.text == analysis.article.text[span.start : span.end] for span in analysis.techniques)


def test_the_step_bar_follows_a_run_that_starts_mid_way() -> None:
    from newsprobe.cli.progress import step_bar

    with step_bar("training") as advance:
        advance(20, 200)  # resumed at step 20
        advance(21, 200)
