"""Events analyzer cost per article, two classifier files in one run (BENCHMARKS.md, "Events on news", Speed).

    git show 63408b3:src/newsprobe/events/models/event-types-v1.npz > /tmp/v1.npz
    PYTHONPATH=src python tools/bench_events.py /tmp/v1.npz

Each English article of `examples/` and the seed (when present) is analysed once without events; then
`assemble_events` is timed (best of 3) with the old file and the shipped one, with the propaganda model's
reading shared and, for the shipped one, with the reading made afresh (as with `--skip propaganda`).
Columns: `old` is the file given, `new` the shipped one.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsprobe.events.assemble import assemble_events, group_sentences
from newsprobe.events.classifier import MODEL_PATH, EventClassifier
from newsprobe.events.sentences import split_sentences
from newsprobe.ingest import read_articles
from newsprobe.model import Analysis, Article
from newsprobe.pipeline import analyze
from newsprobe.propaganda import load_model
from newsprobe.settings import Options

INPUTS = ["examples", "../shared/examples/rusvesna-abu-kamal.txt"]


def best_of(run: Callable[[], object], times: int = 3) -> float:
    """The fastest of `times` runs, in milliseconds."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        spent.append(time.perf_counter() - start)
    return 1000 * min(spent)


def articles() -> list[Analysis]:
    """The English inputs, analysed by everything but events."""
    found = [a for a in read_articles([p for p in INPUTS if Path(p).exists()], Options())
             if isinstance(a, Article) and a.language == "en"]
    return [analyze(article, Options(skip=("events",))) for article in found]


def measure(analysis: Analysis, old: EventClassifier, new: EventClassifier) -> dict[str, float]:
    """Every timing of one article."""
    text, model = analysis.article.text, load_model()
    sentences = split_sentences(text, analysis.article.body_start)
    places = [(place.start, place.end) for place in analysis.places]

    def afresh() -> None:
        model._last = None  # as when the propaganda analyzer did not run
        assemble_events(analysis, new)

    def read_again() -> None:
        model._last = None
        model.read(text)

    model.read(text)
    return {"old": best_of(lambda: assemble_events(analysis, old)),
            "new_shared_reading": best_of(lambda: assemble_events(analysis, new)),
            "old_classify": best_of(lambda: group_sentences(text, sentences, old, places)),
            "new_classify_shared": best_of(lambda: group_sentences(text, sentences, new, places)),
            "new_own_reading": best_of(afresh), "propaganda_read": best_of(read_again),
            "old_events": len(assemble_events(analysis, old)), "new_events": len(assemble_events(analysis, new))}


def main(old_path: str) -> None:
    old, new = EventClassifier.load(Path(old_path)), EventClassifier.load(MODEL_PATH)
    rows = [measure(analysis, old, new) for analysis in articles()]
    report = {key: round(statistics.mean(row[key] for row in rows), 1) for key in rows[0] if "events" not in key}
    report |= {key: sum(int(row[key]) for row in rows) for key in ("old_events", "new_events")}
    report["ratio_new_vs_old"] = round(report["new_shared_reading"] / report["old"], 2)
    print(json.dumps({"articles": len(rows), **report}))


if __name__ == "__main__":
    main(sys.argv[1])
