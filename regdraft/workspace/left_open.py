"""A comment round left open when its amendment stopped being pending: adopted past the gate that closes rounds
(`amend adopt --force`), or rejected or withdrawn.

The round's file still says `open`, but no comment is taken there any more (`circulated.refuse_no_longer_pending`,
r43); the office still answers those received, as `comment respond` does. Every place that shows the round's state
says so (r44 office44): `round list`, `round show`, `comment list` and `amend show` through `LeftOpen`, the review
server's pages in their own words through `web.not_taken`.

Post-conditions:
1. `left_open` is None while the amendment is pending, or when none of its rounds is open; it reads the amendment's
   front matter at HEAD once (and, adopted, the history for its adoption's commit) only when a round is open.
2. `LeftOpen.fields` is what `--json` adds to a round (`taking_comments`, `left_open`): `taking_comments` is false
   for a closed round too, `left_open` set only on the open round the amendment left behind.
3. An adoption is dated as the document dates it (its `signed`), by its commit only when it gives no date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from regdraft.core.comments import Round, RoundStatus
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_history import Revision


@dataclass(frozen=True, slots=True)
class LeftOpen:
    """The amendment no longer pending, with a round of it still open: its status, and its adoption's commit."""

    status: str  # adopted, rejected or withdrawn, as committed
    adoption: Revision | None = None  # the commit that adopted it (None: not adopted, or its commit not found)
    signed: str | None = None  # the date its front matter gives it (`signed`, ISO): the day it was adopted

    @property
    def adopted_on(self) -> str | None:
        """The day it was adopted: the document's own (`signed`), the adoption commit's only when it gives none (a
        document signed 28/03/2025 and adopted in regdraft today read adopted today, r44 sweep CI F5)."""
        return self.signed or (self.adoption.date if self.adoption is not None else None)

    def clause(self, slug: str) -> str:
        """`the amendment 'qc-sua-doi-2025' was adopted on 2025-03-28 (commit 7688fbaa)`, or `… is withdrawn`."""
        if self.status != "adopted":
            return f"the amendment '{slug}' is {self.status}"
        commit = f" (commit {self.adoption.sha[:8]})" if self.adoption is not None else ""
        return f"the amendment '{slug}' was adopted" + (f" on {self.adopted_on}{commit}" if self.adopted_on else "")

    def sentence(self, slug: str, number: int) -> str:
        """Why open round `number` takes no comments, and what the office may still do: one sentence."""
        return (f"Round {number} is still open, but {self.clause(slug)}: comments are no longer taken; those received "
                "are still answered (`regdraft comment respond`).")

    def fields(self, r: Round) -> dict[str, Any]:
        """`taking_comments` and `left_open` of round `r` for `--json` (post-condition 2)."""
        if r.status is not RoundStatus.OPEN:
            return {"taking_comments": False, "left_open": None}
        adoption = self.adoption
        return {"taking_comments": False,
                "left_open": {"status": self.status, "adopted": self.adopted_on,
                              "commit": adoption.sha if adoption is not None else None}}


def left_open(ws: Workspace, slug: str, rounds: Sequence[Round]) -> LeftOpen | None:
    """The amendment no longer pending while one of its `rounds` is open (post-condition 1); None otherwise."""
    if not any(r.status is RoundStatus.OPEN for r in rounds):
        return None
    from regdraft.workspace.circulated import no_longer_pending

    ended = no_longer_pending(ws, slug)
    return LeftOpen(*ended) if ended is not None else None


def round_taking(r: Round, ended: LeftOpen | None) -> dict[str, Any]:
    """`taking_comments` and `left_open` of round `r` for `--json`: an open round of a pending amendment takes them."""
    if ended is not None:
        return ended.fields(r)
    return {"taking_comments": r.status is RoundStatus.OPEN, "left_open": None}


def left_open_lines(ws: Workspace, slug: str, rounds: Sequence[Round]) -> list[str]:
    """A sentence for each of `rounds` left open by the amendment no longer pending (`LeftOpen.sentence`)."""
    ended = left_open(ws, slug, rounds)
    if ended is None:
        return []
    return [ended.sentence(slug, r.number) for r in rounds if r.status is RoundStatus.OPEN]
