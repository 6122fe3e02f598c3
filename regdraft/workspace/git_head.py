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
4. `refuse_symbolic_loop` raises `StoreError` when the branch's ref leads git to no commit because its symbolic
   references loop (`refs/heads/main` saying `ref: refs/heads/other`, which says `ref: refs/heads/main`) or chain
   deeper than git follows (`MAX_DEPTH`), naming each file and what it says, and how to point the branch back at
   its commit; nothing is written. Such a branch was taken for one with no commits yet ("commit the workspace
   first", r38 sweep BS F2).
"""

from __future__ import annotations

import os
import re
import shlex
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
MAX_DEPTH = 5  # the symbolic references git follows from one name (`SYMREF_MAXDEPTH`), as GitPython does
_PER_WORKTREE = ("refs/bisect/", "refs/worktree/", "refs/rewritten/")  # refs kept in a worktree's own git folder


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


def refuse_symbolic_loop(root: Path, git_dir: Path, common: Path, branch: str) -> None:
    """`StoreError` when the ref `branch` (`refs/heads/main`) of the repository whose folders are `git_dir` (the
    worktree's) and `common` is a loop of symbolic references, or a chain of them deeper than git follows
    (post-condition 4); git and GitPython find no commit on it, which read as a branch with no commits yet."""
    chain, looped = _symbolic_chain(git_dir, common, branch)
    if not chain:
        return
    from regdraft.core.commands import Command
    from regdraft.core.errors import StoreError

    short = branch.removeprefix("refs/heads/")
    said = ", ".join(f"{_shown(root, path)} says `ref: {target}`" for path, target in chain)
    what = "a loop of symbolic references" if looped else f"a chain of more symbolic references than git follows " \
        f"({MAX_DEPTH}, HEAD's included)"
    commit = _last_logged(common, branch)
    point = Command.git("update-ref", branch, commit or "COMMIT", switches=("no-deref",))
    others = " ".join(shlex.quote(_shown(root, path)) for path, _ in chain[1:])  # the refs the branch leads to
    remove = ("" if not others else f", and delete the other ref file if you did not make it (`rm {others}`)"
              if len(chain) == 2 else f", and delete the other ref files if you did not make them (`rm {others}`)")
    raise StoreError(
        f"The branch {short} in {root} leads git to no commit: its ref is {what} ({said}), written by hand or by "
        f"another program, so nothing was changed. Point the branch back at its last commit (`{point}`"
        + (", the commit its reflog names last" if commit else ", COMMIT being that commit's id") + f"){remove}, "
        "then run the command again.")


def _symbolic_chain(git_dir: Path, common: Path, name: str) -> tuple[list[tuple[Path, str]], bool]:
    """The loose ref files git follows from the ref `name` (which HEAD names) and the ref each names, and whether
    they loop, when they loop or are deeper than git follows (`MAX_DEPTH`, HEAD's own reference the first); ([],
    False) when they end in a commit or anything else."""
    chain: list[tuple[Path, str]] = []
    seen: set[str] = set()
    while _REF.fullmatch(name) and not ref_problem(name):
        if name in seen or len(chain) >= MAX_DEPTH - 1:  # HEAD's own reference is the first git follows
            return chain, name in seen
        seen.add(name)
        path = (git_dir if name.startswith(_PER_WORKTREE) else common) / name
        text = _small_file(path)
        if text is None or not text.startswith("ref:"):
            return [], False
        name = text.removeprefix("ref:").strip()
        chain.append((path, name))
    return [], False


def _small_file(path: Path) -> str | None:
    """The text of the ref file `path` (its first 4,096 bytes), None when it is no plain file or cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, 4096).decode("utf-8", "replace").strip()
    except OSError:
        return None
    finally:
        os.close(fd)


def _last_logged(common: Path, branch: str) -> str:
    """The commit the last line of the branch's reflog (`logs/refs/heads/main`) moved it to; "" when none is read."""
    text = _small_tail(common / "logs" / branch)
    fields = text.splitlines()[-1].split() if text.strip() else []
    return fields[1] if len(fields) > 1 and _COMMIT_ID.fullmatch(fields[1]) and set(fields[1]) != {"0"} else ""


def _small_tail(path: Path) -> str:
    """The last 4,096 bytes of the plain file `path` as text; "" when it is no plain file or cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return ""
    try:
        size = os.fstat(fd)
        if not stat.S_ISREG(size.st_mode):
            return ""
        os.lseek(fd, max(0, size.st_size - 4096), os.SEEK_SET)
        return os.read(fd, 4096).decode("utf-8", "replace")
    except OSError:
        return ""
    finally:
        os.close(fd)


def _shown(root: Path, path: Path) -> str:
    """`path` from the workspace `root` when inside it (`.git/refs/heads/main`), else whole."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def head_commit(git_dir: Path) -> str | None:
    """The commit id HEAD names, read from git's files the plain way (a detached HEAD, a branch's loose ref or its
    line of `packed-refs`); None when they say anything else (a symbolic chain, refs not kept as files): the caller
    asks git. Read without git or GitPython, for a `check` that starts neither when nothing changed."""
    head = _small_file(git_dir / "HEAD")
    if head is None or _COMMIT_ID.fullmatch(head):
        return head
    name = head.removeprefix("ref:").strip() if head.startswith("ref:") else ""
    if not _REF.fullmatch(name) or ref_problem(name) or name.startswith(_PER_WORKTREE):
        return None
    shared = _small_file(git_dir / "commondir")  # a linked worktree's: the repository's own folder
    common = (git_dir / shared).resolve() if shared else git_dir
    loose = _small_file(common / name)
    if loose is not None:
        return loose if _COMMIT_ID.fullmatch(loose) else None
    try:
        packed = (common / "packed-refs").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return next((line.split()[0] for line in packed.splitlines()
                 if line.endswith(f" {name}") and _COMMIT_ID.fullmatch(line.split()[0])), None)
