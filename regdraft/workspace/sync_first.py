"""`sync` on a branch with no commit yet (r37's note): `git init`, a `regdraft.yaml`, `git remote add origin URL`, then
`regdraft sync` said "The branch main … has no commits yet; commit the workspace first (`regdraft init` does)", though
`init` refuses a folder that holds a workspace, and the remote held the office's work.

Post-conditions of `first_sync` (HEAD on a branch with no commit, and no branch here has any):
1. The remote's branch is fetched; when the remote has none, a `StoreError` says that neither side has any work,
   and how to begin; nothing is changed.
2. When a file here never committed (untracked or staged) stands where the remote's work has another file, or a
   folder, a `StoreError` names each with how to compare and take the remote's copy; nothing is changed (the fetch
   aside). A file holding exactly the remote's contents is no obstacle: nothing of it is lost.
3. Otherwise the remote's commit is taken as a first clone takes it (`FirstSync.take_first`): the branch is the
   remote's, HEAD on it, its missing files written, your other files (untracked or staged) kept as they were; the
   remote's adoption tags are copied in (`sync_tags.keep_tags`), and the report says what came in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import StoreError
from regdraft.core.text import shown_name

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.sync import SyncReport

SHOWN = 5  # files named in the refusal; the rest counted


def first_sync(ws: Workspace, report: SyncReport, branch: str) -> SyncReport:
    """Take the remote's `branch` into a workspace with no commit yet (see the module); `report` names the remote,
    and is filled in."""
    from regdraft.workspace.activity import describe
    from regdraft.workspace.resolve import SyncState
    from regdraft.workspace.sync_tags import keep_tags

    name = report.remote
    theirs = ws.fetch(name, branch)
    if theirs is None:
        raise StoreError(f"Neither this workspace nor {name} has any work yet (no commit here, no {branch} branch "
                         f"there), so there is nothing to sync. Record your files first "
                         f"(`{Command.git('add', '-A')}`, then `{Command.git('commit', '-m', 'MESSAGE')}`), then run "
                         f"`{Command.of('sync')}` to share them. Nothing was changed.")
    in_way = ws.in_the_way(theirs)
    if in_way:
        shown = ", ".join(shown_name(path) for path in in_way[:SHOWN])
        more = f" and {len(in_way) - SHOWN} more" if len(in_way) > SHOWN else ""
        first = in_way[0]
        raise StoreError(f"Refusing to sync: this workspace has no commit yet, and taking the work of {name} (as a "
                         f"first clone does) would overwrite {shown}{more}, never committed here and different "
                         f"there (or a file where {name} has a folder). Compare yours with {name}'s "
                         f"(`{Command.git('show', f'{name}/{branch}:{first}')}`), keep a copy of yours elsewhere if "
                         f"you need it, then take {name}'s with "
                         f"`{Command.git('checkout', f'{name}/{branch}', '--', first)}` (or move yours aside) and run "
                         f"`{Command.of('sync')}` again. Nothing was changed.")
    ws.take_first(theirs, branch, name)
    state = SyncState(name, branch, "", theirs, "fast-forward")
    tags, notes = keep_tags(ws, state)
    report.how, report.reason = "fast-forward", "this workspace had no commit yet"
    report.came_in = describe(ws, ws.commits(None, theirs)) or [f"{branch} as {name} holds it"]
    report.came_in += [f"tag {t}" for t in sorted(ws.remote_tags(name)) if t in ws.tags()]
    report.notes = [f"This workspace had no commit yet: it took the work of {name}'s {branch}, as a first clone does; "
                    "your files that were never committed are kept as they were.", *notes]
    return report
