"""A first sync from a remote whose commit no workspace may hold (r39 sweep BX F2, F5), built with git's plumbing as a
crafted push would be: two entries named `amendments/x` (a link pointing out of the workspace and a folder) crashed
the sync in its own rollback (`Error: cannot access …/amendments/x: Is a directory`) and left the remote's files half
written; a `.git/hooks/…`, `.GIT/…` or `..` path gave git's raw "invalid path" error. Each is refused now, naming the
commit and the path, before anything is written; and a checkout failing half way takes away exactly what it wrote."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from regdraft.workspace.first_tree import fit_path, remove_written, written_folders
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_first import FirstSync
from tests.conftest import Invoke
from tests.test_sync_first import _killed_sync


def _git(where: Path, *args: str, given: bytes | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=where, capture_output=True, input=given, check=True)
    return done.stdout.decode("utf-8")


def _blob(remote: Path, data: bytes) -> str:
    return _git(remote, "hash-object", "-w", "--stdin", given=data).strip()


def _tree(remote: Path, entries: list[tuple[str, str, str, str]]) -> str:
    """A tree of `entries` (mode, kind, id, name) as given, duplicates and all (`git mktree` checks no name)."""
    listing = "".join(f"{mode} {kind} {sha}\t{name}\0" for mode, kind, sha, name in entries)
    return _git(remote, "mktree", "-z", given=listing.encode("utf-8")).strip()


def _entries(remote: Path, tree: str) -> list[tuple[str, str, str, str]]:
    found = []
    for entry in _git(remote, "ls-tree", "-z", tree).split("\0"):
        if entry:
            info, name = entry.split("\t", 1)
            mode, kind, sha = info.split()
            found.append((mode, kind, sha, name))
    return found


def _crafted(origin: Workspace, tmp_path: Path, extra: Callable[[Path], list[tuple[str, str, str, str]]],
             within: str = "") -> tuple[Path, str]:
    """A bare remote whose main is the workspace's commit with the entries `extra` writes into the remote added to
    its root tree (or to its folder `within`), and that commit's id."""
    remote = tmp_path / "office.git"
    _git(tmp_path, "clone", "-q", "--bare", str(origin.root), str(remote))
    root = _entries(remote, "main^{tree}")
    if within:
        inner = next(sha for mode, kind, sha, name in root if name == within)
        folder = _tree(remote, _entries(remote, inner) + extra(remote))
        tree = _tree(remote, [e if e[3] != within else (e[0], e[1], folder, within) for e in root])
    else:
        tree = _tree(remote, root + extra(remote))
    commit = _git(remote, "-c", "user.name=X", "-c", "user.email=x@example.org", "commit-tree", tree, "-p", "main",
                  "-m", "crafted").strip()
    _git(remote, "update-ref", "refs/heads/main", commit)
    return remote, commit


def _fresh(tmp_path: Path, remote: Path, config: bytes) -> Path:
    here = tmp_path / "minh"
    _git(tmp_path, "init", "-q", "-b", "main", str(here))
    _git(here, "remote", "add", "origin", str(remote))
    (here / "regdraft.yaml").write_bytes(config)
    (here / "nhap.md").write_text("bản nháp\n", encoding="utf-8")
    _git(here, "add", "nhap.md")  # staged, never committed
    (here / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    return here


def _files(where: Path) -> dict[str, object]:
    """Every file (its bytes), link (its target) and folder under `where`, git's own folder aside."""
    found: dict[str, object] = {}
    for folder, names, files in os.walk(where):
        names[:] = [n for n in names if not (folder == str(where) and n == ".git")]
        for name in names + files:
            path = Path(folder) / name
            relative = str(path.relative_to(where))
            found[relative] = os.readlink(path) if path.is_symlink() else None if path.is_dir() else path.read_bytes()
    return found


def _state(where: Path) -> tuple[object, ...]:
    """The workspace's files, links and folders, the index, HEAD, the branches and tags, and the index files."""
    git_dir = where / ".git"
    index = git_dir / "index"
    return (_files(where), index.read_bytes() if index.exists() else None, (git_dir / "HEAD").read_bytes(),
            _git(where, "for-each-ref", "refs/heads", "refs/tags"),
            sorted(p.name for p in git_dir.iterdir() if p.name.startswith("index")))


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret\n", encoding="utf-8")
    return outside


def _link_and_folder(origin: Workspace, tmp_path: Path) -> tuple[Path, str, Path]:
    """The remote of BX F2: `amendments/x` a link out of the workspace, and `amendments/x` a folder holding pwn.md."""
    outside = _outside(tmp_path)

    def both(remote: Path) -> list[tuple[str, str, str, str]]:
        folder = _tree(remote, [("100644", "blob", _blob(remote, b"pwn\n"), "pwn.md")])
        return [("120000", "blob", _blob(remote, str(outside).encode("utf-8")), "x"), ("040000", "tree", folder, "x")]

    remote, commit = _crafted(origin, tmp_path, both, within="amendments")
    return remote, commit, outside


def test_two_entries_under_one_name_are_refused_before_anything_is_written(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    remote, commit, outside = _link_and_folder(tmp_workspace, tmp_path)
    here = _fresh(tmp_path, remote, (tmp_workspace.root / "regdraft.yaml").read_bytes())
    before, secret = _state(here), _files(outside)
    refused = invoke(here, "sync")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1, refused.output
    assert said == (
        f"Error: Refusing to sync: this workspace has no commit yet, and origin's main (commit {commit[:8]}) holds two "
        "entries named amendments/x (a link and a folder), which no workspace can hold side by side. Nothing was "
        "changed. Ask whoever sent that commit to origin to take it back (`git log origin/main` says who), then run "
        "`regdraft sync` again."), said
    assert _state(here) == before and _files(outside) == secret


def test_a_checkout_failing_half_way_takes_away_exactly_what_it_wrote(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    # Were the tree not looked at first, git fails the checkout of BX F2's commit after writing amendments/x/pwn.md
    # (a folder where the link was to be): the rollback crashed on that folder, and left the remote's files and the
    # folders it had made.
    remote, _, outside = _link_and_folder(tmp_workspace, tmp_path)
    here = _fresh(tmp_path, remote, (tmp_workspace.root / "regdraft.yaml").read_bytes())
    (here / "amendments").mkdir()  # a folder of yours, empty, is kept
    before, secret = _state(here), _files(outside)
    monkeypatch.setattr(FirstSync, "refuse_unfit", lambda *args: None, raising=False)
    failed = invoke(here, "sync")
    said = " ".join(failed.output.split())
    assert failed.exit_code == 1, failed.output
    assert "git checkout-index failed" in said and "Is a directory" not in said, said
    assert "could not all be taken away" not in said, said
    assert _state(here) == before and _files(outside) == secret


@pytest.mark.parametrize("folder", [".git", ".GIT", ".."])
def test_a_path_no_workspace_may_hold_is_named_with_the_commit(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke, folder: str) -> None:
    def unfit(remote: Path) -> list[tuple[str, str, str, str]]:
        hook = _blob(remote, b"#!/bin/sh\ntouch PWNED\n")
        if folder == "..":
            return [("040000", "tree", _tree(remote, [("100644", "blob", hook, "escape")]), folder)]
        hooks = _tree(remote, [("100755", "blob", hook, "post-checkout")])
        return [("040000", "tree", _tree(remote, [("040000", "tree", hooks, "hooks")]), folder)]

    remote, commit = _crafted(tmp_workspace, tmp_path, unfit)
    path = "../escape" if folder == ".." else f"{folder}/hooks/post-checkout"
    here = _fresh(tmp_path, remote, (tmp_workspace.root / "regdraft.yaml").read_bytes())
    before = _state(here)
    refused = invoke(here, "sync")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1, refused.output
    assert said == (
        f"Error: Refusing to sync: this workspace has no commit yet, and origin's main (commit {commit[:8]}) holds the "
        f"path {path}, which no workspace may hold (git keeps its own files under `.git`, and `.` and `..` name no "
        "file). Nothing was changed. Ask whoever sent that commit to origin to take it back (`git log origin/main` "
        "says who), then run `regdraft sync` again."), said
    assert _state(here) == before
    assert not (tmp_path / "escape").exists() and not (here / ".git" / "hooks" / "post-checkout").exists()


def test_a_path_is_unfit_exactly_where_git_refuses_it(tmp_path: Path) -> None:
    repo = tmp_path / "r.git"
    _git(tmp_path, "init", "-q", "--bare", str(repo))
    blob = _blob(repo, b"x\n")
    for name in (".git", ".GIT", ".Git", ".git.", ".git ", ".git::$INDEX_ALLOCATION", "git~1", "GIT~1", ".", "..",
                 ".gitignore", ".github", "git", "x.git", "a\\b", "a:b", "x.", "Điều 1.md"):
        tree = _tree(repo, [("100644", "blob", blob, name)])
        read = subprocess.run(["git", "read-tree", tree], cwd=repo, capture_output=True, check=False,
                              env={**os.environ, "GIT_INDEX_FILE": str(tmp_path / "index")})
        assert fit_path(name) == (read.returncode == 0), name


def test_the_rollback_removes_only_what_was_written_and_never_through_a_link(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    root = tmp_path / "ws"
    (root / "kept").mkdir(parents=True)  # there before: kept, though empty
    (root / "a").symlink_to(outside)  # a link on the way: nothing is reached through it
    folders = written_folders(root, ["kept/new.md", "b/c/d.md", "b/e.md", "a/secret.txt"])
    assert folders == ["b/c", "b"]
    (root / "kept" / "new.md").write_text("new\n", encoding="utf-8")
    (root / "b" / "c").mkdir(parents=True)
    (root / "b" / "c" / "d.md").symlink_to(outside / "secret.txt")
    (root / "b" / "e.md").mkdir()  # a folder git made where a file was to be
    left = remove_written(root, ["kept/new.md", "b/c/d.md", "b/e.md", "a/secret.txt", "never/written.md"], folders)
    assert left == ["a/secret.txt"]
    assert _files(root) == {"kept": None, "a": str(outside)}
    assert _files(outside) == {"secret.txt": b"secret\n"}


def test_a_first_sync_killed_half_way_takes_away_its_links_and_folders_too(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # `sync --abort` (and the next sync, before taking the work again) removed only the plain files it had written:
    # the remote's links stayed, so the next sync refused them as yours "in the way", and its folders stayed empty.
    def linked(remote: Path) -> list[tuple[str, str, str, str]]:
        return [("120000", "blob", _blob(remote, b"01-QC-TU.md"), "lien-ket.md")]

    remote, _ = _crafted(tmp_workspace, tmp_path, linked, within="regulations")
    here = _fresh(tmp_path, remote, (tmp_workspace.root / "regdraft.yaml").read_bytes())
    before = _state(here)
    _killed_sync(here, "first-written")
    assert (here / "regulations" / "lien-ket.md").is_symlink()
    undone = invoke(here, "sync", "--abort")
    assert undone.exit_code == 0, undone.output
    assert _state(here) == before
    _killed_sync(here, "first-written")
    synced = invoke(here, "sync")
    assert synced.exit_code == 0, synced.output
    assert os.readlink(here / "regulations" / "lien-ket.md") == "01-QC-TU.md"
    assert _git(here, "status", "--porcelain").splitlines() == ["A  nhap.md", "?? ghi-chu.txt"]
