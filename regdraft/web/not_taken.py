"""An open round of an amendment no longer pending: the review pages take no comments there, and say so (r43 sweep
CK F7, r44 office44).

`amend adopt --force` adopts a draft with its round left open, where the office still answers the comments. The
library refuses a comment recorded then (`circulated.refuse_no_longer_pending`), in English; the page offered its
form all the same, and a member who sent it read why only in the office's English. `no_longer_taking` says why in
the page's words: the page shows it in place of the form, and a form sent from a tab opened before is refused with it.
`round_state` is the round's state wherever a page names it (the home page's round line, the comments page's
heading), from the same reading (`workspace.left_open`): the round left open reads adopted on its date, not open.
"""

from __future__ import annotations

from regdraft.core.comments import RoundStatus
from regdraft.web.words import Words
from regdraft.workspace.left_open import LeftOpen
from regdraft.workspace.store import Workspace


def no_longer_taking(ws: Workspace, slug: str, ui: Words) -> tuple[str, dict[str, str]]:
    """Why the amendment's open round takes no comments: `adopted` (with the date of its adoption, the document's
    own: `LeftOpen.adopted_on`) or `ended` (with its status, an adoption dated neither by it nor by a commit
    found), the end of the keys of the page's words saying it (`not_taken_*`, `panel_*`, `round_*`, `comments_*`),
    and their fields; ("", {}) while it is pending (`circulated.no_longer_pending`)."""
    from regdraft.workspace.circulated import no_longer_pending

    ended = no_longer_pending(ws, slug)
    return said(LeftOpen(*ended) if ended is not None else None, ui)


def said(ended: LeftOpen | None, ui: Words) -> tuple[str, dict[str, str]]:
    """`no_longer_taking` of an amendment read already (`workspace.left_open`)."""
    if ended is None:
        return "", {}
    if ended.adopted_on is not None:  # the document's own date, the commit's only when it gives none
        return "adopted", {"date": ui.date(ended.adopted_on)}
    return "ended", {"status": ui.maybe(f"status_{ended.status}", ended.status)}


def round_state(status: str, ended: LeftOpen | None, ui: Words) -> str:
    """A round's state (`status`: open or closed) in the page's words; open when its amendment stopped being pending
    (`ended`), adopted on its date and taking no comments."""
    key, fields = said(ended, ui) if status == RoundStatus.OPEN.value else ("", {})
    return ui(f"round_{key}", **fields) if key else ui.maybe(f"round_{status}", status)
