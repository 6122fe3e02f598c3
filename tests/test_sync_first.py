"""`sync` in a workspace with no commit yet takes the remote's work, as a first clone does (r37's note): `git init`, a
`regdraft.yaml`, `git remote add origin URL` and `regdraft sync` said "The branch main … has no commits yet; commit the
workspace first (`regdraft init` does)", which `init` refuses there. Now it takes the remote's when nothing of yours
would be overwritten, and refuses, naming the files and changing nothing, when something would."""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def _git(where: Path, *args: str, ok: bool = True) -> str:
    done = subprocess.run(["git", *args], cwd=where, capture_output=True, text=True, check=ok)
    return done.stdout


def _remote(origin: Workspace, tmp_path: Path) -> Path:
    remote = tmp_path / "office.git"
    _git(tmp_path, "clone", "-q", "--bare", str(origin.root), str(remote))
    return remote


def _fresh(tmp_path: Path, remote: Path, config: bytes, branch: str = "main") -> Path:
    """A folder given `git init`, a `regdraft.yaml` holding `config` and the shared remote, never committed."""
    here = tmp_path / "minh"
    _git(tmp_path, "init", "-q", "-b", branch, str(here))
    _git(here, "remote", "add", "origin", str(remote))
    (here / "regdraft.yaml").write_bytes(config)
    return here


def _state(where: Path) -> tuple[object, ...]:
    git_dir = where / ".git"
    # regdraft's files in .git, the workspace lock aside (every write takes it, and leaves the empty file)
    ours = sorted(str(p.relative_to(git_dir)) for p in (git_dir / "regdraft").rglob("*") if p.name != "lock") \
        if (git_dir / "regdraft").exists() else []
    return (_git(where, "for-each-ref", "refs/heads", "refs/tags"), (git_dir / "HEAD").read_bytes(),
            (git_dir / "index").read_bytes() if (git_dir / "index").exists() else None, ours,
            _git(where, "status", "--porcelain", "--untracked-files=all"),
            {p.name: p.read_bytes() for p in where.iterdir() if p.is_file()})


def test_a_workspace_with_no_commit_takes_the_remotes_work_keeping_its_own_files(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    remote = _remote(tmp_workspace, tmp_path)
    here = _fresh(tmp_path, remote, (tmp_workspace.root / "regdraft.yaml").read_bytes(), branch="trunk")
    (here / "ghi-chu.txt").write_text("ghi chú của Minh\n", encoding="utf-8")
    (here / "nhap.md").write_text("bản nháp\n", encoding="utf-8")
    _git(here, "add", "nhap.md")  # staged, never committed
    synced = invoke(here, "sync")
    assert synced.exit_code == 0, synced.output
    said = " ".join(synced.output.split())
    assert "has no commits yet" not in said
    assert ("This workspace had no commit yet: it took the work of origin's main, as a first clone does; your files "
            "that were never committed are kept as they were.") in said, said
    shared = _git(remote, "rev-parse", "main").strip()
    assert _git(here, "rev-parse", "HEAD").strip() == shared
    assert _git(here, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert _git(here, "config", "branch.main.remote").strip() == "origin"
    assert _git(here, "status", "--porcelain").splitlines() == ["A  nhap.md", "?? ghi-chu.txt"]
    assert (here / "regulations" / "01-QC-TU.md").read_bytes() == (tmp_workspace.root / "regulations" /
                                                                   "01-QC-TU.md").read_bytes()
    # A sync as any other from then on: a commit of Minh's goes out.
    _git(here, "-c", "user.name=Minh", "-c", "user.email=minh@tinhuy.example", "commit", "-qm", "Bản nháp")
    assert invoke(here, "sync").exit_code == 0
    assert _git(remote, "rev-parse", "main").strip() == _git(here, "rev-parse", "HEAD").strip() != shared


def test_files_the_remotes_work_would_overwrite_are_named_and_nothing_is_changed(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    remote = _remote(tmp_workspace, tmp_path)
    here = _fresh(tmp_path, remote, b"profile: org\n")
    (here / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    _git(here, "add", ".gitignore")
    before, shared = _state(here), _git(remote, "for-each-ref")
    refused = invoke(here, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert said == (
        "Error: Refusing to sync: this workspace has no commit yet, and taking the work of origin (as a first clone "
        "does) would overwrite .gitignore, regdraft.yaml, never committed here and different there (or a file where "
        "origin has a folder). Compare yours with origin's (`git show origin/main:.gitignore`), keep a copy of yours "
        "elsewhere if you need it, then take origin's with `git checkout origin/main -- .gitignore` (or move yours "
        "aside) and run `regdraft sync` again. Nothing was changed."), said
    assert _state(here) == before and _git(remote, "for-each-ref") == shared
    # Done as it says, the sync takes the remote's work.
    for name in (".gitignore", "regdraft.yaml"):
        _git(here, "checkout", "origin/main", "--", name)
    assert invoke(here, "sync").exit_code == 0
    assert _git(here, "rev-parse", "HEAD") == _git(remote, "rev-parse", "main")
    assert _git(here, "status", "--porcelain") == ""


def test_no_work_on_either_side_is_said_so(tmp_path: Path, invoke: Invoke) -> None:
    remote = tmp_path / "office.git"
    _git(tmp_path, "init", "-q", "--bare", str(remote))
    here = _fresh(tmp_path, remote, b"profile: org\n")
    before = _state(here)
    refused = invoke(here, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert said == (
        "Error: Neither this workspace nor origin has any work yet (no commit here, no main branch there), so there is "
        "nothing to sync. Record your files first (`git add -A`, then `git commit -m MESSAGE`), then run `regdraft "
        "sync` to share them. Nothing was changed."), said
    assert _state(here) == before


def test_a_file_of_the_same_text_with_crlf_line_ends_under_autocrlf_is_no_obstacle(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # Git for Windows sets core.autocrlf=true: Minh's regdraft.yaml, the office's text with CRLF line ends, is
    # recorded as the office's; it was refused as different.
    remote = _remote(tmp_workspace, tmp_path)
    config = (tmp_workspace.root / "regdraft.yaml").read_bytes()
    here = _fresh(tmp_path, remote, config.replace(b"\n", b"\r\n"))
    _git(here, "config", "core.autocrlf", "true")
    synced = invoke(here, "sync")
    assert synced.exit_code == 0, synced.output
    assert _git(here, "rev-parse", "HEAD").strip() == _git(remote, "rev-parse", "main").strip()
    assert (here / "regdraft.yaml").read_bytes() == config.replace(b"\n", b"\r\n")  # left as it was
    assert _git(here, "status", "--porcelain") == ""
    # Without autocrlf the CRLF file is other contents, as git would record it so: refused, as before.
    there = tmp_path / "lan"
    _git(tmp_path, "init", "-q", "-b", "main", str(there))
    _git(there, "remote", "add", "origin", str(remote))
    _git(there, "config", "core.autocrlf", "false")
    (there / "regdraft.yaml").write_bytes(config.replace(b"\n", b"\r\n"))
    refused = invoke(there, "sync")
    assert refused.exit_code == 1 and "would overwrite regdraft.yaml" in refused.output, refused.output


def _killed_sync(here: Path, point: str) -> None:
    """`regdraft sync` in its own process, ended as by `kill -9` at `point`."""
    import os
    import sys

    killed = subprocess.run([sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C", str(here)],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "REGDRAFT_TEST_STOP_AT": point})
    assert killed.returncode == 137, killed.stderr


def test_a_first_sync_killed_half_way_is_named_by_the_next_command_and_finished_by_sync(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    remote = _remote(tmp_workspace, tmp_path)
    here = _fresh(tmp_path, remote, (tmp_workspace.root / "regdraft.yaml").read_bytes())
    (here / "ghi-chu.txt").write_text("ghi chú của Minh\n", encoding="utf-8")
    _killed_sync(here, "first-written")
    assert (here / "regulations" / "01-QC-TU.md").is_file() and _git(here, "rev-parse", "-q", "--verify", "HEAD",
                                                                     ok=False) == ""
    # Every other command says what happened and what to do; it read the half-written workspace as if whole.
    for command in (("check",), ("show", "01-QC/TU")):
        refused = invoke(here, *command)
        said = " ".join(refused.output.split())
        assert refused.exit_code == 1, refused.output
        assert ("A first sync was interrupted while it took the shared remote's work into this workspace, which has "
                "no commit yet") in said and "Run `regdraft sync` to finish it" in said, said
    synced = invoke(here, "sync")
    assert synced.exit_code == 0, synced.output
    assert "Finished the sync that was interrupted" in synced.output
    assert _git(here, "rev-parse", "HEAD").strip() == _git(remote, "rev-parse", "main").strip()
    assert _git(here, "status", "--porcelain").splitlines() == ["?? ghi-chu.txt"]
    assert invoke(here, "check").exit_code == 0


def test_a_first_sync_killed_half_way_is_undone_by_sync_abort(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    remote = _remote(tmp_workspace, tmp_path)
    here = _fresh(tmp_path, remote, (tmp_workspace.root / "regdraft.yaml").read_bytes())
    (here / "nhap.md").write_text("bản nháp\n", encoding="utf-8")
    _git(here, "add", "nhap.md")
    before = _state(here)
    _killed_sync(here, "first-written")
    assert _state(here) != before
    undone = invoke(here, "sync", "--abort")
    assert undone.exit_code == 0, undone.output
    assert "The interrupted first sync was undone" in undone.output
    assert _state(here) == before
    assert not (here / "regulations" / "01-QC-TU.md").exists()


def test_a_first_sync_killed_once_the_branch_was_taken_is_said_by_the_next_sync(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    remote = _remote(tmp_workspace, tmp_path)
    here = _fresh(tmp_path, remote, (tmp_workspace.root / "regdraft.yaml").read_bytes())
    _killed_sync(here, "first-taken")
    assert _git(here, "rev-parse", "HEAD").strip() == _git(remote, "rev-parse", "main").strip()
    synced = invoke(here, "sync")
    said = " ".join(synced.output.split())
    assert synced.exit_code == 0, synced.output
    assert "The interrupted sync had brought in from origin: " in said, said
    again = invoke(here, "sync")
    assert "interrupted" not in again.output, again.output
