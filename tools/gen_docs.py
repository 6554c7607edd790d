"""Regenerate the generated docs: blocks of docs/schema.md, docs/analysis.schema.json, docs/cli.md and docs/errors.md.

    python tools/gen_docs.py            # rewrite
    python tools/gen_docs.py --check    # exit 1 if the docs are stale

The example is the analysis of the seed article in ../shared/examples when it is present (its text is
elided, since we do not redistribute it); without it the example block is left as it is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsprobe.cli.reference import cli_reference
from newsprobe.errors import errors_reference
from newsprobe.ingest import read_articles
from newsprobe.model import Article
from newsprobe.model.schema_doc import (
    EXAMPLE_END,
    EXAMPLE_START,
    FIELDS_END,
    FIELDS_START,
    example_markdown,
    fields_markdown,
    json_schema,
    replace_block,
)
from newsprobe.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DOC = ROOT / "docs" / "schema.md"
SCHEMA_JSON = ROOT / "docs" / "analysis.schema.json"
CLI_DOC = ROOT / "docs" / "cli.md"
ERRORS_DOC = ROOT / "docs" / "errors.md"
SEED = ROOT.parent / "shared" / "examples" / "rusvesna-abu-kamal.txt"


def generated() -> dict[Path, str]:
    document = replace_block(SCHEMA_DOC.read_text(encoding="utf-8"), FIELDS_START, FIELDS_END, fields_markdown())
    if SEED.is_file():
        [article] = [item for item in read_articles([str(SEED)]) if isinstance(item, Article)]
        example = example_markdown(Pipeline()(article), elide_text=True)
        document = replace_block(document, EXAMPLE_START, EXAMPLE_END, example)
    return {
        SCHEMA_DOC: document,
        SCHEMA_JSON: json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n",
        CLI_DOC: cli_reference(),
        ERRORS_DOC: errors_reference(),
    }


def main(argv: list[str]) -> int:
    documents = generated()
    if "--check" in argv:
        stale = [path.name for path, new in documents.items() if not path.exists() or path.read_text("utf-8") != new]
        if stale:
            print(f"stale: {', '.join(stale)}; run python tools/gen_docs.py", file=sys.stderr)
        return 1 if stale else 0
    for path, content in documents.items():
        path.write_text(content, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
