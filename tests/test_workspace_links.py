"""A received workspace cannot make regdraft write outside it through links or a `.git` pointing elsewhere.

Found by a security sweep: a committed link `amendment.md.regdraft-tmp -> ~/.bashrc` made `amend status` write the
amendment into the user's shell start-up file (code run at the next login), a link under the default output's
temporary name did the same for `redline`, and a `.git` file (`gitdir: /another/repository/.git`) made `amend new`
commit into another repository of the user's.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

VICTIM = "a file of the user's, outside the workspace\n"


def git(where: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=where, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "home" / ".bashrc"
    path.parent.mkdir()
    path.write_text(VICTIM, encoding="utf-8")
    return path


def _committed_link(ws: Workspace, relative: str, target: Path) -> None:
    link = ws.root / relative
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)
    git(ws.root, "add", "-f", relative)
    git(ws.root, "-c", "user.name=Colleague", "-c", "user.email=c@x", "commit", "-q", "-m", "A colleague's commit")


def test_a_link_under_a_temporary_name_is_never_written_through(tmp_workspace: Workspace, invoke: Invoke,
                                                                victim: Path) -> None:
    amendment = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
    _committed_link(tmp_workspace, f"{amendment}.regdraft-tmp", victim)
    head, before = tmp_workspace.head(), tmp_workspace.path(amendment).read_bytes()
    result = invoke(tmp_workspace, "amend", "status", SHIPPED_AMENDMENT, "submitted")
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert result.exit_code != 0 and "is a link or not a file" in result.output and "Traceback" not in result.output
    assert tmp_workspace.head() == head and tmp_workspace.path(amendment).read_bytes() == before
    assert (tmp_workspace.root / f"{amendment}.regdraft-tmp").is_symlink()  # not ours to remove
    assert git(tmp_workspace.root, "status", "--porcelain") == ""


def test_a_link_beside_a_default_output_is_never_written_through(tmp_workspace: Workspace, invoke: Invoke,
                                                                victim: Path) -> None:
    _committed_link(tmp_workspace, "out/redline-01-QC-TU-qc-sua-doi-2025.html.regdraft-tmp", victim)
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html")
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert result.exit_code != 0 and "is a link or not a file" in result.output
    assert not (tmp_workspace.root / "out" / "redline-01-QC-TU-qc-sua-doi-2025.html").exists()


def test_links_in_regdrafts_own_git_folder_are_never_written_through(tmp_workspace: Workspace, invoke: Invoke,
                                                                    victim: Path) -> None:
    # A workspace zipped with its .git may hold links where regdraft keeps its lists, index copy and journal.
    own = tmp_workspace.root / ".git" / "regdraft"
    own.mkdir(exist_ok=True)
    for name in ("pathspec", "new-files", "index", "journal.json.tmp", "journal.tmp"):
        (own / name).symlink_to(victim)
    invoke(tmp_workspace, "comment", "add", SHIPPED_AMENDMENT, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d3",
           "--text", "Đề nghị làm rõ.")
    invoke(tmp_workspace, "amend", "status", SHIPPED_AMENDMENT, "submitted")
    assert victim.read_text(encoding="utf-8") == VICTIM


def test_a_temporary_file_left_by_an_interrupted_write_is_replaced(tmp_workspace: Workspace,
                                                                  invoke: Invoke) -> None:
    leftover = tmp_workspace.root / "out" / "redline-01-QC-TU-qc-sua-doi-2025.html.regdraft-tmp"
    leftover.parent.mkdir()
    leftover.write_text("half of a page", encoding="utf-8")
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html")
    assert result.exit_code == 0, result.output
    written = leftover.parent / "redline-01-QC-TU-qc-sua-doi-2025.html"
    assert not leftover.exists() and "<html" in written.read_text("utf-8")


def test_a_git_file_naming_another_repository_is_refused(tmp_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "notes.txt").write_text("mine\n", encoding="utf-8")
    git(other, "add", "notes.txt")
    git(other, "-c", "user.name=U", "-c", "user.email=u@x", "commit", "-q", "-m", "Mine")
    head = git(other, "rev-parse", "HEAD")
    dot_git = tmp_workspace.root / ".git"
    subprocess.run(["rm", "-rf", str(dot_git)], check=True)
    dot_git.write_text(f"gitdir: {other / '.git'}\n", encoding="utf-8")
    result = invoke(tmp_path / "ws", "amend", "new", "qc-x", "--regulation", "01-QC/TU")
    assert result.exit_code != 0 and "is not this workspace's own git folder" in result.output, result.output
    assert str(other / ".git") in result.output and "Traceback" not in result.output
    assert git(other, "rev-parse", "HEAD") == head and git(other, "status", "--porcelain") == ""
    assert not (other / ".git" / "regdraft").exists()


def test_a_linked_worktree_of_the_users_own_is_a_workspace(tmp_workspace: Workspace, invoke: Invoke,
                                                            tmp_path: Path) -> None:
    linked = tmp_path / "linked"
    git(tmp_workspace.root, "worktree", "add", "-q", "-b", "drafting", str(linked))
    result = invoke(linked, "amend", "new", "qc-x", "--regulation", "01-QC/TU")
    assert result.exit_code == 0, result.output
    assert "Start amendment qc-x" in git(linked, "log", "-1", "--format=%s")
