"""Comment commands: `comment ...` and `amend vote`; the rounds they are made in are `regdraft.cli.rounds`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from regdraft.cli.completion import ADDRESS, AMENDMENT_SLUG, COMMENT_ID, REGULATION_ID
from regdraft.cli.options import (
    DATE,
    DATE_FORMS,
    DISPOSITION,
    open_workspace,
    workspace_option,
)
from regdraft.cli.printing import Result, committed, prints_result, problem_line
from regdraft.core.anchoring import State
from regdraft.core.commands import Command
from regdraft.core.comments import shown_on
from regdraft.core.counts import count as counted
from regdraft.core.errors import Problem
from regdraft.core.text import person, shown_text
from regdraft.workspace.store import Workspace

TYPES = ("general", "substantive", "editorial")


@click.group("comment")
def comment() -> None:
    """Record, import, list and answer comments on a circulated draft.

    \b
    Example:
        regdraft comment add qc-sua-doi-2025 --by "Ban Tổ chức Tỉnh ủy" --on d5.k2 --text "Đề nghị ..."
        regdraft comment respond c7f3 --disposition accepted --reply "Đã tiếp thu."
    """


@comment.command("add")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--by", required=True, metavar="BODY", help="The body that made the comment.")
@click.option("--on", "on", type=ADDRESS, default="general", show_default=True,
              help="The provision (d5.k2 or 'khoản 2 Điều 5'), or 'general'.")
@click.option("--text", required=True, help="What the body wrote.")
@click.option("--proposal", default="", help="The wording the body proposes, if any.")
@click.option("--type", "type_", type=click.Choice(TYPES), default=None,
              help="general, substantive or editorial (default: general for 'general', else substantive).")
@click.option("--round", "number", type=int, default=None, help="The open round (default: the open one).")
@click.option("--regulation", "-r", type=REGULATION_ID, default=None,
              help="The regulation of --on, when the amendment amends several (default: its main one).")
@click.option("--force", is_flag=True, help="Record it though the round holds the same comment (sent twice).")
@workspace_option
@prints_result
def comment_add(slug: str, by: str, on: str, text: str, proposal: str, type_: str | None, number: int | None,
                regulation: str | None, force: bool, workspace: Path | None) -> Result:
    """Record one comment, checked against the draft circulated in the round.

    \b
    Example:
        regdraft comment add qc-sua-doi-2025 --by "Ban Tổ chức Tỉnh ủy" \\
            --on "khoản 2 Điều 5" --text "Đề nghị bổ sung ..." --type substantive
    """
    from regdraft.core.layout import comments_folder
    from regdraft.importer.plaintext import comment_notes
    from regdraft.workspace import rounds
    from regdraft.workspace.proposals import recorded_losses

    ws = open_workspace(workspace)
    c = rounds.add_comment(ws, slug, by, on, text, proposal, type_, number, regulation=regulation, force=force)
    done = Result({"amendment": slug, "comment": _comment_fields(c), **committed()})
    of = f" of {c.regulation}" if c.regulation else ""
    done.say(f"Added comment {c.id} on {shown_on(c.on, _language(ws, slug))}{of} by {c.by} (round {c.round}).")
    typed = (("text", text), ("proposal", proposal), ("by", by))  # what was left out of them: invisible characters
    return _warned(done, [*comment_notes(typed, f"{comments_folder(slug)}/{c.id}.yaml"),
                          *rounds.body_warnings(ws, slug, [c]), *recorded_losses(ws, slug, [c])])


def _warned(done: Result, warnings: Sequence[Problem]) -> Result:
    """The result with each warning on stderr (and under `warnings` for --json)."""
    if warnings:
        done.data["warnings"] = [w.as_dict() for w in warnings]
    for w in warnings:
        done.note(problem_line(w, err=True))
    return done


@comment.command("import")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.argument("sheet", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--by", default=None, metavar="BODY", help="For a Word reply: the body that sent it.")
@click.option("--name", default="", metavar="PERSON", help="For a Word reply: the person who wrote it "
              "(default: each Word comment's author).")
@click.option("--place-unplaced", type=click.Choice(["general"]), default=None,
              help="For a Word reply: import passages that match no provision as general comments.")
@click.option("--round", "number", type=int, default=None, help="For a Word reply: the open round "
              "(default: the open one).")
@workspace_option
@prints_result
def comment_import(slug: str, sheet: Path, by: str | None, name: str, place_unplaced: str | None,
                   number: int | None, workspace: Path | None) -> Result:
    """Import comments from a sheet (CSV, XLSX, Excel's "Unicode Text" .txt) or a Word reply (DOCX), all or nothing.

    A sheet's header row (row 1, or below a title) names the columns: by, on, text (required),
    type, proposal, round (optional); a row-number column (STT) is ignored. `on` is an address
    or 'general'; `round` defaults to the open round. Every bad row is reported with its row
    number and nothing is imported until all rows are right. Rows imported before are left
    alone, so the report from `regdraft round report` (.csv or .xlsx) with rows added imports them.

    A Word reply (best: the review copy from `regdraft round copy`, returned with Word
    comments or Track Changes) needs --by: each Word comment becomes a comment on the
    provision holding its range, each tracked change a proposal on its provision. Importing
    the same reply twice imports nothing the second time.

    \b
    Example:
        regdraft comment import qc-sua-doi-2025 gop-y.xlsx
        regdraft comment import qc-sua-doi-2025 tra-loi-ban-to-chuc.docx --by "Ban Tổ chức Tỉnh ủy"
    """
    from regdraft.core.errors import UsageError
    from regdraft.importer.comment_sheet import SHEETS, unknown_kind
    from regdraft.workspace.sheet_import import import_comments

    kind = sheet.suffix.lower()
    if kind != ".docx" and kind not in SHEETS:
        raise UsageError(unknown_kind(sheet))
    ws = open_workspace(workspace)
    if kind == ".docx":
        if not by:
            raise UsageError(f"Name the body that sent {sheet.name} with --by BODY.")
        from regdraft.workspace.replies import import_word_reply

        reply = import_word_reply(ws, slug, sheet, by, name, place_unplaced == "general", number)
        done = _imported(slug, reply.imported, reply.already)
        if reply.forwarded:
            done.data["left_out"] = [{"id": c.id, "by": c.by} for c in reply.forwarded]
        before = len(reply.already)
        again = f"; {before} imported before {'was' if before == 1 else 'were'} left alone" if before else ""
        heading = (f"Imported {counted(len(reply.imported), 'comment')} on {slug} (round {reply.round}) from "
                   f"{sheet.name}{again}:") if reply.imported else _nothing(sheet, before, reply.already)
        for line in (heading, *reply.lines(), *reply.left_out(sheet.name)):  # left out: also when sent again
            done.say(line)
        return _warned(done, reply.warnings)
    if by or name or place_unplaced or number is not None:
        raise UsageError(f"{sheet.name} is a sheet, which names the body and round of each comment in its columns; "
                         "--by, --name, --place-unplaced and --round are for a Word reply (.docx).")
    imported = import_comments(ws, slug, sheet)
    done = _imported(slug, imported.first, imported.already)
    if not imported.count:
        return _warned(done.say(_nothing(sheet, imported.before, imported.already)), imported.warnings)
    ids = ", ".join(c.id for c in imported.first[:_LISTED])
    if imported.count > _LISTED:
        ids += f" and {imported.count - _LISTED:,} more (`regdraft comment list {slug}` lists them)"
    if imported.count > len(imported.first):
        done.data["count"] = imported.count
    were = "was" if imported.before == 1 else "were"
    again = f"; {imported.before:,} imported before {were} left alone" if imported.before else ""
    noun = "comment" if imported.count == 1 else "comments"
    done.say(f"Imported {imported.count:,} {noun} on {slug}: {ids}{again}.")
    return _warned(done, imported.warnings)


def _nothing(source: Path, before: int, already: Sequence[Any]) -> str:
    """The message of an import whose every comment was imported before."""
    ids = ", ".join(c.id for c in already[:_LISTED])
    more = f" and {before - _LISTED:,} more" if before > _LISTED else ""
    noun = "the comment in" if before == 1 else f"the {before:,} comments in"
    were = "was" if before == 1 else "were"
    return f"Nothing imported: {noun} {source.name} {were} imported before ({ids}{more})."


_LISTED = 20  # comment ids named in the message; the rest are counted


def _imported(slug: str, imported: Sequence[Any], already: Sequence[Any]) -> Result:
    return Result({"amendment": slug, "imported": [_comment_fields(c) for c in imported],
                   "already": [c.id for c in already], **committed()})


@comment.command("list")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--round", "number", type=int, default=None, help="Only this round.")
@click.option("--open", "open_only", is_flag=True, help="Only comments without a disposition.")
@click.option("--on", "on", type=ADDRESS, default=None, help="Only comments on this provision (or where it moved).")
@click.option("--by", default=None, metavar="BODY", help="Only comments from this body (part of its name is enough).")
@click.option("--regulation", "-r", type=REGULATION_ID, default=None,
              help="Only comments on this regulation, when the amendment amends several (default: every one).")
@workspace_option
@prints_result
def comment_list(slug: str, number: int | None, open_only: bool, on: str | None, by: str | None,
                 regulation: str | None, workspace: Path | None) -> Result:
    """List comments and where each provision stands in the current draft.

    The state is unchanged, changed, moved to ADDRESS (found by its text), removed, or unknown when the draft no
    longer applies to the text in force (a warning says why).

    \b
    Example:
        regdraft comment list qc-sua-doi-2025 --open --on d5
        regdraft comment list qc-sua-doi-2026 --regulation 02-QC/TU --on d1.k2
    """
    from regdraft.workspace import rounds

    ws = open_workspace(workspace)
    listed = rounds.list_comments(ws, slug, number, open_only, on, by, regulation)
    language = _language(ws, slug) if listed else "vi"
    unknown = any(item.placement.state is State.UNKNOWN for item in listed)
    lines, warnings = _no_longer_applies(ws, slug) if unknown else ([], [])
    said = [p.as_dict() for p in warnings]
    done = Result([{**_comment_fields(item.comment), "state": item.placement.state.value,
                    "now_at": None if item.placement.state is State.UNKNOWN else item.placement.address,
                    "warnings": said if item.placement.state is State.UNKNOWN else []} for item in listed])
    if not listed:
        done.say("No comments match.")
    for line in lines:
        done.note(line)
    if listed:  # their round left open at an adoption: answered still, but no comment taken (r44)
        from regdraft.workspace.left_open import left_open_lines

        shown = {item.comment.round for item in listed}
        for line in left_open_lines(ws, slug, [r for r in rounds.load_rounds(ws, slug) if r.number in shown]):
            done.note(f"note: {line}")
    for item in listed:
        c = item.comment
        answer = c.disposition.value if c.disposition else "open"
        on = f"{shown_on(c.on, language)} ({c.regulation})" if c.regulation else shown_on(c.on, language)
        who = f"{c.by} ({person(c.by, c.author)})" if person(c.by, c.author) else c.by
        selected = f"“{c.selection}”: " if c.selection else ""
        # One line a comment, as `grep` and `cut` read it: a line break typed in a sheet cell, the form or a Word
        # selection across paragraphs is a space here (--json keeps the text exact).
        line = _one_line(f"{who}: {selected}{c.text}")
        where = f"{on:<10} {item.placement.describe(language):<24}"  # U+009B, U+202E escaped (r36 sweep BK F5)
        done.say(shown_text(f"{c.id:<6} r{c.round} {where} {answer:<9} {line}", joiners=True))
    return done


def _no_longer_applies(ws: Workspace, slug: str) -> tuple[list[str], list[Problem]]:
    """The warning before comments listed on a draft that no longer applies to the text in force, as lines (which
    instructions and since which adoption, their problems, then apart the quotes of the others that would undo an
    adoption) and as problems for --json (the first saying which instructions)."""
    from regdraft.core.layout import amendment_path
    from regdraft.workspace.not_applying import not_applying

    why = not_applying(ws, slug)
    if why is None:  # applies again (written since the comments were read): nothing to say
        return [], []
    them = "them" if len(why.instructions) > 1 else "it"
    # A draft no adoption left behind (begun with no instruction yet, or one that never applied) is corrected, not
    # redrafted (r43 sweep CH R1).
    redo = "redraft" if why.adoptions else "correct"
    headline = (f"{why.sentence()}, so where each commented provision stands in it is unknown; {redo} {them} "
                f"(`{Command.of('amend check', slug)}` lists the same)")
    # Each problem as `amend check` prints it: a command it names written as one to type, not in the review
    # server's neutral words (r43 sweep CH R1).
    lines = [f"warning: {headline}:", *(f"  {problem_line(p, err=True)}" for p in why.problems)]
    if why.reverts:
        lines.append("Its other instructions apply, but their quotes would undo an adoption made since it was begun:")
        lines.extend(f"  {problem_line(p, err=True)}" for p in why.reverts)
    return lines, [Problem(headline, amendment_path(slug), warning=True), *why.problems, *why.reverts]


def _language(ws: Workspace, slug: str) -> str:
    """The language of the amendment `slug`, in which its comments' provisions are named."""
    from regdraft.workspace.amendments import load

    return load(ws, slug).language


def _one_line(text: str) -> str:
    """`text` on one line: each run of spaces, tabs and line breaks one space."""
    return " ".join(text.split())


def _comment_fields(c: Any) -> dict[str, Any]:
    """A comment for --json (docs/schemas/comment.json)."""
    return {"id": c.id, "round": c.round, "by": c.by, "author": c.author, "on": c.on,
            **({"regulation": c.regulation} if c.regulation else {}), "type": c.type.value, "text": c.text,
            "selection": c.selection, "proposal": c.proposal, "anchor": c.anchor,
            "disposition": c.disposition.value if c.disposition else None, "reply": c.reply,
            "created": c.created, "responded": c.responded or None, "edited": c.edited or None}


@comment.command("respond")
@click.argument("comment_id", type=COMMENT_ID, metavar="ID")
@click.option("--disposition", required=True, type=DISPOSITION, metavar="accepted|partly|rejected|noted|withdrawn",
              help="accepted (tiếp thu), partly (partly-accepted, tiếp thu một phần), rejected (not-accepted, không "
                   "tiếp thu), noted (ghi nhận), withdrawn (the body took it back: đã rút ý kiến).")
@click.option("--reply", default="", help="The office's explanation (giải trình).")
@click.option("--amendment", "slug", type=AMENDMENT_SLUG, default=None,
              help="The amendment, when the id exists in several.")
@workspace_option
@prints_result
def comment_respond(comment_id: str, disposition: str, reply: str, slug: str | None,
                    workspace: Path | None) -> Result:
    """Record the office's decision on a comment and its reply.

    \b
    Example:
        regdraft comment respond c7f3 --disposition partly --reply "Tiếp thu, chỉnh sửa tại khoản 2."
    """
    from regdraft.core.layout import comments_folder
    from regdraft.importer.plaintext import comment_notes
    from regdraft.workspace import rounds
    from regdraft.workspace.profiles import amendment_language, amendment_words

    ws = open_workspace(workspace)
    where, before = rounds.find_comment(ws, comment_id, slug)
    c = rounds.respond_comment(ws, comment_id, disposition, reply, where)
    assert c.disposition is not None
    done = Result({"comment": _comment_fields(c), **committed()})
    label = c.disposition.label(amendment_words(ws, where))  # English says it alone; Vietnamese glosses the option
    english = amendment_language(ws, where) == "en"
    said = label[:1].lower() + label[1:] if english else f"{c.disposition.value} ({label})"
    if c == before:  # the answer it already had: nothing recorded, nothing committed
        done.say(f"Comment {c.id} is already answered {said} with this reply; nothing new was recorded.")
    else:
        done.say(f"Comment {c.id}: {said}.")
    # What the reply lost (`comments.own_words`), as `comment add` says it of a comment's texts.
    return _warned(done, comment_notes((("reply", reply),), f"{comments_folder(where)}/{c.id}.yaml"))


@click.command("vote")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--for", "for_", type=click.IntRange(min=0), required=True, help="Votes for.")
@click.option("--against", type=click.IntRange(min=0), required=True, help="Votes against.")
@click.option("--abstain", type=click.IntRange(min=0), default=0, show_default=True, help="Abstentions.")
@click.option("--date", "date", type=DATE, required=True, help=f"The conference date ({DATE_FORMS}).")
@click.option("--members", type=click.IntRange(min=1), default=None,
              help="Members entitled to vote; the majority is then more than half of them.")
@click.option("--present", type=click.IntRange(min=0), default=None,
              help="Members present at the conference (at least the votes cast); checked against vote_quorum.")
@click.option("--on", "on", type=ADDRESS, default=None, metavar="PART",
              help="A part of the draft voted on by itself: an instruction (\"khoản 3 Điều 1\") or the provision it "
                   "amends; in a new regulation's draft, an article, clause or point of its text (\"Điều 11\"). The "
                   "vote on the whole is recorded without it.")
@click.option("--force", is_flag=True, help="Record a vote (or a part's, with --on) dated before the one it "
                                            "replaces, or before the last comment round was opened: a correction "
                                            "of the dates on file.")
@click.option("--reason", default=None, help="Why --force is needed; recorded in the vote's commit.")
@workspace_option
@prints_result
def vote(slug: str, for_: int, against: int, abstain: int, date: str, members: int | None, present: int | None,
         on: str | None, force: bool, reason: str | None, workspace: Path | None) -> Result:
    """Record the conference vote on an amendment (the vote of the body that adopts it).

    Without --members a majority is more than half of the votes cast. With --present, a vote
    below the quorum regdraft.yaml sets (vote_quorum: 2/3) is recorded and said. Recording again
    replaces the vote on file (its commit names the vote replaced); a date before it is a correction.
    With --on, the vote on one part of the draft is recorded beside the vote on the whole.

    \b
    Example:
        regdraft amend vote qc-sua-doi-2025 --for 45 --against 2 --abstain 1 --date 2025-09-20 --members 49 \\
            --present 48
        regdraft amend vote qc-sua-doi-2025 --on "khoản 3 Điều 1" --for 40 --against 6 --date 2025-09-20
    """
    from regdraft.core.errors import UsageError
    from regdraft.workspace.vote_quorum import quorum_notes
    from regdraft.workspace.votes import record_vote, vote_warnings

    if force != (reason is not None):
        raise UsageError("--force and --reason go together: say why the vote is recorded past its date checks.")
    ws = open_workspace(workspace)
    if on is not None:
        return _part_voted(ws, slug, on, for_, against, abstain, date, members, present, reason)
    recorded = record_vote(ws, slug, for_, against, abstain, date, members, force=reason, present=present)
    v, replaced = recorded.vote, recorded.replaced
    keys = ("for_", "against", "abstain", "date", "members", "majority", "draft", "revision", "instructions",
            "present", "quorum")
    was = {key.rstrip("_"): getattr(replaced, key) for key in keys[:7]} if replaced is not None else None
    done = Result({"amendment": slug, **{key.rstrip("_"): getattr(v, key) for key in keys}, "replaces": was,
                   **committed()})
    on = f"on draft {v.draft} of" if v.draft is not None else "on"  # "the vote of luat-57" read wrong (r27 sweep R2)
    said = f"Recorded the vote {on} {slug} ({v.date}): {v.for_} for, {v.against} against, {v.abstain} abstaining: "
    said += ("a majority." if v.majority else "no majority.") + recorded.replacing
    for note in quorum_notes(ws, v):  # below quorum, or a quorum set that could not be checked
        done.note(f"Warning: {note}.")
    return _warned(done.say(said), [*recorded.warnings, *vote_warnings(ws, slug, v)])


def _part_voted(ws: Workspace, slug: str, on: str, for_: int, against: int, abstain: int, date: str,
                members: int | None, present: int | None, reason: str | None) -> Result:
    """`amend vote --on`: the vote on one part of the draft, recorded and said."""
    from regdraft.workspace.vote_parts import record_part_vote
    from regdraft.workspace.vote_quorum import quorum_notes

    part = record_part_vote(ws, slug, on, for_, against, abstain, date, members, present, force=reason)
    v = part.vote
    keys = ("for_", "against", "abstain", "date", "members", "majority", "draft", "revision", "instructions",
            "present", "quorum")
    done = Result({"amendment": slug, "on": part.on, "amends": part.amends,
                   **{key.rstrip("_"): getattr(v, key) for key in keys}, "replaces": None, **committed()})
    amends = f" (on {part.amends})" if part.amends else ""
    done.say(f"Recorded the vote on {part.on}{amends} of {slug} ({v.date}): {v.for_} for, {v.against} against, "
             f"{v.abstain} abstaining: {'a majority' if v.majority else 'no majority'}. The vote on the whole "
             f"draft is recorded without --on.")
    for note in quorum_notes(ws, v):
        done.note(f"Warning: {note}.")
    return done


def _register_vote() -> None:
    """Put `vote` under `regdraft amend`; without the amend group (not built yet) it is left out."""
    try:
        from regdraft.cli.amend import amend
    except ImportError:
        return
    amend.add_command(vote)


_register_vote()

COMMANDS = [comment]
