"""Every file regdraft reads from a workspace is a regular file inside it, reached through no link; a
read-only workspace can be read, and writing to it fails with a clear message."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_files import read_inside
from tests.conftest import Invoke

SLUG = "mini-sua"
REG = "regulations/MINI-QC.md"
SECRET = "NỘI DUNG BÍ MẬT NGOÀI WORKSPACE"


@pytest.fixture
def ws(consulting_workspace: Workspace) -> Workspace:
    rounds.add_comment(consulting_workspace, SLUG, "Ban A", "d1", "Nhất trí.")
    return consulting_workspace


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def regdraft(root: Path, *args: str, read_only: bool = False) -> subprocess.CompletedProcess[str]:
    """The command line in its own process, with a time limit: a read that blocks fails the test, not the suite.

    `read_only`: as root, run without the capabilities that let root ignore permission bits, so
    that a workspace without write bits is as read-only for it as for anyone.
    """
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", *args]
    if read_only and os.geteuid() == 0:
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", drop, "--inh-caps", drop, *command]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120)


def outside_copy(ws: Workspace, relative: str, tmp_path: Path) -> Path:
    """A copy of a workspace file outside the workspace, holding SECRET."""
    text = (ws.root / relative).read_text(encoding="utf-8")
    secret = tmp_path / f"outside-{Path(relative).name}"
    secret.write_text(text.replace("Nhất trí.", SECRET) + f"\n{SECRET}\n", encoding="utf-8")
    return secret


def replace_with_link(ws: Workspace, relative: str, target: Path) -> None:
    (ws.root / relative).unlink()
    os.symlink(target, ws.root / relative)


def first_comment(ws: Workspace) -> str:
    return ws.files(f"amendments/{SLUG}/comments", "*.yaml")[0]


@pytest.mark.parametrize("which", ["regulation", "amendment", "comment", "round", "settings"])
def test_a_file_linked_outside_is_never_read(ws: Workspace, tmp_path: Path, invoke: Invoke, which: str) -> None:
    """In this process (`invoke`, an exception failing the test): a link to a regular file cannot block a read."""
    relative = {"regulation": REG, "amendment": f"amendments/{SLUG}/amendment.md", "comment": first_comment(ws),
                "round": ws.files(f"amendments/{SLUG}/rounds", "*.yaml")[0], "settings": "regdraft.yaml"}[which]
    replace_with_link(ws, relative, outside_copy(ws, relative, tmp_path))
    for command in (["check"], ["list"], ["comment", "list", SLUG], ["show", "MINI-QC", "d1"]):
        done = invoke(ws, *command, catch=False)
        assert SECRET not in done.stdout + done.stderr
    said = invoke(ws, "check", catch=False)
    assert said.exit_code in (1, 2)
    # A comment file is one of the problems `check` lists, the others checked (r40: it stopped `check` before).
    named = f"{relative}: is a symbolic link" if which == "comment" else f"{relative} is a symbolic link"
    assert named in said.stdout + said.stderr


def test_a_linked_folder_is_not_followed(ws: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(ws.root / "regulations", elsewhere)
    (elsewhere / "MINI-QC.md").write_text((elsewhere / "MINI-QC.md").read_text(encoding="utf-8") + SECRET + "\n",
                                          encoding="utf-8")
    shutil.rmtree(ws.root / "regulations")
    os.symlink(elsewhere, ws.root / "regulations")
    done = invoke(ws, "show", "MINI-QC", catch=False)  # in this process: the link leads to regular files
    assert done.exit_code in (1, 2)
    assert "regulations is a symbolic link" in done.stderr
    assert SECRET not in done.stdout


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_device_or_pipe_in_the_workspace_is_not_read(ws: Workspace, kind: str) -> None:
    target = ws.root / "regulations" / "ZERO.md"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        os.symlink("/dev/zero", target)
    for command in (["check"], ["list"], ["show", "MINI-QC", "d1"], ["comment", "list", SLUG]):
        done = regdraft(ws.root, *command)  # would block on the pipe, or read /dev/zero until memory runs out
        assert "Traceback" not in done.stderr, done.stderr
    with pytest.raises(StoreError, match="symbolic link" if kind == "dev-zero" else "not a regular file"):
        read_inside(ws.root, "regulations/ZERO.md")


def test_conflict_markers_are_not_looked_for_through_a_link(ws: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    marked = tmp_path / "marked.md"
    marked.write_text("<<<<<<< HEAD\na\n=======\nb\n>>>>>>> theirs\n", encoding="utf-8")
    os.symlink(marked, ws.root / "regulations" / "B.md")
    done = invoke(ws, "show", "MINI-QC", "d1", catch=False)  # in this process: the link leads to a regular file
    assert done.exit_code == 0, done.stderr
    assert "conflict" not in (done.stdout + done.stderr).lower()


def test_read_inside_refuses_paths_out_of_the_workspace(ws: Workspace) -> None:
    with pytest.raises(StoreError, match="outside the workspace"):
        read_inside(ws.root, "../etc/passwd")
    with pytest.raises(StoreError, match="does not exist"):
        read_inside(ws.root, "regulations/NONE.md")
    assert read_inside(ws.root, REG) == (ws.root / REG).read_bytes()


# -- a read-only workspace ---------------------------------------------------------------------------


@pytest.fixture
def read_only(ws: Workspace, tmp_path: Path) -> Iterator[Path]:
    """A copy of the workspace with every write bit removed (`chmod -R a-w`)."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("root ignores permission bits, and setpriv (util-linux) is not here to drop that")
    copy = tmp_path / "read-only"
    shutil.copytree(ws.root, copy, symlinks=True)
    paths = [copy, *copy.rglob("*")]
    for path in paths:
        path.chmod(stat.S_IMODE(path.lstat().st_mode) & ~0o222)
    try:
        yield copy
    finally:
        for path in paths:
            path.chmod(stat.S_IMODE(path.lstat().st_mode) | 0o200)


def test_a_read_only_workspace_can_be_read(read_only: Path, tmp_path: Path) -> None:
    root = read_only
    out = tmp_path / "out"
    out.mkdir()
    before = git(root, "status", "--porcelain", "-uall"), git(root, "rev-parse", "HEAD")
    for command in (["check"], ["list"], ["show", "MINI-QC", "d1"], ["log", "MINI-QC"], ["comment", "list", SLUG],
                    ["amend", "preview", SLUG], ["refs", "MINI-QC"],
                    ["redline", "MINI-QC", "--format", "html", "-o", str(out / "r.html")]):
        done = regdraft(root, *command, read_only=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
    assert (out / "r.html").is_file()
    assert (git(root, "status", "--porcelain", "-uall"), git(root, "rev-parse", "HEAD")) == before


@pytest.mark.parametrize("command", [["comment", "add", SLUG, "--by", "Ban A", "--on", "d1", "--text", "x"],
                                     ["amend", "new", "moi", "--regulation", "MINI-QC"],
                                     ["fmt"],
                                     ["redline", "MINI-QC", "--format", "html"]])
def test_writing_to_a_read_only_workspace_fails_clearly(read_only: Path, command: list[str]) -> None:
    root = read_only
    before = git(root, "status", "--porcelain", "-uall"), git(root, "rev-parse", "HEAD")
    done = regdraft(root, *command, read_only=True)
    assert done.returncode in (1, 2), (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "read-only" in done.stderr or "Permission denied" in done.stderr, done.stderr
    assert "nothing was changed" in done.stderr or "out" in done.stderr
    assert (git(root, "status", "--porcelain", "-uall"), git(root, "rev-parse", "HEAD")) == before
