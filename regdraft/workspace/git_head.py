"""HEAD read from git's files, as GitPython reads every ref, without starting a git process (no GitPython here).

Every write asks which branch HEAD names and which commit it is on (`Transactions.writable_branch`, the journal's
`head`). `git symbolic-ref` and GitPython's `repo.head.commit` (which starts a `git cat-file --batch-check` to learn
the commit's type) took two git processes for what two small files say: `HEAD` in the worktree's git folder, and
the branch's ref (a file under `refs/`, or a line of `packed-refs`), which GitPython reads itself.

Post-conditions:
1. `branch_named(git_dir)` is the ref HEAD names (`refs/heads/main`), "" when HEAD is detached (a commit id), and
   None when its file says anything else or cannot be read plainly (git is asked then, and words what is wrong).
2. `Workspace._head` is the commit id HEAD leads to, read as GitPython reads refs (symbolic refs followed, packed
   refs too), None on an unborn branch (or a ref that cannot be read); the object itself is not looked up: a write
   that finds it missing fails in git and is undone.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

_COMMIT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_REF = re.compile(r"refs/\S+")
UNREADABLE_REFS = "refs/heads/.invalid"  # what HEAD says in a repository whose refs are not files (reftable)


def branch_named(git_dir: Path) -> str | None:
    """The ref the `HEAD` file of `git_dir` names, "" when detached, None when it says neither (post-condition 1)."""
    try:
        fd = os.open(git_dir / "HEAD", os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        text = os.read(fd, 4096).decode("utf-8", "replace").strip()
    except OSError:
        return None
    finally:
        os.close(fd)
    if text.startswith("ref:"):
        name = text.removeprefix("ref:").strip()
        return name if _REF.fullmatch(name) and name != UNREADABLE_REFS else None
    return "" if _COMMIT_ID.fullmatch(text) else None

