"""A file that holds a decision followed by the regulation it issues (the published form of a Quy chế or Quy định:
`QUYẾT ĐỊNH / Ban hành Quy chế …`, its bases, `Điều 1. Ban hành kèm theo Quyết định này Quy chế …`, its signature,
then `QUY CHẾ / … / (Ban hành kèm theo Quyết định số … )` with the regulation's chapters and articles).

Post-conditions of `attached_start`:
1. It gives the index where the attached regulation begins (its own header block, or its type line) only when
   article headings come before a type line that a `(Ban hành kèm theo …)` line follows within three lines;
   otherwise None, and the file is read as one document.

`from_decision` completes the regulation's header from the decision's (number, date, issuer, `issued_with`) and
says in one note what was done; every line of the decision is quoted in the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from regdraft.core.dates import written_date
from regdraft.core.text import fold_letters
from regdraft.importer.classify import decorative
from regdraft.importer.closing import Closing, flatten_closing_tables, flatten_tables, read_closing
from regdraft.importer.document_end import effective_in_final_provisions
from regdraft.importer.header import (
    _HEADING_START,
    _ISSUED_WITH,
    _MOTTO,
    _NATIONAL,
    _NUMBER,
    _TYPE_LINE,
    _caps,
    header_end,
    read_header,
    read_place_date,
    text_rows,
)
from regdraft.importer.report import Note, Paragraph

# What a regulation's header takes from the decision that issues it when it prints none of its own.
_FROM_DECISION = ("national", "motto", "superior", "issuer", "number", "place", "signed")
_AUTHORITY = re.compile(r"^(t/m|tm\.|kt\.|k/t|q\.|tl\.|tuq\.|t\.m)\s*", re.I)


def attached_start(paragraphs: Sequence[Paragraph]) -> int | None:
    """Where the regulation attached to a decision begins, or None when the file holds one document."""
    seen_article = False
    for k, para in enumerate(paragraphs):
        if para.rows is not None:
            continue
        if _HEADING_START.match(fold_letters(para.text)) and para.text.lower().startswith(("điều", "article")):
            seen_article = True
            continue
        kind = _TYPE_LINE.match(para.text)
        if (seen_article and kind and _caps(para.text)
                and any(p.rows is None and _ISSUED_WITH.match(p.text) for p in paragraphs[k + 1:k + 4])):
            return _header_above(paragraphs, k)
    return None


def _header_above(paragraphs: Sequence[Paragraph], k: int) -> int:
    """The first line of the attached regulation's own header block above its type line (`k` when it has none):
    the Quốc hiệu, motto, number, place and date, layout tables, the issuer's lines above the Quốc hiệu, and the
    rules real copies print under the issuer and the motto (`-------`, `_______`)."""
    j, national, names = k, False, 0
    while j > 0:
        para = paragraphs[j - 1]
        text = para.text
        if (para.rows is not None or _MOTTO.match(text) or _NUMBER.match(text) or read_place_date(text)
                or decorative(text)):
            j -= 1
        elif _NATIONAL.match(text):
            national = True
            j -= 1
        elif national and names < 3 and _caps(text) and not _AUTHORITY.match(text):
            names += 1
            j -= 1
        else:
            break
    while j < k and paragraphs[j].rows is None and decorative(paragraphs[j].text):
        j += 1  # a rule above the header's first line is the decision's (its closing leaves it out)
    return j


def from_decision(decision: Sequence[Paragraph], meta: dict[str, Any], closing: Closing,
                  regulation_line: int) -> tuple[Closing, list[Note]]:
    """Complete the regulation's header keys (`meta`) and closing from the decision that issues it; the notes."""
    end = header_end(decision)
    items = flatten_tables(text_rows(decision[:end])) + list(decision[end:])
    header = read_header(items)
    own = header.meta
    taken = [key for key in _FROM_DECISION if key not in meta and own.get(key)]
    for key in taken:
        meta[key] = own[key]
    takes_effect = effective_in_final_provisions(items[header.body_start:])
    if takes_effect is not None and "effective" not in meta:
        meta["effective"] = takes_effect[1]  # `Quyết định này có hiệu lực … từ ngày …`: the regulation's date too
        taken.append("effective")
    if "issued_with" not in meta and own.get("number"):
        signed = own.get("signed")
        day = f" {written_date(signed, 'ngày {dd} tháng {mm} năm {year}', '')}" if signed else ""
        meta["issued_with"] = f"{own.get('type') or 'Quyết định'} số {own['number']}{day}"
        taken.append("issued_with")
    kind = str(own.get("type") or "decision")
    first = decision[0].where if decision else 0
    notes = [Note(first, "info", (
        f"This file holds a {kind} (from line {first}) followed by the regulation it issues (from line "
        f"{regulation_line}): the regulation was imported, and the {kind}'s own articles are not part of it"
        + (f"; {', '.join(repr(k) for k in taken)} {'was' if len(taken) == 1 else 'were'} read from the {kind}"
           if taken else "") + "."))]
    if not closing.signer and not closing.recipients:
        # The regulation prints no signature of its own: the decision's is the one that signed it.
        signed_by = read_closing(flatten_closing_tables(items[header.body_start:]), 0)
        if signed_by.signer or signed_by.recipients:
            closing = Closing(closing.body_end, signed_by.signer, signed_by.recipients, [*closing.notes])
            notes.extend(signed_by.notes)
    quoted = {(n.where, n.text) for n in notes}
    notes.extend(Note(p.where, "skipped", f"Part of the {kind} that issues the regulation, not of the regulation.",
                      p.text) for p in decision if (p.where, p.text) not in quoted)
    return closing, notes


def cased_by_decision(title: str, decision: Sequence[Paragraph]) -> tuple[str, list[Note]]:
    """The regulation's `title` as the decision that issues it writes it in running text (its title line `Ban hành
    Quy chế công tác …`, its `Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác …`), with a note, when a
    line of it writes the title whole with other capitals; else `title` as it is. The regulation's own summary line
    is printed with a capital because it starts a line (`QUY CHẾ` / `Công tác thanh niên …`), as a law's title in
    capitals is given its capitals by its preamble sentence."""
    wanted = " ".join(title.split())
    for para in decision if wanted else ():
        text = " ".join(para.text.split())
        if para.rows is not None or _caps(text) or len(text.lower()) != len(text):
            continue
        at = text.lower().find(wanted.lower())
        if at >= 0:
            found = wanted[0] + text[at + 1:at + len(wanted)]  # the type keeps its capital after `Ban hành`
            if found == wanted:
                break
            return found, [Note(para.where, "info", "The title's capitals were taken from the decision that issues "
                                "the regulation, which writes it in running text.", para.text)]
    return title, []
