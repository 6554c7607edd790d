"""The article: ingested text, never rewritten after its id is computed, and its metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from pydantic import Field

from newsprobe.model.base import Record

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# The lookbehind starts a match only where a run of spaces starts: without it a long run not followed by a
# newline is rescanned from each of its characters (quadratic).
_TRAILING_SPACE = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]+\n")
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Lone surrogates (from JSON escapes such as `"\\ud800"` or undecodable file names) become U+FFFD, one
    character for one, because no UTF-8 writer, checksum or database can encode them."""
    return _SURROGATE.sub("\ufffd", text)


def normalise_text(raw: str) -> str:
    """Canonical form of an article body: NFC, one newline convention, no BOM, lone surrogate or edge
    whitespace."""
    text = unicodedata.normalize("NFC", replace_surrogates(raw.lstrip("\ufeff")))
    text = _LINE_BREAKS.sub("\n", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return text.strip()


def text_checksum(text: str) -> str:
    """Stable content id: the first 16 hex digits of SHA-256 over the normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Article(Record):
    """One news article. `text` is normalised once, at construction through `Article.create`."""

    id: str = Field(description="The caller's id when given (JSONL `id`), else `checksum`.")
    checksum: str = Field(description="SHA-256 (16 hex digits) of the normalised text.")
    text: str = Field(description="The normalised article text every offset counts into.")
    title: str | None = Field(default=None, description="Headline: the first line, or the page title.")
    outlet: str | None = Field(default=None, description="Publication name, e.g. `Русская весна`.")
    url: str | None = Field(default=None, description="Address the article was fetched from or published at.")
    author: str | None = Field(default=None, description="Byline, when the page names one.")
    language: str | None = Field(default=None, description="ISO 639-1 code, detected unless given.")
    language_score: float | None = Field(default=None, description="Detector confidence in [0, 1].")
    published: str | None = Field(default=None, description="Publication date, ISO 8601, when known.")
    source: str | None = Field(default=None, description="Where it was read from: path, URL, `-`, `file:line`.")

    @classmethod
    def create(cls, text: str, *, id: str | None = None, **metadata: Any) -> Article:
        """Normalise `text`, compute the checksum and use it as id unless one is given; metadata loses lone
        surrogates too."""
        body = normalise_text(text)
        checksum = text_checksum(body)
        clean: dict[str, Any] = {
            key: replace_surrogates(value) if isinstance(value, str) else value for key, value in metadata.items()
        }
        return cls(id=replace_surrogates(id) if id else checksum, checksum=checksum, text=body, **clean)

    @property
    def title_line(self) -> tuple[int, int] | None:
        """Offsets of the title when the text begins with it as a whole line (the corpus convention)."""
        if not self.title or not self.text.startswith(self.title):
            return None
        return (0, len(self.title)) if self.text[len(self.title) : len(self.title) + 1] in ("", "\n") else None

    @property
    def body_start(self) -> int:
        """Offset where the body begins, after the title line and a repeated `Title | Outlet` line."""
        if self.title_line is None:
            return 0
        header = self.header_line
        return _skip_blank_lines(self.text, header[1] if header else self.title_line[1])

    @property
    def header_line(self) -> tuple[int, int] | None:
        """Offsets of the `Title | Outlet` line a scraped page repeats under its title: metadata, not prose."""
        if not self.title or not self.outlet or self.title_line is None:
            return None
        start = _skip_blank_lines(self.text, len(self.title))
        line = self.text[start:].split("\n", 1)[0]
        if line.startswith(self.title[: len(self.title) // 2]) and self.outlet in line:
            return (start, start + len(line))
        return None

    def as_analysed(self, notices: list[tuple[int, int]] | None = None) -> Article:
        """The article as analyzers read it: the header line and the given legal `notices` blanked with
        spaces (newlines kept), so offsets are unchanged and no analyzer reads metadata as prose."""
        stretches = [*([self.header_line] if self.header_line else []), *(notices or [])]
        if not stretches:
            return self
        text = self.text
        for start, end in stretches:
            text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
        return self.model_copy(update={"text": text})


def _skip_blank_lines(text: str, position: int) -> int:
    while position < len(text) and text[position] in "\n \t":
        position += 1
    return position
