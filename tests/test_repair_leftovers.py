"""Leftovers of kills (r43 sweep CX F5): a journal half written, which `check` passed over in silence; git's
temporary index of `git commit <paths>` beside its index lock, which `check --repair` left."""

from __future__ import annotations

import os
import subprocess

import pytest

from regdraft.workspace import git_leftovers, held_files, store_killed
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


def _dead_pids(number: int) -> list[int]:
    """Ids of processes that ran and are gone."""
    pids = []
    for _ in range(number):
        child = subprocess.Popen(["true"])
        child.wait()
        pids.append(child.pid)
    return pids


def test_a_temporary_index_named_with_other_digits_than_ascii_is_left_alone(tmp_workspace: Workspace,
                                                                            invoke: Invoke) -> None:
    """r44 sweep CI F1: `next-index-².lock` made `check` and `check --repair` fail with a traceback (`str.isdigit()`
    takes '²', `int()` refuses it), and `next-index-٣.lock` was read as pid 3. Only ASCII digits make git's name."""
    ws = tmp_workspace
    odd = [ws.git_dir() / "next-index-².lock", ws.git_dir() / "next-index-٣.lock", ws.git_dir() / "next-index-.lock"]
    for lock in odd:
        lock.write_bytes(b"")
    assert [git_leftovers.pid_of(lock) for lock in odd] == [None, None, None]
    assert git_leftovers.pid_of(ws.git_dir() / "next-index-42.lock") == 42
    checked = invoke(ws, "check")
    assert checked.exit_code == 0 and checked.exception is None and "next-index" not in checked.output, checked.output
    (ws.git_dir() / "index.lock").write_bytes(b"")
    repaired = invoke(ws, "check", "--repair")
    assert repaired.exit_code == 0 and repaired.exception is None, repaired.output
    assert not (ws.git_dir() / "index.lock").exists() and all(lock.exists() for lock in odd)


def test_many_temporary_indexes_are_judged_with_one_read_of_proc_and_said_in_one_line(
        tmp_workspace: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """r44 sweep CI F2: each temporary index read /proc's every open file again (1,200 of them: `check` 22.8 s of
    CPU, a plain one 1.3 s), and `check` said each in a line of its own."""
    ws = tmp_workspace
    pids = _dead_pids(8)
    for pid in pids:
        (ws.git_dir() / f"next-index-{pid}.lock").write_bytes(b"")
    reads, read = [], held_files.open_files

    def counted() -> held_files.Held:
        reads.append(1)
        return read()

    monkeypatch.setattr(store_killed, "open_files", counted)
    monkeypatch.setattr(held_files, "open_files", counted)
    assert len(ws.leftover_git_locks()) == 8 and len(reads) == 1
    (ws.git_dir() / "index.lock").write_bytes(b"")
    reads.clear()
    assert ws.remove_abandoned_lock() and len(reads) == 2  # the index lock's, then one for the temporary indexes
    assert not any((ws.git_dir() / f"next-index-{pid}.lock").exists() for pid in pids)
    for pid in pids:
        (ws.git_dir() / f"next-index-{pid}.lock").write_bytes(b"")
    said = " ".join(invoke(ws, "check").output.split())
    assert said.count("next-index-") == 5 and "8 temporary indexes of git's are there" in said, said
    assert "and 3 more; `git commit`s that were stopped left them" in said, said
    repaired = invoke(ws, "check", "--repair").output
    assert repaired.count("next-index-") == 5 and "Removed 8 temporary indexes of git's (" in repaired, repaired
    assert not any((ws.git_dir() / f"next-index-{pid}.lock").exists() for pid in pids)
