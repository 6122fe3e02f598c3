"""Moved and renumbered provisions: which aligned provisions keep their old order, and where a moved one stood.

A level of aligned provisions (`Comparison.provisions`, or a provision's children) follows the new
text. The longest run of pairs that keeps its old order stays where it is: a pair of that run under
another label is renumbered; a pair outside it has moved. `reading_order` gives the level as a
reader of the marked text (or of a Word redline) meets it: each provision where it stands now, and
each moved or removed one also where it stood.

Post-conditions:
1. `reading_order` lists every provision of the level once, plus each moved provision a second
   time (`MOVED_AWAY`); a provision with both sides in the run is `HERE`, one outside it
   `MOVED_HERE`.
2. A removed or moved-away provision comes right after the last provision before it in the old
   text that still stands there; the provisions that stand keep the new order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from regdraft.core.align import flatten, increasing
from regdraft.core.diff import Provision
from regdraft.core.model import Regulation, unit_address


class Place(StrEnum):
    """Where a provision is printed in the reading order."""

    HERE = "here"                # where it stands in the new text, in its old order
    MOVED_HERE = "moved here"    # a moved provision, where it stands now
    MOVED_AWAY = "moved away"    # the same provision, where it stood
    REMOVED = "removed"          # a provision the new text no longer has, where it stood


def top_ranks(old: Regulation) -> dict[str, int]:
    """The old text's headings and articles (as address codes) numbered in their order."""
    return {str(item.address): k for k, item in enumerate(flatten(old))}


def child_ranks(p: Provision) -> dict[str, int]:
    """The old clauses or points directly inside a provision, numbered in their order."""
    if p.old is None or p.old_address is None:
        return {}
    return {str(unit_address(c, p.old_address)): k for k, c in enumerate(p.old.children)}


def reading_order(level: Sequence[Provision], old_rank: Mapping[str, int]) -> list[tuple[Provision, Place]]:
    """The level as read: the new order, with each moved or removed provision also where it stood."""
    def rank(p: Provision) -> int | None:
        return old_rank.get(str(p.old_address)) if p.old is not None else None

    pairs = [(k, r) for k, p in enumerate(level) if p.new is not None and (r := rank(p)) is not None]
    keep = increasing(pairs)
    out: list[tuple[Provision, Place]] = []
    gone: list[tuple[Provision, Place]] = []
    for k, p in enumerate(level):
        if rank(p) is None or (p.new is not None and k in keep):
            out.append((p, Place.HERE))
        elif p.new is None:
            gone.append((p, Place.REMOVED))
        else:
            out.append((p, Place.MOVED_HERE))
            gone.append((p, Place.MOVED_AWAY))
    for p, place in sorted(gone, key=lambda g: rank(g[0]) or 0):
        mine = rank(p) or 0
        at = 0
        for k, (q, where) in enumerate(out):
            r = None if where is Place.MOVED_HERE else rank(q)
            if r is not None and r < mine:
                at = k + 1
        out.insert(at, (p, place))
    return out
