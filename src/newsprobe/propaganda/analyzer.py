"""The propaganda analyzer: technique spans and an article-level summary in the `techniques` layer."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import ClassVar

from newsprobe.model import Analysis, PropagandaSummary, TechniqueSpan, lies_within
from newsprobe.propaganda.model import Detection, load_model
from newsprobe.propaganda.profiles import model_version, profile_dir


class PropagandaAnalyzer:
    name: ClassVar[str] = "propaganda"
    version: ClassVar[str] = "v2"
    requires: ClassVar[tuple[str, ...]] = ("signals",)
    assigns: ClassVar[tuple[str, ...]] = ("techniques",)
    languages: ClassVar[tuple[str, ...]] = ("en",)
    options: ClassVar[tuple[str, ...]] = ("propaganda_profile", "propaganda_model")
    profile_option: ClassVar[str] = "propaganda_profile"

    def __init__(self, propaganda_profile: str = "fast", propaganda_model: str | None = None) -> None:
        self.profile = propaganda_profile
        self.model = load_model(profile_dir(propaganda_profile, propaganda_model))
        self.model_version = model_version(self.model.card)
        if self.model.fast is not None:
            # A blended model's techniques are also the fast model's: name both runs.
            self.model_version += f"+{model_version(self.model.fast.card)}"

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.article.text
        found = [piece for item in self.model.predict(text) for piece in within_lines(text, item, _skipped(analysis))]
        analysis.techniques.extend(
            TechniqueSpan.of(text, item.start, item.end, technique=item.technique, score=item.score)
            for item in found
        )
        summary = summarise(text, found)
        analysis.propaganda = summary.model_copy(update={"profile": self.profile, "model": self.model_version})


def _skipped(analysis: Analysis) -> list[tuple[int, int]]:
    """Legal notices: their wording is the law's, not the outlet's (the pipeline already hides the header)."""
    return analysis.signal_spans("legal_disclaimer")


def within_lines(text: str, found: Detection, skipped: list[tuple[int, int]]) -> list[Detection]:
    """The detection cut at line breaks and outside the skipped stretches: a technique span is a phrase
    of one line, never a title joined to the next line."""
    pieces, start = [], found.start
    for end in [*(i for i in range(found.start, found.end) if text[i] == "\n"), found.end]:
        piece = text[start:end]
        first = start + len(piece) - len(piece.lstrip())
        last = start + len(piece.rstrip())
        if last > first and not lies_within(first, last, skipped):
            pieces.append(replace(found, start=first, end=last))
        start = end + 1
    return pieces


def summarise(text: str, found: list[Detection]) -> PropagandaSummary:
    """Spans per technique, and a score: the mean over non-empty lines of the strongest span in each."""
    counts = Counter(item.technique for item in found)
    lines, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((position, position + len(line)))
        position += len(line) + 1
    strongest = [
        max((item.score for item in found if item.start < end and item.end > start), default=0.0)
        for start, end in lines
    ]
    score = sum(strongest) / len(strongest) if strongest else 0.0
    return PropagandaSummary(counts=dict(counts.most_common()), score=round(min(score, 1.0), 4))
