"""A git repository nested in a received workspace runs nothing (docs/security.md, "Nothing in a workspace runs
code"): a submodule's own `.git/config` (or `.git/modules/NAME/config`, absorbed) named a filter, and `git status`
over the folder holding it ran it on `sync` and on every redline page of the review server.

Each workspace is built by a sender, then copied as a receiver gets it (a copy of the folder, `.git` included: the
stat data in the index no longer matches, so git hashes the files again, through the filter).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from regdraft.workspace import git_nested
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

NESTED = "amendments/notes"


def git(where: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=U", "-c", "user.email=u@x", *args], cwd=where, check=True,
                          capture_output=True, text=True).stdout


def received(tmp_path: Path, invoke: Invoke, absorbed: bool = False) -> tuple[Path, Path]:
    """A shared workspace whose sender committed a repository nested at amendments/notes (a submodule) whose own
    settings name a filter, as copied to a receiver; and the file that filter would make."""
    marker = tmp_path / "PWNED"
    remote = tmp_path / "office.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    sender = tmp_path / "sender"
    assert invoke(None, "init", "--example", str(sender), "--remote", str(remote)).exit_code == 0
    nested = sender / NESTED
    nested.mkdir()
    git(nested, "init", "-q")
    (nested / ".gitattributes").write_text("* filter=x\n", encoding="utf-8")
    (nested / "a.txt").write_text("hi\n", encoding="utf-8")
    git(nested, "add", ".")
    git(nested, "commit", "-q", "-m", "notes")
    git(nested, "config", "filter.x.clean", f"sh -c 'touch {marker}; cat'")
    git(sender, "add", NESTED)
    if absorbed:  # its settings move to .git/modules/notes/config, `ignore = none` undoes diff.ignoreSubmodules
        (sender / ".gitmodules").write_text(f'[submodule "notes"]\n\tpath = {NESTED}\n\turl = ./notes\n'
                                            "\tignore = none\n", encoding="utf-8")
        git(sender, "add", ".gitmodules")
        git(sender, "submodule", "absorbgitdirs")
        assert (sender / ".git/modules/notes/config").is_file()
    git(sender, "commit", "-q", "-m", "Notes")
    git(sender, "push", "-q", "origin", "HEAD:main")
    receiver = tmp_path / "receiver"
    shutil.copytree(sender, receiver, symlinks=True)
    marker.unlink(missing_ok=True)  # the sender's own git ran it
    return receiver, marker


def test_sync_refuses_a_nested_repository_and_runs_nothing(tmp_path: Path, invoke: Invoke) -> None:
    ws, marker = received(tmp_path, invoke)
    result = invoke(ws, "sync")
    assert result.exit_code == 1, result.output
    assert f"{NESTED} is another git repository nested in this workspace" in result.output
    assert f"`rm -rf {NESTED}/.git`" in result.output and f"`git rm -q --cached -f {NESTED}`" in result.output
    assert not marker.exists()
    # What the message says to do, done: the workspace works again, and still nothing ran.
    shutil.rmtree(ws / NESTED / ".git")
    git(ws, "rm", "-q", "--cached", "-f", NESTED)
    git(ws, "commit", "-q", "-m", "No submodule")
    assert invoke(ws, "sync").exit_code == 0
    assert not marker.exists()


def test_an_absorbed_submodule_in_the_git_folder_is_refused(tmp_path: Path, invoke: Invoke) -> None:
    ws, marker = received(tmp_path, invoke, absorbed=True)
    for args in (("sync",), ("check",), ("list",)):
        result = invoke(ws, *args)
        assert result.exit_code == 1, result.output
        assert f"{ws / '.git/modules/notes'} is another git repository kept inside this workspace's" in result.output
    assert not marker.exists()
    shutil.rmtree(ws / ".git/modules")
    result = invoke(ws, "sync")  # its gitlink is refused next, by its path
    assert result.exit_code == 1 and f"{NESTED} is another git repository nested" in result.output
    assert not marker.exists()


@pytest.mark.parametrize("absorbed", [False, True])
def test_git_stays_out_of_a_nested_repository_even_unrefused(tmp_path: Path, invoke: Invoke,
                                                            monkeypatch: pytest.MonkeyPatch, absorbed: bool) -> None:
    """The second defence on its own: every status regdraft runs keeps out of a submodule, whatever `.gitmodules`
    says (`ignore = none`)."""
    root, marker = received(tmp_path, invoke, absorbed=absorbed)
    monkeypatch.setattr(git_nested, "refuse_nested", lambda root: None)
    ws = Workspace(root)
    assert ws.changed() == []
    assert ws.uncommitted() == []
    assert ws.dirty(["regulations", "amendments"]) == []  # the review server's, on every page
    assert ws.dirty([f"amendments/x{n}.md" for n in range(201)]) == []  # many paths: the whole tree's status
    assert not marker.exists()
    result = invoke(root, "sync")
    assert result.exit_code == 0, result.output
    assert not marker.exists()
