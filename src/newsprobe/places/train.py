"""Fit the candidate ranker on gold corpora: a conditional logit over the features of `resolve.py`."""

from __future__ import annotations

import datetime
import json
import math
from pathlib import Path
from typing import NamedTuple

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
    county_pairs,
    features,
    group_names,
    nearby_support,
    prior,
    resolve_round,
    state_pairs,
)

ACCURACY_KM = 161.0
REGION_MATCH_KM = 800.0
# Inverse L2 strength of the conditional logit: 0.1-0.3 scored alike on the dev halves, 1 and 10 lower.
REGULARISATION_C = 0.3


class Group(NamedTuple):
    """The candidates of one gold name: their feature vectors, and the index of the right one (None: none is)."""

    vectors: list[list[float]]
    target: int | None


def training_groups(doc: GoldDoc, gazetteer: Gazetteer, weights: dict[str, float] | None) -> list[Group]:
    """For every gold name of one document with candidates: their feature vectors and the right one's index."""
    located = [p for p in doc.places if p.located]
    names = group_names(doc.text, [(p.start, p.end, False) for p in located], gazetteer)
    beliefs = {key: prior(name.candidates) for key, name in names.items()}
    support, pairs, states = nearby_support(names), county_pairs(names), state_pairs(names)
    if weights:  # later rounds see the first round's scores as their context
        beliefs = resolve_round(names, beliefs, weights, support, pairs, states)[1]
    groups = []
    for place in located:
        name = names[normalize_name(place.text)]
        if not name.candidates:
            continue
        target = _closest(name, place.lat, place.lon)  # type: ignore[arg-type]
        context = build_context(beliefs, name.key, name.qualifiers, support[name.key], pairs[name.key], states[name.key])
        vectors = [features(candidate, name.candidates, context, name.division) for candidate in name.candidates]
        groups.append(Group(vectors, name.candidates.index(target) if target is not None else None))
    return groups


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
    gazetteer = gazetteer or load_gazetteer()
    docs = [doc for path in paths for doc in read_gold(path, split)]
    weights: dict[str, float] | None = None
    for _ in range(2):
        groups = [group for doc in docs for first in ((None, weights) if weights else (None,))
                  for group in training_groups(doc, gazetteer, first)]
        weights = calibrated(groups, conditional_logit(groups, REGULARISATION_C))
    return {"weights": weights, "card": _card(paths, split, len(docs))}


def conditional_logit(groups: list[Group], c: float) -> list[float]:
    """Weights that make the right candidate likely among its name's candidates (softmax per name, L2 with
    strength 1/c on all but the bias): the choice is among candidates, so they are learnt together."""
    import numpy as np
    from scipy.optimize import minimize

    usable = [(np.asarray(g.vectors), g.target) for g in groups if g.target is not None and len(g.vectors) > 1]

    def loss_and_gradient(w: np.ndarray) -> tuple[float, np.ndarray]:
        loss, gradient = 0.5 * float(w[1:] @ w[1:]) / c, np.concatenate(([0.0], w[1:] / c))
        for vectors, target in usable:
            z = vectors @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            loss -= math.log(p[target] + 1e-300)
            gradient -= vectors[target] - p @ vectors
        return loss, gradient

    return list(minimize(loss_and_gradient, np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B").x)


def calibrated(groups: list[Group], weights: list[float]) -> dict[str, float]:
    """The weights scaled and shifted (Platt scaling over every candidate, with the name's ambiguity, which
    the choice among candidates cannot see) so that a candidate's logistic score is the chance it is right,
    as the thresholds and the next round's beliefs expect: a lone candidate is likelier right than one of 40."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    w = np.asarray(weights)
    ambiguity = FEATURES.index("ambiguity")
    inputs = np.concatenate([np.column_stack((np.asarray(g.vectors) @ w, np.asarray(g.vectors)[:, ambiguity]))
                             for g in groups])
    labels = np.concatenate([[int(i == g.target) for i in range(len(g.vectors))] for g in groups])
    if len(set(labels)) < 2:  # a corpus too small to tell right from wrong: keep the raw weights
        return dict(zip(FEATURES, map(float, w), strict=True))
    platt = LogisticRegression(C=1e6).fit(inputs, labels)
    scaled = {name: float(platt.coef_[0][0] * value) for name, value in zip(FEATURES, w, strict=True)}
    scaled["bias"] += float(platt.intercept_[0])
    scaled["ambiguity"] += float(platt.coef_[0][1])
    return scaled


def _card(paths: list[Path], split: str, documents: int) -> dict:
    return {
        "model": "conditional logit over each name's gazetteer candidates, Platt-scaled to logistic scores",
        "features": list(FEATURES), "training_data": [path.name for path in paths], "split": split,
        "documents": documents,
        "settings": {"C": REGULARISATION_C, "rounds": 2, "label": "nearest candidate within 161 km "
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
