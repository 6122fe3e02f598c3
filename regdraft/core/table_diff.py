"""Markdown tables inside a compared text: the rows and cells of both sides, aligned and marked.

A provision's paragraphs are compared as one text (`regdraft.core.diff`), so a word diff can run
across a table's cell borders and rows ("Báo cáo | Văn phòng" becoming "Tổng kết | Thường trực").
`lines(segments)` cuts the compared text into lines; `table_grid(run)` takes a run of lines that are
table rows (`is_row`) back to each side's rows and compares those: the redlines (HTML, PDF, Word)
print a table as a table, never as `| a | b |` lines.

Post-conditions of `table_grid`:
1. Every cell of both sides is printed once: the old side of a row's cells (equal and deleted runs)
   is the old row, the new side (equal and inserted runs) the new row; the separator line is left out.
2. Rows are in order; a row one side alone has is one of DELETE or INSERT whole, a row changed in
   place is marked word by word in each of its cells (column by column where both sides have as many);
   every row has as many cells as the widest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from regdraft.core.parts import table_head, table_rows
from regdraft.core.word_diff import DiffSegment, Op, diff_words

T = TypeVar("T")

Line = tuple[list[DiffSegment], Op]  # a line's runs, and how the line break after it is marked


def lines(segments: Sequence[DiffSegment]) -> list[Line]:
    """`segments` cut into lines, each with the kind of the line break that ends it (a break one side
    alone has is a deletion or an insertion; the last line's is EQUAL). Empty runs are left out."""
    out: list[Line] = []
    line: list[DiffSegment] = []
    for seg in segments:
        pieces = seg.text.split("\n")
        olds = seg.old_text.split("\n") if seg.op is Op.EQUAL else pieces
        for k, piece in enumerate(pieces):
            if k:
                out.append((line, seg.op))
                line = []
            if piece:
                old = olds[k] if k < len(olds) and olds[k] != piece else None
                line.append(DiffSegment(seg.op, piece, old))
    out.append((line, Op.EQUAL))
    return out


def is_row(line: Sequence[DiffSegment]) -> bool:
    """Whether a line is a row of a Markdown table (`| a | b |`) on either side of the comparison."""
    return any(_side_text(line, side).lstrip().startswith("|") for side in (Op.DELETE, Op.INSERT))


def runs(lines_: Sequence[Line]) -> list[tuple[int, int]]:
    """The (start, end) of each run of consecutive table rows among `lines_`. A line with no text whose break
    one side alone has, between two rows, is a line of the run: where rows are removed and others added, the
    new side's break can stand apart (`| a | a |` then `| a | a | a |` for three old rows)."""
    found, i = [], 0

    def row(k: int) -> bool:
        return k < len(lines_) and bool(lines_[k][0]) and (is_row(lines_[k][0]) or _continues_row(lines_, k))

    while i < len(lines_):
        j = i
        while row(j) or (j > i and j < len(lines_) and not lines_[j][0] and lines_[j][1] is not Op.EQUAL
                         and row(j + 1)):
            j += 1
        if j > i:
            found.append((i, j))
        i = j + 1 if j == i else j
    return found


def _continues_row(lines_: Sequence[Line], k: int) -> bool:
    """Whether line `k` is, on one side, the rest of a row begun on an earlier line: the breaks before it are
    the other side's alone (old `| aa | b |` removed and new `| a | a |` written in its place can share the
    `| ` and leave the new side's `a | a |` on a line of its own)."""
    for side, other in ((Op.DELETE, Op.INSERT), (Op.INSERT, Op.DELETE)):
        text = _side_text(lines_[k][0], side)
        if not text.strip():
            continue
        m = k
        while m and lines_[m - 1][1] is other:
            m -= 1
            text = _side_text(lines_[m][0], side) + text
        if m < k and text.lstrip().startswith("|"):
            return True
    return False


def _side_text(line: Sequence[DiffSegment], side: Op) -> str:
    return "".join((s.old_text if side is Op.DELETE else s.text) for s in line if s.op in (side, Op.EQUAL))


def pairs(old: Sequence[T], new: Sequence[T],
          similar: Callable[[T, T], bool] | None = None) -> list[tuple[T | None, T | None]]:
    """`old` and `new` aligned in order: (o, n) for an item kept or changed, (o, None) for one removed,
    (None, n) for one added. In a run changed as a whole, items are paired in place when both sides have
    as many and no `similar` is given (a row's cells); otherwise each old item with the first new one
    `similar` to it (a table's rows)."""
    from difflib import SequenceMatcher

    out: list[tuple[T | None, T | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(zip(old[i1:i2], new[j1:j2], strict=True))
            continue
        if similar is None:
            both = min(i2 - i1, j2 - j1)
            out.extend(zip(old[i1:i1 + both], new[j1:j1 + both], strict=True))
            out.extend((o, None) for o in old[i1 + both:i2])
            out.extend((None, n) for n in new[j1 + both:j2])
            continue
        j = j1
        for o in old[i1:i2]:
            match = None if similar is None else next((k for k in range(j, j2) if similar(o, new[k])), None)
            if match is None:
                out.append((o, None))
                continue
            out.extend((None, n) for n in new[j:match])
            out.append((o, new[match]))
            j = match + 1
        out.extend((None, n) for n in new[j:j2])
    return out


def same_row(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether two rows are one row changed: a cell kept as it was (a plan's number, a question), or
    mostly the same words."""
    from difflib import SequenceMatcher

    if any(a and a == b for a, b in zip(old, new, strict=False)):
        return True
    return SequenceMatcher(None, " ".join(old).split(), " ".join(new).split(), autojunk=False).ratio() >= 0.5


@dataclass(frozen=True, slots=True)
class Row:
    """One printed row: EQUAL when both sides have it (its cells marked where they changed), else
    DELETE or INSERT whole; each cell its runs."""

    op: Op
    cells: tuple[tuple[DiffSegment, ...], ...]


def table_grid(run: Sequence[Line]) -> list[Row]:
    """A run of table-row lines as rows of marked cells (the module's post-conditions)."""
    sides: dict[Op, list[str]] = {Op.DELETE: [], Op.INSERT: []}
    for k, (line, end) in enumerate(run):
        for side, other in ((Op.DELETE, Op.INSERT), (Op.INSERT, Op.DELETE)):
            sides[side].append("".join(s.old_text if side is Op.DELETE else s.text for s in line if s.op is not other))
            if k + 1 < len(run) and end is not other:
                sides[side].append("\n")
    # Compared without the empty cells that fill a row out to the widest (`table_rows`): a column one
    # side alone has would otherwise change every row of the other.
    old, new = ([_trimmed(row) for row in table_rows("".join(sides[side])) if any(row)]
                for side in (Op.DELETE, Op.INSERT))

    def cell(o: str | None, n: str | None) -> tuple[DiffSegment, ...]:
        if n is None or o is None:
            text, op = (o, Op.DELETE) if n is None else (n, Op.INSERT)
            return (DiffSegment(op, text),) if text else ()
        return diff_words(o, n)

    rows = []
    for o, n in pairs(old, new, same_row):
        if o is not None and n is not None:
            # Rows as wide as each other keep their columns: aligned by their cells' words, `| a | a |` made
            # `| aa | a |` would pair the old first cell with the new second and print three columns.
            cells = zip(o, n, strict=True) if len(o) == len(n) else pairs(o, n)
            rows.append(Row(Op.EQUAL, tuple(cell(a, b) for a, b in cells)))
        else:
            op = Op.DELETE if n is None else Op.INSERT
            rows.append(Row(op, tuple(cell(c, None) if op is Op.DELETE else cell(None, c) for c in o or n or ())))
    width = max((len(r.cells) for r in rows), default=0)
    return [Row(r.op, r.cells + ((),) * (width - len(r.cells))) for r in rows]


def has_head(run: Sequence[Line]) -> bool:
    """Whether a compared table's first row (`table_grid`'s) names its columns (`parts.table_head`): on the new
    side, or on the old one where the new text has no table."""
    new = "\n".join("".join(s.text for s in line if s.op is not Op.DELETE) for line, _ in run[:4])
    if new.strip():
        return table_head(new)
    return table_head("\n".join("".join(s.old_text for s in line if s.op is not Op.INSERT) for line, _ in run[:4]))


def _trimmed(row: Sequence[str]) -> tuple[str, ...]:
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return tuple(row[:end])
