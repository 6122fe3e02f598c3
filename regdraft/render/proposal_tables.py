"""A comment's proposal holding a table (an appendix's form) as the comment report prints it: its table a table, its
changed rows only, marked cell by cell as the redlines mark them, never `| a | b |` lines with their `| --- |`.

A proposal on a form (`Phụ lục IV`, a member's tracked change in one cell of a Word reply) is the whole appendix, its
rows as Markdown table lines; printed as lines, a 19-row form filled the report's cell with pipes. Its rows are
compared as the comparison table compares them (`core.table_diff`); the rows it leaves as they were, and its
paragraphs unchanged, are each run shown as `[…]` (`render.marked`'s `only_changed`), so the row changed stands under
the table's first row, which names the columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from regdraft.core.word_diff import DiffSegment, Op


def holds_table(segments: Sequence[DiffSegment]) -> bool:
    """Whether a marked proposal has a line that is a row of a Markdown table (`| a | b |`) on either side."""
    text = "\n".join(s.old_text if s.op is Op.EQUAL else s.text for s in segments)
    return any(line.lstrip().startswith("|") for line in text.split("\n"))


def _segments(marked: Sequence[DiffSegment], proposal: str) -> tuple[tuple[DiffSegment, ...], bool]:
    """The proposal's segments, and whether it is marked (only its changed rows then shown)."""
    return (tuple(marked), True) if marked else ((DiffSegment(Op.EQUAL, proposal),), False)


def proposal_html(marked: Sequence[DiffSegment], proposal: str) -> Markup | None:
    """The proposal as HTML when it holds a table: its paragraphs, its tables as `<table>`s (only the rows changed,
    when `marked`); None when it holds none (the report prints it as its lines)."""
    from regdraft.render.marked import marked as printed

    segments, changed = _segments(marked, proposal)
    if not holds_table(segments):
        return None
    out = []
    for p in printed(segments, only_changed=changed):
        if p.tag == "table":
            out.append(Markup('<table class="proposal-table">{}</table>').format(p.html))
        else:
            out.append(Markup('<p class="{}">{}</p>').format(p.css, p.html))
    return Markup("").join(out)


def docx_proposal(cell: Any, lead: str, marked: Sequence[DiffSegment], proposal: str,
                  size: float | None = None) -> bool:
    """The proposal written into a Word table's `cell` after `lead`, its tables as tables (`proposal_html`'s rows);
    False, with nothing written, when it holds no table."""
    from docx.enum.text import WD_UNDERLINE

    from regdraft.core.table_diff import lines, runs, table_grid
    from regdraft.core.word_diff import as_written
    from regdraft.render import docx as word
    from regdraft.render.changed import ELLIPSIS
    from regdraft.render.marked import left_out_rows, unchanged

    segments, changed = _segments(marked, proposal)
    if not holds_table(segments):
        return False

    def write(para: Any, runs_: Sequence[DiffSegment]) -> None:
        for seg in as_written(runs_):
            run = word.add_run(para, seg.text, italic=True, bold=seg.op is Op.INSERT, size=size)
            if seg.op is Op.DELETE:
                run.font.strike = True
            elif seg.op is Op.INSERT:
                run.font.underline = WD_UNDERLINE.SINGLE

    word.paragraph(cell, lead, italic=True, size=size, space_after=0)
    split = lines(segments)
    tables = dict(runs(split))
    same, same_rows = unchanged(segments) if changed else (frozenset(), frozenset())
    i, elided = 0, False
    while i < len(split):
        if i in tables:
            rows = left_out_rows(table_grid(split[i:tables[i]]), same_rows)
            table = cell.add_table(rows=0, cols=max((len(r.cells) for r in rows if r is not None), default=1))
            table.style = "Table Grid"
            for row in rows:
                made = table.add_row()
                if row is None:
                    merged = made.cells[0].merge(made.cells[-1]) if len(made.cells) > 1 else made.cells[0]
                    word.add_run(merged.paragraphs[0], ELLIPSIS, italic=True, size=size)
                    continue
                for target, runs_ in zip(made.cells, row.cells, strict=True):
                    write(target.paragraphs[0], runs_)
            i, elided = tables[i], False
            continue
        line = split[i][0]
        text = "".join(s.text for s in line)
        if line and text in same:
            if not elided:
                word.paragraph(cell, ELLIPSIS, italic=True, size=size, space_after=0)
            elided = True
        elif line:
            write(word.paragraph(cell, "", size=size, space_after=0), line)
            elided = False
        i += 1
    return True
