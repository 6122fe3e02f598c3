"""HEAD read from git's files, as GitPython reads every ref, without starting a git process (no GitPython here).

Every write asks which branch HEAD names and which commit it is on (`Transactions.writable_branch`, the journal's
`head`). `git symbolic-ref` and GitPython's `repo.head.commit` (which starts a `git cat-file --batch-check` to learn
the commit's type) took two git processes for what two small files say: `HEAD` in the worktree's git folder, and
the branch's ref (a file under `refs/`, or a line of `packed-refs`), which GitPython reads itself.

Post-conditions:
1. `branch_named(git_dir)` is the ref HEAD names (`refs/heads/main`), "" when HEAD is detached (a commit id), and
   None when its file says anything else, names a ref git would refuse (`ref_problem`: `refs/heads/../../secret`,
   `main.lock`, `ma:in`), or cannot be read plainly: git is asked then, and words what is wrong. Such a name was
   taken for an unborn branch ("The branch ../../../../secret … has no commits yet", r37 sweep BP F3).
2. `Workspace._head` is the commit id HEAD leads to, read as GitPython reads refs (symbolic refs followed, packed
   refs too), None on an unborn branch (or a ref that cannot be read); the object itself is not looked up: a write
   that finds it missing fails in git and is undone.
3. When git cannot read HEAD either, `refuse_misnamed` says in words what git's rules refuse in the name it holds.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

_COMMIT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_REF = re.compile(r"refs/\S+")
# What `git check-ref-format` refuses in a ref's name, each with the words a message says it in (`{}`: the character
# found), in that order.
_REFUSED = ((re.compile(r"\.\."), "two dots in a row"), (re.compile(r"(?:^|/)\."), "a part beginning with a dot"),
            (re.compile(r"\.lock(?:/|$)"), "a part ending in “.lock”"), (re.compile(r"@\{"), "“@{{”"),
            (re.compile(r"[\\\x00-\x20\x7f~^:?*\[]"), "the character “{}”"),
            (re.compile(r"//|^/|/$"), "an empty part"), (re.compile(r"\.$"), "a dot at its end"))
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
        return name if _REF.fullmatch(name) and name != UNREADABLE_REFS and not ref_problem(name) else None
    return "" if _COMMIT_ID.fullmatch(text) else None


def ref_problem(name: str) -> str:
    """What git's rules for a ref's name (`git check-ref-format`) find wrong in `name`, in words (`two dots in a
    row`); "" when nothing is."""
    from regdraft.core.text import shown_name

    for pattern, words in _REFUSED:
        if found := pattern.search(name):
            return words.format(shown_name(found.group()))
    return ""


def named_ref(git_dir: Path) -> str:
    """The name after `ref:` in the `HEAD` file of `git_dir`, as written; "" when it names none or cannot be
    read."""
    try:
        text = (git_dir / "HEAD").read_bytes()[:4096].decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return text.removeprefix("ref:").strip() if text.startswith("ref:") else ""



def refuse_misnamed(root: Path, git_dir: Path) -> None:
    """`StoreError` when the `HEAD` file of `git_dir` names a branch git refuses by its name (post-condition 3); git
    had failed to read HEAD, and its words ("No such ref: HEAD") said nothing of why."""
    name = named_ref(git_dir)
    problem = ref_problem(name) if name.startswith("refs/") and name != UNREADABLE_REFS else ""
    if problem:
        from regdraft.core.commands import Command
        from regdraft.core.errors import StoreError
        from regdraft.core.text import shown_name

        raise StoreError(f"HEAD in {root} names {shown_name(name)}, which is no branch git can have (its name has "
                         f"{problem}): HEAD was edited by hand or by another program. Point it back at your branch "
                         f"(`{Command.git('switch', 'main')}`, or the branch you work on), then run the command "
                         "again; nothing was changed.")
