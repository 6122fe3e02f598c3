"""A first sync's care with the remote's tree (r39 sweep BX F2, F5): what no workspace may hold is refused before
anything is written, and what was written is taken away again, exactly, when the sync fails half way.

A crafted remote commit held two entries named `amendments/x` (a link pointing out of the workspace, and a folder):
git dropped the link from the index silently, failed the checkout yet wrote `amendments/x/pwn.md`, and the sync then
crashed in its own rollback (`unlink()` on a folder), leaving the remote's files half written. Another held
`.git/hooks/post-checkout` (or `.GIT/…`, or a `..` folder), which git refuses with its raw "invalid path" error.

1. `unfit_entry` finds, from the commit's listing alone, a path no workspace may hold (a `.git` folder in any spelling
   git refuses, `.`, `..`, an empty name) or two entries under one name; `refusal` words it for the drafter.
2. `written_folders` names the folders the files to be written will create; `remove_written` removes those files
   and folders (deepest first), never anything that was there before, never through a link, and never raises: it
   returns what it could not remove.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from regdraft.core.commands import Command
from regdraft.core.text import shown_name

# What an entry of `git ls-tree` is, by its mode, in a drafter's words.
_KINDS = {"040000": "a folder", "120000": "a link", "160000": "a submodule"}


def unfit_entry(listing: str) -> tuple[str, str] | None:
    """In `git ls-tree -r -t -z` output: the first entry no workspace may hold, as (path, why) — why is "unfit" or the
    kinds of two entries under one name ("a link and a folder") — or None. A folder unfit in itself (`..`) is named
    by a file in it; one holding no file is never written and is let be."""
    seen: dict[str, str] = {}
    for entry in listing.split("\0"):
        if not entry:
            continue
        info, path = entry.split("\t", 1)
        mode = info.split()[0]
        kind = _KINDS.get(mode, "a file")
        if path in seen:
            return path, f"{seen[path]} and {kind}"
        seen[path] = kind
        if mode != "040000" and not fit_path(path):
            return path, "unfit"
    return None


def fit_path(path: str) -> bool:
    """Whether git would write the path into a workspace: no empty name, `.` or `..`, and no `.git` in any spelling
    git refuses (any case, dots or spaces after it, `git~1`, an NTFS stream `.git::$INDEX_ALLOCATION`)."""
    for name in path.split("/"):
        if name in ("", ".", ".."):
            return False
        if name.lower().split(":", 1)[0].rstrip(". ") in (".git", "git~1"):
            return False
    return True


def refusal(path: str, why: str, remote: str, branch: str, theirs: str) -> str:
    """The refusal of a commit holding `path` (`unfit_entry`'s why), naming the commit and what to do."""
    what = (f"the path {shown_name(path)}, which no workspace may hold (git keeps its own files under `.git`, and "
            f"`.` and `..` name no file)" if why == "unfit" else
            f"two entries named {shown_name(path)} ({why}), which no workspace can hold side by side")
    return (f"Refusing to sync: this workspace has no commit yet, and {remote}'s {branch} (commit {theirs[:8]}) "
            f"holds {what}. Nothing was changed. Ask whoever sent that commit to {remote} to take it back "
            f"(`{Command.git('log', f'{remote}/{branch}')}` says who), then run `{Command.of('sync')}` again.")


def written_folders(root: Path, files: list[str]) -> list[str]:
    """The folders writing `files` (none there yet) creates: each missing folder above one, deepest first."""
    folders = {str(folder) for path in files for folder in PurePosixPath(path).parents if str(folder) != "."}
    return sorted((f for f in folders if not os.path.lexists(root / f)), key=lambda f: (-f.count("/"), f))


def remove_written(root: Path, files: list[str], folders: list[str]) -> list[str]:
    """Remove `files` and `folders` (from `written_folders`), which were not there before: a file or a link is
    unlinked, a folder removed when empty, deepest first (a folder git made where a file was to be is one of them).
    Nothing is reached through a link, nor outside `root` (a path unfit for a workspace, `fit_path`, is let be).
    Never raises: what could not be removed (an error, a link on the way, a folder holding something else, an unfit
    path) is returned."""
    left = [path for path in (*files, *folders) if not fit_path(path)]
    made = {folder for folder in folders if fit_path(folder)}
    for relative in files:
        path = root / relative
        if not fit_path(relative):
            continue
        try:
            if not _real_folder(root, PurePosixPath(relative).parent):
                left.append(relative)
                continue
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            continue
        except OSError:
            left.append(relative)
            continue
        if stat.S_ISDIR(mode):
            made.add(relative)
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            left.append(relative)
    for relative in sorted(made, key=lambda f: (-f.count("/"), f)):
        try:
            if _real_folder(root, PurePosixPath(relative)):
                (root / relative).rmdir()
            elif os.path.lexists(root / relative):
                left.append(relative)
        except FileNotFoundError:
            pass
        except OSError:
            left.append(relative)
    return sorted(set(left))


def _real_folder(root: Path, relative: PurePosixPath) -> bool:
    """Whether each folder from `root` down to `relative` is a folder, none of them a link (so nothing under it is
    reached outside the workspace). Raises FileNotFoundError when one is missing."""
    at = root
    for name in relative.parts:
        at = at / name
        if not stat.S_ISDIR(os.lstat(at).st_mode):
            return False
    return True
