"""The examples of `--help` are lines to type, and run in the shipped example workspace (`regdraft init --example`).

`regdraft show --help` gave `show 01-QC/TU "Điều 12 khoản 2 điểm b" --at HEAD~1`: a new workspace has one commit and
01-QC/TU no such point, so it failed twice; `redline --help` gave `--from HEAD~3` and a remark in parentheses that
the shell reads as part of the command.
"""

from __future__ import annotations

import shlex

import click
import pytest

from regdraft.cli import cli
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def _examples(command: click.Command, path: str) -> list[tuple[str, str]]:
    """Each example line of a command and its subcommands (continued lines joined), with its command's path."""
    found: list[tuple[str, str]] = []
    text = command.help or ""
    if "Example" in text:
        block = text.split("Example", 1)[1].replace("\\\n", " ")
        found += [(path, line.strip()) for line in block.splitlines() if line.strip().startswith("regdraft ")]
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            found += _examples(sub, f"{path} {name}")
    return found


EXAMPLES = _examples(cli, "regdraft")
REVISIONS = ("--at", "--from", "--to")


def _words(line: str) -> list[str]:
    """The line as the shell splits it (nothing when it cannot: an unclosed quote)."""
    try:
        return shlex.split(line, comments=True)
    except ValueError:
        return []


@pytest.mark.parametrize(("path", "line"), EXAMPLES, ids=[line for _, line in EXAMPLES])
def test_every_example_is_a_line_to_type(path: str, line: str) -> None:
    words = _words(line)
    assert words[:1] == ["regdraft"], f"{line}: the shell cannot read it as written"
    assert not [w for w in words if w.startswith("(")], f"{line}: a remark the shell would read (write it after #)"


RUNNABLE = [(path, line) for path, line in EXAMPLES
            if path == "regdraft show" or any(option in _words(line) for option in REVISIONS)]


@pytest.mark.parametrize(("path", "line"), RUNNABLE, ids=[line for _, line in RUNNABLE])
def test_examples_of_show_and_of_revisions_run_in_the_example_workspace(tmp_workspace: Workspace, invoke: Invoke,
                                                                       path: str, line: str) -> None:
    result = invoke(tmp_workspace, *_words(line)[1:])
    assert result.exit_code == 0, f"{line}: {result.output}"


def test_the_examples_are_found() -> None:
    assert ("regdraft show", 'regdraft show 01-QC/TU "Điều 12 khoản 1 điểm a" --at HEAD   # as last committed') \
        in EXAMPLES
    assert len(RUNNABLE) >= 4
