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

Post-conditions:
1. `reading(path, data, parse)` equals `parse(path, data)` (the same comment and problems, or the same `ParseError`
   raised again: a file that does not read is not kept).
2. `unchanged(where, path, info)` is the reading of the bytes the file had when `reading` was given the same status
   `info` taken at least `RACY_NS` after the file last changed, or None: the caller reads the file then.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.core.comments import Comment
    from regdraft.core.errors import Problem

Reading = tuple["Comment | None", tuple["Problem", ...]]

MAX_BYTES = 64 * 1024 * 1024  # of comment files whose readings are kept (about 1,600 comments of MAX_TEXT letters)

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
            info: os.stat_result | None = None, taken: int = 0) -> Reading:
    """`parse(path, data)`, kept for the next reading of the same bytes at the same path; with `where` (the
    workspace's folder) and `info` (the file's status taken at `now()` = `taken`, before `data` was read), also for
    `unchanged` when the file had last changed `RACY_NS` before."""
    global _size
    key = (path, hashlib.blake2b(data, digest_size=32).digest())
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            _remember(where, path, info, taken, key)
            return found[0]
    result = parse(path, data)  # outside the lock: threads parse their own files at once
    with _lock:
        if key not in _kept:
            _kept[key] = (result, len(data))
            _size += len(data)
        while _size > MAX_BYTES and _kept:
            _, (_, size) = _kept.popitem(last=False)
            _size -= size
        _remember(where, path, info, taken, key)
    return result


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
