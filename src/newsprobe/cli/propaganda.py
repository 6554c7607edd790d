"""Propaganda commands: `train propaganda`, `propaganda predict|classify`, `eval propaganda`, `bench propaganda`."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from newsprobe.cli.progress import plural, progress_over, summary_line
from newsprobe.errors import Errors, InputError, NewsprobeError
from newsprobe.propaganda.corpus import FOLD_SPLITS, FOLDS, held_out_split
from newsprobe.propaganda.recipe import RECIPES, TrainSettings
from newsprobe.settings import PROPAGANDA_PROFILES


def _user_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Show a `NewsprobeError` as a one-line message with its code, not a traceback."""
    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except NewsprobeError as error:
            raise click.ClickException(error.describe()) from error
    return run


_DATA = click.option("--data", "data_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
                     help="PTC folder with articles/ and labels/.")
_OUTPUT = click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
                       help="TSV file to write.")
_PROFILE = click.option("--profile", type=click.Choice(PROPAGANDA_PROFILES), default="fast", show_default=True,
                        help="fast: MiniLM ensemble; accurate: base-size encoder.")
_MODEL = click.option("--model", "model_dir", type=click.Path(exists=True, path_type=Path),
                      help="A model folder or packed model file (e.g. one you trained) to use instead of the "
                      "profile's.")


def _model_dir(profile: str, model_dir: Path | None) -> Path:
    from newsprobe.propaganda.profiles import profile_dir

    return profile_dir(profile, model_dir)


@click.command("propaganda")
@_DATA
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the model, its checkpoints and train.log. Default: for minilm-l6 the installed "
              "fast model's folder; for mpnet-base a folder in the user cache, packed into the installed accurate "
              "model file when done.")
@click.option("--encoder", type=click.Choice(list(RECIPES)), default=TrainSettings.encoder, show_default=True,
              help="Pre-trained encoder: minilm-l6 for the fast profile, mpnet-base for the accurate one; each "
              "brings its own recipe (seeds, epochs, learning rate), which the options below override.")
@click.option("--seed", "seeds", type=int, multiple=True,
              help="One ensemble member per seed (repeat the option); default: the encoder's recipe "
              "(13 and 7 for minilm-l6, 13 for mpnet-base).")
@click.option("--epochs", type=click.IntRange(1), default=None,
              help="Default: the encoder's recipe (2 for minilm-l6, 3 for mpnet-base).")
@click.option("--max-steps", type=int, default=TrainSettings.max_steps, show_default=True,
              help="Stop after this many steps (0: none).")
@click.option("--split", type=click.Choice(["train", "fit", *FOLD_SPLITS[3::2]]), default=None,
              help="Articles to train on: all non-dev ones, those outside the tuning part too, or those outside "
              "one cross-validation fold (scored on that fold). Default: the encoder's recipe (train for "
              "minilm-l6; fit for mpnet-base, so its thresholds are chosen on the tuning part, never on dev).")
@click.option("--window-tokens", type=click.IntRange(16, 510), default=TrainSettings.window_tokens, show_default=True,
              help="Word pieces the encoder reads at once.")
@click.option("--window-stride", type=click.IntRange(1), default=TrainSettings.window_stride, show_default=True,
              help="Step between training windows (run time reads windows without overlap).")
@click.option("--train-embeddings/--freeze-embeddings", default=TrainSettings.train_embeddings, show_default=True,
              help="Fine-tune the word embeddings too, or keep them as pre-trained.")
@click.option("--thresholds", type=(click.FloatRange(0, 1), click.FloatRange(0, 1)), default=None, metavar="HIGH LOW",
              help="Span thresholds of a `train` run, chosen beforehand (e.g. by a --split fit run on its tuning "
              "part); without it they are chosen on dev after training.")
@click.option("--cross-validate", is_flag=True,
              help=f"Train one model per fold ({FOLDS} folds, fold 1 = dev) under --out/fold-K, each on the other "
              "folds, and score every article with the model that never read it (needs --thresholds; a re-run "
              "reuses finished folds).")
@click.option("--checkpoint-every", type=click.IntRange(1), default=50, show_default=True,
              help="Steps between checkpoints (one also closes each epoch); a re-run with the same options "
              "resumes from the last one.")
@click.option("--install", is_flag=True,
              help="When done, install the model in --out as its profile's model (the accurate one is packed into "
              "one file); implied when --out is not given.")
@click.option("--calibrate-only", is_flag=True,
              help="Do not train: choose the span thresholds and the technique-prior correction of the model "
              "in --out again, on the split its training run used (tune for a fit model), and score it on dev.")
@click.option("--fast-blend", "fast_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Blend the model with the fast one: average their tag and technique probabilities, with weights "
              "chosen on the tuning part beside the thresholds, using the fast model in this folder, trained on "
              "the same split (--encoder minilm-l6 --split fit). At run time the installed fast model joins it.")
@_user_errors
def train_propaganda_command(
    data_dir: Path, out_dir: Path | None, encoder: str, seeds: tuple[int, ...], epochs: int | None, max_steps: int,
    split: str | None, window_tokens: int, window_stride: int, train_embeddings: bool,
    thresholds: tuple[float, float] | None, cross_validate: bool, checkpoint_every: int, install: bool,
    calibrate_only: bool, fast_dir: Path | None,
) -> None:
    """Fine-tune the technique models on the PTC training articles (dev split held out).

    Checkpoints go to OUT/checkpoints and the run's log to OUT/train.log; a killed run resumes when the same
    command is run again.
    """
    try:
        from newsprobe.propaganda.encoders import encoder_dir
        from newsprobe.propaganda.train import build_model, recalibrate
    except ImportError as error:
        raise NewsprobeError(Errors.E102, detail=str(error)) from error
    from newsprobe.cli.progress import step_bar
    from newsprobe.propaganda.profiles import default_run_folder, install_model

    recipe = RECIPES[encoder]
    split = split or recipe.split
    settings = replace(recipe, seeds=seeds or recipe.seeds, epochs=epochs or recipe.epochs, max_steps=max_steps,
                       split=split, window_tokens=window_tokens, window_stride=window_stride,
                       train_embeddings=train_embeddings, span_thresholds=thresholds)
    fold_run = cross_validate or split.startswith("not-fold-")
    if fold_run and (out_dir is None or thresholds is None):
        raise NewsprobeError(Errors.E107)
    if cross_validate and out_dir is not None:
        _cross_validate(data_dir, out_dir, settings)
        return
    install = install or out_dir is None
    out_dir = out_dir or default_run_folder(encoder)
    if calibrate_only:
        card = recalibrate(data_dir, out_dir, log=click.echo, fast_dir=fast_dir)
    else:
        with step_bar("training") as on_step:
            card = build_model(data_dir, out_dir, encoder_dir(encoder), settings, log=click.echo,
                               every=checkpoint_every, on_step=on_step, fast_dir=fast_dir)
    held_out = card[held_out_split(card["settings"]["split"])]
    click.echo(f"model written to {out_dir} ({held_out_split(card['settings']['split'])} SI F1 "
               f"{held_out['si']['f1']}, TC micro-F1 {held_out['tc_micro_f1']})")
    if install:
        installed = install_model(out_dir)
        click.echo(f"installed as {installed}")


def _cross_validate(data_dir: Path, out_dir: Path, settings: TrainSettings) -> None:
    """Run and print the cross-validation; its report is also written to `out_dir/cross_validation.json`."""
    import json

    from newsprobe.propaganda.encoders import encoder_dir
    from newsprobe.propaganda.evaluate import format_cross_validation
    from newsprobe.propaganda.train import cross_validate

    validation = cross_validate(data_dir, out_dir, encoder_dir(settings.encoder), settings, log=click.echo)
    (out_dir / "cross_validation.json").write_text(json.dumps(validation.to_dict(), indent=2) + "\n", encoding="utf-8")
    click.echo(format_cross_validation(validation))


@click.group("propaganda")
def propaganda_group() -> None:
    """Propaganda techniques in the PTC / SemEval-2020 Task 11 formats."""


@propaganda_group.command("predict")
@click.argument("inputs", nargs=-1, required=True)
@_OUTPUT
@_PROFILE
@_MODEL
@_user_errors
def predict_command(inputs: tuple[str, ...], output: Path, profile: str, model_dir: Path | None) -> None:
    """Find technique spans in INPUTS; write `id<TAB>technique<TAB>start<TAB>end` rows.

    The spans are those of `newsprobe analyze` (the same analyzer, header and legal notices left out).
    """
    from newsprobe.pipeline import Pipeline
    from newsprobe.propaganda.ptc import format_rows, read_sources, technique_rows
    from newsprobe.settings import Options

    options = Options(only=("propaganda",), propaganda_profile=profile,
                      propaganda_model=str(model_dir) if model_dir else None)
    pipeline, rows, failures, done = Pipeline(options), [], 0, 0
    for source in progress_over(read_sources(inputs), total=None, label="predicting"):
        if isinstance(source, InputError):
            failures += _report(source)
            continue
        analysis = pipeline(source.article)
        for warning in analysis.warnings:
            click.echo(f"note: {source.article.source or source.id}: {warning}", err=True)
        done += "propaganda" in analysis.analyzers
        rows += technique_rows(source, analysis.techniques)
    output.write_text(format_rows(rows), encoding="utf-8")
    click.echo(f"{plural(len(rows), 'span')} written to {output}; {summary_line(done, failures, 'tagged')}", err=True)
    if failures:
        sys.exit(1)


@propaganda_group.command("classify")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--spans", "spans_path", required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="TSV rows `id<TAB>?<TAB>start<TAB>end` to label.")
@_OUTPUT
@_PROFILE
@_MODEL
@_user_errors
def classify_command(inputs: tuple[str, ...], spans_path: Path, output: Path, profile: str,
                     model_dir: Path | None) -> None:
    """Name the technique of each span in SPANS (offsets into INPUTS); write PTC rows."""
    from newsprobe.propaganda.model import load_model
    from newsprobe.propaganda.ptc import classify_all, format_rows, read_sources, read_span_rows

    spans = read_span_rows(spans_path)
    sources, failures = [], 0
    for source in read_sources(inputs):
        if isinstance(source, InputError):
            failures += _report(source)
        else:
            sources.append(source)
    output.write_text(format_rows(classify_all(load_model(_model_dir(profile, model_dir)), sources, spans)), encoding="utf-8")
    _finish(failures)


@click.command("propaganda")
@_DATA
@click.option("--split", type=click.Choice(["dev", "tune", "fit", "train", "all"]), default="dev", show_default=True,
              help="dev: never trained on; tune: the part of train held out with `train --split fit`.")
@_PROFILE
@_MODEL
@_user_errors
def eval_propaganda_command(data_dir: Path, split: str, profile: str, model_dir: Path | None) -> None:
    """SI precision/recall/F1 and TC micro-F1 (per technique too) on a split of a PTC folder."""
    from newsprobe.propaganda.evaluate import evaluate, format_report
    from newsprobe.propaganda.model import PropagandaModel

    click.echo(format_report(evaluate(data_dir, split, PropagandaModel(_model_dir(profile, model_dir)))))


@click.command("propaganda")
@_DATA
@_PROFILE
@_MODEL
@_user_errors
def bench_propaganda_command(data_dir: Path, profile: str, model_dir: Path | None) -> None:
    """Articles/s of `propaganda predict` over DATA/articles after model load; load time; peak RSS."""
    from newsprobe.propaganda.evaluate import bench

    report = bench(data_dir, _model_dir(profile, model_dir))
    click.echo(f"articles {report.articles}\nload_s {report.load_s}\npredict_s {report.predict_s}\n"
               f"articles_per_s {report.articles_per_s}\npeak_rss_mb {report.peak_rss_mb}")


def _report(error: InputError) -> int:
    click.echo(f"error: {error.describe()}", err=True)
    return 1


def _finish(failures: int) -> None:
    if failures:
        click.echo(f"{plural(failures, 'input')} failed; the rest were processed.", err=True)
        sys.exit(1)
