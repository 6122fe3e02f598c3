"""Before every command: is the workspace settled? The quick look, without the resolution machinery.

Every command that opens a workspace first makes sure no conflict is left in it: no git rebase or
merge stopped half way, no conflict markers in a file regdraft reads. That look is cheap and
happens on every run, so it lives here, apart from `workspace.resolve` (the report of a conflict
provision by provision, `ensure_settled`, and taking a side), which the command line imports only
when `unsettled` finds something.

Post-conditions:
1. `unsettled` is True exactly when `resolve.find_conflict` finds a conflict, or a first sync was killed
   half way (`first_unfinished`: `resolve.ensure_settled` refuses that too), and starts no git process unless an
   operation is under way.
2. `marked_files` lists, sorted, the watched files holding a line opening a conflict and a line
   closing one; comment files are not looked at. It raises `StoreError`, naming the folder, when folders in
   regulations/ nest deeper than `MAX_FOLDER_DEPTH`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.errors import StoreError
from regdraft.core.markers import has_markers

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

TEXT_SUFFIXES = (".md", ".yaml", ".yml", ".csv", ".txt")
FIRST_FILE = "regdraft-first-sync.json"  # a first sync under way (`sync_first.FirstNote`), in the git folder
# How deep folders may nest in regulations/: a few levels hold its texts; `os.walk` recursed once a level and a
# received workspace with 1,500 nested folders stopped every command on Python's recursion limit.
MAX_FOLDER_DEPTH = 64


def unsettled(ws: Workspace) -> bool:
    """True when a git operation is under way or a watched file holds conflict markers: then
    `resolve.ensure_settled` has a conflict to report (no git process is started otherwise); or when a first sync
    was killed half way (`first_unfinished`)."""
    return bool(ws.operation()) or bool(marked_files(ws)) or first_unfinished(ws)


def first_unfinished(ws: Workspace) -> bool:
    """Whether a first sync (into a workspace with no commit) was killed after it began writing the remote's files
    and before the branch named the remote's commit: the workspace holds some of them, and no commit."""
    return (ws.git_dir() / FIRST_FILE).is_file() and ws.head() is None


def marked_files(ws: Workspace) -> list[str]:
    """Workspace files regdraft reads that hold conflict markers.

    Regulations, amendments, rounds, votes and the settings are looked at before every command.
    Comment files are not (an office has thousands): the comment reader reports markers in the
    one it reads, and a conflict on one during a sync is listed by git.
    """
    found = [path for path in files_below(ws.root / "regulations") if path.name.endswith(TEXT_SUFFIXES)]
    amendments = ws.root / "amendments"
    if amendments.is_dir():
        for entry in os.scandir(amendments):
            if entry.is_dir():
                here = Path(entry.path)
                found += [here / "amendment.md", here / "vote.yaml", *here.glob("rounds/*.yaml")]
    found.append(ws.root / "regdraft.yaml")
    return sorted(ws.relative_link(p) for p in found if marked(ws, ws.relative_link(p)))


def files_below(top: Path, skip: tuple[str, ...] = (), too_deep: list[Path] | None = None) -> list[Path]:
    """The files in `top` and its folders (links not followed, folders named in `skip` left out), walked without
    recursion, at most `MAX_FOLDER_DEPTH` levels down. A folder nested deeper is not looked into: it is added to
    `too_deep` when given (the caller says what it did not look at), else `StoreError` names it."""
    files, folders = [], [(top, 0)]
    while folders:
        folder, depth = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:
            continue  # missing or unreadable: what reads its files says so
        for entry in listed:
            if not entry.is_dir(follow_symlinks=False):
                if not entry.is_dir():  # a link to a folder is not walked, as `os.walk` did not
                    files.append(Path(entry.path))
            elif entry.name in skip:
                continue
            elif depth + 1 < MAX_FOLDER_DEPTH:
                folders.append((Path(entry.path), depth + 1))
            elif too_deep is not None:
                too_deep.append(Path(entry.path))
            else:
                nest = "/".join(Path(entry.path).relative_to(top.parent).parts[:2])
                from regdraft.core.commands import Command  # a refusal: not imported by every run

                remove = Command.git("rm", nest, switches=("r",))
                raise StoreError(
                    f"The folder {nest} holds folders nested more than {MAX_FOLDER_DEPTH} deep, and regdraft reads "
                    f"its texts from a few levels of folders only: remove or flatten it (`{remove}`, or delete it).")
    return files


def marked(ws: Workspace, relative: str) -> bool:
    """True when the file holds conflict markers (False when it cannot be read: its reader says why)."""
    try:
        return has_markers(ws.read(relative))
    except StoreError:
        return False  # missing, a link or not a file: the command that reads it says so
