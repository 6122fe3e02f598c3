"""What a command stopped by Ctrl-C (SIGINT) left behind, in one sentence for the drafter.

Ctrl-C reaches regdraft and the git it runs at once: git dies (a closed pipe, a failed git command) and Python
raises `KeyboardInterrupt`, at any point of a write. Every workspace that took the write lock in this process is
noted (`note`); `left_behind` then reads what is on disk, not where the interrupt landed:

1. A write's journal is there: the write is unfinished, and `regdraft check --repair` finishes it (its commit was
   made, or it writes known files) or undoes it (new files written from a stream, not committed yet).
2. A sync's or git's rebase or merge is unfinished: `regdraft sync` finishes it.
3. A sync had sent the work (the remote's branch, as git last saw it, is HEAD, which it was not after the fetch),
   or had brought the remote's work in (HEAD moved since the sync began): said so, and what is left to do.
   A push under way (noted in the git folder) and not seen done: `regdraft sync` finishes it.
4. The command made its commit before the interrupt: the work is recorded.
5. A write the interrupt stopped before its commit was put back as it was (`store_writes`): "Interrupted: nothing was
   changed." Otherwise nothing was changed either (a failed write is undone before it ends).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regdraft import STOPPING_SIGNALS
from regdraft.core.commands import Command

if TYPE_CHECKING:
    from regdraft.workspace.journal import Entry
    from regdraft.workspace.store import Workspace

_writers: weakref.WeakSet[Workspace] = weakref.WeakSet()


@dataclass(slots=True)
class Syncing:
    """Where a sync stands, as it goes: what HEAD was when it began, what the fetch found, how it integrated."""

    remote: str
    branch: str
    before: str  # HEAD when the sync began
    theirs: str | None = None  # the remote's branch as last fetched (None: not fetched yet)
    how: str = "none"  # "rebase", "merge", "fast-forward" once the sync brought the two together


_syncs: weakref.WeakKeyDictionary[Workspace, Syncing] = weakref.WeakKeyDictionary()
_undone: weakref.WeakSet[Workspace] = weakref.WeakSet()  # a write stopped before its commit and put back
UNDONE = "Interrupted: nothing was changed."


def begin() -> None:
    """A command starts: forget the workspaces earlier commands of this process wrote to."""
    _writers.clear()
    _syncs.clear()
    _undone.clear()


def syncing(ws: Workspace, remote: str, branch: str, before: str, *, theirs: str | None = None,
            how: str = "none") -> None:
    """Note a sync's progress (called as it begins, fetches and integrates); the first `before` is kept."""
    known = _syncs.get(ws)
    _syncs[ws] = Syncing(remote, branch, known.before if known else before,
                         theirs if theirs is not None else known.theirs if known else None,
                         how if how != "none" else known.how if known else "none")


def undone(ws: Workspace) -> None:
    """Note that a write of `ws` stopped by Ctrl-C before its commit was put back as it was (`store_writes`)."""
    _undone.add(ws)


@contextmanager
def held_off() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP back from the undoing of a write (the command line's handler ignores them once
    the first came): a second Ctrl-C must not leave the undoing half done.

    Not by the signal mask, which the git processes started meanwhile inherited: a git that hung could then be
    stopped by SIGKILL alone (r44 sweep CI F6). Ctrl-C is ignored meanwhile (the undoing runs for a Ctrl-C, raised
    again after it), as are the gits started then, which the terminal's Ctrl-C reaches too: their undoing is not cut
    short either. SIGTERM and SIGHUP are noted by a handler and sent again once it is done; those gits start with
    them as they come, so `kill` stops one. Only in the main thread, where Python runs handlers: a write undone in
    another (the review server's) is cut short by none."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    before: dict[int, Any] = {}
    for name in STOPPING_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is None or signal.getsignal(signum) is signal.SIG_IGN:  # `nohup`'s ignored SIGHUP stays so
            continue
        before[signum] = signal.signal(signum, signal.SIG_IGN if name == "SIGINT" else
                                       lambda number, frame: came.append(number))
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(came):
            signal.raise_signal(signum)


def note(ws: Workspace) -> None:
    """Remember a workspace this process writes to (called as it takes the write lock)."""
    _writers.add(ws)


def left_behind() -> str:
    """The state an interrupted command left and what to do, in one sentence (the module's 1-4).

    The Ctrl-C that stopped the command stopped the git processes it kept running too (GitPython's `cat-file`, which
    reads HEAD): read with them, the state was lost to a broken pipe and the sentence was a bare "see what it left"
    though nothing was changed. Once that happens, each workspace's git is started afresh and the state read again."""
    try:
        return _left_behind()
    except (OSError, ValueError):
        for ws in list(_writers):
            ws.restart_git()
        return _left_behind()


def _left_behind() -> str:
    for ws in list(_writers):
        said = _write_left(ws) or _sync_left(ws)
        if said:
            return said
    made = [sha for ws in _writers for sha in ws.commits_made]
    if made:
        return (f"Interrupted after the work was committed ({made[-1][:8]}): it is recorded; there is nothing to "
                "repair.")
    if _undone:
        return UNDONE
    return "Interrupted before anything was changed; run the command again when you are ready."


def _write_left(ws: Workspace) -> str:
    try:
        entry = ws.interrupted()
    except Exception:  # an unreadable journal: the repair says what to do with it
        return (f"Interrupted in the middle of a write: run `{Command.of('check', repair=True)}`, which finishes or "
                "undoes it.")
    if entry is None:
        return ""
    undone = entry.new_in is not None and ws.head() == entry.head
    return (f"Interrupted in the middle of a write ({entry.describe()}): run `{Command.of('check', repair=True)}`, "
            f"which {'undoes it (nothing of it is kept)' if undone else 'finishes it'}{cancelling(entry)}.")


def cancelling(entry: Entry) -> str:
    """`, or … --cancel, which undoes it …` for an interrupted adoption (`store_undo`): the way back, beside the
    repair that finishes it (a Ctrl-C pressed as the signing date was wrong means "stop", r37 sweep BQ 4)."""
    slug = entry.adopts()
    if slug is None:
        return ""
    return (f", or `{Command.of('amend adopt', slug, cancel=True)}`, which undoes it: the workspace as it was before "
            "the adoption")


# What a sync notes in the git folder while it runs (`resolve.STATE_FILE`, `sending.SENDING_FILE`; named here, as
# those modules stand above the store that notes writers here).
SYNC_FILES = ("regdraft-sync.json", "regdraft-sending.json")


def _sync_left(ws: Workspace) -> str:
    folder = ws.git_dir()
    unfinished = f"Interrupted in the middle of a sync; nothing is lost: run `{Command.of('sync')}` to finish it " \
        f"(or `{Command.of('sync', abort=True)}` to undo it)."
    if ws.operation() or (folder / SYNC_FILES[0]).is_file():
        return unfinished
    return _sync_done(ws) or (unfinished if (folder / SYNC_FILES[1]).is_file() else "")


def _sync_done(ws: Workspace) -> str:
    """What a sync had done when it was interrupted, from its refs: sent the work, or brought the remote's in."""
    syncing = _syncs.get(ws)
    if syncing is None:
        return ""
    head = ws.head()
    remote, how = syncing.remote, syncing.how
    together = {"rebase": f"your work was rebased onto the work from {remote}",
                "merge": f"your work and the work from {remote} were merged",
                "fast-forward": f"the work from {remote} was brought in"}.get(how, f"the work from {remote} was "
                                                                               "brought together with yours")
    if syncing.theirs is not None and head and head != syncing.theirs and \
            ws.remote_head(remote, syncing.branch) == head:
        first = f" ({together} first)" if how in ("rebase", "merge") else ""
        return (f"Interrupted after the sync had sent your work to {remote}{first}: {remote} has it, and nothing is "
                f"lost; `{Command.of('sync')}` says what it sent.")
    if head and head != syncing.before:
        send = "" if how == "fast-forward" else " before it was sent"
        return (f"Interrupted after {together}{send}; nothing is lost: run `{Command.of('sync')}` to finish the "
                "sync.")
    return ""
