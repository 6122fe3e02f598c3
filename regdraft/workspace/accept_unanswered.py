"""An accepted proposal whose comment is still to be answered: the first of accepting's two writes committed alone.

Accepting a proposal (the review server's button, `accept_proposal`) makes two commits: the wording written into the
draft, then the comment answered as accepted. Killed between them (inside the first write, finished by
`check --repair`, or after it ended and before the second began, when no journal is left at all), the proposal stood
in the draft and its comment read `changed open` with no word (r43 sweeps CX F3, CK F1).

What is committed tells: the first write records the comment as the reason of the instructions it writes
(`reasons.from_comment`, "… (ý kiến 329d…)" in the amendment's front matter). `unanswered_accepts`, part of
`regdraft check`, warns of each comment still open whose id such a reason names, and says how to answer it: pressing
accept again finds the wording in the draft and answers the comment as accepted, pointing at the commit that wrote
it, with nothing written twice; or `comment respond`. It reads the front matter and comments `check` reads anyway:
no history is walked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.reasons import KEY
from regdraft.core.commands import Command
from regdraft.core.comments import Comment
from regdraft.core.errors import Problem
from regdraft.core.layout import comments_folder

# The comment a reason written by accepting its proposal names (`reasons.from_comment`, vi and en).
_NAMED = re.compile(r"\((?:ý kiến|comment) (?P<id>[0-9A-Za-z]+)\)")


def accepted_ids(amendment: Amendment) -> set[str]:
    """The ids of the comments whose proposals were written into `amendment` (its front matter's reasons)."""
    reasons = amendment.meta.get(KEY)
    if not isinstance(reasons, Mapping):
        return set()
    return {found["id"] for value in reasons.values() if isinstance(value, str) for found in _NAMED.finditer(value)}


def unanswered_accepts(slug: str, amendment: Amendment, comments: Sequence[Comment]) -> list[Problem]:
    """A warning at the file of each open comment of `slug` whose proposal `amendment` records as written in."""
    written = accepted_ids(amendment)
    return [Problem(unanswered(slug, c), f"{comments_folder(slug)}/{c.id}.yaml", warning=True)
            for c in comments if c.is_open and c.proposal and c.id in written]


def unanswered(slug: str, comment: Comment) -> str:
    """The sentence naming a comment whose proposal is in the draft, unanswered, and the ways to answer it."""
    respond = Command.of("comment respond", comment.id, disposition="accepted", reply=None)
    return (f"The proposal of comment {comment.id} on {slug} is in the draft now, but the comment is not answered "
            "yet (accepting it was stopped before the answer was written): press “Tiếp thu đề xuất” (accept the "
            "proposal) for it again on the review server, which answers it as accepted pointing at the commit that "
            f"wrote the wording and writes nothing twice, or answer it with `{respond}`.")
