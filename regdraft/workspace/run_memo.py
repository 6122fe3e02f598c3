"""What one command, or one page of the review server, reads of the whole workspace, read once for the run.

`regdraft check` asked for every amendment of the workspace again for each pending amendment (its adopted
neighbours, `timeline.adopted_for`, for `reverts` and `bases`), and the review server's start page walked the whole
history again for each round (`late_comments.late_ids`): at 200 amendments, 60 rounds and 5,000 commits, `check`
took 23 s and the page 12.5 s, each growing with the square of the workspace (r27 sweep Z). Inside `run(ws)`, a
reading kept here (`kept`) is made once and handed to every later asker of the same key; outside it, `kept` just
reads.

Post-conditions:
1. A memo lives from the outermost `run(ws)` to its end, for that `Workspace` object only (the review server makes
   one for each request), and is dropped by any write through it (`forget`, called under the write lock): what is
   read after a write is read anew, never kept across commands.
2. `kept(ws, key, read)` returns what `read()` returned the first time `key` was asked in the run (outside a run,
   `read()` itself); the caller hands out a copy where the value may be changed (a list).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

T = TypeVar("T")

_memos: weakref.WeakKeyDictionary[object, dict[Hashable, Any]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()  # the review server's threads each hold a workspace of their own; the table is shared


@contextmanager
def run(ws: Workspace) -> Iterator[None]:
    """Keep what is read of `ws` (`kept`) until the end of the outermost `run` (or the next write)."""
    with _lock:
        outermost = ws not in _memos
        if outermost:
            _memos[ws] = {}
    try:
        yield
    finally:
        if outermost:
            with _lock:
                _memos.pop(ws, None)


def active(ws: Workspace) -> bool:
    """Whether a run keeps what is read of `ws`."""
    with _lock:
        return ws in _memos


def kept(ws: Workspace, key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, made once for `key` in a run of `ws` (every time outside one)."""
    with _lock:
        memo = _memos.get(ws)
        if memo is not None and key in memo:
            found: T = memo[key]
            return found
    value = read()
    with _lock:
        memo = _memos.get(ws)
        if memo is not None:
            memo[key] = value
    return value


def forget(ws: object) -> None:
    """Drop what a run kept of `ws` (a write: what is read next is read anew, and kept again)."""
    with _lock:
        if ws in _memos:
            _memos[ws] = {}
