"""The drafts circulated in comment rounds: an amendment's draft text at a round's commit, the key under which
comments name each regulation it amends, the round open for comments, and the drafts read once per call
(`Drafts`).

Opening rounds and recording comments on these drafts is `workspace.rounds`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from regdraft.core.amend.document import PENDING
from regdraft.core.commands import Command
from regdraft.core.comments import Round, RoundStatus
from regdraft.core.errors import NotPending, Problem, RegdraftError, StateError, UnknownName, UsageError
from regdraft.core.layout import amendment_path, rounds_folder
from regdraft.core.model import Regulation
from regdraft.core.parts import reading_order
from regdraft.workspace.amendments import amended_id, load, load_rounds, slugs
from regdraft.workspace.lifecycle import preview
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_history import Revision


def amendment_at(ws: Workspace, slug: str, rev: str | None = None) -> Any:
    """The amendment as it stands at `rev` (the working tree when None)."""
    return load(ws, slug, rev=rev)


def draft_text(ws: Workspace, slug: str, rev: str | None = None, regulation: str = "") -> Regulation:
    """The draft: the target regulation (or `regulation`, another one the amendment amends) with the
    amendment applied, at `rev` or in the working tree."""
    found: Regulation = preview(ws, slug, rev=rev, regulation=regulation or None).regulation
    return found


def draft_texts(ws: Workspace, slug: str, rev: str | None = None) -> tuple[tuple[str, Regulation], ...]:
    """The draft of every regulation the amendment amends, in the order of its amending articles,
    each under its key in comments: empty for the main regulation, else its id."""
    amendment = amendment_at(ws, slug, rev)
    return tuple(("" if reg == amendment.regulation else reg, draft_text(ws, slug, rev, reg))
                 for reg, _ in amendment.amending_articles)


def regulation_key(ws: Workspace, slug: str, rev: str | None, regulation: str | None) -> str:
    """The key in comments of a regulation the amendment amends (empty for the main one, or for None)."""
    if not regulation or not regulation.strip():
        return ""
    amendment = amendment_at(ws, slug, rev)
    named = amended_id(ws, amendment, regulation)
    if named is not None:
        return "" if named == amendment.regulation else named
    raise UsageError(f"The amendment '{slug}' amends {', '.join(amendment.regulations)}, not {regulation}; "
                     "comments name provisions of a regulation it amends.", options=("regulation",))

def commentable_round(rounds: Sequence[Round], number: int | None, slug: str, ws: Workspace | None = None) -> Round:
    """Round `number`, or the open round; with `ws`, none open for an amendment no longer pending is `NotPending`,
    and none open here but one on another branch names that branch (`rounds_elsewhere`)."""
    from regdraft.workspace.rounds_elsewhere import open_elsewhere

    if number is None:
        current = [r for r in rounds if r.status is RoundStatus.OPEN]
        if not current:
            status = amendment_at(ws, slug, "HEAD").status if ws is not None else None
            if status is not None and status not in PENDING:
                raise NotPending(f"No round of '{slug}' is open, and none can be: the amendment is {status}, and a "
                                 "round circulates a pending draft (draft, circulating or submitted).")
            elsewhere = open_elsewhere(ws, slug) if ws is not None else []
            if elsewhere:
                import shlex

                branch, number = elsewhere[0]
                raise StateError(f"No round of '{slug}' is open on this branch, but round {number} is open on the "
                                 f"branch {branch}: switch to it (`git switch {shlex.quote(branch)}`) and run the "
                                 "command again. "
                                 "Opening a round here would make a second one beside it.")
            if rounds and rounds[-1].status is RoundStatus.CLOSED:
                raise StateError(f"No round of '{slug}' is open: {_closed_round(slug, rounds[-1])}")
            raise StateError(f"No round of '{slug}' is open; open one with `regdraft round open {slug}`.")
        if ws is not None:
            refuse_no_longer_pending(ws, slug)
        return current[-1]
    for r in rounds:
        if r.number == number:
            if r.status is RoundStatus.CLOSED:
                raise StateError(f"Round {number} of '{slug}' is closed: {_closed_round(slug, r)}")
            if ws is not None:
                refuse_no_longer_pending(ws, slug)
            return r
    raise UnknownName(f"The amendment '{slug}' has no round {number}.")


def refuse_no_longer_pending(ws: Workspace, slug: str) -> None:
    """`NotPending` when the amendment, as committed, is no longer pending though a round of it is open: adopted with
    its round left open (`amend adopt --force`), or adopted in another terminal while this comment waited for the
    write lock. A comment recorded then is one `check` reports as late (r43 sweep CX F1). For an adoption, the
    sentence says when and in which commit. Called under the write lock, with the comment's reading: the front matter
    at HEAD alone (one `git cat-file`, no instruction parsed)."""
    ended = no_longer_pending(ws, slug)
    if ended is None:
        return
    status, adoption, signed = ended
    if status != "adopted":
        raise NotPending(f"The amendment '{slug}' is {status}: a round of it is still open, but comments on it are "
                         "no longer taken (nothing was changed).")
    recorded = f"{(adoption.when or adoption.date)[:16].replace('T', ' ')} in commit {adoption.sha[:8]}" \
        if adoption is not None else ""
    # The document's own date, not the commit's: one adopted on 28/03/2025 and committed today (r44 sweep CI F5).
    when = f" on {signed}" + (f" (recorded on {recorded})" if recorded else "") if signed else \
        f" on {recorded}" if recorded else ""
    raise NotPending(f"The amendment '{slug}' was adopted{when}: comments on it are no longer taken, though its round "
                     "was left open (nothing was changed).")


def no_longer_pending(ws: Workspace, slug: str) -> tuple[str, Revision | None, str | None] | None:
    """The amendment's status as committed, and for an adoption the commit that made it and the date the document
    gives (its `signed`, ISO), when it is no longer pending (adopted, rejected, withdrawn); None while it is pending,
    or when its committed file does not read. The review page reads it to take its form away (r43 sweep CK F7)."""
    from regdraft.core.amend.document import front_matter_only
    from regdraft.workspace.moved_files import read_at

    try:
        relative, data = read_at(ws, amendment_path(slug), "HEAD")
    except RegdraftError:
        return None  # not committed yet, or not readable there: the draft's own reading says what is wrong
    front = front_matter_only(data, relative, slug)
    status = front.status if front is not None else None
    if status is None or status in PENDING:
        return None
    if status != "adopted":
        return status, None, None
    from regdraft.workspace.late_comments import adoption_of

    signed = front.signed if front is not None else None
    return status, adoption_of(ws, slug), signed.isoformat() if signed is not None else None


def _closed_round(slug: str, closed: Round) -> str:
    """When round `closed` closed, and what the office may do with a comment that came after (r30 sweep AQ 4): a
    closed round takes none, and regdraft has no way to reopen one."""
    when = f" on {closed.closed[:10]}" if closed.closed else ""
    following = Command.of("amend status", slug, draft=closed.draft + 1)
    return (f"round {closed.number} was closed{when}, and a closed round takes no more comments (nothing was "
            "changed). Whether a comment that came after the close is taken up is for the office to decide: to "
            f"record it, number the next draft (`{following}`), open the next round "
            f"(`{Command.of('round open', slug)}`) and add it there; else keep it with round {closed.number}'s "
            "papers.")


class Drafts:
    """Drafts circulated in rounds, built once per call."""

    def __init__(self, ws: Workspace, slug: str, rounds: Sequence[Round]) -> None:
        self.ws, self.slug, self.rounds = ws, slug, rounds
        self.cache: dict[tuple[str | None, str], Regulation] = {}
        self.keys: dict[tuple[str, str], str] = {}
        self.orders: dict[tuple[str | None, str], dict[str, int]] = {}

    def at(self, revision: str | None, regulation: str = "") -> Regulation:
        if (revision, regulation) not in self.cache:
            self.cache[revision, regulation] = draft_text(self.ws, self.slug, revision, regulation)
        return self.cache[revision, regulation]

    def order(self, revision: str | None, regulation: str = "") -> dict[str, int]:
        """Each address of a draft and its place in reading order."""
        if (revision, regulation) not in self.orders:
            self.orders[revision, regulation] = reading_order(self.at(revision, regulation))
        return self.orders[revision, regulation]

    def open_round(self, number: int) -> Regulation:
        return self.at(commentable_round(self.rounds, number, self.slug).revision)

    def named(self, number: int, regulation: str) -> tuple[str, Regulation]:
        """The key in comments and the draft of `regulation` circulated in open round `number`."""
        revision = commentable_round(self.rounds, number, self.slug).revision
        if (revision, regulation) not in self.keys:
            self.keys[revision, regulation] = regulation_key(self.ws, self.slug, revision, regulation)
        key = self.keys[revision, regulation]
        return key, self.at(revision, key)


def round_drafts(ws: Workspace, name: str | None = None) -> list[Problem]:
    """Each round (of an amendment to `name`, or any) whose draft cannot be read at the revision it circulated."""
    problems: list[Problem] = []
    for slug in slugs(ws):
        if not ws.files(rounds_folder(slug), "*.yaml"):
            continue  # no round: nothing read
        try:
            rounds = load_rounds(ws, slug)
            if name is not None and amended_id(ws, load(ws, slug), name) is None:
                continue
        except RegdraftError:
            continue  # an amendment or round file that does not read is named by the other checks
        for r in rounds:
            try:
                load(ws, slug, rev=r.revision)
            except RegdraftError as exc:
                problems.append(_unread(ws, slug, r.number, r.revision, exc))
    return problems


def _unread(ws: Workspace, slug: str, number: int, revision: str, exc: RegdraftError) -> Problem:
    from regdraft.core.comment_yaml import key_line

    path = f"{rounds_folder(slug)}/{number}.yaml"
    line = key_line(ws.read(path), "revision") if ws.exists(path) else 1
    said = " ".join(str(exc).split()).rstrip(".")
    why = "" if "does not exist at revision" in said else f" ({said})"  # else the sentence says it
    return Problem(f"round {number} of {slug} circulated the draft as it was at revision {revision[:8]}, where "
                   f"{amendment_path(slug)} cannot be read, nor where a move (git mv) took it from{why}, so the "
                   "round's comment report and review copy cannot be made, nor its comments put in document order.",
                   path, line)
