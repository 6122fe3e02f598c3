"""Comment rounds in a workspace: open, close and list rounds; add, list and answer comments; the data
of the comment report (the conference vote is `votes`, a sheet of comments imported `sheet_import`).

Files, one small YAML file each so that two clones merge without conflicts:
    amendments/<slug>/rounds/<n>.yaml       a round
    amendments/<slug>/comments/<id>.yaml    a comment
    amendments/<slug>/vote.yaml             the conference vote

Post-conditions:
1. Every action that writes is exactly one commit (`Workspace.commit`), or changes nothing.
2. A round records the commit holding the circulated amendment text (HEAD when it was opened)
   and that text's draft number; a later round must circulate a higher draft number.
3. Comments are checked against the draft circulated in their round, never the working tree.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from regdraft.core.amend.document import PENDING
from regdraft.core.anchoring import Placement
from regdraft.core.commands import Command
from regdraft.core.comment_order import next_sequence
from regdraft.core.comment_report import Report, report_of
from regdraft.core.comment_report import ReportGroup as ReportGroup
from regdraft.core.comment_report import ReportRow as ReportRow
from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.comments import (
    Comment,
    Round,
    RoundStatus,
    as_consulted,
    body_key,
    canonical_on,
    name_words,
    new_comment_id,
    prepare,
    provision_words,
    replied_and_agreeing,
    respond,
    shortened_selection,
    shown_on,
    unconsulted,
    unique_bodies,
)
from regdraft.core.counts import count, first_few
from regdraft.core.dates import parse_date
from regdraft.core.errors import (
    Category,
    NotPending,
    Problem,
    RegdraftError,
    StateError,
    StoreError,
    UnknownName,
    UsageError,
    Worded,
)
from regdraft.core.layout import AMENDMENTS, amendment_folder, comments_folder, rounds_folder

# The report's classes stay importable from here, where the report is built.
from regdraft.core.layout import comment_id as literal_comment_id
from regdraft.core.model import Address
from regdraft.core.round_yaml import round_fields, round_to_yaml
from regdraft.core.text import setting_text
from regdraft.workspace.amendments import amendment_file, files_listed
from regdraft.workspace.amendments import load_comments as load_comments
from regdraft.workspace.amendments import load_rounds as load_rounds
from regdraft.workspace.circulated import Drafts, amendment_at, commentable_round, draft_texts, regulation_key
from regdraft.workspace.circulated import draft_text as draft_text  # read by many from here
from regdraft.workspace.comment_places import place, reading_order
from regdraft.workspace.deleted_comments import deleted_comments, refuse_deleted, refuse_deleted_comment
from regdraft.workspace.late_comments import late_ids
from regdraft.workspace.repeated import around, refuse_repeat
from regdraft.workspace.store import Workspace, writes
from regdraft.workspace.unreadable_comments import misplaced, read_found, refuse_aside


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


# -- rounds -----------------------------------------------------------------------------------


def find_round(ws: Workspace, slug: str, number: int | None = None) -> Round:
    """Round `number`, or the latest round when None."""
    rounds = load_rounds(ws, slug)
    if not rounds:
        raise StateError(f"The amendment '{slug}' has no comment rounds yet; "
                            f"open one with `regdraft round open {slug}`.")
    if number is None:
        return rounds[-1]
    for r in rounds:
        if r.number == number:
            return r
    known = ", ".join(str(r.number) for r in rounds)
    raise UnknownName(f"The amendment '{slug}' has no round {number} (rounds: {known}).")


def _round_change(slug: str, r: Round) -> dict[str, bytes | None]:
    return {f"{rounds_folder(slug)}/{r.number}.yaml": round_to_yaml(r).encode("utf-8")}


def parse_due(due: str | dt.date) -> str:
    """The due date of a round (`--due`) as YYYY-MM-DD."""
    return parse_date(due, "the due date").isoformat()


@writes
def open_round(ws: Workspace, slug: str, title: str, due: str | dt.date, consulted: Sequence[str]) -> Round:
    """Open the next round on the committed amendment text (one commit); refuse over edits."""
    relative = amendment_file(ws, slug)
    watched = [relative]
    amendment = amendment_at(ws, slug, "HEAD")
    if amendment.status not in PENDING:
        raise NotPending(f"{relative}: the amendment is {amendment.status}; a comment round circulates a pending "
                         "draft (draft, circulating or submitted).")
    for reg in amendment.regulations:
        try:
            watched.append(ws.locate_regulation(str(reg)))
        except RegdraftError:
            pass  # the amendment engine reports a missing target itself when the draft is built
    dirty = ws.dirty(watched)
    if dirty:
        raise StoreError(
            f"{', '.join(dirty)} has uncommitted changes; a round circulates committed text, so commit "
            "them first (nothing was changed)."
        )
    rounds = load_rounds(ws, slug)
    still_open = [r.number for r in rounds if r.status is RoundStatus.OPEN]
    if still_open:
        raise StateError(f"Round {still_open[0]} of '{slug}' is still open; "
                         f"close it with `{Command.of('round close', slug)}` first.")
    draft = amendment.draft
    if draft is None:
        raise RegdraftError(f"{relative} has no draft number, and a round circulates a numbered draft: number it "
                            f"with `{Command.of('amend status', slug, draft=1)}` first (nothing was changed).")
    if rounds and int(draft) <= rounds[-1].draft:
        raise RegdraftError(
            f"{relative}: draft {draft} was already circulated in round {rounds[-1].number}; a new round "
            f"circulates the next draft: number it {rounds[-1].draft + 1} with "
            f"`{Command.of('amend status', slug, draft=rounds[-1].draft + 1)}` first.")
    bodies = unique_bodies(consulted)
    if not bodies:
        raise UsageError("Name the bodies consulted, one by one or in a file.", options=("consult", "consult_file"))
    draft_texts(ws, slug, "HEAD")  # a draft that cannot be built must not be circulated
    number = rounds[-1].number + 1 if rounds else 1
    revision = ws.resolve("HEAD").sha
    default = f"Consultation on draft {draft}" if amendment.language == "en" else f"Lấy ý kiến dự thảo lần {draft}"
    new = Round(number, name_words(title) or default, parse_due(due), bodies,
                revision, int(draft), RoundStatus.OPEN, _now())
    ws.commit(_round_change(slug, new), f"Open comment round {number} on {slug} (draft {draft})")
    return new


@writes
def close_round(ws: Workspace, slug: str, number: int | None = None) -> Round:
    """Close a round (the latest when None) in one commit."""
    r = find_round(ws, slug, number)
    if r.status is RoundStatus.CLOSED:
        raise StateError(f"Round {r.number} of '{slug}' is already closed.")
    refuse_deleted(ws, slug, None)  # closed over a comment deleted by mistake, its report would leave it out
    closed = replace(r, status=RoundStatus.CLOSED, closed=_now())
    ws.commit(_round_change(slug, closed), f"Close comment round {r.number} on {slug}")
    return closed


@dataclass(frozen=True, slots=True)
class RoundSummary:
    """A round with its counts, for `round show`."""

    round: Round
    comments: int
    open: int
    by_disposition: dict[str, int]
    replied: tuple[str, ...]
    agreeing: tuple[str, ...]
    others: tuple[str, ...] = ()  # bodies that commented without being consulted
    late: tuple[Comment, ...] = ()  # comments recorded after the round closed: their bodies not counted as replies

    def fields(self) -> dict[str, Any]:
        """The round's fields with its counts, for `round show --json`."""
        return {**round_fields(self.round), "comments": self.comments, "open": self.open,
                "dispositions": self.by_disposition, "replied": list(self.replied), "agreeing": list(self.agreeing),
                "not_consulted": list(self.others), "late": [c.id for c in self.late]}

    def lines(self, slug: str) -> list[str]:
        """The round and its counts as lines of text, for `round show`."""
        r = self.round
        answers = ", ".join(f"{k} {v}" for k, v in sorted(self.by_disposition.items())) or "none"
        return [f"Round {r.number} on {slug} ({r.status.value}): {r.title}",
                f"Draft {r.draft} at {r.revision[:8]}, opened {r.opened}, due {r.due}"
                + (f", closed {r.closed}" if r.closed else ""),
                f"Consulted {len(r.consulted)}, replied {len(self.replied)}, "
                f"counted as agreeing {len(self.agreeing)}"
                + (f" ({', '.join(self.agreeing)})." if self.agreeing else "."),
                *([f"Also commented, not consulted in this round: {', '.join(self.others)}."] if self.others else []),
                *([f"Recorded late (after the close or the adoption), not counted as replies: "
                   f"{count(len(self.late), 'comment')} ({first_few([f'{c.id} by {c.by}' for c in self.late])})."]
                  if self.late else []),
                f"Comments {self.comments}, awaiting an answer {self.open}; answered: {answers}."]


def summarise(ws: Workspace, slug: str, number: int | None = None) -> RoundSummary:
    """A round and its counts of comments, dispositions and bodies."""
    r = find_round(ws, slug, number)
    comments = [c for c in load_comments(ws, slug) if c.round == r.number]
    counts: dict[str, int] = {}
    for c in comments:
        if c.disposition is not None:
            counts[c.disposition.value] = counts.get(c.disposition.value, 0) + 1
    late = late_ids(ws, slug, r, comments)
    replied, agreeing = replied_and_agreeing(r, comments, late)
    return RoundSummary(r, len(comments), sum(1 for c in comments if c.is_open), counts, replied, agreeing,
                        unconsulted(r, comments), tuple(c for c in comments if c.id in late))


# -- comments ---------------------------------------------------------------------------------


def _comment_changes(slug: str, comments: Iterable[Comment]) -> dict[str, bytes | None]:
    return {f"{comments_folder(slug)}/{c.id}.yaml": comment_to_yaml(c).encode("utf-8") for c in comments}


def _with_ids(comments: Sequence[Comment], taken: Iterable[str], when: str = "") -> list[Comment]:
    used = set(taken)
    out = []
    when = when or _now()
    for c in comments:
        seed = f"{c.round}|{c.by}|{c.on}|{c.text}|{when}|{os.urandom(8).hex()}"
        cid = new_comment_id(seed, used)
        used.add(cid)
        out.append(replace(c, id=cid, created=when))
    return out


def _taken_ids(ws: Workspace, slug: str) -> list[str]:
    # Under the write lock: no read, one stat each; a comment file deleted by mistake, or renamed, keeps its id taken.
    listed = ws.listed(comments_folder(slug), ".yaml")
    return [PurePosixPath(p).stem for p in [*(p for p, _ in files_listed(ws, slug, listed)),
                                            *deleted_comments(ws, slug, renamed=True), *misplaced(ws, listed)]]


@writes
def add_comment(ws: Workspace, slug: str, by: str, on: str, text: str, proposal: str = "",
                type_: str | None = None, round_number: int | None = None, author: str | None = None,
                regulation: str | None = None, person: str = "", force: bool = False, link: str = "",
                selection: str = "") -> Comment:
    """Record one comment in an open round (one commit, authored by `author` when given); `regulation`
    names the regulation of `on` when the amendment amends several (default: its main one); `person` is the
    person who wrote it for the body (the reviewer's name on the review server), kept in the file as `author`,
    `link` the id of the access link the review server received it through (`Comment.link`), and `selection` the
    words of the provision they selected (`Comment.selection`, shortened past `MAX_SELECTION` characters).
    A comment the round holds already (`core.repeats`) is refused unless `force` (`repeated.refuse_repeat`); one
    recorded in a second that holds comments already lists after them (`core.comment_order`: its `sequence`)."""
    rounds = load_rounds(ws, slug)
    r = commentable_round(rounds, round_number, slug, ws)
    key = regulation_key(ws, slug, r.revision, regulation)
    draft = Drafts(ws, slug, rounds).at(r.revision, key)
    comment = prepare(r.number, as_consulted(by, r), on, text, draft, proposal, type_)
    comment = replace(comment, regulation=key, author=name_words(person), link=link,
                      selection=shortened_selection(" ".join(provision_words(selection).split())))
    when = _now()
    recorded = around(ws, slug, comment, when, repeats=not force)  # under the write lock, as the commit
    if not force:
        refuse_repeat(comment, recorded)
    (comment,) = _with_ids([comment], _taken_ids(ws, slug), when)
    if recorded.highest is not None:
        comment = replace(comment, sequence=next_sequence(recorded.highest))
    of = f" of {comment.regulation}" if comment.regulation else ""
    shown = shown_on(comment.on, draft.language)
    ws.commit(_comment_changes(slug, [comment]), f"Comment {comment.id} on {slug} {shown}{of} by {comment.by}",
              author=author)
    return comment


def body_warnings(ws: Workspace, slug: str, comments: Sequence[Comment], typos_only: bool = False) -> list[Problem]:
    """A warning at each recorded comment whose body is not consulted in its round (`not_consulted`), located on
    the comment file's `by:`; with `typos_only`, only where the name is near a consulted body's (`check`: a body
    may comment unasked, which the report lists apart; a mistyped name is what goes wrong unseen)."""
    from regdraft.core.comment_yaml import key_line
    from regdraft.core.comments import nearest_consulted, not_consulted

    rounds = {r.number: r for r in load_rounds(ws, slug)}
    out = []
    for c in comments:
        r = rounds.get(c.round)
        said = not_consulted(c.by, r) if r is not None else ""
        if r is None or not said or (typos_only and not nearest_consulted(c.by, r)):
            continue
        path = f"{comments_folder(slug)}/{c.id}.yaml"
        line = key_line(ws.read(path), "by") if ws.exists(path) else 0
        out.append(Problem(said, path, line, c.id, warning=True))
    return out


@dataclass(frozen=True, slots=True)
class Listed:
    """A comment and where its provision stands in the current draft."""

    comment: Comment
    placement: Placement


def list_comments(ws: Workspace, slug: str, round_number: int | None = None, open_only: bool = False,
                  on: str | None = None, by: str | None = None, regulation: str | None = None) -> list[Listed]:
    """Comments matching the filters, each placed in the current draft (the anchor follows moves).

    `regulation` keeps the comments on one regulation the amendment amends (general comments,
    which name none, go with its main one); `UsageError` when it does not amend it.
    """
    rounds = load_rounds(ws, slug)
    drafts = Drafts(ws, slug, rounds)
    target = canonical_on(on) if on else None
    key = regulation_key(ws, slug, None, regulation) if regulation is not None else None
    out = []
    made: dict[int, int] = {}  # each comment's place in the order they were made (`load_comments`)
    for c in load_comments(ws, slug):
        made[id(c)] = len(made)
        if round_number is not None and c.round != round_number:
            continue
        if key is not None and c.regulation != key:
            continue
        if open_only and not c.is_open:
            continue
        if by is not None and body_key(by) not in body_key(c.by):
            continue
        placement = place(c, rounds, drafts)
        if target is not None and target not in (c.on, placement.address):
            continue
        out.append(Listed(c, placement))
    return sorted(out, key=lambda listed: (*reading_order(listed.comment, rounds, drafts), made[id(listed.comment)]))


def find_comment(ws: Workspace, comment_id: str, slug: str | None = None) -> tuple[str, Comment]:
    """The amendment slug and the comment with this id (searched in every amendment when no slug)."""
    cid = literal_comment_id(comment_id)
    # Both names are literal (checked above), so the only glob character is the `*` for every amendment.
    where_glob = amendment_folder(slug).split("/", 1)[1] if slug else "*"
    pattern = f"{where_glob}/comments/{cid}.yaml"
    found = ws.files(AMENDMENTS, pattern)
    if not found:
        from regdraft.core.nearest import unknown_name

        refuse_deleted_comment(ws, cid, slug)
        where = f"on '{slug}'" if slug else "in any amendment"
        known = sorted({PurePosixPath(p).stem for p in ws.files(AMENDMENTS, f"{where_glob}/comments/*.yaml")})
        raise UnknownName(unknown_name("comment", comment_id, known, where))
    if len(found) > 1:
        slugs = ", ".join(p.split("/")[1] for p in found)
        raise UsageError(f"The comment id '{comment_id}' exists in several amendments ({slugs}); "
                         "name the amendment.", options=("slug",))
    path = found[0]
    return path.split("/")[1], read_found(ws, path)  # one that does not read: `CommentsUnreadable`


@writes
def respond_comment(ws: Workspace, comment_id: str, disposition: str, reply: str,
                    slug: str | None = None, author: str | None = None, accepted_in: str = "") -> Comment:
    """Record the office's disposition and reply on a comment (one commit).

    `accepted_in` names the commit that wrote the comment's proposal into the amendment. An answer the comment
    already has (the same disposition, reply and commit: a form sent twice, a command run again) records nothing:
    the comment is returned as it was recorded, no commit is made (git found nothing to commit and its command line
    was the answer).
    """
    where, comment = find_comment(ws, comment_id, slug)
    kept = accepted_in or comment.accepted_in
    if kept and not accepted_in and disposition not in ("accepted", "partly"):
        if _written(ws, where, comment):
            raise Worded(
                f"The proposal of comment {comment.id} was written into the draft in commit {kept[:8]}, and the "
                f"draft still holds it: answering it '{disposition}' would say it was not taken in. Answer it as "
                "accepted or partly accepted, or first take the wording out of the text (edit it and run "
                f"`{Command.of('amend from-edits', where)}`).", "still_in_draft", category=Category.STATE,
                id=comment.id, commit=kept[:8], slug=where)
        kept = ""  # the wording is no longer in the draft: the answer no longer points to where it was written
    answered = replace(respond(comment, disposition, reply, _now()), accepted_in=kept)
    if replace(answered, responded=comment.responded) == comment:
        return comment  # already recorded as it is: nothing to commit
    ws.commit(_comment_changes(where, [answered]),
              f"Respond to comment {comment.id} on {where}: {answered.disposition}"
              + (f" (written into the text in {accepted_in[:8]})" if accepted_in else ""), author=author)
    return answered


def _written(ws: Workspace, slug: str, comment: Comment) -> bool:
    """Whether the draft's provision is, as the working tree has it, the comment's proposed wording."""
    from regdraft.core.amend.proposal import holds

    placement = next((item.placement for item in list_comments(ws, slug) if item.comment.id == comment.id), None)
    if placement is None or not placement.address:
        return False
    try:
        return holds(draft_text(ws, slug, regulation=comment.regulation), Address.parse(placement.address),
                     comment.proposal)
    except (RegdraftError, ValueError):
        return False


# -- the comment report -----------------------------------------------------------------------


def build_report(ws: Workspace, slug: str, round_number: int | None = None) -> Report:
    """The report of a round (the latest when None): comments grouped by provision in document order."""
    r = find_round(ws, slug, round_number)
    comments = [c for c in load_comments(ws, slug) if c.round == r.number]
    refuse_aside(ws, slug)  # the review server's: a report counts every comment, one set aside too
    texts = draft_texts(ws, slug, r.revision)
    draft = dict(texts)[""]
    meta = dict(getattr(amendment_at(ws, slug, r.revision), "meta", {}) or {})
    from regdraft.workspace.profiles import profile_for

    # Where each provision is now, as `comment list` places it, and the draft it is in.
    rounds = load_rounds(ws, slug)
    drafts = Drafts(ws, slug, rounds)
    try:
        placed = {c.id: place(c, rounds, drafts) for c in comments}
    except RegdraftError:  # a working draft that does not read (`check` names why) says nothing of where they are now
        placed = {}
    now_draft = getattr(amendment_at(ws, slug, None), "draft", None)
    report = report_of(slug, meta, r, comments, draft, profile_for(ws, meta).words(draft.language), texts, placed,
                       now_draft if isinstance(now_draft, int) else None, late_ids(ws, slug, r, comments))
    from regdraft.workspace.settings_checks import refuse_unprintable

    refuse_unprintable(ws, "report")  # a control character in a line it prints: no DOCX can hold it
    # The amended text's own number, for the report's blank number (its id may be a name: `SR-2026`).
    from regdraft.workspace.vote_report import report_votes

    return replace(report, amended_number=str(draft.meta.get("number") or "").strip(), votes=report_votes(ws, slug, r),
                   **report_settings(ws.config))


def report_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """The report's recipients and signer from the workspace's settings (`report:` in regdraft.yaml), as the
    `Report` holds them; those it leaves out are the profile's (`check` names a setting of the wrong shape)."""
    settings = config.get("report")
    if not isinstance(settings, Mapping):
        return {}
    out: dict[str, Any] = {}
    recipients = settings.get("recipients")
    if isinstance(recipients, list) and recipients:
        out["recipients"] = tuple(text for item in recipients if (text := setting_text(item)) is not None)
    signer = settings.get("signer")
    if isinstance(signer, Mapping):
        out["signer"] = tuple((key, setting_text(signer[key]) or "") for key in ("on_behalf", "title", "name")
                              if key in signer)
    return out

