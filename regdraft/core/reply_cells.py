"""A reviewer's change in a cell of a table (the review copy and a Word redline print a provision's table as a Word
table, one paragraph a cell), found by where the cell stands, not by its words. Pure core, used by
`replies.comments_from_reply` and `reply_proposed.proposed_text`.

Post-conditions:
1. `cell_edit` gives a changed cell's `Edit` the words of each cell of its row as circulated, its cell of the row and
   its row of the table; a paragraph in no table, or in a row the reviewer added or removed, is left as it was.
2. `cell_row` is the line of a provision's wording that is the changed cell's row: the one table row whose cells read
   as the Word row's did (when two rows read alike, the one standing where the Word row stands in its table); None
   when no such line is found for sure.
3. `unsure` says when a cell's change cannot be placed for sure (its row not found, and its words none or those of
   another cell too): it is then named (`unsure_note`), never put in as a line of its own, which broke the table.
4. `whole_cells` gives a cell of several paragraphs (Enter typed in it: a table's row is one line of the text, each
   cell one paragraph as printed) as one paragraph, their words joined by a space, when its words so joined, as
   circulated or before the draft, are a cell of a table of the texts: a change or a Reject in one of them is a change
   of that cell, placed by its row, the other paragraph's words kept (a paragraph half a cell was placed nowhere and
   refused the reply, and a Reject in it was missed). The reply's Word comments are on the joined paragraph; any other
   cell of several paragraphs (the recipients' and signature's) is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.model import Address
from regdraft.core.reply_model import Reply, ReplyParagraph, Texts
from regdraft.core.reply_wording import Edit, fold, line_key, lines_of


def cells(line: str) -> list[str]:
    """The cells of a table's row as written (`| a | b |`)."""
    return line.strip().split("|")[1:-1]


def _separator(line: str) -> bool:
    return all(set(cell.strip()) <= set("-: ") for cell in cells(line))


def cell_edit(paragraphs: Sequence[ReplyParagraph], i: int, edit: Edit) -> Edit:
    """`edit` (of paragraph `i`) with the place of its table cell, when it is one (`Edit.row`, `column`, `row_number`):
    the words of each cell of its row as circulated, a cell's paragraphs joined by a space."""
    p = paragraphs[i]
    if not p.cell[0] or not p.grid[1] or p.cell[2]:
        return edit
    row: dict[int, list[str]] = {}
    for q in paragraphs:
        if q.cell[:2] == p.cell[:2] and q.grid[0] == p.grid[0]:
            row.setdefault(q.grid[1], []).append(q.original)
    words = tuple(" ".join(" ".join(row.get(column, [])).split()) for column in range(1, max(row) + 1))
    return replace(edit, row=words, column=p.grid[1], row_number=p.grid[0])


def cell_row(lines: Sequence[str], edit: Edit) -> int | None:
    """The line of `lines` that is the row of the cell `edit` changed (`Edit.row` as circulated), or None."""
    if not edit.column:
        return None
    want = [line_key(text) for text in edit.row]
    found: list[tuple[int, int]] = []  # each row reading as the Word row did: its line, and its row of its table
    number = 0
    for at, line in enumerate(lines):
        if not line.lstrip().startswith("|"):
            number = 0
            continue
        if _separator(line):
            continue
        number += 1
        if [line_key(text) for text in cells(line)] == want and edit.column <= len(want):
            found.append((at, number))
    if len(found) > 1:
        found = [(at, n) for at, n in found if n == edit.row_number]
    return found[0][0] if len(found) == 1 else None


def unsure(lines: Sequence[str], edit: Edit) -> bool:
    """Whether a cell's change cannot be placed for sure in a provision's wording `lines`: its row is not found, and
    its words are none (an empty cell) or stand in more than one cell of the provision's tables."""
    if not edit.column or cell_row(lines, edit) is not None:
        return False
    key = line_key(edit.old)
    return not key or sum(line_key(text) == key for line in lines if line.lstrip().startswith("|")
                          for text in cells(line)) > 1


def unsure_note(p: ReplyParagraph, edit: Edit, address: str, source: str, language: str) -> str:
    """One sentence naming a change of a table cell that is not imported: who, the reply, the provision, the table,
    the row and cell, and the words."""
    who = ", ".join(p.authors) or "an unnamed reviewer"
    did = (f"types “{' '.join(edit.new.split())}” into the empty cell" if not edit.old.strip() else
           f"changes “{' '.join(edit.old.split())}” to “{' '.join(edit.new.split())}” in the cell")
    return (f"The tracked change by {who} in {source} on {Address.parse(address).describe(language)}, in row "
            f"{edit.row_number}, column {edit.column} of the reply's table {p.cell[0]}, {did}: that row of the "
            "provision's table could not be found for sure, so it is not imported; add it by hand if it is meant.")


def _cell_key(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


def _joined(run: Sequence[ReplyParagraph]) -> ReplyParagraph:
    """The paragraphs of one cell as one: their words joined by a space, their changes and marks together."""
    def words(texts: Sequence[str]) -> str:
        return " ".join(" ".join(texts).split())

    first = run[0]
    return replace(first, original=words([q.original for q in run]), accepted=words([q.accepted for q in run]),
                   before=words([q.before for q in run]), mark="",
                   authors=tuple(dict.fromkeys(a for q in run for a in q.authors)),
                   date=max(q.date for q in run), formatting=tuple(f for q in run for f in q.formatting),
                   in_struck=tuple(c for q in run for c in q.in_struck))


def whole_cells(reply: Reply, texts: Texts, bases: Texts = ()) -> Reply:
    """The reply with each cell of several paragraphs whose joined words are a cell of a table of `texts` (or, on a
    Word redline, of `bases`: the text before the draft) given as one paragraph, its Word comments on it."""
    paragraphs = reply.paragraphs
    if not any(p.cell[0] and k and paragraphs[k - 1].cell == p.cell and paragraphs[k - 1].grid == p.grid
               for k, p in enumerate(paragraphs)):
        return reply
    known = {_cell_key(cell) for _, text in (*texts, *bases) for loc in text.walk() for line in lines_of(loc.unit)
             if line.lstrip()[:1] == "|" for cell in cells(line)}
    out: list[ReplyParagraph] = []
    moved: dict[int, int] = {}  # a paragraph of the reply -> the one it is now
    k = 0
    while k < len(paragraphs):
        p, end = paragraphs[k], k + 1
        while p.cell[0] and end < len(paragraphs) and paragraphs[end].cell == p.cell and \
                paragraphs[end].grid == p.grid:
            end += 1
        run = paragraphs[k:end]
        one = _joined(run) if len(run) > 1 else p
        if len(run) > 1 and not ({_cell_key(one.original), _cell_key(one.before)} & known):
            run, one, end = run[:1], p, k + 1
        moved.update((j, len(out)) for j in range(k, end))
        out.append(one)
        k = end
    if len(out) == len(paragraphs):
        return reply
    comments = tuple(replace(c, start=moved.get(c.start, c.start), end=moved.get(c.end, c.end),
                             thread=tuple(replace(t, start=moved.get(t.start, t.start), end=moved.get(t.end, t.end))
                                          for t in c.thread))
                     for c in reply.comments)
    return replace(reply, paragraphs=tuple(out), comments=comments)
