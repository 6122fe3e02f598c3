"""Comment files read once per content: the review server read and parsed every comment file for every page and
every submission, and a member's hundred long comments made every page take two seconds.

A comment file's reading (`core.comment_yaml.read_comment`, then the check that it is named by its id) depends on
nothing but its path in the workspace and its bytes, so it is kept under the path and a digest of the bytes: a file
edited, replaced (by hand, by a merge, by `git checkout`), whatever its size or time, has other bytes and is read
again. The bytes are still read each time; only the parsing is saved. A long-lived process (the review server)
keeps up to `MAX_BYTES` of comment files' readings, the least recently used dropped first.

Post-conditions:
1. `reading(path, data, parse)` equals `parse(path, data)` (the same comment and problems, or the same `ParseError`
   raised again: a file that does not read is not kept).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.core.comments import Comment
    from regdraft.core.errors import Problem

Reading = tuple["Comment | None", tuple["Problem", ...]]

MAX_BYTES = 64 * 1024 * 1024  # of comment files whose readings are kept (about 1,600 comments of MAX_TEXT letters)

_kept: OrderedDict[tuple[str, bytes], tuple[Reading, int]] = OrderedDict()
_size = 0
_lock = threading.Lock()  # the review server reads in several threads


def reading(path: str, data: bytes, parse: Callable[[str, bytes], Reading]) -> Reading:
    """`parse(path, data)`, kept for the next reading of the same bytes at the same path."""
    global _size
    key = (path, hashlib.blake2b(data, digest_size=32).digest())
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found[0]
    result = parse(path, data)  # outside the lock: threads parse their own files at once
    with _lock:
        if key not in _kept:
            _kept[key] = (result, len(data))
            _size += len(data)
        while _size > MAX_BYTES and _kept:
            _, (_, size) = _kept.popitem(last=False)
            _size -= size
    return result


def forget() -> None:
    """Drop every kept reading (tests: a reading from scratch)."""
    global _size
    with _lock:
        _kept.clear()
        _size = 0
