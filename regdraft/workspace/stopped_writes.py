"""What a regdraft or a git that was stopped left behind, as `regdraft check` names it and `check --repair` clears it:
a write cut short (its journal), git's locks, outputs left half written. Split out of `workspace.checks` (r44 office44),
unchanged; its checks run among the others there (`checks.CHECKS`).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.counts import first_few
from regdraft.core.errors import Problem, StoreError
from regdraft.core.layout import TEMPORARY
from regdraft.core.text import shown_name
from regdraft.workspace.store import Workspace

WRITE_WAIT = 3.0  # seconds `check` waits for a write running meanwhile (its journal there) before it says so


def interrupted(ws: Workspace, name: str | None = None) -> list[Problem]:
    """A write that was cut short (see `regdraft.workspace.journal`) and waits to be finished. A journal is also
    there while another process writes (the review server recording a comment, a sync): its writer holds the
    workspace lock. It is waited for a little, then named as running, not as interrupted (`check` called it
    interrupted and advised `check --repair`)."""
    if ws.interrupted() is None:
        return []
    running = not ws.writer_done(WRITE_WAIT)
    try:
        entry = ws.interrupted()
    except StoreError:
        entry = None  # removed as it was read: the write has just finished
    if entry is None:
        return []
    if running:
        return [Problem(
            f"Another write to this workspace is in progress ({entry.describe()}): another regdraft process (the "
            f"review server, a sync) is writing; what is checked may not include it yet. Run "
            f"`{Command.of('check')}` again when it is done.", ws.relative_link(ws.journal.path), warning=True)]
    files = counted(len(entry.changes), "file") if entry.new_in is None else \
        f"{counted(sum(1 for _ in ws.journal.noted()), 'file')} new in {entry.new_in}"
    from regdraft.workspace.interrupts import cancelling

    return [Problem(
        f"The write {entry.describe()} was interrupted before it finished ({files}); "
        f"run `{Command.of('check', repair=True)}` to finish it{cancelling(entry)}.",
        ws.relative_link(ws.journal.path))]


def git_lock(ws: Workspace, name: str | None = None) -> list[Problem]:
    """git's index lock and its ref locks, which make writes fail: left by a git that was stopped (an error, which
    the repair removes), or held by a git running now (a warning). The journal's own lock is finished with the write.
    A linked worktree whose `gitdir` names no checkout, which the judgement of a lock cannot look into (a warning)."""
    problems = []
    for lock in [ws.git_dir() / "index.lock", *ws.ref_locks()]:
        locked = ws.lock_state(lock)
        if locked is not None:
            abandoned, said = locked
            problems.append(Problem(said[0].upper() + said[1:] + ".", ws.relative_link(lock), warning=not abandoned))
    from regdraft.workspace.git_leftovers import apart, said_together
    from regdraft.workspace.git_leftovers import said as leftover_said

    alone, indexes = apart(ws.leftover_git_locks())
    problems += [Problem(leftover_said(lock, ws.relative_link(lock)), ws.relative_link(lock), warning=True)
                 for lock in alone]
    if indexes:
        problems.append(Problem(said_together([ws.relative_link(lock) for lock in indexes]),
                                ws.relative_link(ws.git_dir()), warning=True))
    for gitdir, why in ws.left_out_worktrees():
        problems.append(Problem(
            f"This file names no checkout ({why}), so git's linked worktree '{gitdir.parent.name}' is left out: a git "
            f"running in it would not be seen when `{Command.of('check', repair=True)}` judges git's locks "
            f"abandoned. If that checkout is no longer used, `{Command.git('worktree', 'prune')}` removes the "
            "worktree.", ws.relative_link(gitdir), warning=True))
    return problems


def remove_stale_journal(ws: Workspace) -> None:
    """Remove a journal half written by a write killed as it wrote it (`.git/regdraft/journal.json.tmp`), silently:
    taking the write lock at once proves no write is running, so it is stale (`Transactions.writing` removes it);
    while a writer runs it is left to it (r43 sweep CX F5: `check` said "No problems found" beside 157 KB of it)."""
    from regdraft.workspace.journal import WriterBusy

    if not (ws.git_dir() / "regdraft" / "journal.json.tmp").is_file():
        return
    try:
        with ws.writing("check", repairing=True, wait=0):
            pass
    except WriterBusy:
        pass


def remove_git_lock(ws: Workspace) -> list[str]:
    """Remove git's index lock and its ref locks when no git process holds them (`git_lock`); what was done, in
    sentences."""
    with ws.writing("repair", repairing=True):  # no git of this workspace's regdraft runs meanwhile
        index = ws.relative_link(ws.git_dir() / "index.lock")
        said = [f"Removed {index}, git's index lock, which a git that was stopped had left: writes work again."] \
            if ws.remove_abandoned_lock() else []
        said += [f"Removed {ws.relative_link(lock)}, a lock of git's, which a git that was stopped had left: "
                 f"{ws.freed(lock)}." for lock in ws.remove_abandoned_ref_locks()]
        from regdraft.workspace.git_leftovers import apart

        locks = ws.leftover_git_locks()  # git's maintenance lock, a temporary index alone (r43 sweep CK F9)
        for lock in locks:
            lock.unlink(missing_ok=True)
        alone, indexes = apart(locks)  # many temporary indexes in one line (r44 sweep CI F2: 1,200 lines)
        said += [f"Removed {ws.relative_link(lock)}, which a git that was stopped had left." for lock in alone]
        if indexes:
            shown = [ws.relative_link(lock) for lock in indexes]
            said.append(f"Removed {counted(len(shown), 'temporary index', plural_form='temporary indexes')} of "
                        f"git's ({first_few(shown)}), which gits that were stopped had left.")
    return said


def leftovers(ws: Workspace, name: str | None = None) -> list[Problem]:
    """Outputs a regdraft that was stopped (killed during an export) left half written beside the file it wrote; a
    committed one is named as such (the repair keeps it), and a folder nested too deep to be looked into is named."""
    if name is not None:  # a check of one regulation
        return []
    too_deep: list[str] = []
    found = ws.leftover_files(too_deep)
    tracked = ws.tracked_among(found)  # one git for them all, none when nothing is left
    problems = []
    for path in found:
        meant = shown_name(PurePosixPath(path).name.removesuffix(TEMPORARY))
        if path in tracked:
            how = (f"it is committed, so `{Command.of('check', repair=True)}` leaves it: remove it with "
                   f"`{Command.git('rm', shown_name(path))}` and commit.")
        else:
            how = f"`{Command.of('check', repair=True)}` removes it."
        problems.append(Problem(f"an unfinished {meant}: regdraft was stopped while it wrote it ({meant} itself, if "
                                f"there is one, was left as it was); {how}", path, warning=True))
    return problems + [_too_deep(path) for path in too_deep[:1]]


def _too_deep(path: str) -> Problem:
    from regdraft.workspace.settled import MAX_FOLDER_DEPTH

    top = shown_name("/".join(PurePosixPath(path).parts[:2]))
    return Problem(f"the folder {top} holds folders nested more than {MAX_FOLDER_DEPTH} deep; regdraft did not look "
                   f"below that depth for files a stopped regdraft left half written (`*{TEMPORARY}`): remove or "
                   "flatten it if it is not yours.", top, warning=True)


def remove_leftovers(ws: Workspace) -> tuple[list[str], list[str]]:
    """Remove the files `leftovers` names (a file a running regdraft writes is held open, and stays; one git tracks
    stays too); the files removed, and the committed ones left."""
    with ws.writing("repair", repairing=True):  # no write of this workspace is under way meanwhile
        found = ws.leftover_files()
        tracked = ws.tracked_among(found)  # one git for them all (one a file: 1,000 took 15.6 s)
        removed = [path for path in found if path not in tracked]
        for path in removed:
            (ws.root / path).unlink(missing_ok=True)
    return removed, [path for path in found if path in tracked]
