"""Regulation files imported as they are: a consolidated copy `regdraft export` wrote as Markdown (its mark, opening
and notes left out, each noted), and any regulation file with its own front matter (`id:`), read from that front
matter rather than as a printed header.

Post-condition: `consolidated_copy` returns None for any other file, which is then read as printed text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from regdraft.core.encodings import decoded
from regdraft.core.layout import regulation_path
from regdraft.core.markdown import read
from regdraft.core.model import Regulation, Unit
from regdraft.importer import _DOCUMENT_NUMBER, _checked, _loaded, check_id
from regdraft.importer.header import Header, header_end
from regdraft.importer.report import ImportReport, ImportResult, Note, Paragraph

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

    try:
        text, encoding = decoded(data)  # saved as UTF-16 ('Unicode') too: its front matter is read all the same
    except UnicodeDecodeError:
        return None
    head = text[:text.find("\n---", 3) + 1] if text.startswith("---") else ""
    if "\nconsolidated:" not in head and "\nid:" not in head:  # no regulation file: read as any other text
        return None
    try:
        reading: Reading = read(text, source)
    except ParseError:
        return None
    meta = dict(reading.regulation.meta)
    copy = meta.pop("consolidated", None)
    if copy is None:
        return _regulation_file(reading, meta, source, reg_id, target, encoding)
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
    text, checked, passes, _ = _checked(reg, target or reg.source)
    notes.extend(checked)
    return ImportResult(reg, text, ImportReport(source, "line", encoding, tuple(notes), passes))


def _regulation_file(reading: Any, meta: dict[str, Any], source: str, reg_id: str | None,
                     target: str | None, encoding: str) -> ImportResult | None:
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
    text, checked, passes, _ = _checked(reg, target or reg.source)
    notes = [Note(0, "header", f"The file is a regulation file: its front matter (id: {meta['id']}) was read as "
                  "it is, not as a printed header."), *checked]
    return ImportResult(reg, text, ImportReport(source, "line", encoding, tuple(notes), passes))


# A consolidated copy a consolidating body issued (Pháp lệnh 01/2012/UBTVQH13; regdraft's `consolidation:` setting):
# its number in the body's series (`Số: 07/VBHN-BTP`, a blank before it when not yet given), its authentication
# (`XÁC THỰC VĂN BẢN HỢP NHẤT` / title / name), its opening naming the base and amending documents.
_VBHN = re.compile(r"(?:^|[/\-\s])VBHN(?:[/\-]|$)", re.I)
# Each run of spaces is taken whole (`*+`): three runs over the same spaces, with nothing to part them, tried every
# way of sharing a long run out between them (`Số` and 2,000 spaces: 35 s; sweep r27/W).
_BLANK_NUMBER = re.compile(r"^(?:số|no\.?)\s*+:?\s*+[/\-]?\s*+\S*VBHN", re.I)
_BLANK_DATE = re.compile(r"ngày[\s\u00a0]+tháng[\s\u00a0]+năm[\s\u00a0]+\d{4}\.?$", re.I)
AUTHENTICATION = re.compile(r"xác thực văn bản hợp nhất|authentication of the consolidated text", re.I)
_OPENING = re.compile(r"được sửa đổi, bổ sung bởi|chưa được sửa đổi|\b(?:is|are) amended by\b|not been amended", re.I)
# The number is the run of letters, digits and `./-` up to the spaces, holding a digit: read whole (`++`), as the two
# runs around a digit tried each digit of a long run of them in turn (20,000 digits: 6.7 s).
_CITED = re.compile(r"\b(?:số|No\.)\s+(?P<number>(?=[\w./\-]*\d)[\w./\-]++)\s+ngày\s+(?P<d>\d{1,2})"
                    r"\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
_IN_FORCE = re.compile(r"có hiệu lực (?:thi hành )?(?:kể )?từ ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2})"
                       r" năm (?P<y>\d{4})")
COPY_KEYS = ("superior", "issuer", "number", "place", "signed")  # the printed header's keys that are the copy's
RECOVERED = ("issuer", "place", "signed", "signer", "recipients")  # what the base's front matter needs back


def _authenticated(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether a line of `paragraphs` (or of a table's cell) is the authentication's heading alone: a sentence naming
    it (Pháp lệnh 01/2012's own articles) is not."""
    return any(AUTHENTICATION.fullmatch(line.strip()) for p in paragraphs
               for text in (p.text, *(c for row in p.rows or () for c in row)) for line in text.split("\n"))


def issued_copy(header: Header, items: Sequence[Paragraph]) -> int | None:
    """How many paragraphs of an issued consolidated copy's opening start the body at `header.body_start`; None when
    `items` are no such copy (its number is no `…/VBHN-…`, nor does its opening come with a blank date or an
    `XÁC THỰC VĂN BẢN HỢP NHẤT`: a draft's blank date or a form's heading alone is no copy).

    The copy's header is the consolidating body's, not the regulation's: its name (and the body above it), the copy's
    number, place and date are taken out of `header.meta` (a blank number or date out of its preamble), each noted;
    the base's number, signing date and date in force are read from the opening (`Nghị định số 63/2010/NĐ-CP ngày 08
    tháng 6 năm 2010 …, có hiệu lực kể từ ngày …`), and its issuer from the issuer's name printed over its bases
    when the opening names it (`CHÍNH PHỦ` / `… của Chính phủ …`)."""
    number = str(header.meta.get("number") or "")
    rest = items[header.body_start:]
    candidates = rest[:header_end(rest)]
    opens = bool(candidates) and _OPENING.search(candidates[0].text) is not None
    # The copy's own marks: a number in a VBHN series, or its opening with a blank date or the authentication. A
    # blank date alone is every draft's, the heading alone a form in an appendix (sweep r26/T: both lost text).
    numbered = bool(_VBHN.search(number)) or any(_BLANK_NUMBER.match(p.text) for p in header.preamble)
    dated = [p for p in header.preamble if _BLANK_DATE.search(p.text)]
    if not (numbered or (opens and (dated or _authenticated(rest)))):
        return None
    blanks = [p for p in header.preamble if _BLANK_NUMBER.match(p.text) or _BLANK_DATE.search(p.text)]
    dropped = {key: header.meta.pop(key) for key in COPY_KEYS if key in header.meta}
    left_out = {id(p) for p in blanks}  # by identity: comparing paragraphs made it blanks × preamble comparisons
    header.preamble = [p for p in header.preamble if id(p) not in left_out]
    gone = {p.where for p in blanks}
    texts = {p.text for p in blanks}
    header.notes = [n for n in header.notes if not (n.category == "info" and n.where in gone and n.text in texts)]
    header.notes = [Note(n.where, "skipped", "The consolidating body's header (its name, the copy's number, place and "
                         "date) was left out: it is the consolidated copy's, not the regulation's.", n.text)
                    if n.category == "header" and (keys := _QUOTED.findall(n.message)) and set(keys) <= set(dropped)
                    else n for n in header.notes]
    header.notes.extend(Note(p.where, "skipped", "The consolidated copy's blank number or date was left out: it is "
                             "the copy's, not the regulation's.", p.text) for p in blanks)
    if not candidates or not (_OPENING.search(candidates[0].text) or any(_COPY_CLOSE.match(p.text)
                                                                         for p in candidates)):
        return 0
    closes = [i for i, p in enumerate(candidates) if _COPY_CLOSE.match(p.text)]
    count = closes[-1] + 1 if closes else next((i for i, p in enumerate(candidates) if p.text.isupper()),
                                               len(candidates))
    opening = candidates[0].text
    if (cited := _CITED.search(opening)) is not None:
        header.meta["number"] = cited["number"]
        header.meta["signed"] = _day(cited)
    if (in_force := _IN_FORCE.search(opening)) is not None:
        header.meta["effective"] = _day(in_force)
    after = candidates[count] if count < len(candidates) else None
    if after is not None and after.text.isupper() and f"của {after.text.casefold()}" in opening.casefold():
        header.meta["issuer"] = after.text  # `CHÍNH PHỦ` over the bases, the opening's `… của Chính phủ …`
    return count


_QUOTED = re.compile(r"'(\w+)'")


def _day(found: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None


def issued_notes(items: Sequence[Paragraph], recovered: Mapping[str, Any], stored: bool) -> list[Note]:
    """The notes an issued consolidated copy's import ends with: its opening left out (`items`), and the regulation's
    front matter it could not give back (`recovered`: the keys found; `stored`: the file held the front matter
    regdraft export stored)."""
    notes = [Note(p.where, "skipped", "The consolidated copy's opening was left out: it is not part of the "
                  "regulation.", p.text) for p in items]
    lost = [key for key in RECOVERED if recovered.get(key) in (None, "", {}, [])]
    source = ("the front matter regdraft export stored in the file's properties" if stored else
              "the copy's opening (the base document's number and dates)")
    notes.append(Note(0, "header", "The file is a consolidated copy a consolidating body issued (văn bản hợp nhất): "
                      "its header, number, date and authentication are the copy's and were left out; the "
                      f"regulation's front matter was taken from {source}."
                      + (f" It could not give back {', '.join(lost)}: fill them in from the base document itself."
                         if lost else "")))
    return notes
