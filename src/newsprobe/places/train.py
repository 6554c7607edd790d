"""Fit the candidate ranker on gold corpora: a logistic regression over the features of `resolve.py`."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from newsprobe.places.build import build_gazetteer
from newsprobe.places.corpus import GoldDoc, read_gold
from newsprobe.places.gazetteer import GAZETTEER_FILE, Candidate, Gazetteer, load_gazetteer
from newsprobe.places.geo import distance_km
from newsprobe.places.normalize import normalize_name
from newsprobe.places.resolve import (
    FEATURES,
    RANKER_FILE,
    Name,
    build_context,
    features,
    group_names,
    nearby_support,
    prior,
    resolve_round,
)

ACCURACY_KM = 161.0
REGION_MATCH_KM = 800.0


def training_rows(doc: GoldDoc, gazetteer: Gazetteer, weights: dict[str, float] | None) -> tuple[list, list]:
    """Feature vectors and labels for every candidate of every gold name of one document."""
    located = [p for p in doc.places if p.located]
    names = group_names(doc.text, [(p.start, p.end, False) for p in located], gazetteer)
    beliefs = {key: prior(name.candidates) for key, name in names.items()}
    support = nearby_support(names)
    if weights:  # later rounds see the first round's scores as their context
        beliefs = resolve_round(names, beliefs, weights, support)[1]
    rows, labels = [], []
    for place in located:
        name = names[normalize_name(place.text)]
        target = _closest(name, place.lat, place.lon)  # type: ignore[arg-type]
        context = build_context(beliefs, name.key, name.qualifiers, support[name.key])
        for candidate in name.candidates:
            rows.append(features(candidate, name.candidates, context, name.division))
            labels.append(int(candidate == target))
    return rows, labels


def _closest(name: Name, lat: float, lon: float) -> Candidate | None:
    """The candidate nearest the gold point, if it lies within the accuracy radius."""
    scored = [(distance_km(c.lat, c.lon, lat, lon), c) for c in name.candidates]
    best = min(scored, key=lambda item: item[0], default=None)
    if best is None:
        return None
    # Corpora put countries and provinces at slightly different centres than our gazetteer; the nearest
    # division is still the right entity to learn from.
    radius = REGION_MATCH_KM if best[1].is_division else ACCURACY_KM
    return best[1] if best[0] <= radius else None


def fit_ranker(paths: list[Path], split: str = "dev", gazetteer: Gazetteer | None = None) -> dict:
    """Learn the ranker weights on one split of the corpora, in two rounds (prior context, then chosen)."""
    from sklearn.linear_model import LogisticRegression

    gazetteer = gazetteer or load_gazetteer()
    docs = [doc for path in paths for doc in read_gold(path, split)]
    weights: dict[str, float] | None = None
    for _ in range(2):
        rows, labels = [], []
        for doc in docs:
            for first in (None, weights) if weights else (None,):
                doc_rows, doc_labels = training_rows(doc, gazetteer, first)
                rows += doc_rows
                labels += doc_labels
        model = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False).fit(rows, labels)
        weights = {name: float(w) for name, w in zip(FEATURES, model.coef_[0], strict=True)}
    return {"weights": weights, "card": _card(paths, split, len(docs))}


def _card(paths: list[Path], split: str, documents: int) -> dict:
    return {
        "model": "logistic regression over gazetteer candidates", "features": list(FEATURES),
        "training_data": [path.name for path in paths], "split": split, "documents": documents,
        "settings": {"C": 1.0, "fit_intercept": False, "rounds": 2, "label": "nearest candidate within 161 km "
                     f"(divisions: {REGION_MATCH_KM:.0f} km)"},
        "scores": "measure with `newsprobe eval places --split test`; see BENCHMARKS.md (Places)",
        "date": datetime.date.today().isoformat(),
    }


def save_ranker(ranker: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(ranker, indent=2) + "\n", encoding="utf-8")


def train_places(data: list[Path], out_dir: Path, split: str = "dev", gazetteer: bool = True) -> list[Path]:
    """Rebuild the gazetteer (from packages) and, given gold corpora, refit the ranker; returns files written."""
    written = []
    gazetteer_path = out_dir / "data" / GAZETTEER_FILE
    if gazetteer:
        written.append(build_gazetteer(gazetteer_path))
        load_gazetteer.cache_clear()
    if data:
        ranker_path = out_dir / "models" / RANKER_FILE
        # The ranker learns on the gazetteer it will ship with: the one in `out_dir` when there is one.
        places = Gazetteer(gazetteer_path) if gazetteer_path.is_file() else None
        save_ranker(fit_ranker(data, split, places), ranker_path)
        written.append(ranker_path)
    return written
