"""docs/cli.md: the `--help` of every command, generated so the reference cannot go stale."""

from __future__ import annotations

import click

from newsprobe.cli.main import cli

_WIDTH = 100


def cli_reference() -> str:
    """Markdown with one section per command, in the order a user meets them."""
    parts = ["# Command-line reference\n", "Generated from `newsprobe --help` by `python tools/gen_docs.py`.\n"]
    for path, command in _commands(cli, ["newsprobe"]):
        context = click.Context(
            command, info_name=" ".join(path), terminal_width=_WIDTH, max_content_width=_WIDTH,
            help_option_names=["-h", "--help"],
        )
        parts.append(f"## `{' '.join(path)}`\n\n```text\n{command.get_help(context)}\n```\n")
    return "\n".join(parts)


def _commands(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found += _commands(command.commands[name], [*path, name])
    return found
