"""An accepted proposal whose comment is still to be answered, after a repair finished the first of its two writes.

Accepting a proposal (the review server's button, `accept_proposal`) makes two commits: the wording written into the
draft, then the comment answered as accepted. Killed between them, `check --repair` finished the first and said
nothing of the second: the proposal stood in the draft and its comment read `changed open` (r43 sweep CX F3).
`unanswered_after` names such a comment and the ways to answer it: pressing accept again finds the wording in the
draft and answers the comment as accepted, pointing at the commit that wrote it, with nothing written twice; or
`comment respond`.
"""

from __future__ import annotations

import re

from regdraft.core.commands import Command
from regdraft.core.errors import RegdraftError
from regdraft.workspace.store import Workspace

# `accept_proposal`'s commit message, as `Journal.describe` quotes it.
_ACCEPT = re.compile(r"'Accept the proposal of comment (?P<id>[0-9A-Za-z]+) by .* into amendment (?P<slug>\S+)'")


def unanswered_after(ws: Workspace, described: str) -> str:
    """The sentence naming the comment whose proposal the finished write `described` put into the draft, when the
    comment is still unanswered; "" for any other write, or a comment answered since."""
    from regdraft.workspace.rounds import find_comment

    found = _ACCEPT.fullmatch(described.strip())
    if found is None:
        return ""
    try:
        slug, comment = find_comment(ws, found["id"], found["slug"])
    except RegdraftError:
        return ""
    if not comment.is_open:
        return ""
    respond = Command.of("comment respond", comment.id, disposition="accepted", reply=None)
    return (f"The proposal of comment {comment.id} on {slug} is in the draft now, but the comment is not answered "
            "yet (the write answering it was stopped too): press “Tiếp thu đề xuất” (accept the proposal) for it again "
            "on the review server, which answers it as accepted pointing at the commit that wrote the wording and "
            f"writes nothing twice, or answer it with `{respond}`.")
