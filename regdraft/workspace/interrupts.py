"""What a command stopped by Ctrl-C (SIGINT) left behind, in one sentence for the drafter.

Ctrl-C reaches regdraft and the git it runs at once: git dies (a closed pipe, a failed git command) and Python
raises `KeyboardInterrupt`, at any point of a write. Every workspace that took the write lock in this process is
noted (`note`); `left_behind` then reads what is on disk, not where the interrupt landed:

1. A write's journal is there: the write is unfinished, and `regdraft check --repair` finishes it (its commit was
   made, or it writes known files) or undoes it (new files written from a stream, not committed yet).
2. A sync's or git's rebase or merge is unfinished, or a push was under way: `regdraft sync` finishes it.
3. The command made its commit before the interrupt: the work is recorded.
4. Otherwise nothing was changed (a failed write is undone before it ends).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from regdraft.core.commands import Command

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

_writers: weakref.WeakSet[Workspace] = weakref.WeakSet()


def begin() -> None:
    """A command starts: forget the workspaces earlier commands of this process wrote to."""
    _writers.clear()


def note(ws: Workspace) -> None:
    """Remember a workspace this process writes to (called as it takes the write lock)."""
    _writers.add(ws)


def left_behind() -> str:
    """The state an interrupted command left and what to do, in one sentence (the module's 1-4)."""
    for ws in list(_writers):
        said = _write_left(ws) or _sync_left(ws)
        if said:
            return said
    made = [sha for ws in _writers for sha in ws.commits_made]
    if made:
        return (f"Interrupted after the work was committed ({made[-1][:8]}): it is recorded; there is nothing to "
                "repair.")
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
            f"which {'undoes it (nothing of it is kept)' if undone else 'finishes it'}.")


# What a sync notes in the git folder while it runs (`resolve.STATE_FILE`, `sync.SENDING_FILE`; named here, as
# those modules stand above the store that notes writers here).
SYNC_FILES = ("regdraft-sync.json", "regdraft-sending.json")


def _sync_left(ws: Workspace) -> str:
    folder = ws.git_dir()
    if not (ws.operation() or any((folder / name).is_file() for name in SYNC_FILES)):
        return ""
    return (f"Interrupted in the middle of a sync; nothing is lost: run `{Command.of('sync')}` to finish it (or "
            f"`{Command.of('sync', abort=True)}` to undo it).")
