"""A draft applied once per reading: the amendment applied to the text in force, kept for the readings it came from.

Accepting a proposal on the review server built the same draft three times, from the same bytes: placing the
comment (the draft its round circulated, and the working tree's), then the draft the proposal is written into; the
comments page before it had built it too. The parse cache (`parse_cache`) hands back the very same objects for the
same bytes while they are in its memory; a draft applied from those objects is the same draft, so it is kept here
under them.

Post-conditions:
1. `applied_once(before, amendment, reading, apply)` is `apply()`; when it was computed before for the same objects
   `before` and `amendment` (identity, not equality: a reading of other bytes is another object) and the same
   `reading` problems, that value, computed once. What `apply()` raises is raised, and nothing is kept.
2. At most `ENTRIES` drafts are kept (the latest used), with the objects they came from, so an object's id is not
   reused while its entry lives. Drafts are frozen values (`core.amend.applied.Applied`), shared between threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.core.amend.applied import Applied
    from regdraft.core.amend.document import Amendment
    from regdraft.core.errors import Problem
    from regdraft.core.model import Regulation

ENTRIES = 4

_kept: OrderedDict[tuple[int, int, tuple[Problem, ...]], tuple[Regulation, Amendment, Applied]] = OrderedDict()
_lock = threading.Lock()
applied_count = 0  # drafts applied here, not found kept (tests count them)


def applied_once(before: Regulation, amendment: Amendment, reading: tuple[Problem, ...],
                 apply: Callable[[], Applied]) -> Applied:
    """`apply()`, computed once for the objects `before` and `amendment` and the problems `reading`."""
    global applied_count
    key = (id(before), id(amendment), reading)
    with _lock:
        found = _kept.get(key)
        if found is not None and found[0] is before and found[1] is amendment:
            _kept.move_to_end(key)
            return found[2]
    applied = apply()
    with _lock:
        applied_count += 1
        _kept[key] = (before, amendment, applied)
        _kept.move_to_end(key)
        while len(_kept) > ENTRIES:
            _kept.popitem(last=False)
    return applied
