"""A provision's wording with a Word reviewer's changed paragraphs in place, as a proposal states it.

Post-conditions of `proposed_text`:
1. Each changed paragraph replaces the line it is, an added one goes in after the paragraph before it, a struck one
   is taken out (`proposed_text`'s own sentence says how labels are kept).
2. Two tracked changes to one line (a clause changed in the text as amended and again in the instruction's quoted
   new text: khoản 9 Điều 16 of Luật Đấu thầu, r37) are both in it when they change different words (a three-way
   merge of the line, word by word, `merged`); when they change the same words differently, or one strikes out the
   line the other changes, the first is in it and the second is a `Clash`, named in `clashes`: it was dropped
   unsaid, the later change read as no line of the text.
3. A change of a table's cell is made in the cell standing where the Word cell stands (`reply_cells.cell_row`), an
   empty one included; found only by its words (the first cell holding them) when its row is not found, and an empty
   cell whose row is not found is left out (the caller names it), never put in as a line of its own.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from regdraft.core.model import TEXT_HEADINGS, Address, Unit
from regdraft.core.reply_cells import cell_row
from regdraft.core.reply_wording import (
    Edit,
    label_of,
    line_key,
    match_line,
    own_lines,
    relabelled,
    said_changes,
    strip_label,
    unquoted,
)


@dataclass(frozen=True, slots=True)
class Clash:
    """A tracked change that cannot be made beside an earlier one on the same line: the line as circulated, as the
    earlier change leaves it, as this one would (empty: struck out), and the change itself."""

    old: str
    kept: str
    lost: str
    edit: Edit


def proposed_text(text: str, edits: Sequence[Edit], own: int, labelled: bool = False, relabel: bool = True,
                  clashes: list[Clash] | None = None, merge: bool = True) -> str:
    """A provision's `wording` (one paragraph a line) with the reviewer's changed paragraphs in place.

    A changed paragraph replaces the line it is, keeping the line's label unless the reviewer's tracked change
    changed that label (`relabel`; a split clause's followers renumbered): a labelled line, or any line of a
    labelled text, then takes the reviewer's label, as Word's "Accept all" reads it; it is read as quoted
    new text when only that matches (`“4. … ”.` in an instruction is the line `4. …`). An added
    paragraph follows the paragraph it was added after, else the provision's `own` first lines;
    it keeps its label when the lines carry labels (`labelled`: it is a new point or clause).
    A second change of a line an earlier one changed is merged into it, or, when the two cannot both stand, named in
    `clashes` (the line as the first left it); a table's cell too. A changed paragraph that is no line of the text
    is left out: it is not the provision's wording. Without `merge`, the wording as imports before r37 (a line)
    and r38 (a table's cell) wrote it: a second change of a line replaced the first, one of a cell was left out.
    """
    lines = text.split("\n") if text else []
    keys = [line_key(line) for line in lines]
    added: list[bool] = [False] * len(lines)  # the lines an edit put in: no paragraph as circulated is one of them
    base = list(lines)  # each line as circulated ("" for one an edit put in)
    struck: list[str] = []  # the lines as circulated that an edit struck out
    last = own - 1
    for edit in edits:
        # A paragraph moved up comes in before it is struck out where it stood: the line struck out is the one
        # circulated, not the same words just put in (which gave back the text as circulated: the move was lost).
        if edit.column and (row := cell_row(base, edit)) is not None:
            _cell(lines, keys, row, edit, base, merge, clashes)  # where the Word cell stands, not its words
            last = max(last, row)
            continue
        if edit.column and not edit.old.strip():
            continue  # an empty cell whose row is not found: named by the caller (`reply_cells.unsure`), never a line
        circulated = [key if not new_line else "\x00" for key, new_line in zip(keys, added, strict=True)]
        found = match_line(circulated, edit.old, lines) if edit.old.strip() else None
        if found is not None and found[2] >= 0:
            at, _, cell = found  # a table's cell: the row keeps its other cells, and stays when this one is emptied
            cells = lines[at].split("|")
            cells[cell] = f" {' '.join(edit.new.split())} " if edit.new.strip() else " "
            lines[at] = "|".join(cells)
            keys[at] = line_key(lines[at])
            last = max(last, at)
        elif found is not None and merge and base[at := found[0]] and base[at] != lines[at]:
            _merge(lines, keys, at, _changed_line(base[at], edit, found[1], labelled, relabel), base[at], edit, clashes)
        elif found is not None:
            at, quoted, _ = found
            new = _changed_line(lines[at], edit, quoted, labelled, relabel)
            if new:
                lines[at] = new
                keys[at] = line_key(lines[at])
                last = max(last, at)
            else:
                struck.append(base[at])
                del lines[at], keys[at], added[at], base[at]
                last = max(last - 1, at - 1)
        elif not edit.old.strip() and edit.new.strip():
            before = match_line(keys, edit.after, lines) if edit.after.strip() else None
            at = before[0] + 1 if before is not None else last + 1
            new = " ".join(edit.new.split()) if labelled else strip_label(edit.new).strip()
            lines.insert(at, new)
            keys.insert(at, line_key(new))
            added.insert(at, True)
            base.insert(at, "")
            last = max(last + 1, at)
        elif edit.old.strip() and merge:
            _again(lines, keys, base, struck, edit, labelled, relabel, clashes)
    return "\n".join(lines)


def _changed_line(line: str, edit: Edit, quoted: bool, labelled: bool, relabel: bool) -> str:
    """`line` as `edit` leaves it (empty: struck out)."""
    new = unquoted(edit.new) if quoted else strip_label(edit.new).strip()
    label = relabelled(edit.old, edit.new) if relabel else None
    if not new:
        return ""
    keep = label is None or not (labelled or label_of(line))
    return (label_of(line) if keep else label or "") + new


def _again(lines: list[str], keys: list[str], base: list[str], struck: list[str], edit: Edit, labelled: bool,
           relabel: bool, clashes: list[Clash] | None) -> None:
    """A change of a line as circulated that an earlier change already changed or struck out: merged into it, or a
    `Clash`."""
    changed = [line_key(was) if was and was != line else "\x00" for was, line in zip(base, lines, strict=True)]
    found = match_line(changed, edit.old)
    if found is not None:
        at, quoted, _ = found
        _merge(lines, keys, at, _changed_line(base[at], edit, quoted, labelled, relabel), base[at], edit, clashes)
        return
    if (cell := _changed_cell(lines, base, edit.old)) is not None:
        _merge_cell(lines, keys, *cell, base, edit, clashes)
        return
    gone = match_line([line_key(was) for was in struck], edit.old)
    if gone is not None and clashes is not None:
        theirs = _changed_line(struck[gone[0]], edit, gone[1], labelled, relabel)
        if theirs:  # struck out twice is struck out
            clashes.append(Clash(struck[gone[0]], "", theirs, edit))


def _merge(lines: list[str], keys: list[str], at: int, theirs: str, was: str, edit: Edit,
           clashes: list[Clash] | None) -> None:
    """Line `at`, changed by an earlier change from `was`, with `edit`'s change (`theirs`) merged in, or a `Clash`."""
    both = merged(was, lines[at], theirs) if theirs else None
    if both is not None:
        lines[at], keys[at] = both, line_key(both)
    elif clashes is not None and theirs != lines[at]:
        clashes.append(Clash(was, lines[at], theirs, edit))


def _cell(lines: list[str], keys: list[str], at: int, edit: Edit, base: list[str], merge: bool,
          clashes: list[Clash] | None) -> None:
    """Cell `edit.column` of row `at` as `edit` leaves it: set when the cell is still as circulated, else merged
    with the earlier change (`_merge_cell`); without `merge`, as imports before r38 did, set only when the cell still
    holds the words `edit` changed (a second change of it left out)."""
    now = lines[at].split("|")
    if now[edit.column] == base[at].split("|")[edit.column] or (
            not merge and line_key(now[edit.column]) == line_key(edit.old)):
        now[edit.column] = f" {' '.join(edit.new.split())} " if edit.new.strip() else " "
        lines[at], keys[at] = "|".join(now), line_key("|".join(now))
    elif merge:
        _merge_cell(lines, keys, at, edit.column, base, edit, clashes)


def _changed_cell(lines: list[str], base: list[str], old: str) -> tuple[int, int] | None:
    """The row and cell of a table that an earlier change changed from `old` (the cell as circulated): the same cell
    of an appendix's table in the instruction's quoted new text and in the text as amended (r38)."""
    key = line_key(old)
    for at, (was, line) in enumerate(zip(base, lines, strict=True)):
        if was != line and was.lstrip().startswith("|") and line.count("|") == was.count("|"):
            now = line.split("|")
            for cell, text in enumerate(was.split("|")):
                if line_key(text) == key and now[cell] != text:
                    return at, cell
    return None


def _merge_cell(lines: list[str], keys: list[str], at: int, cell: int, base: list[str], edit: Edit,
                clashes: list[Clash] | None) -> None:
    """Cell `cell` of row `at`, changed by an earlier change, with `edit`'s change merged in, or a `Clash` (the
    cell's words as circulated, as the earlier change left them and as `edit` would)."""
    was, now = base[at].split("|")[cell].strip(), lines[at].split("|")
    theirs = " ".join(edit.new.split())
    both = merged(was, now[cell].strip(), theirs) if theirs else None
    if both is not None:
        now[cell] = f" {both} "
        lines[at] = "|".join(now)
        keys[at] = line_key(lines[at])
    elif clashes is not None and theirs != now[cell].strip():
        clashes.append(Clash(was, now[cell].strip(), theirs, edit))


_TOKENS = re.compile(r"\s+|[^\s]+")


def merged(base: str, ours: str, theirs: str) -> str | None:
    """`base` with the changes of both `ours` and `theirs`, word by word (the same change made in both once); None
    when they change the same or neighbouring words differently."""
    was = _TOKENS.findall(base)
    ours_changes, theirs_changes = _hunks(was, ours), _hunks(was, theirs)
    hunks = sorted({*ours_changes, *theirs_changes})
    for a, b in pairwise(hunks):
        # Sorted, `b` starts at or after `a`: they clash when `b` starts inside `a` or right where it ends (`chưa`
        # made `không` and `chưa thể` is no `không thể`: a space between two words is a word of its own here).
        if b[0] <= a[1]:
            return None
    out, at = [], 0
    for start, end, words in hunks:
        out += [*was[at:start], words]
        at = end
    return "".join([*out, *was[at:]])


def _hunks(was: list[str], text: str) -> set[tuple[int, int, str]]:
    """Where `text` differs from the words `was`: each span of them replaced, and by what."""
    now = _TOKENS.findall(text)
    matcher = difflib.SequenceMatcher(None, was, now, autojunk=False)
    return {(i1, i2, "".join(now[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"}


def clash_note(clash: Clash, address: str, authors: Sequence[str], source: str, language: str) -> str:
    """One sentence naming two tracked changes of the same words that cannot both stand, the reply and the provision
    they are on and what each changes, and saying that both are imported, each as a proposal."""
    on = Address.parse(address).describe(language)
    first, second = (said_changes(clash.old, text, language) if text else "strikes the paragraph out"
                     for text in (clash.kept, clash.lost))
    who = ", ".join(authors) or "an unnamed reviewer"
    return (f"Two tracked changes by {who} in {source} on {on} change the same words in two ways that cannot both "
            f"stand ({first}; and {second}): both are imported, each as a proposal on {on}; accept the one the body "
            "meant.")


def own_count(unit: Unit, labelled: bool) -> int:
    """How many lines of a provision's wording are its own paragraphs (before its points or clauses)."""
    if not labelled:
        return len(own_lines(unit))
    return 1 + len(unit.text) if unit.kind in TEXT_HEADINGS else max(1, len(unit.text))
