"""The files a repository's own git settings come from, read as they are, so that a check of them can stand.

`git_policy.refuse_programs` checks the repository's own settings (git's `local` and `worktree` scopes) with a
`git config --list`. Those come from `config` in the repository's folder and from each worktree's `config.worktree`
(`<folder>/config.worktree`, `<folder>/worktrees/<name>/config.worktree`); a file they include is refused by the
policy (`include.*` is no harmless setting), so these files are all of them. The user's own settings (global,
system, the environment) are trusted and not checked. A write checks the settings again before `git add` runs the
programs they could name (`Transactions.settings_still_harmless`): while these files hold the bytes they held when
the settings were last checked, the answer is the same, and git is not asked again (one git process fewer a write).

Post-condition: `read(common)` gives the repository's folder and each such file's name and bytes (None for a missing
one), read before git is asked, so that a change made while git reads them is seen next time; None (check again)
without a repository, or when one is no plain file, is larger than `LARGEST` or cannot be read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

LARGEST = 1024 * 1024  # a settings file is a few hundred bytes; a larger one is checked by git every time
Files = tuple[Path, tuple[tuple[str, bytes | None], ...]]


def read(common: Path | None) -> Files | None:
    """The settings files of the repository whose folder is `common` (vouched for by `git_policy.refuse_elsewhere`)
    and their bytes; None when one cannot be compared."""
    if common is None:  # no repository: nothing to stand by
        return None
    names = ["config", "config.worktree",
             *sorted(f"worktrees/{folder.name}/config.worktree" for folder in _folders(common / "worktrees"))]
    found: list[tuple[str, bytes | None]] = []
    for name in names:
        path = common / name
        try:
            mode = path.lstat()
        except FileNotFoundError:
            found.append((name, None))
            continue
        except OSError:
            return None
        if not stat.S_ISREG(mode.st_mode) or mode.st_size > LARGEST:  # a pipe would wait forever: git checks it
            return None
        try:
            with open(path, "rb", opener=_no_wait) as file:
                if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # replaced since the `lstat`
                    return None
                data = file.read(LARGEST + 1)
        except OSError:
            return None
        if len(data) > LARGEST:
            return None
        found.append((name, data))
    return common, tuple(found)


def _folders(parent: Path) -> list[Path]:
    try:
        with os.scandir(parent) as listing:
            return [Path(entry.path) for entry in listing if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _no_wait(path: str, flags: int) -> int:
    """Open without waiting on a pipe put there since the `lstat`, nor following a link."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
