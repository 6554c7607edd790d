"""The PTC corpus on disk: raw article texts, gold span labels, the fixed article-level dev split."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsprobe.errors import Errors, NewsprobeError

DEV_PERCENT = 15
SPLIT_SALT = "newsprobe-ptc-dev-v1"
# A part of the training articles held out to choose decoding settings and fit the span filter.
TUNE_PERCENT = 20
TUNE_SALT = "newsprobe-ptc-tune-v1"
# Cross-validation: fold 1 is the dev split, the training articles fall into the other folds by another
# fixed hash, so the shipped model (trained on `train`) is the model of fold 1.
FOLDS = 5
FOLD_SALT = "newsprobe-ptc-fold-v1"
SPLITS = ("all", "train", "fit", "tune", "dev")
FOLD_SPLITS = tuple(f"{part}fold-{k}" for k in range(1, FOLDS + 1) for part in ("", "not-"))
_ARTICLE_NUMBER = re.compile(r"article(\d+)")


@dataclass(frozen=True)
class GoldSpan:
    """One PTC label row: `[start, end)` in the article file's characters, with its technique."""

    article_id: str
    technique: str
    start: int
    end: int


@dataclass
class CorpusArticle:
    """One article as the PTC file has it (offsets count characters of `text`) and its labels."""

    id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)


def article_number(name: str) -> str:
    """PTC id of a file or source name: the digits of `articleNNN.txt`, else the name without suffix."""
    stem = Path(name).stem
    found = _ARTICLE_NUMBER.fullmatch(stem)
    return found.group(1) if found else stem


def in_dev_split(article_id: str) -> bool:
    """Whether an article belongs to the dev split: a fixed salted hash, so the split never changes."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{article_id}".encode()).hexdigest()
    return int(digest[:8], 16) % 100 < DEV_PERCENT


def in_tune_split(article_id: str) -> bool:
    """Whether a training article belongs to the tuning part (never a dev article); fixed like the dev split."""
    digest = hashlib.sha256(f"{TUNE_SALT}:{article_id}".encode()).hexdigest()
    return not in_dev_split(article_id) and int(digest[:8], 16) % 100 < TUNE_PERCENT


def split_of(article_id: str) -> str:
    """`dev`, `tune` or `fit`: the part of the corpus an article belongs to (`train` = `fit` + `tune`)."""
    if in_dev_split(article_id):
        return "dev"
    return "tune" if in_tune_split(article_id) else "fit"


def fold_of(article_id: str) -> int:
    """The cross-validation fold (1 to `FOLDS`) of an article: 1 for dev, fixed like the dev split."""
    if in_dev_split(article_id):
        return 1
    digest = hashlib.sha256(f"{FOLD_SALT}:{article_id}".encode()).hexdigest()
    return 2 + int(digest[:8], 16) % (FOLDS - 1)


def fold_training_split(fold: int) -> str:
    """The articles fold `fold`'s model trains on; fold 1 is dev, so its model is the `train` (shipped) one."""
    return "train" if fold == 1 else f"not-fold-{fold}"


def held_out_split(split: str) -> str:
    """The split a model trained on `split` is scored on: its fold for `not-fold-K`, else dev."""
    return split.removeprefix("not-") if split.startswith("not-fold-") else "dev"


def in_split(article_id: str, split: str) -> bool:
    """Whether an article belongs to `split` (one of `SPLITS` or `FOLD_SPLITS`)."""
    if split in FOLD_SPLITS:
        in_fold = fold_of(article_id) == int(split.rsplit("-", 1)[1])
        return in_fold != split.startswith("not-")
    part = split_of(article_id)
    return split == "all" or part == split or (split == "train" and part != "dev")


def read_labels(path: Path) -> list[GoldSpan]:
    """Rows `id<TAB>technique<TAB>start<TAB>end` of one PTC labels (or predictions) file."""
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article_id, technique, start, end = line.split("\t")[:4]
            spans.append(GoldSpan(article_id, technique, int(start), int(end)))
    return spans


def read_corpus(data_dir: Path, split: str = "all") -> list[CorpusArticle]:
    """Articles of a PTC folder (`articles/`, `labels/`); split is one of `SPLITS`."""
    articles_dir = data_dir / "articles"
    if not articles_dir.is_dir():
        raise NewsprobeError(Errors.E101, path=str(data_dir))
    articles = []
    for path in sorted(articles_dir.glob("article*.txt")):
        article_id = article_number(path.name)
        if not in_split(article_id, split):
            continue
        # Python's universal-newline read is how the task counts offsets.
        text = path.read_text(encoding="utf-8")
        labels = data_dir / "labels" / f"article{article_id}.labels"
        spans = read_labels(labels) if labels.is_file() else []
        articles.append(CorpusArticle(article_id, text, spans))
    return articles
