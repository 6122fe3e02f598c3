"""Wording accepted from comments as typed, before accepting escaped it, that reads as Markdown: the warnings of
`amend check` and `regdraft check` (`core.amend.accepted_markdown`)."""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.amend.document import PENDING, Amendment
from regdraft.core.comments import Comment
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.layout import amendment_path
from regdraft.workspace.store import Workspace


def unmeant_markdown(ws: Workspace, amendment: Amendment, comments: Sequence[Comment] | None = None) -> list[Problem]:
    """Warnings for wording a pending amendment took from accepted comments, written into it as typed before
    accepting escaped it, that reads as Markdown (`core.amend.accepted_markdown`); `comments` are read when not
    given. The amending document is read only when a comment's wording has such a line."""
    from regdraft.core.amend.accepted_markdown import unmeant_markdown as found
    from regdraft.core.markdown import decode
    from regdraft.workspace.amendments import load_comments

    if amendment.status not in PENDING:
        return []  # an adopted document is history: what it says stands
    try:
        comments = load_comments(ws, amendment.slug, []) if comments is None else comments
        accepted = [c for c in comments if c.accepted_in and c.proposal]
        path = amendment_path(amendment.slug)
        return found(amendment, decode(ws.read(path), path), accepted) if accepted else []
    except RegdraftError:
        return []  # unreadable comments or rounds: `late_comments` names them
