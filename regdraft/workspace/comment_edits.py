"""A comment reworded by the member who sent it, and a comment attached to the access link of the member who wrote it.

A member edits a comment they sent through the review pages while the office has not answered it and its round is
open (`edit_comment`, the review server's "Sửa ý kiến"): its text is rewritten in place, one commit authored by them,
so the wording before stays in the history; its proposed wording is edited alike (or kept); the comment keeps its id,
`created`, `sequence`, provision and anchor, and records when it was edited (`Comment.edited`), which the comments page
and the report show.

A comment sent through the pages before comments recorded their link, or typed by the office under a member's name,
holds no link, and the pages never let a member withdraw or edit it (a name is no identity). The office, knowing
who sent it, attaches it to that member's link (`attach_comment`, `regdraft review attach`): only a reviewer's link
whose person and body are the comment's.

Post-conditions:
1. Each function makes exactly one commit, or none when nothing changes (the same text sent again, a comment already
   attached to that link); a refusal (`RegdraftError` with a sentence naming the comment) writes nothing.
2. `edit_comment` refuses a comment answered in any way (a disposition, a reply or an accepted proposal), one of a
   closed round, an empty text, a text or wording longer than `MAX_TEXT`, and a wording that is not one of its
   provision (`WrongWording`); it checks these under the write lock.
3. `attach_comment` refuses a comment whose `author` is not the link's person (case and spacing aside), whose body is
   not the link's, or that another link sent; a drafter's link, which never withdraws nor edits a member's comment;
   and a comment the office imported (from a Word reply or a sheet: `source`, `order`), which stays the office's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from regdraft.core.commands import Command
from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.comments import Comment, RoundStatus, own_words, provision_words, same_body, too_long
from regdraft.core.errors import StateError, UnknownName, UsageError
from regdraft.core.layout import comments_folder
from regdraft.core.repeats import person_key
from regdraft.core.text import short
from regdraft.workspace.access import AccessLink, Role, links
from regdraft.workspace.store import Workspace, writes


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def answered(comment: Comment) -> bool:
    """Whether the office has answered `comment` in any way: a disposition, a reply (one recorded with no disposition
    yet, "asking the leadership"), or its proposal written into the draft."""
    return comment.disposition is not None or bool(comment.reply) or bool(comment.accepted_in)


def _write(ws: Workspace, slug: str, comment: Comment, message: str, author: str | None = None) -> None:
    ws.commit({f"{comments_folder(slug)}/{comment.id}.yaml": comment_to_yaml(comment).encode("utf-8")}, message,
              author=author)


@writes
def edit_comment(ws: Workspace, slug: str, comment_id: str, text: str, author: str | None = None,
                 proposal: str | None = None) -> Comment:
    """Reword comment `comment_id`'s text, and its proposed wording when `proposal` is given (None keeps it; empty
    removes it), in one commit authored by `author` (the member), recording when (`Comment.edited`); the comment as
    it is, nothing committed, when both say what they say already. The wording is kept as typed, checked against the
    draft the round circulated as a new comment's is (`core.comments.reads_as_its_provision`)."""
    from regdraft.core.comments import reads_as_its_provision
    from regdraft.workspace.circulated import draft_text
    from regdraft.workspace.rounds import find_comment, find_round

    where, comment = find_comment(ws, comment_id, slug)
    r = find_round(ws, where, comment.round)
    if r.status is not RoundStatus.OPEN:
        raise StateError(f"Round {comment.round} of {where} is closed: comment {comment.id} can no longer be edited.")
    if answered(comment):
        raise StateError(f"The drafting office has answered comment {comment.id} on {where}, so it can no longer be "
                         "edited.")
    words = own_words(text).strip()
    if not words:
        raise UsageError(f"The new text of comment {comment.id} is empty; to take the comment back, withdraw it.")
    if said := too_long(words, f"The new text of comment {comment.id}"):
        raise UsageError(said)
    wording = comment.proposal if proposal is None else provision_words(proposal).strip()
    if said := too_long(wording, f"The new proposed wording of comment {comment.id}"):
        raise UsageError(said)
    if words == comment.text and wording == comment.proposal:
        return comment  # sent twice, or saved unchanged: nothing to record
    if wording != comment.proposal and wording:
        reads_as_its_provision(wording, comment.on, draft_text(ws, where, r.revision, comment.regulation))
    edited = replace(comment, text=words, proposal=wording, edited=_now(), edited_written="")
    _write(ws, where, edited, f"Edit comment {comment.id} on {where} by {comment.author or comment.by}", author)
    return edited


def imported_from(comment: Comment) -> str:
    """Where the office imported `comment` from, as a sentence names it: a Word reply (its `source` is a fingerprint,
    `docx:…`), a comment sheet (`order`: its place among the rows), or the `source` written in its file."""
    if comment.source.startswith("docx:"):
        return f"a Word reply ({comment.source})"
    if comment.source:
        return short(comment.source, 60)
    return f"a comment sheet (comment {comment.order} of its import)"


def link_named(ws: Workspace, named: str) -> AccessLink:
    """The access link `named` names: its id (as `review invite` and `review links` print it) or its person's name,
    when one link alone has it."""
    wanted = " ".join(named.split())
    current = links(ws)
    found = [link for link in current if link.key == wanted.lower()] or [
        link for link in current if person_key(link.name) == person_key(wanted)]
    listed = ", ".join(f"{link.key} ({link.name}, {link.body or 'any body'})" for link in current) or "none"
    if not found:
        raise UnknownName(f"No access link matches '{named}' (links: {listed}).", options=("link",))
    if len(found) > 1:
        several = ", ".join(f"{link.key} ({link.body or 'any body'})" for link in found)
        raise UsageError(f"Several access links are for '{named}' ({several}); name the link by its id.",
                         options=("link",))
    return found[0]


@writes
def attach_comment(ws: Workspace, slug: str | None, comment_id: str, named: str) -> tuple[str, Comment, AccessLink]:
    """Record that comment `comment_id` was sent through the access link `named` (its id or its person's name), so
    that its member may withdraw and edit it on the review pages; one commit. Returns the amendment, the comment and
    the link."""
    from regdraft.workspace.rounds import find_comment

    where, comment = find_comment(ws, comment_id, slug)
    if comment.source or comment.order:
        raise UsageError(f"Comment {comment.id} on {where} is the office's: it was imported from "
                         f"{imported_from(comment)}, so no member withdraws or edits it on the review pages, and it "
                         "counts toward no member's limits. Only a comment sent through the review pages, or typed "
                         "for a member with `comment add`, is attached to their link.", options=("link",))
    link = link_named(ws, named)
    who = f"the access link {link.key} ({link.name}, {link.body or 'any body'})"
    if comment.link == link.key:
        return where, comment, link
    if comment.link:
        raise StateError(f"Comment {comment.id} on {where} was sent through the access link {comment.link}; it is "
                         f"not attached to {who}.")
    if link.role is not Role.REVIEWER:
        raise UsageError(f"{who[0].upper()}{who[1:]} is a drafter's: a drafter answers comments, and withdraws or "
                         "edits none of them on the review pages. Attach the comment to its member's link.",
                         options=("link",))
    if not comment.author:
        raise UsageError(f"Comment {comment.id} on {where} names no person who wrote it (only its body, "
                         f"{comment.by}), so it cannot be told to be {link.name}'s.", options=("link",))
    if person_key(comment.author) != person_key(link.name) or not same_body(comment.by, link.body):
        raise UsageError(f"Comment {comment.id} on {where} was written by {comment.author} for {comment.by}, and "
                         f"{who} is for another person or body: attach it to its own member's link "
                         f"(`{Command.of('review links')}` lists them).", options=("link",))
    attached = replace(comment, link=link.key, link_written="")  # a `link:` no link's id, mended by the office
    _write(ws, where, attached, f"Attach comment {comment.id} on {where} to the review access of {link.name} "
                                f"({link.key})")
    return where, attached, link
