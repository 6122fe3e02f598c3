"""The README's two commands exist, are executable, and CI runs the test one."""

from __future__ import annotations

import os
import re

from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return re.findall(r"^\s*(\./scripts/[\w.-]+)\s*$", README, flags=re.M)


def test_readme_has_exactly_the_two_commands() -> None:
    assert sorted(set(_commands())) == ["./scripts/run-main.sh", "./scripts/test.sh"]


def test_readme_commands_exist_and_are_executable() -> None:
    for command in _commands():
        path = REPO_ROOT / command
        assert path.is_file(), command
        assert os.access(path, os.X_OK), f"{command} is not executable"
        assert path.read_text().startswith("#!"), f"{command} has no shebang"


def test_ci_runs_the_readme_test_command() -> None:
    ci = REPO_ROOT / ".ci" / "run"
    assert os.access(ci, os.X_OK)
    text = ci.read_text()
    assert "set -euo pipefail" in text and "scripts/test.sh" in text


def test_readme_states_the_round_trip_invariant() -> None:
    assert "render(parse(text)) == text" in README
    assert "parse(render(tree)) == tree" in README


def test_readme_workflow_sections() -> None:
    for heading in ("Amendments", "Redline", "Comment rounds", "Export"):
        assert re.search(rf"^#+ {heading}\s*$", README, flags=re.M), heading
    for command in ("regdraft init", "regdraft show", "regdraft check", "regdraft fmt", "regdraft log"):
        assert command in README
