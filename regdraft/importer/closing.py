"""The closing block of a document (signature, `(Đã ký)`, recipients) read into front-matter keys, and the layout
tables header and signature blocks are printed in (two columns) read as their lines.

Post-conditions of `read_closing`:
1. Only a trailing run of signature-like paragraphs after the last heading is taken (signer
   lines, a name, `(Đã ký)`, `Nơi nhận:` and its items; a decorative line or a page's head or number
   between them is left out with a note); everything else stays in the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from regdraft.core.text import fold_letters
from regdraft.importer.classify import decorative
from regdraft.importer.header import _CELL_RULE, _HEADING_START, _NATIONAL_START, _caps, _name_like, text_rows
from regdraft.importer.pdfcopy import running_head
from regdraft.importer.report import Note, Paragraph

_ON_BEHALF = re.compile(r"^(t/m|tm\.|kt\.|k/t|q\.|tl\.|tuq\.|t\.m|on behalf of|for the)\s*", re.I)
_SIGNED_NOTE = re.compile(r"^\(?(đã ký|signed|đã ký và đóng dấu|ký tên, đóng dấu|sealed)[^)]*\)?\.?$", re.I)
_RECIPIENTS = re.compile(r"^(nơi nhận|recipients|distribution)\s*:?\s*(?P<rest>.*)$", re.I)


def flatten_closing_tables(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Tables among the last few blocks that hold a signature or recipients are layout, not content: their lines."""
    out = list(paragraphs[:-4])
    for para in text_rows(paragraphs[-4:]):
        cells = " ".join(" ".join(r) for r in para.rows) if para.rows is not None else ""
        flat = flatten_tables([para]) if para.rows is not None else []
        if cells and (re.search(r"(?i:nơi nhận|recipients)|T/M|TM\\.|KT\\.|BÍ THƯ|CHỦ TỊCH", cells)
                      or signature_lines(flat)):
            out.extend(flat)
        else:
            out.append(para)
    return out


def _cell_lines(cell: str) -> list[str]:
    """The lines of a layout cell: its line breaks and rules (`CHÍNH PHỦ -------`) end a line, and
    the motto printed after the national name (`CỘNG HÒA ... VIỆT NAM Độc lập - Tự do ...`) is its own."""
    lines: list[str] = []
    for raw in cell.split("\n"):
        for piece in _CELL_RULE.split(raw):
            piece = piece.strip()
            national = _NATIONAL_START.match(piece)
            if national and piece[national.end():].strip():
                lines.extend([piece[:national.end()].strip(), piece[national.end():].strip()])
            elif _RECIPIENTS.match(piece) and " - " in piece:
                # `Nơi nhận: - Ban Bí thư; - Thủ tướng; ...` in one cell: one recipient a line.
                lines.extend(p.strip() for p in re.split(r"\s(?=[-–]\s)", piece) if p.strip())
            elif _ON_BEHALF.match(piece):
                lines.extend(_signature_lines(piece))
            elif piece:
                lines.append(piece)
    return lines


_SIGNER_TITLE = re.compile(r"\s((?:PHÓ\s+)?(?:THỦ TƯỚNG|CHỦ TỊCH|BÍ THƯ|BỘ TRƯỞNG|TỔNG BÍ THƯ|CHÁNH VĂN PHÒNG"
                           r"|TRƯỞNG BAN|GIÁM ĐỐC|TỔNG THƯ KÝ|THỨ TRƯỞNG)\b.*)$")


# An authority line starting inside a signature line (`TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH …`).
_INNER_ON_BEHALF = re.compile(r"\s+(?=(?:T/M|TM\.|KT\.|K/T|Q\.|TL\.|TUQ\.)\s)")


def _signature_lines(text: str) -> list[str]:
    """`TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Tấn Dũng` in one cell as its three lines; `KT. CHỦ TỊCH` is one line (the
    title the deputy signs for), and `KT. CHỦ TỊCH PHÓ CHỦ TỊCH` two: the signer's title is the one after it."""
    words = text.split()
    cut = len(words)
    while cut > 0 and not _caps(words[cut - 1]) and words[cut - 1][:1].isupper():
        cut -= 1
    name = " ".join(words[cut:])
    *lines, rest = _INNER_ON_BEHALF.split(" ".join(words[:cut]))
    prefix = _ON_BEHALF.match(rest)
    title = _SIGNER_TITLE.search(rest, prefix.end() if prefix else 0)
    lines += [rest[:title.start()].strip(), title.group(1)] if title else [rest]
    if name and _name_like(name):
        lines.append(name)
    elif name:
        lines[-1] = f"{lines[-1]} {name}"
    return [line for line in lines if line]


def flatten_tables(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Layout tables (header and signature blocks are often two-column tables) as paragraphs.

    Cells are read column by column, so the left block comes before the right one.
    """
    out: list[Paragraph] = []
    for para in paragraphs:
        if para.rows is None:
            out.append(para)
            continue
        width = max((len(r) for r in para.rows), default=0)
        for col in range(width):
            for r, row in enumerate(para.rows):
                if col < len(row):
                    # each cell at its own row's line, in a text's table (`text_rows`); a rule alone in a cell
                    # (`--------` under `QUỐC HỘI`) is kept for the header to leave out with a note
                    where = para.row_lines[r] if r < len(para.row_lines) else para.where
                    lines = [row[col].strip()] if para.row_lines and decorative(row[col].strip()) else \
                        _cell_lines(row[col])
                    out.extend(Paragraph(line, where) for line in lines)
    return out


@dataclass
class Closing:
    """The signature and recipients found at the end, and where the body ends."""

    body_end: int
    signer: dict[str, str] = field(default_factory=dict)
    recipients: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def _closing_kind(text: str, in_recipients: bool) -> str | None:
    if decorative(text):
        return "decorative"
    if running_head(text):  # a page break inside the signature block (`10`, `CÔNG BÁO/Số 123`)
        return "page"
    if _RECIPIENTS.match(text):
        return "recipients"
    if in_recipients and (text[:1] in "-–+•" or text.endswith((";", ".", ","))):
        return "recipient"
    if _ON_BEHALF.match(text):
        return "on_behalf"
    if _SIGNED_NOTE.match(text):
        return "note"
    if (_caps(text) and len(text.split()) <= 8 and not any(ch.isdigit() for ch in text)
            and not _HEADING_START.match(text)):
        return "title"
    if _name_like(text) and len(text) <= 60:
        return "name"
    return None


def read_closing(paragraphs: Sequence[Paragraph], start: int) -> Closing:
    """Find the signature block at the end of `paragraphs[start:]` (tables flattened)."""
    n = len(paragraphs)
    last_heading = max((i for i in range(start, n) if _HEADING_START.match(fold_letters(paragraphs[i].text))),
                       default=start - 1)
    for j in range(max(last_heading + 1, n - 30), n):
        kinds = _suffix_kinds(paragraphs[j:])
        if (kinds is not None and kinds[0] not in ("decorative", "page")
                and set(kinds) & {"on_behalf", "title", "name", "recipients"}):
            return _closing(paragraphs, j, kinds)
    return Closing(n)


def signature_lines(paragraphs: Sequence[Paragraph]) -> bool:
    """True when every one of `paragraphs` reads as part of a signature block (a name alone too)."""
    kinds = _suffix_kinds(paragraphs) if paragraphs else None
    return kinds is not None and bool(set(kinds) & {"on_behalf", "title", "name"})


def _suffix_kinds(tail: Sequence[Paragraph]) -> list[str] | None:
    kinds: list[str] = []
    in_recipients = False
    for para in tail:
        kind = _closing_kind(para.text, in_recipients)
        if kind is None:
            return None
        if kind == "recipients":
            in_recipients = True
        elif kind in ("on_behalf", "title", "note"):
            in_recipients = False
        kinds.append(kind)
    return kinds


def _closing(paragraphs: Sequence[Paragraph], start: int, kinds: list[str]) -> Closing:
    closing = Closing(start)
    for para, kind in zip(paragraphs[start:], kinds, strict=True):
        text = para.text
        if kind in ("decorative", "page"):
            closing.notes.append(Note(para.where, "skipped", "A decorative line in the signature block was left out."
                                      if kind == "decorative" else "A page header or page number inside the "
                                      "signature block was left out.", text))
            continue
        if kind == "recipients":
            rest = _RECIPIENTS.match(text)
            if rest and rest.group("rest"):
                closing.recipients.append(rest.group("rest"))
            closing.notes.append(Note(para.where, "closing",
                                      "Starts the recipients list (front-matter key 'recipients').", text))
            continue
        if kind == "recipient":
            closing.recipients.append(text.lstrip("-–+• ").strip())
            key = "recipients"
        elif kind in ("on_behalf", "title") and kind in closing.signer:
            # `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH`: each authority line prints as its own line; a title wrapped
            # over two lines is one line.
            closing.signer[kind] += ("\n" if kind == "on_behalf" else " ") + text
            key = f"signer.{kind}"
        elif kind == "title" and "on_behalf" not in closing.signer and "title" in closing.signer:
            closing.signer["title"] += " " + text
            key = "signer.title"
        else:
            if kind in closing.signer:
                closing.signer[kind] += " " + text
            else:
                closing.signer[kind] = text
            key = f"signer.{kind}"
        closing.notes.append(Note(para.where, "closing", f"Read as the front-matter key '{key}'.", text))
    return closing
