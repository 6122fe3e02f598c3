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
   server's writes waiting for such a writer). A write of the server's own waits for the others, however many.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from regdraft.workspace.journal import WriterBusy
from regdraft.workspace.store import Workspace, write_lock

_POLL = 0.05  # seconds between two looks at whether a write's turn has come


class Turns:
    """The writes of one review server: one at a time, and how long they have held the workspace."""

    def __init__(self) -> None:
        self._turn = threading.Lock()  # held by the write whose turn it is
        self._state = threading.Lock()
        self._held = 0.0  # seconds the server's writes have held the workspace lock, in all
        self._since: float | None = None  # when the write holding it now took it

    def held(self) -> float:
        """Seconds the server's writes have held the workspace lock so far, the one holding it now included."""
        with self._state:
            return self._held + (time.monotonic() - self._since if self._since is not None else 0.0)

    @contextmanager
    def taking(self, ws: Workspace, wait: float) -> Iterator[None]:
        """Hold the workspace lock for one write of the server, once the server's writes before it are done;
        `WriterBusy` once it waited `wait` seconds beyond the time those held the workspace (post-condition 2)."""
        start, own = time.monotonic(), self.held()

        def left() -> float:
            return wait - (time.monotonic() - start - (self.held() - own))

        while not self._turn.acquire(timeout=_POLL):
            if left() <= 0:
                raise WriterBusy("The review server's writes waited for another writer to finish.", "")
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
