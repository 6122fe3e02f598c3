"""A real full disk (a small tmpfs, where this machine lets the tests mount one): a write that runs out of
space stops with a clear message and leaves the workspace exactly as it was."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

SLUG = "mini-sua"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def state(root: Path) -> tuple[str, ...]:
    """HEAD, the index, the status, the tags and the files on disk: 'exactly as it was'."""
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if ".git" not in p.parts)
    return (git(root, "rev-parse", "HEAD"), git(root, "ls-files", "-s"), git(root, "status", "--porcelain", "-uall"),
            git(root, "tag", "--list"), "\n".join(files))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs, mounted for the test and unmounted after it."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not let the tests mount a tmpfs ({mounted.stderr.decode().strip()})")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Fill the disk until about `leave` bytes are free."""
    with (disk / "filler").open("wb") as handle:
        while True:
            free = shutil.disk_usage(disk).free
            if free <= leave:
                break
            try:
                handle.write(b"\0" * min(65_536, free - leave))
                handle.flush()
            except OSError:
                break


def regdraft(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("leave", [0, 50_000, 100_000])
def test_a_write_on_a_full_disk_changes_nothing(consulting_workspace: Workspace, small_disk: Path,
                                                leave: int) -> None:
    root = small_disk / "ws"
    shutil.copytree(consulting_workspace.root, root, symlinks=True)
    # Text that does not compress: the journal, the file and git's object each need its full size.
    # A comment and its wording hold at most 20,000 characters each (`core.comments.MAX_TEXT`): both are full.
    letters = random.Random(leave)
    text, proposal = ("".join(letters.choice("abcdefghiklmnopqrstuvxyđêôơư ") for _ in range(20_000)).strip()
                      for _ in range(2))
    before = state(root)
    fill(small_disk, leave)
    done = regdraft(root, "comment", "add", SLUG, "--by", "Ban A", "--on", "d1", "--text", text,
                    "--proposal", proposal)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "No space left on device" in done.stderr or "Out of diskspace" in done.stderr, done.stderr
    assert "nothing was changed" in done.stderr or "the workspace is as it was" in done.stderr, done.stderr
    (small_disk / "filler").unlink()  # git itself needs room to tell the status
    assert state(root) == before
    assert not (root / ".git" / "regdraft" / "journal.json").exists()
    assert not list(root.rglob("*.regdraft-tmp"))
    again = regdraft(root, "comment", "add", SLUG, "--by", "Ban A", "--on", "d1", "--text", "Nhất trí.")
    assert again.returncode == 0, again.stderr  # once there is room, the workspace works as before
