"""A member rewords their own comment on the comments page ("Sửa ý kiến"), its text and its proposed wording, and the
office's answer is never recorded over words it did not see.

Post-conditions:
1. A member edits a comment on the rules that let them withdraw it (`actions.withdrawable`): sent through their own
   link, in an open round, with no answer of any kind; refused otherwise in a sentence saying why (403: another's, a
   drafter's link, one under their name with no link, which the office can attach to their link with `regdraft review
   attach`; 409: answered or withdrawn; a closed round), everything typed kept. Checked when the form comes in and
   again under the write lock, so an answer recorded meanwhile refuses the edit.
2. An edit is recorded by `comment_edits.edit_comment`: the text and the proposed wording rewritten in place, one
   commit authored by the member, the comment's id, `created`, `sequence` and provision kept, `edited` set to the
   time. The text is read as a new comment's is (`actions.form_values`): empty, only the quotation of the words
   selected, or longer than `MAX_TEXT` is refused. Sent again unchanged, nothing is written.
3. An edit adds no comment to the member's bound (`review_limits.per_member`); a longer text or wording counts its
   characters toward the bound, and one that would take the member's comments of the round past it is refused.
4. An answer or accept form carries the words its page showed (`answers.wording_mark` of the text and the proposed
   wording, the `wording` field): one sent after the member edited either is refused (`answers.not_reworded_since`:
   409, nothing written, the reply typed kept), naming the time of the edit. A form without the field (a workspace's
   own comments page made before it, a script) answers a comment never edited, and is refused for an edited one.
5. The proposed wording is edited as a new comment's is recorded: kept as typed (escaped only when accepted), empty
   for none; one that is not a wording of its provision is refused (`actions.wording_refusal`); one that would delete
   points or clauses when accepted, or a wording on a general comment, waits for the member's confirmation
   (`actions.WouldDrop`, `record_anyway`). A form without the `proposal` field keeps the wording as it is.
6. A wording edited into the provision's text in the draft commented on is recorded, and said to change nothing
   (`Edited.same`), as a new comment's is (`actions.Recorded.same`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from regdraft.core.comments import Comment, Disposition
from regdraft.core.errors import Category
from regdraft.core.text import visible
from regdraft.web.actions import (
    PROPOSAL_SENT,
    AnsweredAgain,
    WouldDrop,
    _taking,
    _within,
    not_dropping,
    withdrawable,
    wording_refusal,
)
from regdraft.web.guard import Visitor
from regdraft.web.senders import _namesake, own, sent_by
from regdraft.web.words import Words, only_quoted, refuse
from regdraft.workspace.store import Workspace


@dataclass(frozen=True, slots=True)
class Edited:
    """A comment as a member's edit left it; `same` when the edit gave it a wording that changes nothing (post-condition
    6): the page says so, as it does of a new comment with such a wording."""

    comment: Comment
    same: bool = False


def own_form(ws: Workspace, visitor: Visitor, slug: str, cid: str, ui: Words,
             withdrawing: bool) -> AnsweredAgain | None:
    """A member's edit (`withdrawing`: withdrawal) of comment `cid`, checked when the form comes in, before it waits
    for the write turn: refused in a sentence when they may not (`editable`, `actions.withdrawable`); a withdrawal of
    a comment withdrawn already (the form sent twice) answered so, as nothing is to be written (2,000 of them took
    the write turn one after another, r35 sweep BH F4); else None, for the write."""
    if not withdrawing:
        editable(ws, visitor, slug, cid, ui)
        return None
    comment = withdrawable(ws, visitor, slug, cid, ui)
    return AnsweredAgain(comment) if comment.disposition is Disposition.WITHDRAWN else None


def editable(ws: Workspace, visitor: Visitor, slug: str, cid: str, ui: Words) -> Comment:
    """The comment `cid` when `visitor` may edit it (post-condition 1); refused in a sentence otherwise."""
    from regdraft.web.answers import answer_mark
    from regdraft.workspace.rounds import find_comment, find_round

    _, comment = find_comment(ws, cid, slug)
    if visitor.may_answer:
        raise refuse(ui, Category.FORBIDDEN, "edit_by_office", id=comment.id)
    if not own(visitor, comment):
        raise refuse(ui, Category.FORBIDDEN, "edit_ask_office" if _namesake(visitor, comment)
                     else "edit_not_yours", id=comment.id)
    _taking(ws, find_round(ws, slug, comment.round), slug, ui)
    if comment.disposition is Disposition.WITHDRAWN:
        raise refuse(ui, Category.STATE, "edit_withdrawn", id=comment.id)
    if answer_mark(comment):  # any answer: a reply recorded with no disposition yet too
        raise refuse(ui, Category.STATE, "edit_answered", id=comment.id)
    return comment


def edit(ws: Workspace, visitor: Visitor, slug: str, cid: str, values: Mapping[str, str], ui: Words) -> Edited:
    """Record the member's new text and proposed wording of their comment `cid` (post-conditions 2, 5 and 6), under
    the write lock."""
    from regdraft.core.comments import WrongWording
    from regdraft.workspace.comment_edits import edit_comment
    from regdraft.workspace.proposals import proposes_nothing

    comment = editable(ws, visitor, slug, cid, ui)
    text = values["text"]
    if not visible(text).strip():
        raise refuse(ui, Category.USAGE, "write_comment")
    if only_quoted(text):
        raise refuse(ui, Category.USAGE, "write_after_quote")
    # A form without the wording's box (a workspace's own comments page made before it) keeps the wording.
    proposal = values["proposal"] if values.get(PROPOSAL_SENT) else None
    _within(values, ("text", "field_text"), *((("proposal", "proposed_wording"),) if proposal is not None else ()),
            ui=ui)
    wording = comment.proposal if proposal is None else proposal.strip()
    _within_bound(ws, visitor, slug, comment, text.strip(), wording, ui)
    if wording and wording != comment.proposal and values["record_anyway"] != "1":
        if comment.on == "general":  # replacing no provision, it can never be accepted: as a new comment's, confirmed
            raise WouldDrop(ui("edit_proposal_general", id=comment.id, confirm=ui("record_anyway")), Category.USAGE)
        not_dropping(ws, slug, comment.round, comment.on, wording, comment.regulation or None, ui)
    try:
        edited = edit_comment(ws, slug, comment.id, text, author=ws.person(visitor.name), proposal=proposal)
    except WrongWording as exc:
        raise wording_refusal(exc, comment.on, ui) from exc
    reworded = bool(wording) and wording != comment.proposal
    return Edited(edited, same=reworded and proposes_nothing(ws, slug, edited))


def _within_bound(ws: Workspace, visitor: Visitor, slug: str, comment: Comment, text: str, wording: str,
                  ui: Words) -> None:
    """Refuse a longer text and wording that take the member's comments of the round past `characters_per_member`
    (read afresh, as a new comment's bound): a member could otherwise send short comments and lengthen each one. Words
    no longer than before always pass (a bound lowered since never stops a member shortening a comment)."""
    from regdraft.workspace.access import review_settings
    from regdraft.workspace.counted_aside import counted_with_aside
    from regdraft.workspace.review_limits import per_member
    from regdraft.workspace.rounds import load_comments

    before, now = len(comment.text) + len(comment.proposal), len(text) + len(wording)
    if now <= before:
        return
    bound = per_member(review_settings(ws))[0]
    # Those whose file is set aside too, as last committed (`actions._within_member_bound`).
    mine = [c for c in counted_with_aside(ws, slug, load_comments(ws, slug))
            if c.round == comment.round and sent_by(visitor, c)]
    characters = sum(len(c.text) + len(c.proposal) for c in mine)
    if characters - before + now > bound.characters:
        raise refuse(ui, Category.FORBIDDEN, "edit_characters_bound", id=comment.id, number=comment.round,
                     sent=ui.count(len(mine), "comment"), characters=ui.figure(characters),
                     before=ui.figure(before), adding=ui.figure(now), limit=ui.figure(bound.characters))
