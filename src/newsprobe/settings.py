"""Constants and the one options object passed to readers and analyzers."""

from __future__ import annotations

from dataclasses import dataclass, replace

MAX_INPUT_BYTES = 20 * 1024 * 1024  # raw bytes: HTML pages carry far more markup than text
# Extracted text: ten times a long news article. The analyzers' memory grows with it (about 1.6 GB peak at
# 200,000 characters, 2.7 GB at 500,000, 24 GB and an out-of-memory kill at 15 million).
MAX_ARTICLE_CHARS = 200_000
FETCH_TIMEOUT_S = 20.0
# Time budget per article: far above the few seconds the longest allowed article takes, low enough that a
# hostile one cannot hold a batch or web worker.
MAX_ARTICLE_SECONDS = 30.0
# Elements nested deeper are unwrapped (their text kept) before parsing: libxml2 drops text below 255 levels.
MAX_HTML_DEPTH = 200
# Languages the detector chooses among: the ones conflict and state-media news in our scope is written in.
LIKELY_LANGUAGES = ("en", "ru", "uk", "ar", "fr", "de", "es", "tr", "fa", "zh", "it", "pt", "pl", "he")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson")
USER_AGENT = "newsprobe/0.1 (+offline news analysis)"
# onnxruntime threads per model session (default 2). Batch workers set 1: Dask already runs one article per
# worker thread, and more threads than cores only adds switching.
ONNX_THREADS_ENV = "NEWSPROBE_ONNX_THREADS"
# Propaganda models: `fast` (MiniLM ensemble, the default) and `accurate` (one base-size encoder).
PROPAGANDA_PROFILES = ("fast", "accurate")


@dataclass(frozen=True)
class Options:
    """What the user chose; the CLI builds one, library callers may too."""

    max_bytes: int = MAX_INPUT_BYTES
    max_chars: int = MAX_ARTICLE_CHARS
    fetch_timeout_s: float = FETCH_TIMEOUT_S
    max_seconds: float | None = MAX_ARTICLE_SECONDS  # None: no time budget
    languages: tuple[str, ...] = LIKELY_LANGUAGES
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    # Propaganda model: `fast` (MiniLM ensemble) or `accurate` (base-size encoder, slower); a model folder
    # given here (e.g. one you trained) replaces the profile's installed model.
    propaganda_profile: str = "fast"
    propaganda_model: str | None = None
    # False: readers leave the language of an article without one unset, for the process that analyses it to
    # detect (`ingest.with_language`): batch workers do, so the client that reads the inputs stays light.
    detect_language: bool = True

    def for_profile(self, profile: str | None) -> Options:
        """These options with the propaganda profile `profile` (None: unchanged); a model folder given for the
        current profile belongs to it and is not carried over to another."""
        if profile is None or profile == self.propaganda_profile:
            return self
        return replace(self, propaganda_profile=profile, propaganda_model=None)
