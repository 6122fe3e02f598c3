"""git's ref locks a killed `git tag` or `git commit` leaves are cleared by the repair when no process holds them,
and the write is finished; a held one is named as safe to delete once nothing runs (r30 sweep AQ defect 1)."""

from __future__ import annotations

import os
import time

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_repair_edits import git, regdraft

ADOPT = ("amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-10-20", "--effective", "2025-11-01", "--force",
         "--reason", "test: a ref lock left by a killed git")
TAG_LOCK = ".git/refs/tags/adopted/05-QC-TU.lock"


def plant(ws: Workspace, relative: str) -> None:
    """The lock file a git killed while it held the ref leaves (written a while ago, closed)."""
    lock = ws.root / relative
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_bytes(b"")
    old = time.time() - 60
    os.utime(lock, (old, old))


@pytest.mark.parametrize("finish", [("check", "--repair"), ("amend", "adopt", "qc-sua-doi-2025", "--resume")])
def test_an_adoption_killed_inside_git_tag_is_finished_over_the_tag_lock(tmp_workspace: Workspace, invoke: Invoke,
                                                                        finish: tuple[str, ...]) -> None:
    """`check --repair` and `amend adopt --resume` failed for ever on git's "remove the file manually". (Killed in a
    process of its own; what follows runs in this one, an exception failing the test: it reads what was left.)"""
    ws = tmp_workspace
    killed = regdraft(ws, *ADOPT, REGDRAFT_TEST_STOP_AT="committed")
    assert killed.returncode == 137, killed.stderr
    plant(ws, TAG_LOCK)
    done = invoke(ws, *finish, catch=False)
    said = " ".join((done.stdout + done.stderr).split())
    assert done.exit_code == 0, said
    assert "remove the file manually" not in said
    assert git(ws, "tag", "--list", "adopted/*").strip() == "adopted/05-QC-TU"
    assert git(ws, "rev-parse", "adopted/05-QC-TU^{commit}") == git(ws, "rev-parse", "HEAD")
    assert not (ws.root / TAG_LOCK).exists() and not ws.journal.exists()
    added = invoke(ws, "check", catch=False)
    assert "05-QC-TU.lock" not in added.stdout, added.stdout


def test_a_comment_killed_inside_git_commit_is_finished_over_the_branch_lock(consulting_workspace: Workspace,
                                                                            invoke: Invoke) -> None:
    """A `comment add` killed after git took refs/heads/<branch>.lock: the repair failed with "cannot lock ref".
    (The check and the repair in this process: they read what the kill left on disk.)"""
    ws = consulting_workspace
    killed = regdraft(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1", "--text", "Ý kiến bị ngắt.",
                      REGDRAFT_TEST_STOP_AT="file-written")
    assert killed.returncode == 137, killed.stderr
    (path,) = ws.journal.read().changes
    branch = git(ws, "symbolic-ref", "--short", "HEAD").strip()
    plant(ws, f".git/refs/heads/{branch}.lock")
    plant(ws, ".git/HEAD.lock")
    checked = invoke(ws, "check", catch=False)
    assert f".git/refs/heads/{branch}.lock" in checked.stdout, checked.stdout
    done = invoke(ws, "check", "--repair", catch=False)
    assert done.exit_code == 0, done.stdout + done.stderr
    assert "Finished the interrupted write 'Comment " in done.stdout, done.stdout
    assert path in git(ws, "show", "--name-only", "--format=", "HEAD")
    assert git(ws, "status", "--porcelain") == ""
    assert not (ws.root / f".git/refs/heads/{branch}.lock").exists() and not (ws.root / ".git/HEAD.lock").exists()


def test_a_stale_ref_lock_without_a_journal_is_named_and_removed(consulting_workspace: Workspace,
                                                                invoke: Invoke) -> None:
    """A git killed outside regdraft (`git tag -a` in a terminal) left a tag lock: `check` names it, the repair
    removes it, and a write failing on a branch lock says so in a sentence, not in git's words. (Each command in
    this process, an exception failing the test: no process is stopped here.)"""
    ws = consulting_workspace
    branch = git(ws, "symbolic-ref", "--short", "HEAD").strip()
    plant(ws, f".git/refs/heads/{branch}.lock")
    failed = invoke(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1", "--text", "x", catch=False)
    said = " ".join(failed.stderr.split())
    assert failed.exit_code == 1 and "remove the file manually" not in said, said
    assert (f"git's lock .git/refs/heads/{branch}.lock is there and no git process holds it" in said
            and "`regdraft check --repair` removes it" in said), said
    repaired = invoke(ws, "check", "--repair", catch=False)
    assert repaired.exit_code == 0, repaired.stdout + repaired.stderr
    assert f"Removed .git/refs/heads/{branch}.lock, " in repaired.stdout, repaired.stdout
    added = invoke(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1", "--text", "x", catch=False)
    assert added.exit_code == 0, added.stderr


def test_a_ref_lock_a_process_holds_is_left_and_named_as_safe_once_nothing_runs(tmp_workspace: Workspace) -> None:
    """Never removed while a process holds it open; the failure names the file and when deleting it is safe."""
    ws = tmp_workspace
    killed = regdraft(ws, *ADOPT, REGDRAFT_TEST_STOP_AT="committed")
    assert killed.returncode == 137, killed.stderr
    plant(ws, TAG_LOCK)
    lock = ws.root / TAG_LOCK
    with lock.open("rb"):  # held open, as a running git holds it
        refused = regdraft(ws, "check", "--repair")  # waits WAIT_FOR_GIT for it
    said = " ".join(refused.stderr.split())
    assert refused.returncode == 1 and "Traceback" not in said, refused.stdout + said
    assert lock.exists() and ws.journal.exists() and git(ws, "tag", "--list", "adopted/*") == ""
    assert (f"{TAG_LOCK} is held by a process running now; it is safe to delete it once no other regdraft or "
            "git command is running" in said), said


OPERATION_LOCKS = (".git/REBASE_HEAD.lock", ".git/AUTO_MERGE.lock")  # git writes both in a rebase or a merge


@pytest.mark.parametrize("finish", [("check", "--repair"), ("amend", "adopt", "qc-sua-doi-2025", "--resume")])
def test_the_locks_of_refs_a_rebase_or_merge_writes_are_removed_as_orig_heads_are(tmp_workspace: Workspace,
                                                                                   invoke: Invoke,
                                                                                   finish: tuple[str, ...]) -> None:
    """A git killed in a sync's rebase or merge leaves REBASE_HEAD.lock or AUTO_MERGE.lock: `check` did not name
    them and neither the repair nor `amend adopt --resume` removed them (ORIG_HEAD's and MERGE_HEAD's were). (The
    adoption is killed in a process of its own; the check and the finish run in this one.)"""
    ws = tmp_workspace
    for lock in OPERATION_LOCKS:
        plant(ws, lock)
    checked = invoke(ws, "check", catch=False)
    for lock in OPERATION_LOCKS:
        assert f"Git's lock {lock} is there and no git process holds it" in " ".join(checked.stdout.split()), \
            checked.stdout
    killed = regdraft(ws, *ADOPT, REGDRAFT_TEST_STOP_AT="committed")
    assert killed.returncode == 137, killed.stderr
    done = invoke(ws, *finish, catch=False)
    assert done.exit_code == 0, done.stdout + done.stderr
    assert [lock for lock in OPERATION_LOCKS if (ws.root / lock).exists()] == []
    assert git(ws, "tag", "--list", "adopted/*").strip() == "adopted/05-QC-TU"
