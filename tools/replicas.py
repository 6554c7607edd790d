"""Write a large benchmark corpus: replicas of the articles of a folder, each with a new id, as JSON Lines.

    python tools/replicas.py ../shared/data/ptc-train/articles 100000 /tmp/replicas

writes `/tmp/replicas/part-00000.jsonl`, … (1,000 records a file, so a reader holds one small file at a
time). Replica n of an article has the id `replica-<n>` and the article's text unchanged.
"""

from __future__ import annotations

import argparse
import json
from itertools import cycle, islice
from pathlib import Path

PER_FILE = 1000


def write_replicas(source: Path, count: int, out: Path) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(source.glob("*.txt"))]
    out.mkdir(parents=True, exist_ok=True)
    records = enumerate(islice(cycle(texts), count))
    for part in range(0, count, PER_FILE):
        lines = [json.dumps({"id": f"replica-{n:07d}", "text": text}) for n, text in islice(records, PER_FILE)]
        (out / f"part-{part // PER_FILE:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="folder of .txt articles")
    parser.add_argument("count", type=int, help="replicas to write")
    parser.add_argument("out", type=Path, help="folder for the JSON Lines files")
    arguments = parser.parse_args()
    write_replicas(arguments.source, arguments.count, arguments.out)


if __name__ == "__main__":
    main()
