"""No git repository nested in a workspace (docs/security.md, "Nothing in a workspace runs code").

A repository inside the workspace that git records as a submodule (a "gitlink" in the index, its files in a
`.git` folder of its own or, absorbed, in `.git/modules/NAME`) has settings of its own, which `git_policy` does not
read: a `git status` over the folder holding it ran `git status` in there, and so the filter its own `.git/config`
named (`filter.x.clean = sh -c '…'`), on `sync` and on every redline page of the review server. Git is kept out of
such a repository on every call (`git_policy.NESTED_OFF`, `--ignore-submodules=all` on `status` and `diff`), and a
`.gitmodules` may undo the settings though not the option; a regulation workspace has no use for a submodule, so
one is refused outright before the first git call.

Post-condition: `refuse_nested(root)` raises `StoreError` naming the first path the index records as a submodule
(mode 160000), or the first repository in the git folder's `modules/`, with what to delete; or returns None.
Cost (docs/security.md): one folder listing and a read of git's index, whose bytes hold no submodule's mode in all
but a few workspaces; a `git ls-files` (about 1.2 ms on the shipped workspace and on the 1,000-article benchmark,
6-11 ms for an index of 20,000 files) only for those (`_records_no_gitlink`); none while the repository has no index
(`has_index`: `init` in a new folder).
"""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
from pathlib import Path

from regdraft.core.commands import Command
from regdraft.core.errors import StoreError
from regdraft.workspace import git_policy

GITLINK = b"160000 "  # how `git ls-files --stage` starts a submodule's line
GITLINK_MODE = (0o160000).to_bytes(4, "big")  # how git's index records a submodule's mode (`_records_no_gitlink`)
_ASK_GIT = (GITLINK_MODE, b"link", b"sdir")  # bytes of an index that git is asked to list
INDEX_READ = 64 * 1024 * 1024  # a larger index is listed by git (100,000 comment files make about 10 MB)


def refuse_nested(root: Path) -> None:
    """Raise `StoreError` when the workspace at `root` holds a git repository git would go into (a submodule)."""
    for folder in _git_folders(root):
        modules = folder / "modules"
        try:
            with os.scandir(modules) as listing:
                names = sorted(entry.name for entry in listing)
        except OSError:  # none (or unreadable: git stops on it with its own message)
            continue
        if names:
            where = modules / names[0]
            raise StoreError(
                f"{where} is another git repository kept inside this workspace's (a submodule's): git would work "
                "in it under its own settings, which can name a program to run, and a regulation workspace has no "
                f"use for one, so nothing was done; delete it (`rm -rf {shlex.quote(str(where))}`), and any folder "
                "of the workspace holding a `.git` file that names it.")
    if not has_index(root) or _records_no_gitlink(root):  # nothing git would list as a submodule
        return
    settings = [part for option in git_policy.options(hooks=False) for part in ("-c", option)]
    done = subprocess.run(["git", "--no-optional-locks", *settings, "ls-files", "--stage", "-z"], cwd=root,
                          capture_output=True, env=git_policy.environment(root), check=False)
    if done.returncode != 0:  # no repository, or one git cannot read: the next git call says so in its words
        return
    for entry in done.stdout.split(b"\0"):
        if entry.startswith(GITLINK):
            path = entry.split(b"\t", 1)[1].decode("utf-8", "surrogateescape")
            forget = Command.git("rm", shlex.quote(path), switches=("q", "cached", "f"))
            raise StoreError(
                f"{path} is another git repository nested in this workspace (git records it as a submodule): git "
                "would work in it under its own settings, which can name a program to run, and a regulation "
                "workspace has no use for one, so nothing was done; delete its git folder (`rm -rf "
                f"{shlex.quote(path + '/.git')}`), have git forget it (`{forget}`), and commit its files as the "
                "workspace's own if you need them.")


def _records_no_gitlink(root: Path) -> bool:
    """True when the bytes of git's index for the workspace at `root` certainly hold no submodule: no entry's mode
    field reads `GITLINK_MODE` (git writes each entry's mode as four bytes, whatever the index version or hash), and
    it is neither split nor sparse (`link`, `sdir`: entries kept elsewhere, or folded into a folder's). Otherwise, or
    when the index cannot be read plainly, False: git lists it. Those bytes turn up elsewhere now and then (a time,
    an object id, a file's name): git is asked then, as before."""
    folders = _git_folders(root)
    if not folders or "GIT_INDEX_FILE" in os.environ:
        return False
    try:
        fd = os.open(folders[0] / "index", os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        with os.fdopen(fd, "rb") as index:
            size = os.fstat(index.fileno())
            if not stat.S_ISREG(size.st_mode) or size.st_size > INDEX_READ:
                return False
            data = index.read(INDEX_READ + 1)
    except OSError:
        return False
    return data[:4] == b"DIRC" and len(data) <= INDEX_READ and not any(mark in data for mark in _ASK_GIT)


def has_index(root: Path) -> bool:
    """Whether git has an index for the workspace at `root` (False only when it certainly has none: its own git
    folder holds no `index` file, and no `GIT_INDEX_FILE` names another): `git ls-files` and `git status` then list
    nothing git tracks, so `init` in a new folder asks neither."""
    folders = _git_folders(root)
    return "GIT_INDEX_FILE" in os.environ or not folders or os.path.lexists(folders[0] / "index")


def _git_folders(root: Path) -> list[Path]:
    """The workspace's git folder, and its repository's when it is a linked worktree (already checked by
    `git_policy.refuse_elsewhere` to be one of this workspace's)."""
    dot_git = root / ".git"
    if dot_git.is_dir():
        return [dot_git]
    try:
        text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return []
    if not text.startswith("gitdir:"):
        return []
    own = (root / text.removeprefix("gitdir:").strip()).resolve()
    return [own, own.parent.parent]  # `<repository>/worktrees/<name>`
