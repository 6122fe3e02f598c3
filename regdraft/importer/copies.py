"""Regulation files imported as they are: a consolidated copy `regdraft export` wrote as Markdown (its mark, opening
and notes left out, each noted), and any regulation file with its own front matter (`id:`), read from that front
matter rather than as a printed header.

Post-condition: `consolidated_copy` returns None for any other file, which is then read as printed text.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from regdraft.core.layout import regulation_path
from regdraft.core.markdown import read
from regdraft.core.model import Regulation, Unit
from regdraft.importer import _DOCUMENT_NUMBER, _checked, _loaded, check_id
from regdraft.importer.report import ImportReport, ImportResult, Note

_CONSOLIDATED_MARK = re.compile(r"^(văn bản hợp nhất|consolidated text)\b", re.I)
_COPY_CLOSE = re.compile(r"^(Văn bản hợp nhất này|This consolidated text)\b")
_NOTE_MARK = re.compile(r"\s?\[\^\d+\]")  # `5\.[^2] Việc …` (older copies `5\. [^2] Việc …`), `## Điều 3.[^1] …`
_NOTE_TEXT = re.compile(r"^\[\^\d+\]: ")


def _unmarked(paragraph: str) -> str:
    """A paragraph without the copy's note marks, and without the space a mark leaves at its start (`5\\. [^2] Việc`
    read `Việc` with a space before it: written back, `5\\.  Việc`)."""
    return _NOTE_MARK.sub("", paragraph).lstrip(" ")


def _without_notes(preamble: list[str]) -> list[str]:
    """The preamble without the copy's notes: each `[^n]: …` and the indented paragraphs continuing it (a note
    quoting an amending document's own articles holds one a paragraph)."""
    kept: list[str] = []
    in_note = False
    for paragraph in preamble:
        in_note = bool(_NOTE_TEXT.match(paragraph)) or in_note and paragraph.startswith("    ")
        if not in_note:
            kept.append(paragraph)
    return kept


def consolidated_copy(data: bytes, source: str, reg_id: str | None, target: str | None) -> ImportResult | None:
    """A consolidated copy `regdraft export` wrote as Markdown, read back as the regulation it holds; None for
    any other file.

    It is a regulation file with `consolidated:` in its front matter, the copy's mark and opening (the base
    document, the amending ones, the date in force) before the preamble, and `[^n]` notes: those are the copy's,
    not the text's, and are left out (each noted), as the Word copy's are.

    A regulation file without `consolidated:` (front matter giving its `id:`, a workspace's file or one generated)
    is read as the regulation it is, from its own front matter: read as any other text, its header lines became
    the preamble and its keys FIXME placeholders, and without `--id` it was refused for want of a number.
    """
    from regdraft.core.errors import ParseError
    from regdraft.core.markdown import Reading
    from regdraft.core.markdown import dump_front_matter as dump

    head = data[:data.find(b"\n---", 3) + 1] if data.startswith(b"---") else b""
    if b"\nconsolidated:" not in head and b"\nid:" not in head:  # no regulation file: read as any other text
        return None
    try:
        reading: Reading = read(data, source)
    except (ParseError, UnicodeDecodeError):
        return None
    meta = dict(reading.regulation.meta)
    copy = meta.pop("consolidated", None)
    if copy is None:
        return _regulation_file(reading, meta, source, reg_id, target)
    if not isinstance(copy, dict):
        return None
    notes: list[Note] = []
    numbers = [str(d.get("number")) for d in [copy.get("base"), *(copy.get("amendments") or [])]
               if isinstance(d, dict) and d.get("number")]
    preamble = list(reading.regulation.preamble)
    while preamble and (_CONSOLIDATED_MARK.match(preamble[0].strip("*")) or preamble[0].startswith("- ")
                        or any(n in preamble[0] for n in numbers) or _COPY_CLOSE.match(preamble[0])):
        notes.append(Note(0, "skipped", "The consolidated copy's mark and opening were left out: they are not part "
                          "of the regulation.", preamble.pop(0)))
    kept = _without_notes(preamble)
    if len(kept) < len(preamble):
        count = sum(1 for p in preamble if _NOTE_TEXT.match(p))
        notes.append(Note(0, "skipped", f"The consolidated copy's {count} notes ([^1] …) were "
                          "left out, with their marks in the text: they are not part of the regulation."))

    def unmarked(unit: Unit) -> Unit:
        return dataclasses.replace(
            unit, title=_unmarked(unit.title) if unit.title else unit.title,
            text=tuple(_unmarked(t) for t in unit.text),
            closing=tuple(_unmarked(t) for t in unit.closing),
            children=tuple(unmarked(c) for c in unit.children))

    if reg_id:
        meta["id"] = check_id(reg_id, "The number given", options=("reg_id",))
    front = dump(meta)
    # the preamble's last paragraph carries the marks of the notes quoting the amending documents' bases
    reg = Regulation(front, tuple(_unmarked(p) for p in kept), tuple(unmarked(u) for u in reading.regulation.units),
                     _loaded(front), regulation_path(str(meta.get("id"))))
    text, checked, passes = _checked(reg, target or reg.source)
    notes.extend(checked)
    return ImportResult(reg, text, ImportReport(source, "line", "utf-8", tuple(notes), passes))


def _regulation_file(reading: Any, meta: dict[str, Any], source: str, reg_id: str | None,
                     target: str | None) -> ImportResult | None:
    """A regulation file with its front matter, read as it is (`_consolidated_copy`); None when its front matter
    gives no readable number (then it is read as any other text)."""
    from regdraft.core.markdown import dump_front_matter as dump

    if reg_id:
        meta["id"] = check_id(reg_id, "The number given", options=("reg_id",))
    if not isinstance(meta.get("id"), str) or not _DOCUMENT_NUMBER.fullmatch(meta["id"]):
        return None
    front = dump(meta)
    reg = Regulation(front, reading.regulation.preamble, reading.regulation.units, _loaded(front),
                     regulation_path(meta["id"]))
    text, checked, passes = _checked(reg, target or reg.source)
    notes = [Note(0, "header", f"The file is a regulation file: its front matter (id: {meta['id']}) was read as "
                  "it is, not as a printed header."), *checked]
    return ImportResult(reg, text, ImportReport(source, "line", "utf-8", tuple(notes), passes))
