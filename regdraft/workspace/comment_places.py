"""Where a comment stands: its place among a round's comments as a reader goes through them (`reading_order`), and
where its provision is in the current draft (`place`: unchanged, changed, moved, removed), followed from the draft its
round circulated through each later one. `rounds.list_comments` and `rounds.build_report` read them; split out of
`workspace.rounds` (r44 office44), unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.anchoring import Placement, State, follow
from regdraft.core.comments import GENERAL, Comment, Round, own_anchor
from regdraft.core.errors import AmendmentConflict, RegdraftError
from regdraft.core.model import Address, Regulation
from regdraft.core.parts import reading_place
from regdraft.workspace.circulated import Drafts


def reading_order(c: Comment, rounds: Sequence[Round], drafts: Drafts) -> tuple[int, bool, bool, int]:
    """Comments as a reader goes through them: by round, the main regulation first, general comments
    first, then in the order of the provisions in the draft the round circulated; then (the caller's) as made
    (`comment_order.in_made_order`: those recorded in one second in the order they were recorded, those of one import
    in its order)."""
    position = 0
    if c.on != GENERAL:
        revision = next((r.revision for r in rounds if r.number == c.round), None)
        try:
            order = drafts.order(revision, c.regulation)
        except RegdraftError:
            order = {}
        position = reading_place(order, c.on)
    return c.round, bool(c.regulation), c.on != GENERAL, position


def place(c: Comment, rounds: Sequence[Round], drafts: Drafts) -> Placement:
    """Where the provision of comment `c` stands in the current draft, followed from the draft its round circulated."""
    if c.on == GENERAL:
        return Placement(State.GENERAL, GENERAL)
    try:
        later = [drafts.at(r.revision, c.regulation) for r in rounds if r.number > c.round]
        try:
            now = drafts.at(None, c.regulation)
        except AmendmentConflict:  # an adoption since took what it relies on: its comments are needed most now
            return Placement(State.UNKNOWN, c.on)
        return follow(c.on, own_anchor_of(c, rounds, drafts), [*later, now], circulated(c, rounds, drafts))
    except RegdraftError:
        if not c.regulation:
            raise
        return Placement(State.REMOVED, c.on)  # the amendment no longer amends the comment's regulation


def circulated(c: Comment, rounds: Sequence[Round], drafts: Drafts) -> Regulation | None:
    """The draft the comment's round circulated (None when it cannot be read)."""
    revision = next((r.revision for r in rounds if r.number == c.round), None)
    if revision is None:
        return None
    try:
        return drafts.at(revision, c.regulation)
    except RegdraftError:
        return None


def own_anchor_of(c: Comment, rounds: Sequence[Round], drafts: Drafts) -> str:
    """The comment's anchor; for a comment on a lead-in, closing text or dash item recorded with its unit's
    whole text (as regdraft recorded them before), the part's own text in the draft the round circulated."""
    if not Address.parse(c.on).part:
        return c.anchor
    revision = next((r.revision for r in rounds if r.number == c.round), None)
    if revision is None:
        return c.anchor
    try:
        return own_anchor(c.on, c.anchor, drafts.at(revision, c.regulation))
    except RegdraftError:
        return c.anchor
