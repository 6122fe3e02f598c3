"""An open round of an amendment no longer pending: the review page takes no comments there (r43 sweep CK F7).

`amend adopt --force` adopts a draft with its round left open, where the office still answers the comments. The
library refuses a comment recorded then (`circulated.refuse_no_longer_pending`), in English; the page offered its
form all the same, and a member who sent it read why only in the office's English. `no_longer_taking` says why in
the page's words: the page shows it in place of the form, and a form sent from a tab opened before is refused with it.
"""

from __future__ import annotations

from regdraft.web.words import Words
from regdraft.workspace.store import Workspace


def no_longer_taking(ws: Workspace, slug: str, ui: Words) -> tuple[str, dict[str, str]]:
    """Why the amendment's open round takes no comments: `adopted` (with the date of its adoption) or `ended` (with
    its status, an adoption whose commit is not found too), the end of the keys of the page's words saying it
    (`not_taken_*`, `panel_*`), and their fields; ("", {}) while it is pending (`circulated.no_longer_pending`)."""
    from regdraft.workspace.circulated import no_longer_pending

    ended = no_longer_pending(ws, slug)
    if ended is None:
        return "", {}
    status, adoption = ended
    if adoption is not None:
        return "adopted", {"date": ui.date(adoption.date)}
    return "ended", {"status": ui.maybe(f"status_{status}", status)}
