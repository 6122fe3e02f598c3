"""A comment sheet (CSV or XLSX, one comment a row) imported into an amendment's comment round, all or nothing.

The office's colleagues collect comments in a spreadsheet; `import_comments` records its new rows in one commit,
in the sheet's order, and leaves alone the rows imported before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from regdraft.core.amend.proposal import changes_nothing, loss
from regdraft.core.comment_order import highest_sequences, next_sequence
from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.comments import (
    TEXTS,
    Comment,
    RoundStatus,
    Row,
    as_consulted,
    body_key,
    new_comment_id,
    not_consulted,
    row_comments,
    shortened_note,
    shortened_selection,
)
from regdraft.core.counts import count as counted
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.layout import comments_folder
from regdraft.core.model import Regulation
from regdraft.core.text import plain
from regdraft.importer.comment_sheet import cut_said, iter_sheet, restored, with_recorded
from regdraft.importer.plaintext import LeftOut
from regdraft.workspace import rounds as rounds_module
from regdraft.workspace.amendments import load_comments, load_rounds
from regdraft.workspace.circulated import Drafts, refuse_no_longer_pending
from regdraft.workspace.store import Workspace, writes


@dataclass(frozen=True, slots=True)
class Imported:
    """What a sheet import recorded: how many comments, the first of them, the commit (empty when
    none), the comments its rows had made before (the first KEPT of `before` of them), and a warning
    at each row recorded whose proposal would delete points or clauses when accepted (the first KEPT)."""

    count: int
    first: tuple[Comment, ...]  # the first KEPT comments, in the sheet's order (all of a usual sheet)
    sha: str
    already: tuple[Comment, ...] = ()
    before: int = 0
    warnings: tuple[Problem, ...] = ()


KEPT = 1000


@writes
def import_comments(ws: Workspace, slug: str, sheet: Path) -> Imported:
    """Import every new row of a CSV/XLSX sheet in one commit, or nothing when any row is wrong; the comments keep
    the sheet's order (`order`: each one's place among the rows imported), after any recorded before in the same
    second (`sequence`).

    The sheet is read twice, a row at a time: once to check every row, once to write each
    comment file; neither pass holds the sheet or its comments in memory, and the commit is
    one git call whatever the number of rows. A row that repeats a comment already recorded
    (same round, body, provision and text: the sheet imported before) is left alone; when
    every row does, nothing is committed.
    """
    rounds = load_rounds(ws, slug)
    drafts = Drafts(ws, slug, rounds)
    current = [r.number for r in rounds if r.status is RoundStatus.OPEN]
    default_round = current[-1] if current else None
    if current:  # adopted with its round left open, or while the import waited for the write lock
        refuse_no_longer_pending(ws, slug)
    known = load_comments(ws, slug)

    by_number = {r.number: r for r in rounds}
    row: list[tuple[int, Regulation]] = []  # the number and draft of the row just read

    def read(number: int, draft: Regulation) -> None:
        row[:] = [(number, draft)]

    cut: dict[int, tuple[int, str]] = {}  # the rows the XLSX report cut at Excel's limit: left out, comment id
    hidden = LeftOut()  # the invisible characters the new rows' texts lose (`core.comments.own_words` …)
    typed: list[Row] = []  # the row just read, as typed

    def as_typed(rows: Iterator[Row]) -> Iterator[Row]:
        for found in rows:
            typed[:] = [found]
            yield found

    def matched(first: bool = False) -> Iterator[tuple[Comment, Comment | None]]:
        sheet_rows = restored(iter_sheet(sheet), known, sheet.name, cut)
        sheet_rows = as_typed(sheet_rows) if first else sheet_rows
        rows = row_comments(sheet_rows, drafts.open_round, default_round, sheet.name, drafts.named, read)
        return with_recorded((replace(c, by=as_consulted(c.by, by_number[c.round])) if c.round in by_number else c
                         for c in rows), known)

    count, before = 0, 0
    already: list[Comment] = []
    warnings: list[Problem] = []
    told: set[tuple[int, str]] = set()
    for comment, earlier in matched(first=True):
        number = row[0][0]
        if number in cut:
            left_out, whole = cut[number]
            if earlier is None:  # it begins a comment recorded, but is not that comment (another body or provision)
                raise RegdraftError(
                    f"{sheet.name}: row {number}: the comment cell is cut ({cut_said(left_out)}); it begins comment "
                    f"{whole}, but does not read as that comment (its body, "
                    "provision or round differ, or another row stands for it), and a comment cut short is never "
                    "recorded: nothing was imported. Import the CSV report (it holds every character), or put the "
                    "whole comment in the cell.")
            if len(warnings) < KEPT:
                warnings.append(Problem(
                    f"the comment cell is cut ({cut_said(left_out)}); it is comment {earlier.id}, recorded before "
                    "with its whole text, and was left alone.",
                    sheet.name, 0, f"row {number}", warning=True))
        if earlier is None:
            count += 1
            for field in TEXTS:  # a text holding none (nearly every one) searched once (`text.plain`)
                if not plain(value := typed[0][1].get(field, "")):
                    hidden.read(field, value, f" in row {typed[0][0]}")
            if (said := shortened_note(comment.selection, f"the comment by {comment.by}")) and len(warnings) < KEPT:
                warnings.append(Problem(said, sheet.name, 0, f"row {row[0][0]}", warning=True))
            # Recorded all the same (an import loses no member's comment), and said while they can be asked.
            if comment.proposal and len(warnings) < KEPT:
                draft, at = row[0][1], f"row {row[0][0]}"
                lost = loss(draft, comment.on, comment.proposal)
                told_of = lost.warning(comment.by, "", sheet.name, 0, at) if lost else \
                    changes_nothing(draft, comment.on, comment.proposal, comment.by, "", sheet.name, 0, at)
                warnings += [told_of] if told_of else []
            # A body the round did not consult (a typo of one it did: that one would count as agreeing), said once.
            unasked = (comment.round, body_key(comment.by))
            if comment.round in by_number and unasked not in told and len(warnings) < KEPT:
                told.add(unasked)
                if said := not_consulted(comment.by, by_number[comment.round]):
                    warnings.append(Problem(said, sheet.name, 0, f"row {row[0][0]}", warning=True))
            continue
        before += 1
        if len(already) < KEPT:
            already.append(earlier)
    if not count and not before:
        raise RegdraftError(f"{sheet.name} has no comment rows below its header; nothing was imported.")
    warnings[:0] = hidden.notes(sheet.name)
    if not count:
        return Imported(0, (), "", tuple(already), before, tuple(warnings))
    used = set(rounds_module._taken_ids(ws, slug))
    when = rounds_module._now()  # through the module: tests set the clock there
    # After the comments recorded before in this second (`comment add` a moment ago): the import's next `sequence`.
    highest = highest_sequences(known).get(when)
    sequence = 0 if highest is None else next_sequence(highest)
    first: list[Comment] = []

    def files() -> Iterator[tuple[str, bytes]]:
        place = 0
        for comment, earlier in matched():
            if earlier is not None:
                continue
            seed = f"{comment.round}|{comment.by}|{comment.on}|{comment.text}|{when}|{os.urandom(8).hex()}"
            cid = new_comment_id(seed, used)
            used.add(cid)
            # Every row is made in the same second: its place in the sheet (`order`, as a Word reply's comments
            # have theirs) keeps the sheet's order where the comments are listed, not their random ids'.
            place += 1
            made = replace(comment, id=cid, created=when, order=place, sequence=sequence,
                           selection=shortened_selection(comment.selection))
            if len(first) < KEPT:
                first.append(made)
            yield f"{comments_folder(slug)}/{cid}.yaml", comment_to_yaml(made).encode("utf-8")

    message = f"Import {counted(count, 'comment')} on {slug} from {sheet.name}"
    written, sha = ws.commit_new_files(comments_folder(slug), files(), message)
    return Imported(written, tuple(first), sha, tuple(already), before, tuple(warnings))
