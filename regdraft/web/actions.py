"""What the review server's forms do, each one library call under the workspace write lock.

Post-conditions:
1. A comment is recorded by `rounds.add_comment`, as `regdraft comment add` records it: one
   YAML file, one commit, authored by the person who wrote it, against the regulation the
   form names (the page's, for an amendment of several).
2. Every refusal is a `RegdraftError` whose sentence says why; nothing is written then.
3. Only drafters answer and accept; a reviewer comments only as their link's body; nothing is
   written in a closed round.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from regdraft.core.comments import Comment, Round, RoundStatus, same_body
from regdraft.core.errors import Category, RegdraftError, StateError, UsageError
from regdraft.web.guard import Visitor
from regdraft.workspace.store import Workspace

# Longest text accepted in each field, in characters (the request itself is bounded too).
FIELDS = {"round": 8, "body": 300, "name": 200, "on": 100, "regulation": 100, "text": 20_000, "proposal": 20_000,
          "type": 20, "disposition": 20, "reply": 20_000}


class Forbidden(RegdraftError):
    """The visitor may not do this (their link's body or role does not allow it)."""

    category = Category.FORBIDDEN


def form_values(form: Mapping[str, object]) -> dict[str, str]:
    """The known fields of a submitted form as text, each cut to its bound."""
    values = {}
    for name, limit in FIELDS.items():
        value = form.get(name)
        values[name] = value[:limit] if isinstance(value, str) else ""
    return values


@dataclass(frozen=True, slots=True)
class Recorded:
    """A comment the server recorded, and the round it went to."""

    comment: Comment
    round: int


def _round(ws: Workspace, slug: str, number: str) -> Round:
    from regdraft.workspace.rounds import find_round

    if not number.strip().isdigit():
        raise UsageError("The form names no round; reload the page and try again.")
    return find_round(ws, slug, int(number))


def _open(r: Round, slug: str) -> None:
    if r.status is not RoundStatus.OPEN:
        raise StateError(f"Round {r.number} of '{slug}' is closed, so it is read-only: nothing more can be "
                            "recorded in it.")


def add_comment(ws: Workspace, visitor: Visitor, slug: str, values: Mapping[str, str]) -> Recorded:
    """Record a comment from the form of the redline page."""
    from regdraft.workspace.rounds import add_comment as record

    r = _round(ws, slug, values["round"])
    _open(r, slug)
    body = values["body"].strip() or visitor.body
    if not body:
        raise UsageError("Choose the body you comment for.")
    consulted = [b for b in r.consulted if same_body(b, body)]
    if not consulted:
        raise UsageError(f"'{body}' is not among the bodies consulted in round {r.number}; choose one of "
                         f"{', '.join(r.consulted)}.")
    if not visitor.may_comment_as(body):
        raise Forbidden(f"Your access link is for {visitor.body}; you cannot comment as {body}.")
    name = visitor.name or " ".join(values["name"].split())
    if not name:
        raise UsageError("Write your name: the comment is recorded under it.")
    if not values["text"].strip():
        raise UsageError("Write the comment before sending it.")
    comment = record(ws, slug, consulted[0], values["on"].strip() or "general", values["text"],
                     values["proposal"], values["type"].strip() or None, r.number, author=ws.person(name),
                     regulation=values["regulation"].strip() or None)
    return Recorded(comment, r.number)


def _answerable(ws: Workspace, visitor: Visitor, slug: str, cid: str) -> Comment:
    from regdraft.workspace.rounds import find_comment, find_round

    if not visitor.may_answer:
        raise Forbidden("Only the drafting office answers comments; your access link is a reviewer's.")
    _, comment = find_comment(ws, cid, slug)
    _open(find_round(ws, slug, comment.round), slug)
    return comment


def respond(ws: Workspace, visitor: Visitor, slug: str, cid: str, values: Mapping[str, str]) -> Comment:
    """Record a disposition and reply, as `regdraft comment respond` does."""
    from regdraft.workspace.rounds import respond_comment

    _answerable(ws, visitor, slug, cid)
    if not values["disposition"]:
        raise UsageError("Choose a disposition: accepted, partly, rejected or noted.")
    return respond_comment(ws, cid, values["disposition"], values["reply"], slug,
                           author=ws.person(visitor.name) if visitor.name else None)


def accept(ws: Workspace, visitor: Visitor, slug: str, cid: str, values: Mapping[str, str]) -> Comment:
    """Write the comment's proposal into the amendment and mark the comment accepted."""
    from regdraft.workspace.proposals import accept_proposal

    _answerable(ws, visitor, slug, cid)
    done = accept_proposal(ws, slug, cid, values["reply"], author=ws.person(visitor.name) if visitor.name else None)
    return done.comment
