"""Leftovers of kills (r43 sweep CX F5): a journal half written, which `check` passed over in silence; git's
temporary index of `git commit <paths>` beside its index lock, which `check --repair` left."""

from __future__ import annotations

import os
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


def test_the_repair_removes_git_s_maintenance_lock_and_a_temporary_index_left_alone(tmp_workspace: Workspace,
                                                                                    invoke: Invoke) -> None:
    """r43 sweep CK F9: a killed `git maintenance run --auto` leaves objects/maintenance.lock, and a killed `git
    commit <paths>` its next-index-<pid>.lock without an index lock: neither was named nor removed."""
    ws = tmp_workspace
    child = subprocess.Popen(["true"])
    child.wait()
    maintenance = ws.git_dir() / "objects" / "maintenance.lock"
    maintenance.write_bytes(b"")
    temporary = ws.git_dir() / f"next-index-{child.pid}.lock"
    temporary.write_bytes(b"DIRC")
    running = ws.git_dir() / f"next-index-{os.getpid()}.lock"  # its git (this process) still running: not ours
    running.write_bytes(b"DIRC")
    checked = invoke(ws, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 0, said
    assert ".git/objects/maintenance.lock: warning: git's maintenance lock" in said, said
    assert f".git/next-index-{child.pid}.lock: warning: git's temporary index" in said, said
    assert f"next-index-{os.getpid()}.lock" not in said, said
    with maintenance.open("rb"):  # held open, as a git maintenance running now holds it: left
        assert "maintenance.lock" not in invoke(ws, "check", "--repair").output
    assert maintenance.exists() and not temporary.exists() and running.exists()
    repaired = " ".join(invoke(ws, "check", "--repair").output.split())
    assert "Removed .git/objects/maintenance.lock, which a git that was stopped had left." in repaired, repaired
    assert not maintenance.exists() and running.exists()
    assert "maintenance.lock" not in invoke(ws, "check").output
