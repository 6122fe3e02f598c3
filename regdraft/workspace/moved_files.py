"""A file read as it was at a recorded revision (a round's, a draft's), found where it was then.

An amendment's folder moved after a round (`git mv amendments/a amendments/b`, committed) left `round report`,
`round copy`, the order of `comment list` and the review server's pages of the round reading
`amendments/b/amendment.md` at a commit that held only `amendments/a/amendment.md` ("… does not exist at revision …"),
while `check` said "No problems found".

Post-conditions:
1. `read_at(ws, relative, rev)` gives the path the file had at `rev` and its bytes there: `relative` itself when it
   exists there (no more git asked), else the path it had before a move, each rename followed back from HEAD
   (`Workspace.log_paths`, the walk `late_comments` reads comments' history with: one `git log` and one
   `git diff-tree` for the first move, one `git log` of the history before it for the rest; the path found is kept
   for the same file, revision and HEAD). A file found at neither raises the error reading `relative` raised; an
   unknown revision raises its own.
2. A folder renamed and renamed back (`a` → `b` → `a`) is read where it was at the revision, `b` for a round opened
   while it was there: the walk followed the rename only from the oldest commit at `a`, the one that first added it,
   and `round report` refused the round while `check` named it (r27 sweep W, defect 7).
3. The paths a file had are walked once for the same file and HEAD, whatever the revision asked: `check` reads each
   round at its own revision, and walked the whole chain of moves again for each (200 moves and 200 rounds: 132 s;
   r27 sweep W, defect 3). Which of those paths is a file at the revision is read from its folders' listings
   (`Workspace.first_at`), not by reading each path in turn.

What still cannot be read, and `regdraft check` names (`circulated.round_drafts`): a file deleted in one commit and
added under its new name in another, or changed beyond recognition by the commit moving it (no move git sees); a
file copied rather than moved (the old one kept: a copy is not its past).
"""

from __future__ import annotations

from typing import Any

from regdraft.core.errors import RegdraftError, StoreError, UnknownName
from regdraft.workspace.store import Workspace

# Where a moved file was found at a revision, from the same HEAD: a round's report reads its draft four times.
_FOUND: dict[tuple[str, str, str, str], str] = {}
# The paths a file had, from the same HEAD: `check` reads every round of an amendment, each at its own revision.
_EARLIER: dict[tuple[str, str, str], list[str]] = {}
_KEPT = 256


def read_at(ws: Workspace, relative: str, rev: str) -> tuple[str, bytes]:
    """The path `relative` (where the file is now) had at `rev`, following its moves, and its bytes there."""
    try:
        return relative, ws.read(relative, rev)
    except UnknownName:
        raise
    except StoreError as missing:
        head = ws.resolve("HEAD").sha
        key = (str(ws.root), relative, rev, head)
        known = _FOUND.get(key)
        earlier = [known] if known is not None else _earlier(ws, relative, head)
        path = ws.first_at(earlier, rev) if earlier else None  # one listing of the folders, not a read of each
        if path is None:
            raise missing from None
        data = ws.read(path, rev)
        _kept(_FOUND)[key] = path
        return path, data


def _earlier(ws: Workspace, relative: str, head: str) -> list[str]:
    """`earlier_paths`, walked once for the same file and HEAD (post-condition 3)."""
    key = (str(ws.root), relative, head)
    if (known := _EARLIER.get(key)) is None:
        known = _kept(_EARLIER)[key] = earlier_paths(ws, relative)
    return known


def _kept(cache: dict[Any, Any]) -> dict[Any, Any]:
    if len(cache) >= _KEPT:
        cache.clear()
    return cache


def earlier_paths(ws: Workspace, relative: str) -> list[str]:
    """The paths the file now at `relative` had before it was moved there, newest first (none in memory)."""
    paths = getattr(ws, "log_paths", None)  # an in-memory workspace renames nothing
    if paths is None:
        return []
    try:
        entries: list[tuple[object, str]] = paths(relative)
    except RegdraftError:
        return []
    return list(dict.fromkeys(path for _, path in entries if path != relative))
