"""The review server's writes, one at a time: the wait for another process's writer is bounded, the wait for the
server's own writes is not.

Every write of the server (a comment sent, an answer) takes the workspace lock, which a `regdraft sync` or another
command holds while it writes; a request waits `kept.BUSY_WAIT` seconds for such a writer, then is refused (`Busy`),
its form shown again to send. The server's own requests once waited on that lock the same way, and that wait counted
the time each of the others took to commit: twenty members sending at one moment, on a busy machine (a commit there
taking half a second or more), had the last ones refused "the office is syncing" with no sync running, their
comments not recorded.

Post-conditions (`Turns.taking`):
1. The server's writes run one at a time, in its threads, each holding the workspace lock.
2. A write is refused (`WriterBusy`) only when it has waited `wait` seconds, not counting the time the server's own
   writes held the workspace meanwhile: the time counted is that of another process's writer (or one of the
   server's writes waiting for such a writer). A write of the server's own waits for the others before it.
3. At most `most` writes wait for their turn at once (`MOST_WAITING`); one more is refused at once (`Crowded`),
   nothing written, to be sent again in a moment. Each waiting write holds one of the threads the pages are built
   in too, and a stream of forms (2,000 withdrawals of one comment) queued without end (r35 sweep BH F4); twenty
   members sending at one moment all wait their turn.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from regdraft.workspace.journal import WriterBusy
from regdraft.workspace.store import Workspace, write_lock

_POLL = 0.05  # seconds between two looks at whether a write's turn has come
# Writes waiting at once: above twenty members sending at one moment, below the 40 threads Starlette runs requests in
# (pages are built in them too).
MOST_WAITING = 30


class Crowded(Exception):
    """A write refused without waiting: `MOST_WAITING` writes of the server were waiting for their turn already."""


class Turns:
    """The writes of one review server: one at a time, and how long they have held the workspace."""

    def __init__(self, most: int = MOST_WAITING) -> None:
        self._turn = threading.Lock()  # held by the write whose turn it is
        self._state = threading.Lock()
        self._most, self._waiting = most, 0  # writes that may wait for their turn at once; those waiting now
        self._held = 0.0  # seconds the server's writes have held the workspace lock, in all
        self._since: float | None = None  # when the write holding it now took it

    def waiting(self) -> int:
        """The writes waiting for their turn now (the one holding it not counted)."""
        with self._state:
            return self._waiting

    def held(self) -> float:
        """Seconds the server's writes have held the workspace lock so far, the one holding it now included."""
        with self._state:
            return self._held + (time.monotonic() - self._since if self._since is not None else 0.0)

    @contextmanager
    def taking(self, ws: Workspace, wait: float) -> Iterator[None]:
        """Hold the workspace lock for one write of the server, once the server's writes before it are done;
        `WriterBusy` once it waited `wait` seconds beyond the time those held the workspace (post-condition 2);
        `Crowded` at once when `most` writes wait already (post-condition 3)."""
        start, own = time.monotonic(), self.held()

        def left() -> float:
            return wait - (time.monotonic() - start - (self.held() - own))

        with self._state:
            if self._waiting >= self._most:
                raise Crowded(f"{self._waiting} of the review server's writes wait for their turn already.")
            self._waiting += 1
        try:
            while not self._turn.acquire(timeout=_POLL):
                if left() <= 0:
                    raise WriterBusy("The review server's writes waited for another writer to finish.", "")
        finally:
            with self._state:
                self._waiting -= 1
        try:
            with write_lock(ws, max(0.0, left())):
                with self._state:
                    self._since = time.monotonic()
                try:
                    yield
                finally:
                    with self._state:
                        self._held += time.monotonic() - (self._since or time.monotonic())
                        self._since = None
        finally:
            self._turn.release()
