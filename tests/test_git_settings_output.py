"""A received repository's settings change neither what regdraft reads from git nor how long it waits (r28 sweep T3):
`i18n.logOutputEncoding = UTF-16` (on the allow-list of harmless preferences) printed every `git log` in UTF-16, the
history read as empty, `check`'s hand-edit gate silent; an `include.path` naming a named pipe made every command wait
forever in the settings check itself."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from regdraft.workspace import git_policy
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

REGULATION = "regulations/01-QC-TU.md"


def _git(where: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=where, check=True, capture_output=True)


def _hand_edit(root: Path) -> None:
    path = root / REGULATION
    path.write_text(path.read_text(encoding="utf-8").replace("ba tháng một lần", "sáu tháng một lần"), encoding="utf-8")
    _git(root, "-c", "user.name=Tay", "-c", "user.email=t@example.org", "commit", "-qam", "sửa tay")


def test_a_log_encoding_of_the_repository_leaves_the_history_as_it_is(tmp_workspace: Workspace,
                                                                       invoke: Invoke) -> None:
    _hand_edit(tmp_workspace.root)
    before = invoke(tmp_workspace, "log", "01-QC/TU", "--json")
    checked = invoke(tmp_workspace, "check")
    assert json.loads(before.output) and "with no amendment adopted" in checked.output, checked.output
    _git(tmp_workspace.root, "config", "i18n.logOutputEncoding", "UTF-16")
    _git(tmp_workspace.root, "config", "i18n.commitEncoding", "ISO-8859-1")
    after = invoke(tmp_workspace, "log", "01-QC/TU", "--json")
    assert after.exit_code == 0 and json.loads(after.output) == json.loads(before.output)
    assert invoke(tmp_workspace, "check").output == checked.output  # the gate still sees the hand edit


def test_settings_including_a_named_pipe_are_refused_within_a_bound(tmp_workspace: Workspace, invoke: Invoke,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(git_policy, "SETTINGS_SECONDS", 2)
    os.mkfifo(tmp_workspace.root / "settings.fifo")
    _git(tmp_workspace.root, "config", "include.path", "../settings.fifo")
    done = invoke(tmp_workspace, "list")
    assert done.exit_code == 1 and "git could not read the settings of the workspace" in done.output, done.output
    assert "include.path = /dev/stdin" in done.output and "Traceback" not in done.output


def test_settings_git_cannot_read_are_refused_not_taken_for_none(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """`git config --list` failing (a bad line) was read as no settings at all: the check passed (fail closed now)."""
    with (tmp_workspace.root / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write("[core\n")
    done = invoke(tmp_workspace, "list")
    assert done.exit_code == 1 and "git cannot read the settings of the workspace" in done.output, done.output
