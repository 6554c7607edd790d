"""Constants and the one options object passed to readers and analyzers."""

from __future__ import annotations

from dataclasses import dataclass

MAX_INPUT_BYTES = 20 * 1024 * 1024
FETCH_TIMEOUT_S = 20.0
# Languages the detector chooses among: the ones conflict and state-media news in our scope is written in.
LIKELY_LANGUAGES = ("en", "ru", "uk", "ar", "fr", "de", "es", "tr", "fa", "zh", "it", "pt", "pl", "he")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson")
USER_AGENT = "newsprobe/0.1 (+offline news analysis)"


@dataclass(frozen=True)
class Options:
    """What the user chose; the CLI builds one, library callers may too."""

    max_bytes: int = MAX_INPUT_BYTES
    fetch_timeout_s: float = FETCH_TIMEOUT_S
    languages: tuple[str, ...] = LIKELY_LANGUAGES
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
