"""The README's runnable examples use only files in the repository, and they run (issue 12, item 7)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprobe.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]


def _using_it_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Using it") : readme.index("## ", readme.index("## Using it") + 3)]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block, "the Using it section has a bash block"
    return [line.split("  #")[0].strip() for line in block.group(1).splitlines() if line.strip()]


@pytest.mark.issue(12)
def test_readme_examples_name_only_files_in_the_repository() -> None:
    for command in _using_it_commands():
        assert "../shared" not in command, command
        for word in shlex.split(command):
            if word.startswith("examples/"):
                assert (ROOT / word).exists(), command


@pytest.mark.issue(12)
def test_readme_examples_run(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    for command in _using_it_commands():
        stdin = None
        if command.startswith("cat "):
            source, command = command[4:].split(" | ", 1)
            stdin = (ROOT / source).read_text(encoding="utf-8")
        words = shlex.split(command)
        assert words[0] == "newsprobe", command
        if any(word.startswith("http") for word in words):
            continue  # needs the network
        result = runner.invoke(cli, words[1:], input=stdin)
        # Every example succeeds: a skipped analyzer (the Russian article) is a note, not an error.
        assert result.exit_code == 0, (command, result.output)
