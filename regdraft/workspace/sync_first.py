"""`sync` on a branch with no commit yet (r37's note): `git init`, a `regdraft.yaml`, `git remote add origin URL`, then
`regdraft sync` said "The branch main … has no commits yet; commit the workspace first (`regdraft init` does)", though
`init` refuses a folder that holds a workspace, and the remote held the office's work.

Post-conditions of `first_sync` (HEAD on a branch with no commit, and no branch here has any):
1. The remote's branch is fetched; when the remote has none, a `StoreError` says that neither side has any work,
   and how to begin; nothing is changed.
2. When a file here never committed (untracked or staged) stands where the remote's work has another file, or a
   folder, a `StoreError` names each with how to compare and take the remote's copy; nothing is changed (the fetch
   aside). A file holding exactly the remote's contents is no obstacle: nothing of it is lost.
3. When the remote's commit holds what no workspace may hold (a `.git` path, `..`, two entries under one name), a
   `StoreError` names the commit and the path, and says to ask whoever sent it; nothing is changed (the fetch aside).
4. Otherwise the remote's commit is taken as a first clone takes it (`FirstSync.take_first`): the branch is the
   remote's, HEAD on it, its missing files written, your other files (untracked or staged) kept as they were; the
   remote's adoption tags are copied in (`sync_tags.keep_tags`), and the report says what came in.
5. Before it writes anything it notes, in the git folder, what it is taking and which files it writes (`FirstNote`,
   with the index as it was), and what it brings in (`receiving.Receiving`, from no commit). Killed before the branch
   names the remote's commit, the workspace holds some of the remote's files and no commit: every other command
   refuses, saying so (`settled.first_unfinished`), and the next `sync` puts the files it wrote and the index back
   as they were, then takes the remote's work again, saying so; `sync --abort` puts them back only. Killed once the
   branch names it, the next sync says what the interrupted one brought in, as any sync killed then does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import StoreError
from regdraft.core.text import shown_name
from regdraft.render.files import write_atomic
from regdraft.workspace.settled import FIRST_FILE

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.sync import SyncReport

SHOWN = 5  # files named in the refusal; the rest counted
SAVED_INDEX = "index.regdraft-before-first"  # the index as it was before a first sync, while it runs


@dataclass(frozen=True, slots=True)
class FirstNote:
    """A first sync under way (post-condition 5): the remote's branch and commit it takes, the files it writes, and
    whether there was an index before it (kept beside the note), and the folders writing them makes (none in a note
    of regdraft 0.x before r39, whose folders are left); in the git folder until the branch names it."""

    remote: str
    branch: str
    theirs: str
    written: tuple[str, ...]
    had_index: bool
    folders: tuple[str, ...] = ()

    def save(self, ws: Workspace, index: bytes | None) -> None:
        """Note it, the index as it was first (both written whole), before anything is written."""
        if index is not None:
            write_atomic(ws.git_dir() / SAVED_INDEX, index)
        write_atomic(ws.git_dir() / FIRST_FILE, json.dumps({"remote": self.remote, "branch": self.branch,
                                                            "theirs": self.theirs, "written": list(self.written),
                                                            "had_index": self.had_index,
                                                            "folders": list(self.folders)}).encode("utf-8"))

    @staticmethod
    def load(ws: Workspace) -> FirstNote | None:
        """The note of a first sync that did not finish, or None (one that cannot be read is none)."""
        from regdraft.workspace.sending import commit_ids

        try:
            data = json.loads((ws.git_dir() / FIRST_FILE).read_text(encoding="utf-8"))
            note = FirstNote(str(data["remote"]), str(data["branch"]), str(data["theirs"]),
                             tuple(str(p) for p in data["written"]), bool(data["had_index"]),
                             tuple(str(p) for p in data.get("folders", [])))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return note if commit_ids(note.theirs) else None

    @staticmethod
    def clear(ws: Workspace) -> None:
        """Forget it (and the index kept beside it, and the one the files were written from, left by a kill)."""
        from regdraft.workspace.store_first import SCRATCH_INDEX

        (ws.git_dir() / FIRST_FILE).unlink(missing_ok=True)
        (ws.git_dir() / SAVED_INDEX).unlink(missing_ok=True)
        (ws.git_dir() / SCRATCH_INDEX).unlink(missing_ok=True)


def put_back(ws: Workspace) -> FirstNote | None:
    """Undo what a first sync killed before the branch named the remote's commit had done: the files (and links) it
    wrote and the folders it made are removed (`first_tree.remove_written`) and the index is as it was; the note is
    forgotten. Nothing is done once the branch has a commit (the sync was done). The note, or None when there was
    none."""
    note = FirstNote.load(ws)
    if note is None:
        return None
    if ws.head() is None:
        from regdraft.workspace.first_tree import remove_written

        # Files, links and the folders made: never outside the workspace or through a link, whatever the note says.
        remove_written(ws.root, list(note.written), list(note.folders))
        index, saved = ws.git_dir() / "index", ws.git_dir() / SAVED_INDEX
        if note.had_index and saved.is_file():
            index.write_bytes(saved.read_bytes())
        elif not note.had_index:
            index.unlink(missing_ok=True)
    FirstNote.clear(ws)
    return note


def abort_first(ws: Workspace) -> str:
    """`sync --abort` of a first sync killed half way: what it wrote is removed; "" when there is none."""
    note = FirstNote.load(ws)
    if note is None or ws.head() is not None:
        return ""
    put_back(ws)
    from regdraft.workspace.receiving import Receiving

    Receiving.clear(ws)
    return (f"The interrupted first sync was undone: the files of {note.remote} it had written are removed, yours are "
            f"as they were, and this workspace has no commit yet; run `{Command.of('sync')}` to take the work of "
            f"{note.remote} again.")


def first_sync(ws: Workspace, report: SyncReport, branch: str) -> SyncReport:
    """Take the remote's `branch` into a workspace with no commit yet (see the module); `report` names the remote,
    and is filled in."""
    from regdraft.workspace.activity import describe
    from regdraft.workspace.resolve import SyncState
    from regdraft.workspace.sync_tags import keep_tags

    name = report.remote
    if put_back(ws) is not None:  # a first sync killed half way: what it wrote is put back, then taken again
        report.resumed = True
    theirs = ws.fetch(name, branch)
    if theirs is None:
        raise StoreError(f"Neither this workspace nor {name} has any work yet (no commit here, no {branch} branch "
                         f"there), so there is nothing to sync. Record your files first "
                         f"(`{Command.git('add', '-A')}`, then `{Command.git('commit', '-m', 'MESSAGE')}`), then run "
                         f"`{Command.of('sync')}` to share them. Nothing was changed.")
    ws.refuse_unfit(theirs, branch, name)  # before naming files of yours in the way of a commit never to be taken
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
    from regdraft.workspace import interrupts
    from regdraft.workspace.receiving import Receiving

    def noting(written: list[str], folders: list[str], index: bytes | None) -> None:
        FirstNote(name, branch, theirs, tuple(written), index is not None, tuple(folders)).save(ws, index)
        Receiving(name, branch, "", theirs).save(ws)  # what it brings in, said by the next sync if killed
        interrupts.syncing(ws, name, branch, "", theirs=theirs, how="fast-forward")

    try:
        ws.take_first(theirs, branch, name, noting)
    except BaseException:  # undone by `take_first` (a Ctrl-C too): nothing of it is left to finish
        FirstNote.clear(ws)
        Receiving.clear(ws)
        raise
    FirstNote.clear(ws)
    state = SyncState(name, branch, "", theirs, "fast-forward")
    tags, notes = keep_tags(ws, state)
    report.how, report.reason = "fast-forward", "this workspace had no commit yet"
    report.came_in = describe(ws, ws.commits(None, theirs)) or [f"{branch} as {name} holds it"]
    report.came_in += [f"tag {t}" for t in sorted(ws.remote_tags(name)) if t in ws.tags()]
    report.notes = [f"This workspace had no commit yet: it took the work of {name}'s {branch}, as a first clone does; "
                    "your files that were never committed are kept as they were.", *notes]
    Receiving.clear(ws)
    return report
