"""The redline's paragraphs: a provision's compared text (`core.word_diff` segments) cut into printed paragraphs
with their insertions and deletions marked (`marked`), tables printed as tables (`core.table_diff`).

Each side's paragraphs are its own (`render.paragraphs.regrouped`); the old side quotes the old text as written,
the new side the new (`core.word_diff.as_written`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from regdraft.core.parts import table_rows
from regdraft.core.table_diff import Line, Row, has_head, lines, runs, table_grid
from regdraft.core.word_diff import DiffSegment, Op, as_written
from regdraft.render.changed import ELLIPSIS
from regdraft.render.paragraphs import regrouped


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One printed paragraph of marked-up text; a Markdown table is one too, printed as a `<table>`
    (`tag`), its `html` the rows. `line` is the line of the new text it shows (counted from 0 in the compared
    text, `marked`), None when it shows none (deleted whole, or no line of the text)."""

    html: Markup
    css: str
    tag: str = "p"
    line: int | None = None


def para_class(text: str) -> str:
    return "dash" if text.startswith("- ") else "sub-dash" if text.startswith("+ ") else "para"


def _segment_html(seg: DiffSegment, moved: bool) -> str:
    from regdraft.render.html import inline_markdown

    body = inline_markdown(seg.text) if seg.text.strip() else escape(seg.text)
    if seg.op is Op.EQUAL:
        return f'<span class="mv">{body}</span>' if moved else str(body)
    tag, css = ("del", "del") if seg.op is Op.DELETE else ("ins", "ins")
    return f'<{tag} class="{css}">{body}</{tag}>'


def _run_html(segments: Sequence[DiffSegment], moved: bool) -> str:
    html = []
    for k, s in enumerate(segments):
        html.append(_segment_html(s, moved))
        after = segments[k + 1] if k + 1 < len(segments) else None
        if _touching(s, after):
            html.append(" ")
        elif after is not None and s.text and not s.text[-1].isspace() and _LEADERS.match(after.text):
            html.append("<wbr>")
    return "".join(html)


# A form's answer line (`lý do……………`, `……` after words inserted): where a mark ends inside a word, WeasyPrint's
# `overflow-wrap: anywhere` finds no break in the run of dots after it, which then ran out of a narrow cell of the
# comparison table into the next column; a `<wbr>` at the mark's end lets the dots wrap (it is no character).
_LEADERS = re.compile(r"[.…]{3,}")


def _table(run: Sequence[Line], moved: bool, same: frozenset[str] = frozenset(),
           both: Sequence[Line] | None = None, side: str = "both") -> Paragraph:
    """Lines of Markdown table rows as one table, rows and cells compared (`table_diff.table_grid`); with `same`
    (the rows unchanged on both sides), its first row and the others not in `same`, each run of rows left out
    shown as one `[…]` row.

    A side's table (`side` "old" or "new") is compared from `both` sides' lines, then keeps that side's rows and
    marks: compared from one side's lines alone, the other side would be the words both share, a row in neither
    text (a row removed and another written in its place)."""
    from regdraft.render.fragments import table_body

    html: list[str] = []
    grid = table_grid(run) if both is None else _side_rows(table_grid(both), side)
    head = has_head(run)
    width = max((len(row.cells) for row in grid), default=1)
    for row in left_out_rows(grid, same):
        if row is None:
            html.append(f'<tr class="elided"><td colspan="{width}">{ELLIPSIS}</td></tr>\n')
        else:
            html.append("<tr>" + "".join(f"<td>{_run_html(as_written(c), moved)}</td>" for c in row.cells)
                        + "</tr>\n")
    return Paragraph(Markup("\n" + table_body(html, head)), "provision-table", "table")


def left_out_rows(grid: Sequence[Row], same: frozenset[str]) -> list[Row | None]:
    """A compared table's rows with those in `same` (`unchanged`'s rows) left out but its first, each run of them
    one None (printed `[…]`)."""
    out: list[Row | None] = []
    for k, row in enumerate(grid):
        if k and same and _row_key(["".join(s.text for s in c) for c in row.cells]) in same:
            if out[-1] is not None:
                out.append(None)
            continue
        out.append(row)
    return out


def _side_rows(grid: Sequence[Row], side: str) -> list[Row]:
    """The rows of a compared table one side has, each cell without the other side's words."""
    other = Op.INSERT if side == "old" else Op.DELETE
    return [Row(row.op, tuple(tuple(s for s in cell if s.op is not other) for cell in row.cells))
            for row in grid if row.op is not other]


def _sides(segments: Sequence[DiffSegment], side: str) -> list[int]:
    """For each line of `lines(segments)`, the line of one side's text (`marked`'s `kept`) it is part of: a line
    break the other side alone has joins two lines into one."""
    dropped = Op.INSERT if side == "old" else Op.DELETE
    out, at = [], 0
    for _, end in lines(segments):
        out.append(at)
        at += end is not dropped
    return out


def _row_key(cells: Sequence[str]) -> str:
    """A table row as compared for `_table`'s `same`: its cells' words, without the empty cells at its end."""
    words = [" ".join(c.split()) for c in cells]
    while words and not words[-1]:
        words.pop()
    return "|".join(words)


def unchanged(segments: Sequence[DiffSegment]) -> tuple[frozenset[str], frozenset[str]]:
    """The lines (and the table rows, by `_row_key`) both sides have as they were: what a side's view of a
    change cannot tell (its deletions or insertions dropped, a changed line reads as if unchanged)."""
    plain: set[str] = set()
    rows: set[str] = set()
    for line, end in lines(segments):
        if line and end is Op.EQUAL and all(s.op is Op.EQUAL for s in line):
            text = "".join(s.text for s in line)
            plain.add(text)
            if text.startswith("|"):
                rows.update(_row_key(cells) for cells in table_rows(text))
    return frozenset(plain), frozenset(rows)


def marked(segments: Sequence[DiffSegment], side: str = "both", moved: bool = False,
           only_changed: bool = False, labelled: bool = False) -> list[Paragraph]:
    """Segments as paragraphs of HTML; `side` "old" drops insertions, "new" drops deletions. Each side's
    paragraphs are its own, whole (`render.paragraphs.regrouped`; `labelled`: the first ones follow a label).

    Lines that are rows of a Markdown table print as one table, marked row by row and cell by cell
    (Luật 57/2024 amends the lists of plans in a law's tables): `| a | b |` lines never print as text.
    With `only_changed` (an appendix's forms in a comparison table of the changes alone), unchanged
    paragraphs and table rows are left out, each run of them shown as `[…]`.

    Each side quotes its text as written: a word whose tone mark sits elsewhere in the new text
    (Luật Công đoàn's `thoả ước`, made `thỏa ước`) is the old spelling on the old side, the new one
    on the new side, and both, deleted and inserted, where both sides are shown (`as_written`)."""
    segments = as_written(regrouped(segments, labelled))
    kept = [seg for seg in segments
            if not ((side == "old" and seg.op is Op.INSERT) or (side == "new" and seg.op is Op.DELETE))]
    split = lines(kept)
    tables = dict(runs(split))
    whole, at = (lines(segments), _sides(segments, side)) if side != "both" and tables else ([], [])
    same, same_rows = unchanged(segments) if only_changed else (frozenset(), frozenset())
    out: list[Paragraph] = []
    i = 0
    left_out = Paragraph(Markup(ELLIPSIS), "para elided")
    new_lines = _new_lines(split)
    while i < len(split):
        if i in tables:
            both = None if side == "both" else [line for line, k in zip(whole, at, strict=True) if i <= k < tables[i]]
            table = _table(split[i:tables[i]], moved, same_rows, both, side)
            out.append(dataclasses.replace(table, line=next((n for n in new_lines[i:tables[i]] if n is not None),
                                                            None)))
            i = tables[i]
            continue
        line = split[i][0]
        if line and "".join(s.text for s in line) in same:
            if not out or out[-1] is not left_out:
                out.append(left_out)
        elif line:
            out.append(Paragraph(Markup(_run_html(line, moved)), para_class(line[0].text), line=new_lines[i]))
        i += 1
    return out


def _new_lines(split: Sequence[Line]) -> list[int | None]:
    """For each line of a compared text cut by `lines`, the line of the new text it shows, None when it shows
    nothing of it: a line break only the old text has (deleted) continues the new line."""
    out: list[int | None] = []
    at = 0
    for line, end in split:
        out.append(at if any(s.op is not Op.DELETE and s.text for s in line) else None)
        at += end is not Op.DELETE
    return out


def _touching(seg: DiffSegment, after: DiffSegment | None) -> bool:
    """True when a deleted text runs straight into the words inserted in its place ("30" then "22-QĐ/TW",
    "bao gồm:" then "về quy định").

    Printed without a space they read as one word ("3022-QĐ/TW", "bao gồm:về") in black and white and in the
    PDF's text layer; a space keeps them apart, whatever the deletion ends with. Where the insertion starts with
    a mark that closes or follows a word, none is added: a word replaced by a mark (" và" then ",") reads right as
    it is, and a space there would stand before the comma in the new text ("kỳ họp , hội nghị", Luật Công đoàn's
    title of Điều 13); nor where a space already stands at the join. A reader of one side drops the other side's
    words and this space with them (`</del> <ins`).
    """
    if after is None or seg.op is not Op.DELETE or after.op is not Op.INSERT or not seg.text or not after.text:
        return False
    return not seg.text[-1].isspace() and (after.text[0].isalnum() or after.text[0] in _OPENING)


_OPENING = "([{“‘\"'«"  # marks that open what follows them: a word inserted after a deletion begins with one
