"""Generated docs are current: the field reference and the JSON Schema match the models."""

from __future__ import annotations

import json
from pathlib import Path

from newsprobe.model.schema_doc import FIELDS_END, FIELDS_START, block, fields_markdown, json_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_schema_field_reference_is_current() -> None:
    document = (DOCS / "schema.md").read_text(encoding="utf-8")
    assert block(document, FIELDS_START, FIELDS_END) == fields_markdown(), "run python tools/gen_docs.py"


def test_json_schema_file_is_current() -> None:
    assert json.loads((DOCS / "analysis.schema.json").read_text(encoding="utf-8")) == json_schema()


def test_every_analysis_field_is_described_in_the_reference() -> None:
    reference = fields_markdown()
    for field in json_schema()["properties"]:
        assert f"| `{field}`" in reference


def test_cli_reference_is_current() -> None:
    from newsprobe.cli.reference import cli_reference

    assert (DOCS / "cli.md").read_text(encoding="utf-8") == cli_reference(), "run python tools/gen_docs.py"


def test_cli_reference_names_no_machine_path() -> None:
    from newsprobe.cli.reference import cli_reference

    assert str(Path(__file__).resolve().parents[1]) not in cli_reference()
