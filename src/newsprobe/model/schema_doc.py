"""The field reference of docs/schema.md, generated from the models so the doc cannot go stale."""

from __future__ import annotations

import json
import re
from typing import Any

from newsprobe.model.analysis import SCHEMA_VERSION, Analysis

FIELDS_START, FIELDS_END = "<!-- fields:start -->", "<!-- fields:end -->"
EXAMPLE_START, EXAMPLE_END = "<!-- example:start -->", "<!-- example:end -->"


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of `Analysis`."""
    schema = Analysis.model_json_schema()
    schema["$id"] = f"https://newsprobe.invalid/schema/analysis-{SCHEMA_VERSION}.json"
    return schema


def fields_markdown() -> str:
    """One table per model: field, type, description."""
    schema = json_schema()
    models = {"Analysis": schema, **schema.get("$defs", {})}
    parts = [f"Schema version **{SCHEMA_VERSION}**.\n"]
    for name in sorted(models, key=lambda n: (n != "Analysis", n)):
        model = models[name]
        parts.append(f"### `{name}`\n\n{_first_line(model.get('description', ''))}\n")
        parts.append("| field | type | description |\n|---|---|---|")
        for field, spec in model.get("properties", {}).items():
            required = field in model.get("required", [])
            description = _first_line(spec.get("description", ""))
            parts.append(f"| `{field}`{'' if required else ' (optional)'} | {_type(spec)} | {description} |")
        parts.append("")
    return "\n".join(parts)


def example_markdown(analysis: Analysis, elide_text: bool) -> str:
    """The JSON of a real analysis; a third-party article's text is elided, its findings kept."""
    data = analysis.to_dict()
    if elide_text:
        data["article"]["text"] = f"<{len(analysis.article.text)} characters of article text, not reproduced>"
    return "```json\n" + json.dumps(data, ensure_ascii=False, indent=2) + "\n```"


def replace_block(document: str, start: str, end: str, content: str) -> str:
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    return pattern.sub(lambda _: f"{start}\n{content}\n{end}", document)


def block(document: str, start: str, end: str) -> str:
    match = re.search(re.escape(start) + "\n(.*?)\n" + re.escape(end), document, re.DOTALL)
    return match.group(1) if match else ""


def _first_line(text: str) -> str:
    return text.strip().split("\n")[0].replace("|", "\\|")


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        return f"`{spec['$ref'].rsplit('/', 1)[-1]}`"
    if "anyOf" in spec:
        return " or ".join(_type(option) for option in spec["anyOf"])
    if spec.get("type") == "array":
        return f"list of {_type(spec.get('items', {}))}"
    if spec.get("type") == "object" and "additionalProperties" in spec:
        return f"map of {_type(spec['additionalProperties'])}"
    if "enum" in spec:
        return " \\| ".join(f"`{value}`" for value in spec["enum"])
    return str(spec.get("type", "any"))


__all__ = ["block", "example_markdown", "fields_markdown", "json_schema", "replace_block"]
