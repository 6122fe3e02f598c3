"""Who sent a comment through the review pages: the access link it came through, and whether it is the visiting
reviewer's own (theirs to withdraw or edit) or a namesake's they must ask the office about."""

from __future__ import annotations

from regdraft.core.comments import Comment
from regdraft.web.guard import LOCAL, Visitor


def sent_through(visitor: Visitor) -> str:
    """The id of the access link `visitor` came through (`AccessLink.key`), recorded on the comments they send; empty
    for this machine's drafter (a server without links)."""
    return "" if visitor.key == LOCAL.key else visitor.key


def sent_by(visitor: Visitor, comment: Comment) -> bool:
    """Whether `comment` was sent through `visitor`'s link (`Comment.link`): who sent it, as a name cannot tell."""
    return bool(comment.link) and comment.link == sent_through(visitor)


def own(visitor: Visitor, comment: Comment) -> bool:
    """Whether `comment` is one reviewer `visitor` sent through these pages with their link, for its body. Not one
    of the same name sent through another link (a namesake's, a drafter's), typed by the office at the terminal or
    imported (no link), nor one a drafter sent (the office answers it `withdrawn` through the answer form). The link
    id is public (regdraft.yaml lists it), so a received file could name theirs on the office's comment: the comment
    must also carry their name and not be imported (r32 sweep AW F6)."""
    from regdraft.workspace.access import Role

    return visitor.role is Role.REVIEWER and sent_by(visitor, comment) and _under_their_name(visitor, comment)


def _namesake(visitor: Visitor, comment: Comment) -> bool:
    """A comment under the reviewer's name and body recorded with no link: the office's, typed at the terminal, or
    sent through the pages before links were recorded. Which it is cannot be told, so it is never theirs to withdraw
    (a namesake on another link could have sent it): the page says to ask the office."""
    from regdraft.workspace.access import Role

    return (visitor.role is Role.REVIEWER and not comment.link and bool(visitor.name.strip())
            and _under_their_name(visitor, comment))


def _under_their_name(visitor: Visitor, comment: Comment) -> bool:
    """Whether `comment` carries the visitor's name (`author`) and body, and was sent, not imported from a sheet or a
    Word reply (`order`, `source`)."""
    from regdraft.core.repeats import person_key

    return (person_key(comment.author) == person_key(visitor.name) and visitor.may_comment_as(comment.by)
            and not (comment.order or comment.source))
