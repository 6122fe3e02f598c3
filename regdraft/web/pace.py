"""How fast one reviewer's access link may send comment forms: a token bucket per link, kept by the server.

Each comment form sent takes the workspace's write lock (and, recorded, makes a commit), so a member's script
sending forms as fast as it could kept every other member's submission waiting behind its own. A link may send
`BURST` forms at once, then `review: submissions_per_minute` a minute (`review_limits.per_member`; regdraft.yaml
read at each submission, so a rate the office changes holds at once); the next is answered before the lock is taken,
with the seconds to wait. A person writing comments never notices it.

Post-conditions:
1. `Pace.wait(key, per_minute)` is 0 and counts one form when the link `key` has one left in its bucket (which
   holds `min(BURST, per_minute)` and gains `per_minute` a minute); otherwise it is the seconds (> 0) until it has
   one, and nothing is counted (a refused form costs its sender nothing more).
2. Only reviewers are paced (`paced`): a drafter's link, the local drafter (no links) and the office's own commands
   are not. A visitor without a valid link or form never reaches the lock (refused first), so nothing is kept for
   an address.
3. A member's comment forms, their edits of a comment (`web.edits`) and their withdrawals share the link's bucket:
   each takes the lock. A withdrawal of a comment withdrawn already is answered before (nothing to write), uncounted.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from pathlib import Path

from regdraft.core.errors import Category
from regdraft.web.guard import Visitor
from regdraft.web.words import Refused, Words
from regdraft.workspace.access import Role

BURST = 10  # forms one link may send at once: a member pasting the comments prepared in a meeting, several tabs
KEPT = 10_000  # links whose buckets are kept; past it, the full ones are dropped (they start full again anyway)


class Pace:
    """The buckets of the links that sent forms to this server (in memory: a restart starts them full)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # link -> (forms it may still send, when counted)

    def wait(self, key: str, per_minute: int) -> float:
        """0 when the link `key` may send a form now (it is counted), else the seconds until it may."""
        capacity, rate = float(min(BURST, per_minute)), per_minute / 60
        now = self._clock()
        with self._lock:
            tokens, then = self._buckets.get(key, (capacity, now))
            tokens = min(capacity, tokens + max(0.0, now - then) * rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            if len(self._buckets) > KEPT:
                full = [k for k, (left, at) in self._buckets.items() if left + (now - at) * rate >= capacity]
                for k in full:
                    del self._buckets[k]
            return (1 - tokens) / rate


def paced(pace: Pace, root: Path, visitor: Visitor) -> tuple[float, int]:
    """The seconds a reviewer must wait before this form is taken (0: taken and counted), and the rate that holds;
    (0, 0) for a drafter, who is not paced. Reads regdraft.yaml (a worker thread's work)."""
    if visitor.role is not Role.REVIEWER:
        return 0.0, 0
    from regdraft.workspace.access import review_settings
    from regdraft.workspace.review_limits import per_member
    from regdraft.workspace.store import Workspace

    per_minute = per_member(review_settings(Workspace(root)))[0].submissions_per_minute
    return pace.wait(visitor.key, per_minute), per_minute


class TooFast(Refused):
    """A reviewer's form refused for coming faster than `paced` allows (429), with the whole seconds to wait."""

    def __init__(self, message: str, seconds: int) -> None:
        super().__init__(message, Category.USAGE)
        self.seconds = seconds


def refusal(pace: Pace, root: Path, visitor: Visitor, ui: Words, button: str = "send") -> tuple[str, int] | None:
    """None when a reviewer's form is taken now (and counted); else the refusal in the page's words, the button
    `button` (a `words.yaml` key) to press again named, and the whole seconds to wait (`Retry-After`)."""
    wait, per_minute = paced(pace, root, visitor)
    if not wait:
        return None
    return (pace_message(ui, visitor.name, visitor.body, min(BURST, per_minute), per_minute, wait, button),
            math.ceil(wait))


def pace_message(ui: Words, name: str, body: str, burst: int, per_minute: int, wait: float,
                 button: str = "send") -> str:
    """The refusal of a form sent too fast, the wait counted in the page's words (`1 second`, `3 seconds`)."""
    return ui("too_fast", name=name, body=body, burst=burst, limit=per_minute,
              seconds=ui.count(math.ceil(wait), "second"), send=ui(button))
