"""The files of the working tree the review server's pages read, walked at the cost of what changed since the last
walk, not of how many there are (r31 sweep AS, defect 5: each page request walked every folder of `regulations`,
`amendments`, `templates` and `profiles` two or three times; 30,000 ignored files under `templates/cache` cost 427 ms
a walk, and nothing bounded it).

Post-conditions (`Folders.walk(root, tops, vouched)`):
1. A folder is listed (`os.scandir`) only when its status (device, inode, modification and change times) is not the
   one it had when it was last listed, or when that listing was taken within `comment_cache.RACY_NS` of the folder's
   last change (an entry added or removed in the same tick of the clock leaves the status as it was). Otherwise it
   costs one `os.lstat`: a second walk with nothing changed lists no folder. An entry added, removed or renamed changes
   its folder's status; an edit of a file does not, and is the caller's to see (it stats the files it is handed).
2. A symbolic link is one entry, never walked through (to a folder, to `/`, in a loop); a folder that cannot be read
   is a folder with nothing in it (listed again once its mode changes, which changes its status); a FIFO, socket or
   device is an entry, never opened.
3. `Walked.unwatched` is every entry (not a folder) at or under `tops` that is not in `vouched()`: the files whose
   edits git's status does not report. `vouched` is asked once a walk; what each folder holds of it is worked out
   again only when it hands back another set (the index changed) or the folder was listed again.
4. Bounded: at most `LISTED` entries are listed and kept in all (a folder's listing stops there). Beyond, the walk
   says so (`Walked.over`, with the folder holding the most) and hands out no files: the caller keeps nothing.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from regdraft.workspace import comment_cache

LISTED = 100_000  # entries of the folders walked, of any kind: about 10 MB of names kept


@dataclass(frozen=True)
class _Folder:
    """One folder as it was listed: its status then, whether that listing may stand for it, and what it holds."""

    status: tuple[int, int, int, int]  # device, inode, modification and change times (ns)
    trusted: bool  # listed `RACY_NS` after it last changed: an unchanged status means the same entries
    folders: tuple[str, ...]  # its folders (not links), as paths relative to the root, `/`-separated
    entries: tuple[str, ...]  # all else it holds: files, links, FIFOs...


@dataclass
class Walked:
    """What one walk found, and what it cost (tests look at `listed` and `stated`)."""

    unwatched: list[str] = field(default_factory=list)  # relative paths, in no particular order
    entries: int = 0  # entries of every kind under the tops
    listed: int = 0  # folders listed by this walk
    stated: int = 0  # folders and tops stat'ed by this walk
    over: str = ""  # beyond `LISTED`: the folder holding the most entries met (nothing else is handed out)


class Folders:
    """The folders under a workspace's tops as last listed, for one server (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._folders: dict[str, _Folder] = {}
        self._vouched: object = None  # the set `vouched` handed out last
        self._unwatched: dict[str, tuple[_Folder, tuple[str, ...]]] = {}  # folder -> (its listing, unwatched in it)

    def walk(self, root: Path, tops: tuple[str, ...], vouched: Callable[[], set[str]]) -> Walked:
        """The entries at or under `tops` (relative to `root`) that are not in `vouched()` (post-conditions 1-4)."""
        with self._lock:
            return self._walk(str(root), tops, vouched)

    def _walk(self, root: str, tops: tuple[str, ...], vouched: Callable[[], set[str]]) -> Walked:
        taken = comment_cache.now()
        walked = Walked()
        seen: dict[str, _Folder] = {}
        loose: list[str] = []  # tops that are no folder
        stack: list[tuple[str, os.stat_result]] = []
        for top in tops:
            walked.stated += 1
            try:
                info = os.lstat(os.path.join(root, top))
            except OSError:  # absent: nothing to read
                continue
            if stat.S_ISDIR(info.st_mode):
                stack.append((top, info))
            else:  # a file, or a link (to `/`, say): one entry
                loose.append(top)
                walked.entries += 1
        biggest = ("", -1)
        while stack:
            relative, info = stack.pop()
            status = (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
            folder = self._folders.get(relative)
            if folder is None or not folder.trusted or folder.status != status:
                folder = _listed(root, relative, status, taken, LISTED - walked.entries)
                walked.listed += 1
            seen[relative] = folder
            held = len(folder.folders) + len(folder.entries)
            walked.entries += held
            if held > biggest[1]:
                biggest = (relative, held)
            if walked.entries > LISTED:
                self._folders = seen  # what was listed is kept (no more than `LISTED`): the next walk costs stats
                walked.over = biggest[0]
                return walked
            for inner in folder.folders:
                walked.stated += 1
                try:
                    inner_info = os.lstat(os.path.join(root, inner))
                except OSError:  # gone since its folder was listed: the folder is listed again next time
                    continue
                if stat.S_ISDIR(inner_info.st_mode):
                    stack.append((inner, inner_info))
                else:  # a folder replaced by a file or a link: one entry
                    loose.append(inner)
        self._folders = seen
        known = vouched() if seen or loose else set()
        if known is not self._vouched:
            self._vouched, self._unwatched = known, {}
        kept: dict[str, tuple[_Folder, tuple[str, ...]]] = {}
        for relative, folder in seen.items():
            before = self._unwatched.get(relative)
            if before is None or before[0] is not folder:
                before = (folder, tuple(path for path in folder.entries if path not in known))
            kept[relative] = before
            walked.unwatched.extend(before[1])
        self._unwatched = kept
        walked.unwatched.extend(path for path in loose if path not in known)
        return walked


def _listed(root: str, relative: str, status: tuple[int, int, int, int], taken: int, room: int) -> _Folder:
    """The folder at `relative` listed now (at most `room` + 1 entries: one more says the walk is over)."""
    folders: list[str] = []
    entries: list[str] = []
    whole = True
    try:
        with os.scandir(os.path.join(root, relative)) as listing:
            for entry in listing:
                path = f"{relative}/{entry.name}"
                try:
                    inside = entry.is_dir(follow_symlinks=False)
                except OSError:
                    inside = False
                (folders if inside else entries).append(path)
                if len(folders) + len(entries) > room:
                    whole = False  # cut short: listed again by the next walk, never taken for the whole folder
                    break
    except OSError:  # unreadable (mode 000), or gone: nothing in it until its status changes
        folders, entries = [], []
    trusted = whole and max(status[2], status[3]) < taken - comment_cache.RACY_NS
    return _Folder(status, trusted, tuple(folders), tuple(entries))
