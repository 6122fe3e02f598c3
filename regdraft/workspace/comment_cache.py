"""Comment files read once per content: the review server read and parsed every comment file for every page and
every submission, and a member's hundred long comments made every page take two seconds.

A comment file's reading (`core.comment_yaml.read_comment`, then the check that it is named by its id) depends on
nothing but its path in the workspace and its bytes, so it is kept under the path and a digest of the bytes: a file
edited, replaced (by hand, by a merge, by `git checkout`), whatever its size or time, has other bytes and is read
again. A long-lived process (the review server) keeps up to `MAX_BYTES` of comment files' readings, the least
recently used dropped first.

The bytes need not be read again either when the file's status says it has not changed since (`unchanged`): its
device, inode, size, modification and change times all the same, as git trusts its index. A submission checks
every comment of its round for a form sent twice, under the workspace's write lock; reading 500 files there held
every other member's submission (docs/performance.md). A status is trusted only when the file had last changed
more than `RACY_NS` before it was taken (git's "racily clean" rule): a file changed again within the clock's
granularity of its reading could keep its times and size, but one changed later gets a later change time, which
no program can set back (only the modification time can be set, `touch -d`, `cp -p`). A file changed by hand,
by a merge or by `git checkout` is therefore read again, whatever its size or modification time.

Between commands, the readings of an amendment's comment files are kept in the workspace's cache (`Shelf`): `check`
read and parsed all 12,612 comment files of a large workspace on every run, 3 ms each profiled (r29 sweep AM D3). A kept
reading is used only for the same path and the same bytes (their digest, taken of the file as read now); a file
changed in any way, by anyone, is read again. The shelf is data (regdraft's data classes, read back by the parse
cache's unpickler, signed), written whole and atomically: commands run at once each see a whole shelf, and one that
lost a race only reads again what the other's shelf lacks.

Post-conditions:
1. `reading(path, data, parse)` equals `parse(path, data)` (the same comment and problems, or the same `ParseError`
   raised again: a file that does not read is not kept), with a `Shelf` or without.
2. `unchanged(where, path, info)` is the reading of the bytes the file had when `reading` was given the same status
   `info` taken at least `RACY_NS` after the file last changed, or None: the caller reads the file then.
3. A `Shelf` is read from the cache at most once per `load_comments`, when at least one file in `SHELF_SHARE` is not
   known to this process, and written only when what it would hold (a path and its digest) changed: a comment
   added, edited or removed.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from regdraft.core.comments import Comment
    from regdraft.core.errors import Problem
    from regdraft.workspace.store import Workspace

Reading = tuple["Comment | None", tuple["Problem", ...]]

MAX_BYTES = 64 * 1024 * 1024  # of comment files whose readings are kept (about 1,600 comments of MAX_TEXT letters)

SHELF_SHARE = 8  # the shelf is read when at least one file in 8 is not known to this process (`Shelf.worth`)

RACY_NS = 2_000_000_000  # a file changed within 2 s before its status was taken is read again (FAT keeps 2 s times)

_kept: OrderedDict[tuple[str, bytes], tuple[Reading, int]] = OrderedDict()
_size = 0
# A workspace's folder and a file's path in it -> the file's status when it was read, and its reading's key.
_known: dict[tuple[str, str], tuple[tuple[int, ...], tuple[str, bytes]]] = {}
_lock = threading.Lock()  # the review server reads in several threads


def now() -> int:
    """The clock a status is compared with, in nanoseconds (tests move it on)."""
    return time.time_ns()


def status_of(info: os.stat_result) -> tuple[int, ...]:
    """What of a file's status says it changed: device, inode, size, modification and change times, mode."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_mode)


def unchanged(where: str, path: str, info: os.stat_result) -> Reading | None:
    """The reading kept for the file at `path` of the workspace at `where` when `info`, its status now, is the one
    it had when it was read (and that status was trusted); None otherwise."""
    with _lock:
        known = _known.get((where, path))
        if known is None or known[0] != status_of(info):
            return None
        found = _kept.get(known[1])
        if found is None:
            return None
        _kept.move_to_end(known[1])
        return found[0]


def reading(path: str, data: bytes, parse: Callable[[str, bytes], Reading], where: str = "",
            info: os.stat_result | None = None, taken: int = 0, shelf: Shelf | None = None) -> Reading:
    """`parse(path, data)`, kept for the next reading of the same bytes at the same path; with `where` (the
    workspace's folder) and `info` (the file's status taken at `now()` = `taken`, before `data` was read), also for
    `unchanged` when the file had last changed `RACY_NS` before; with a `shelf`, taken from it and put on it."""
    global _size
    key = (path, hashlib.blake2b(data, digest_size=32).digest())
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            _remember(where, path, info, taken, key)
    if found is not None:
        if shelf is not None:
            shelf.put(key, found[0])
        return found[0]
    result = shelf.get(key) if shelf is not None else None
    if result is None:
        result = parse(path, data)  # outside the lock: threads parse their own files at once
    if shelf is not None:
        shelf.put(key, result)
    with _lock:
        if key not in _kept:
            _kept[key] = (result, len(data))
            _size += len(data)
        while _size > MAX_BYTES and _kept:
            _, (_, size) = _kept.popitem(last=False)
            _size -= size
        _remember(where, path, info, taken, key)
    return result


class Shelf:
    """The readings of one amendment's comment files kept in the workspace's cache between commands, each with the
    digest of the bytes it was read from (see the module)."""

    def __init__(self, ws: Workspace, slug: str, parse: Callable[[str, bytes], Reading]) -> None:
        self._ws = ws
        # What the reading depends on besides the bytes: the code reading it (regdraft/core is in the parse cache's
        # fingerprint; `parse`'s own module is not) and the amendment.
        module = sys.modules.get(parse.__module__)
        source = getattr(module, "__file__", None) or ""
        try:
            info = os.stat(source)
            code = f"{parse.__module__}.{parse.__qualname__}:{info.st_size}:{info.st_mtime_ns}"
        except OSError:
            code = ""
        self._names = (slug, code)
        self._kept: dict[str, tuple[bytes, Reading]] | None = None
        self._put: dict[str, tuple[bytes, Reading]] = {}
        self._usable = bool(code)

    @staticmethod
    def worth(unknown: int, files: int) -> bool:
        """Whether to take `unknown` readings of an amendment's `files` from the shelf: reading and writing it costs
        about a tenth of parsing each of its files (0.08 s for 2,600), so not for a few among many."""
        return unknown > 0 and unknown * SHELF_SHARE >= files

    def _loaded(self) -> dict[str, tuple[bytes, Reading]]:
        if self._kept is None:
            from regdraft.workspace.parse_cache import kept_under

            found: Any = kept_under(self._ws, "comments", self._names) if self._usable else None
            self._kept = found if isinstance(found, dict) else {}
        return self._kept

    def get(self, key: tuple[str, bytes]) -> Reading | None:
        """The reading kept for these bytes at this path (`key`: the path and their digest), else None."""
        found = self._loaded().get(key[0])
        if isinstance(found, tuple) and len(found) == 2 and found[0] == key[1] and _is_reading(found[1]):
            return found[1]
        return None

    def put(self, key: tuple[str, bytes], result: Reading) -> None:
        """Keep the reading of these bytes at this path."""
        self._put[key[0]] = (key[1], result)

    def save(self, listed: set[str]) -> None:
        """Write the shelf when what it holds changed: the files `listed` now, each with its latest reading."""
        if not self._usable or (self._kept is None and not self._put):
            return
        old = self._loaded()
        new = {path: entry for path, entry in old.items() if path in listed}
        new.update((path, entry) for path, entry in self._put.items() if path in listed)
        if {p: e[0] for p, e in new.items()} != {p: e[0] for p, e in old.items()}:
            from regdraft.workspace.parse_cache import keep_under

            keep_under(self._ws, "comments", self._names, new)


def _is_reading(value: Any) -> bool:
    """A comment file's reading as `parse` gives it: the comment (or None) and a tuple of problems."""
    from regdraft.core.comments import Comment
    from regdraft.core.errors import Problem

    return (isinstance(value, tuple) and len(value) == 2 and (value[0] is None or isinstance(value[0], Comment))
            and isinstance(value[1], tuple) and all(isinstance(p, Problem) for p in value[1]))


def _remember(where: str, path: str, info: os.stat_result | None, taken: int, key: tuple[str, bytes]) -> None:
    """Keep the file's status (with `_lock` held) when it may be trusted: the file changed `RACY_NS` before."""
    if not where or info is None:
        return
    if not trusted(info, taken):
        _known.pop((where, path), None)  # changed too recently: read again next time
        return
    if len(_known) > 4 * len(_kept) + 10_000:  # statuses whose readings were dropped
        for stale in [k for k, (_, kept) in _known.items() if kept not in _kept]:
            del _known[stale]
    _known[(where, path)] = (status_of(info), key)


def trusted(info: os.stat_result, taken: int) -> bool:
    """Whether a status taken at `taken` may stand for the file's bytes: it last changed `RACY_NS` before."""
    return info.st_ctime_ns > 0 and max(info.st_mtime_ns, info.st_ctime_ns) < taken - RACY_NS


def forget() -> None:
    """Drop every kept reading (tests: a reading from scratch)."""
    global _size
    with _lock:
        _kept.clear()
        _known.clear()
        _size = 0
