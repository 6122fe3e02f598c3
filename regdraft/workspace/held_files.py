"""Whether a process holds a file open, and whether a git runs in a folder: what the git store asks before it
removes a lock or a half-written file a stopped process left (`regdraft.workspace.store_killed`).

Read from /proc: every open file of the machine in one walk of `/proc/*/fd` (`open_files`), and each git process's
current folder. Where /proc cannot be seen, a file unchanged for `STALE_AFTER` seconds is taken for left behind.
No git is run here.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

STALE_AFTER = 600.0  # where open files cannot be seen (no /proc): a lock this old is taken for abandoned
# What `open_files` found: (device, inode) of every open file; None where that cannot be seen (judged by age then).
Held = set[tuple[int, int]] | None


def git_running(places: tuple[Path, ...], info: os.stat_result) -> bool:
    """Whether a git process runs with one of `places`, or a folder inside one, as its current folder; where processes
    cannot be seen (no /proc), whether the lock `info` is younger than `STALE_AFTER`. Not counted: a git this process
    started (none writes while a lock is judged, under the workspace lock), and `git cat-file`, which only reads
    objects and takes no lock (GitPython keeps one running for as long as a regdraft, the review server, runs)."""
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return time.time() - info.st_mtime <= STALE_AFTER
    for entry in os.scandir(proc):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if not (proc / entry.name / "comm").read_text(encoding="utf-8", errors="replace").startswith("git"):
                continue
            stat_line = (proc / entry.name / "stat").read_text(encoding="utf-8", errors="replace")
            if int(stat_line.rpartition(")")[2].split()[1]) == os.getpid():  # the parent's id follows the state
                continue
            if b"cat-file" in (proc / entry.name / "cmdline").read_bytes().split(b"\0"):
                continue
            where = Path(os.readlink(proc / entry.name / "cwd"))
        except OSError:
            continue  # gone, or another user's: its open files were seen, its folder cannot be
        if any(where == place or place in where.parents for place in places):
            return True
    return False


def left_behind(path: Path, held: Held) -> bool:
    """Whether `path` is a file (not a link) that no process holds open (`held`: what `open_files` found)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and not_held(info, held)


def unheld(info: os.stat_result) -> bool:
    """Whether no process holds the file open (where that cannot be seen: it has not changed for a long while)."""
    return not_held(info, open_files())


def not_held(info: os.stat_result, held: Held) -> bool:
    """Whether the file is not among those `open_files` found open (None: that cannot be seen, so by its age)."""
    if held is None:
        return time.time() - info.st_mtime > STALE_AFTER
    return (info.st_dev, info.st_ino) not in held


def open_files() -> Held:
    """Every file some process has open, as (device, inode); None where that cannot be seen (no /proc).

    One walk of /proc/*/fd, whose cost is every open file of the machine: `KilledGit.leftover_files`,
    `leftover_git_locks` and `_remove_next_indexes` do it once for all the files they test (once a file: 3,000
    leftovers kept `check` 50 s, 1,200 temporary indexes 22.8 s).
    """
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return None
    found: set[tuple[int, int]] = set()
    for entry in os.scandir(proc):
        if not entry.name.isdigit():
            continue
        try:
            fds = os.listdir(f"/proc/{entry.name}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                info = os.stat(f"/proc/{entry.name}/fd/{fd}")
            except OSError:
                continue
            found.add((info.st_dev, info.st_ino))
    return found
