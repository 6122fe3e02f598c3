"""What a failed write tells the drafter: git's or the system's words, the file named, and what to do.

Pure wording (no git): `Transactions.commit` and `NewFiles.commit_new_files` (`store_writes`, `store_new_files`) raise
these sentences.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from regdraft.core.commands import Command
from regdraft.render.files import reason, shown_path

_ASIDES = ("warning: ", "hint: ")  # git's lines that say something besides why it failed


def failure(exc: BaseException) -> str:
    """What went wrong in a write, in git's or the system's words (`fatal: ...: No space left on device`): what git
    wrote to its error output, else to its output (`nothing to commit, working tree clean`), else its exit code; never
    GitPython's whole report, which begins with git's command line (every `-c` setting of `git_policy`), nor git's
    warnings and hints, which are not why it failed (`warning: … LF will be replaced by CRLF …`, which every commit
    under Git for Windows' `core.autocrlf=true` prints, was shown as the reason of one)."""
    if isinstance(exc, OSError):
        return str(exc.strerror or exc).strip()
    if not hasattr(exc, "stderr") and not hasattr(exc, "stdout"):
        return str(exc).strip()
    asides = ""
    for said in (getattr(exc, "stderr", ""), getattr(exc, "stdout", "")):
        detail = str(said or "").strip()
        for frame in ("stderr: '", "stdout: '"):  # GitPython's framing of git's message
            if detail.startswith(frame) and detail.endswith("'"):
                detail = detail[len(frame):-1].strip()
        asides = asides or detail
        detail = "\n".join(line for line in detail.splitlines() if not line.startswith(_ASIDES)).strip()
        if detail:
            return detail
    return asides or f"git stopped with exit code {getattr(exc, 'status', '?')}"  # git said nothing else


def full_disk(exc: BaseException) -> bool:
    """Whether `exc` is a disk (or a quota) that is full, in the system's words or git's."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    said = failure(exc)
    return any(words in said for words in ("No space left on device", "Out of diskspace", "Disk quota exceeded"))


def write_failed(exc: BaseException, root: Path) -> str:
    """`The write failed (…); the workspace is as it was.`, naming the file a system error was about (relative to
    the workspace `root`): an immutable file said only "Operation not permitted"."""
    if isinstance(exc, OSError) and exc.filename is not None:
        name = shown_path(Path(os.fsdecode(exc.filename)), root)
        return f"The write failed: regdraft could not write {name}, as {reason(exc)}; the workspace is as it was."
    if full_disk(exc):
        return f"The write failed: the disk is full ({failure(exc)}); the workspace is as it was."
    said = failure(exc)
    if any(words in said for words in _OBJECTS_UNWRITABLE):
        # `chattr +i .git/objects`, a folder owned by another user: git's three lines of jargon said nothing of where
        # (r39 sweep BY F5d).
        first = said.splitlines()[0].strip()
        return (f"The write failed: git could not write its objects into the repository's store (.git/objects), "
                f"which is protected against changes or not writable by you ({first}); check that folder's "
                "permissions and the disk, then run the command again. The workspace is as it was.")
    return f"The write failed ({said}); the workspace is as it was."


# git's words when it cannot add an object to its store (a folder it may not write, a read-only file system).
_OBJECTS_UNWRITABLE = ("failed to insert into database", "insufficient permission for adding an object",
                       "unable to create temporary file", "unable to write loose object")


def left_for_repair(exc: BaseException, undoing: BaseException, message: str, journal: str) -> str:
    """The sentence for a failed write that could not be undone either, its journal left for the repair."""
    subject = message.strip().splitlines()[0] if message.strip() else "the write"
    repair = Command.of("check", repair=True)
    if full_disk(exc) or full_disk(undoing):
        return (f"The disk is full ({failure(exc)}), so the write '{subject}' stopped part-way and could not be "
                f"undone; it is recorded in {journal}, and `{repair}` will finish or undo it once space is freed.")
    return (f"The write '{subject}' failed ({failure(exc)}) and could not be undone ({failure(undoing)}); it is "
            f"recorded in {journal}, and `{repair}` will finish or undo it once that is put right.")


def kept_from_git(kept: list[tuple[str, str]]) -> str:
    """The refusal when git was told to take files as its index has them (each with that setting: `skip-worktree`,
    `assume-unchanged`), so that `git commit` leaves them out."""
    files = ", ".join(f"{path} ({setting})" for path, setting in kept)
    undo = "; ".join(f"`{Command.git('update-index', path, switches=('no-' + setting,))}`" for path, setting in kept)
    return (f"The write failed: git is set to ignore changes to {files} in your folder, so it cannot record them; "
            f"the workspace is as it was. Undo that setting ({undo}), then run the command again.")
