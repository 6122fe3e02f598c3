"""git's ref locks in a repository with several worktrees (r31 sweep AS defect 1): the repair removes only the locks
of refs this workspace writes, never one a git running in another worktree holds, and names another checkout's
branch lock as such; the repository's shared folder is read only once the git policy has vouched for it."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace import store_killed
from regdraft.workspace.stopped_writes import git_lock, remove_git_lock
from regdraft.workspace.store import Workspace

from .conftest import Invoke

TAG = "refs/tags/adopted/05-QC-TU"


def git(where: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=where, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def checkouts(mini_workspace: Workspace, tmp_path: Path) -> dict[str, Path]:
    """The mini workspace (`main`, on branch main) and two linked worktrees of its repository (`wt` on branch review,
    `wt2` on branch other), each a workspace of its own."""
    main = mini_workspace.root
    for name, branch in (("wt", "review"), ("wt2", "other")):
        git(main, "worktree", "add", "-q", "-b", branch, str(tmp_path / name))
    return {"main": main, "wt": (tmp_path / "wt").resolve(), "wt2": (tmp_path / "wt2").resolve()}


@contextmanager
def held_ref(where: Path, ref: str) -> Iterator[subprocess.Popen[str]]:
    """A real git in `where` in the middle of updating `ref`: `git update-ref --stdin` has prepared the transaction
    (the lock taken, written and closed, as git leaves it before it renames it into place) and waits for `commit`.
    Started by a shell, so that it is not a child of this process (which `_git_running` leaves out as its own); the
    shell and git are killed at the end whatever happens."""
    sha = git(where, "rev-parse", "HEAD")
    process = subprocess.Popen(["sh", "-c", "git update-ref --stdin; exit $?"], cwd=where, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write(f"start\nupdate {ref} {sha}\nprepare\n")
        process.stdin.flush()
        assert process.stdout.readline().strip() == "start: ok"
        assert process.stdout.readline().strip() == "prepare: ok"
        yield process
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()


def committed(process: subprocess.Popen[str]) -> str:
    """Let the held transaction go on: git's answer to `commit` (its lock, if still there, renamed into place)."""
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("commit\n")
    process.stdin.close()
    return process.stdout.read().strip()


def plant(lock: Path) -> None:
    """The lock a git killed while it held the ref leaves (written a while ago, closed)."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_bytes(b"")
    old = time.time() - 60
    os.utime(lock, (old, old))


@pytest.mark.parametrize(("workspace", "git_in"), [("wt", "main"), ("main", "wt2"), ("wt", "wt2")])
def test_a_lock_a_git_holds_in_another_worktree_is_kept(checkouts: dict[str, Path], workspace: str, git_in: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A git whose folder is another worktree (the main one, or a linked one) was not seen as running: the repair
    removed the adoption tag's lock it held mid-transaction, and the git's commit then failed."""
    monkeypatch.setattr(store_killed, "WAIT_FOR_GIT", 0.0)
    ws = Workspace(checkouts[workspace])
    lock = ws._common_dir() / f"{TAG}.lock"
    with held_ref(checkouts[git_in], TAG) as process:
        assert lock.is_file()
        (problem,) = git_lock(ws)
        assert problem.warning and "is held by a process running now" in problem.message, problem.message
        assert remove_git_lock(ws) == []
        assert lock.is_file()
        assert committed(process) == "commit: ok"
    assert git(checkouts["main"], "rev-parse", "--verify", "-q", TAG) == git(checkouts[git_in], "rev-parse", "HEAD")


def test_only_the_locks_of_refs_this_workspace_writes_are_removed(checkouts: dict[str, Path]) -> None:
    """Left by a git that was stopped, with no git running: another checkout's branch (and HEAD), and a branch no one
    is on, are named as refs this workspace never writes and left; its own branch, HEAD and tags' locks are removed.
    The repair removed every `*.lock` under the shared refs/, and `check` said each made every write fail."""
    ws = Workspace(checkouts["wt"])
    common, own = ws._common_dir(), ws.git_dir()
    others = [common / "refs/heads/main.lock", common / "refs/heads/other.lock", common / "refs/heads/feature.lock",
              common / "HEAD.lock"]
    mine = [common / "refs/heads/review.lock", own / "HEAD.lock", common / f"{TAG}.lock", common / "packed-refs.lock"]
    for lock in others + mine:
        plant(lock)
    said = {problem.source: problem for problem in git_lock(ws)}
    assert sorted(said) == sorted(ws.relative_link(lock) for lock in others + mine)
    for lock in others:
        problem = said[ws.relative_link(lock)]
        assert problem.warning and "this workspace never writes" in problem.message, problem.message
        assert "every write to this workspace fails" not in problem.message, problem.message
    main_branch = said[ws.relative_link(common / "refs/heads/main.lock")].message
    assert f"the branch main, checked out in {checkouts['main']}" in main_branch, main_branch
    for lock in mine:
        assert not said[ws.relative_link(lock)].warning
    removed = remove_git_lock(ws)
    assert len(removed) == len(mine), removed
    assert [lock for lock in others if not lock.exists()] == []
    assert [lock for lock in mine if lock.exists()] == []


def test_the_main_worktree_removes_its_own_branch_lock_and_keeps_a_linked_ones(checkouts: dict[str, Path]) -> None:
    """In the main worktree its HEAD is in the shared folder: its own; a linked worktree's HEAD and branch are not."""
    ws = Workspace(checkouts["main"])
    common = ws._common_dir()
    theirs = [common / "worktrees/wt/HEAD.lock", common / "refs/heads/review.lock"]
    mine = [common / "HEAD.lock", common / "refs/heads/main.lock"]
    for lock in theirs + mine:
        plant(lock)
    assert len(remove_git_lock(ws)) == len(mine)
    assert all(lock.exists() for lock in theirs) and not any(lock.exists() for lock in mine)


def test_a_commondir_naming_another_repository_is_refused_before_its_locks_are_read(
        mini_workspace: Workspace, tmp_path: Path) -> None:
    """The shared folder is read only once `git_policy.refuse_elsewhere` has vouched for it: a fresh workspace object
    (no git run yet) listed another repository's locks through a received `.git/commondir`."""
    other = tmp_path / "other"
    git(tmp_path, "init", "-q", str(other))
    plant(other / ".git/refs/heads/feature.lock")
    (mini_workspace.root / ".git/commondir").write_text("../../other/.git\n", encoding="utf-8")
    ws = Workspace(mini_workspace.root)
    with pytest.raises(StoreError, match="sends git to ../../other/.git, which is not this workspace's own"):
        ws.ref_locks()
    with pytest.raises(StoreError, match="commondir sends git to"):
        remove_git_lock(Workspace(mini_workspace.root))
    assert (other / ".git/refs/heads/feature.lock").is_file()


@pytest.mark.parametrize("workspace", ["main", "wt"])
def test_a_rebase_or_merge_refs_locks_are_removed_only_when_no_git_runs_in_any_worktree(
        checkouts: dict[str, Path], workspace: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """REBASE_HEAD.lock and AUTO_MERGE.lock (git writes both in a rebase or a merge) follow ORIG_HEAD.lock's rules:
    named by `check`, removed by the repair once no git runs in any worktree of the repository. They were not named,
    and never removed."""
    monkeypatch.setattr(store_killed, "WAIT_FOR_GIT", 0.0)
    ws = Workspace(checkouts[workspace])
    locks = [ws.git_dir() / name for name in ("REBASE_HEAD.lock", "AUTO_MERGE.lock")]
    for lock in locks:
        plant(lock)
    with held_ref(checkouts["wt2"], TAG) as process:
        said = {problem.source: problem for problem in git_lock(ws)}
        for lock in locks:
            problem = said[ws.relative_link(lock)]
            assert problem.warning and "is held by a process running now" in problem.message, problem.message
        assert remove_git_lock(ws) == []
        assert all(lock.is_file() for lock in locks)
        assert committed(process) == "commit: ok"
    said = {problem.source: problem for problem in git_lock(ws)}
    assert all(not said[ws.relative_link(lock)].warning for lock in locks)
    assert len(remove_git_lock(ws)) == len(locks)
    assert not any(lock.exists() for lock in locks)


def _left_out_worktree(root: Path, gitdir: str) -> None:
    """A linked worktree `x` whose `gitdir` names no path: holding a NUL byte, through a link looping on itself (put
    outside the workspace, whose own files `check` reads), or empty."""
    folder = root / ".git/worktrees/x"
    folder.mkdir(parents=True)
    (folder / "HEAD").write_text("ref: refs/heads/other\n", encoding="utf-8")
    if gitdir == "nul":
        (folder / "gitdir").write_bytes(b"gitdir\x00/etc/x\n")
    elif gitdir == "loop":
        (root.parent / "loop").symlink_to("loop")
        (folder / "gitdir").write_text(f"{root.parent / 'loop' / '.git'}\n", encoding="utf-8")
    else:
        (folder / "gitdir").write_bytes(b"")


@pytest.mark.parametrize("gitdir", ["nul", "loop"])
def test_a_worktree_naming_no_path_is_left_out_and_the_lock_is_still_named_and_removed(
        mini_workspace: Workspace, gitdir: str) -> None:
    """A received `.git/worktrees/x/gitdir` holding a NUL byte, or naming a path through a link looping on itself,
    stopped `check`, `check --repair` and every write with a traceback while a ref lock was left (r32 sweep AW F3)."""
    root = mini_workspace.root
    _left_out_worktree(root, gitdir)
    lock = root / ".git/refs/heads/main.lock"
    plant(lock)
    ws = Workspace(root)
    (problem, left_out) = git_lock(ws)
    assert "refs/heads/main.lock" in str(problem) and not problem.warning
    assert left_out.source == ".git/worktrees/x/gitdir" and left_out.warning
    assert len(remove_git_lock(Workspace(root))) == 1 and not lock.exists()


def test_the_locks_of_a_stopped_rebase_or_merges_refs_say_what_they_block(
        mini_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """REBASE_HEAD.lock and AUTO_MERGE.lock block only what git writes when a rebase or merge stops on a conflict;
    `check` said "every write to this workspace fails" of them, and the repair "writes work again". A commit goes on
    beside them; ORIG_HEAD.lock is still said to stop every write."""
    monkeypatch.setattr(store_killed, "WAIT_FOR_GIT", 0.0)
    ws = mini_workspace
    rebase, merge, orig = (ws.git_dir() / name for name in ("REBASE_HEAD.lock", "AUTO_MERGE.lock", "ORIG_HEAD.lock"))
    for lock in (rebase, merge, orig):
        plant(lock)
    said = {problem.source: problem.message for problem in git_lock(ws)}
    rebase_said, merge_said = said[ws.relative_link(rebase)], said[ws.relative_link(merge)]
    assert rebase_said.startswith(
        "Git's lock .git/REBASE_HEAD.lock is there and no git process holds it (a git that was stopped left it): "
        "writes go on, but a `")
    assert ("whose rebase stops on a conflict cannot record the commit it stopped at (git's REBASE_HEAD), and git "
            "reports an error at the end of every rebase, until `") in rebase_said
    assert merge_said.startswith(
        "Git's lock .git/AUTO_MERGE.lock is there and no git process holds it (a git that was stopped left it): "
        "writes go on, but a `")
    assert ("whose merge or rebase meets a conflict fails with a recent git, which cannot record its merge of the "
            "conflicting files (git's AUTO_MERGE), until `") in merge_said
    assert "every write" not in rebase_said + merge_said
    assert "so every write to this workspace fails" in said[ws.relative_link(orig)]
    ws.commit({"notes.md": "Ghi chú\n".encode()}, "A write beside the locks")
    assert ws.read("notes.md") == "Ghi chú\n".encode()
    repaired = remove_git_lock(ws)
    assert sorted(repaired) == sorted([
        "Removed .git/REBASE_HEAD.lock, a lock of git's, which a git that was stopped had left: a sync's rebase can "
        "record the commit it stops at again.",
        "Removed .git/AUTO_MERGE.lock, a lock of git's, which a git that was stopped had left: a sync's merge or "
        "rebase can record a conflict again.",
        "Removed .git/ORIG_HEAD.lock, a lock of git's, which a git that was stopped had left: writes work again."])


@pytest.mark.parametrize(("gitdir", "why"), [
    ("nul", "it holds a NUL byte"), ("loop", "the path it names cannot be followed (a link on it loops)"),
    ("empty", "it is empty")])
def test_check_names_a_worktree_left_out_for_naming_no_path(mini_workspace: Workspace, invoke: Invoke, gitdir: str,
                                                            why: str) -> None:
    """Such a worktree was left out without a word, though a git running in it goes unseen when a lock is judged."""
    root = mini_workspace.root
    _left_out_worktree(root, gitdir)
    (problem,) = git_lock(Workspace(root))
    assert (problem.source, problem.warning) == (".git/worktrees/x/gitdir", True)
    assert problem.message.startswith(f"This file names no checkout ({why}), so git's linked worktree 'x' is left "
                                      "out: a git running in it would not be seen when `"), problem.message
    result = invoke(root, "check")
    said = " ".join(result.output.split())
    assert "Traceback" not in said and f".git/worktrees/x/gitdir: warning: This file names no checkout ({why})" in said
    assert "git worktree prune` removes the worktree" in said, said
