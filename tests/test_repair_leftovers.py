"""Leftovers of kills (r43 sweep CX F5): a journal half written, which `check` passed over in silence; git's
temporary index of `git commit <paths>` beside its index lock, which `check --repair` left."""

from __future__ import annotations

import subprocess

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def test_check_removes_a_half_written_journal_and_the_repair_git_s_temporary_index(tmp_workspace: Workspace,
                                                                                    invoke: Invoke) -> None:
    ws = tmp_workspace
    tmp = ws.git_dir() / "regdraft" / "journal.json.tmp"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_bytes(b'{"head": "12')
    checked = invoke(ws, "check")
    assert checked.exit_code == 0 and not tmp.exists(), checked.output
    child = subprocess.Popen(["true"])
    child.wait()
    (ws.git_dir() / "index.lock").write_bytes(b"")
    temporary = ws.git_dir() / f"next-index-{child.pid}.lock"
    temporary.write_bytes(b"DIRC")
    repaired = invoke(ws, "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert not (ws.git_dir() / "index.lock").exists() and not temporary.exists()
