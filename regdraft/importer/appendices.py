"""Appendices (phụ lục) after the last article: `PHỤ LỤC I`, its title, and its forms and tables as free text.

`read_appendices(paragraphs, language, notes)` reads the paragraphs from the first appendix heading to the end
of the document (the signature block already taken out) as appendix units, or returns None when they are not
appendices regdraft can number (an unnumbered `PHỤ LỤC`, `Phụ lục số 01`): the caller then keeps them as before.
An English text's headings may also say `Schedule` or `Annex` and be lettered (`ANNEX A`), and its one appendix
may be unnumbered (`SCHEDULE`): the unit keeps the document's word (`Unit.designation`), which every output prints.

Post-conditions:
1. Every paragraph is kept, in order: the heading gives the unit's number and designation, the paragraph after
   it (or the heading's own words after the number) its title; a `(Ban hành kèm theo …)` after the title is the
   unit's first paragraph; tables are Markdown tables; nothing is rewritten but the escapes the format needs.
2. The units pass `validate` as appendices (numbered I, II, III or 1, 2, 3 as the document numbers them); a gap
   or repeat is reported by `validate` like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from regdraft.core.labels import ISSUED_WITH, appendix_heading
from regdraft.core.markdown_writer import heading_text
from regdraft.core.model import Kind, Unit
from regdraft.core.text import fold_letters
from regdraft.importer.classify import literal, table_markdown
from regdraft.importer.report import Note, Paragraph

# The line a title carries after it: `(Ban hành kèm theo Nghị định số 63/2010/NĐ-CP …)`, `(Kèm theo …)`.
_NUMBERED = re.compile(r"^(\d+[a-z]?)&#46;")


def read_appendices(paragraphs: Sequence[Paragraph], language: str, notes: list[Note]) -> tuple[Unit, ...] | None:
    """The appendices `paragraphs` hold (the first is an appendix heading); None when one has no number."""
    units: list[Unit] = []
    opened: tuple[str, str, int, list[str], list[str]] | None = None  # label, designation, line, title pieces, text
    for para in paragraphs:
        # An unnumbered `SCHEDULE` is the English text's one appendix: the first heading, or none at all.
        heading = appendix_heading(fold_letters(para.text), language, unnumbered=opened is None) \
            if para.rows is None else None
        if heading is not None:
            label, designation, own_title = heading
            if label is None:
                return None
            if opened is not None:
                if opened[1] and " " not in opened[1]:
                    return None  # a heading after an unnumbered `SCHEDULE`: not numbered as regdraft reads them
                units.append(_unit(*opened))
            opened = (label, designation, para.where, [own_title] if own_title else [], [])  # its title, if there
            continue
        if opened is None:
            return None  # text before the first heading: not appendices as regdraft reads them
        label, _, line, title, text = opened
        if not title and not text and para.rows is None and not ISSUED_WITH.match(para.text):
            title.append(para.text)
            continue
        text.append(table_markdown(para.rows) if para.rows is not None else _free(para.text))
    if opened is None:
        return None
    units.append(_unit(*opened))
    named = ", ".join(heading_text(Unit(Kind.APPENDIX, u.label, designation=u.designation), language) for u in units)
    notes.append(Note(paragraphs[0].where, "info", (
        f"{len(units)} appendices ({named}) were read as appendices after the last article, each with its title and "
        "its text (forms and tables) as written." if len(units) > 1 else
        f"1 appendix ({named}) was read as an appendix after the last article, with its title and its text (forms "
        "and tables) as written."), paragraphs[0].text))
    return tuple(units)


def _unit(label: str, designation: str, line: int, title: list[str], text: list[str]) -> Unit:
    heading = " ".join(title).strip()
    issued = ISSUED_WITH.search(heading)
    if issued is not None and issued.start() > 0:
        heading, text = heading[:issued.start()].strip(), [issued.group(1), *text]
    return Unit(Kind.APPENDIX, label, heading or None, tuple(text), line=line, designation=designation)


def _free(text: str) -> str:
    """A paragraph of an appendix as the format writes it: escaped where Markdown would read it as something
    else, but a numbered line kept as it is (an appendix holds no clauses; the writer escapes its dot)."""
    return _NUMBERED.sub(r"\1.", literal(text), count=1)
