"""Plain-text (and Markdown) input: bytes to paragraphs, one per non-blank line.

Post-conditions of `read_text`:
1. Each non-blank line becomes one `Paragraph` with its 1-based line number, whitespace
   collapsed, in Unicode NFC; in a plain-text file copied from a PDF, page heads are left out and
   hard-wrapped or hyphenated lines joined (`pdfcopy.read_lines`), the paragraph taking its first line's number.
   A form feed (pdftotext's page end) marks a page break there; a plain text's header columns printed side by
   side, parted by three spaces or more or a tab (`pdftotext -layout`), become a text row's cells (`column_rows`).
2. Legacy TCVN3/VNI text is detected (or forced) and converted; the encoding used is returned.
3. For Markdown input, `#` heading marks and the `\\.` clause escape are removed, so the text
   reads as the document would print.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field, replace

from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.encodings import binary, decoded, saved_as, utf16
from regdraft.core.errors import ParseError, Problem, UsageError
from regdraft.core.text import (
    INVISIBLE,
    INVISIBLE_CHAR,
    ODD_SPACES,
    SOFT_HYPHEN,
    fold_letters,
    invisible_found,
    invisible_name,
    short,
    visible,
)
from regdraft.importer import header, legacy, pdfcopy
from regdraft.importer.report import Note, Paragraph

# Word's manual line break (Shift+Enter) pasted as text: U+000B (vertical tab), or U+2028 (line separator).
# The line breaks inside a paragraph, read as spaces: Word's Shift+Enter (U+000B, U+2028 as a paste has it) and the
# C1 control U+0085 (next line), which a text converted from another system may end its lines with (a control
# character `check` names in a stored file: r36 sweep BK F4).
SOFT_BREAKS = "\v\u2028\x85"
_SPACES = re.compile(f"[ {ODD_SPACES}{SOFT_BREAKS}]+")
_INVISIBLE = re.compile(INVISIBLE_CHAR)
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_CLAUSE = re.compile(r"^(\d+[a-z]?)\\\.")
# The gap between a header's two columns printed side by side (`pdftotext -layout`): three spaces or more, or a tab.
_COLUMN_GAP = re.compile(r"(?<=\S)(?: {3,}|[ ]*\t[ \t]*)(?=\S)")
_HEADER_LINES = 12  # the most lines a header block's columns run to, its title aside


# The note on text stored with letters and marks apart, in a .txt and in a .docx (`docx.read_docx`).
NOT_NFC = "Some text was not in Unicode NFC (letters and marks stored apart); it was normalised to NFC."

def clean(text: str) -> str:
    """Drop the invisible characters (zero-width spaces, direction marks and overrides, joiners: no legal text holds
    them, and `check` refuses them; `nhân\u200b, tập thể` reads `nhân, tập thể`), then collapse runs of spaces
    (no-break and the other `core.text.ODD_SPACES` included, and Word's manual line breaks, `SOFT_BREAKS`) and trim
    the ends."""
    return _SPACES.sub(" ", visible(text)).strip()


def column_rows(lines: Sequence[str]) -> list[str]:
    """A plain text's lines with the header's two columns, printed side by side and parted by a run of spaces or a
    tab (`QUỐC HỘI      CỘNG HÒA XÃ HỘI …` / `Luật số: 12/2012/QH13      Độc lập - …`, as `pdftotext -layout`
    writes them), parted by ` | ` instead: `text_rows` reads them as a table's rows, left column first. Only the
    header's first lines are read, up to the type line (`LUẬT`), the preamble or a heading."""
    out = list(lines)
    seen = 0
    for i, line in enumerate(lines):
        text = " ".join(line.split())
        if not text:
            continue
        seen += 1
        kind = header._TYPE_LINE.match(text)
        if (seen > _HEADER_LINES or (kind and header._caps(kind.group("type"))) or header._PREAMBLE.match(text)
                or header._HEADING_START.match(fold_letters(text))):
            break
        if "|" not in line:
            out[i] = _COLUMN_GAP.sub(" | ", line)
    return out


def with_capitals(paragraphs: Sequence[Paragraph], unit: str,
                  places: Container[int] | None = None) -> tuple[list[Paragraph], list[Note]]:
    """Paragraphs read from TCVN3 (those at `places`, else all) with the capital on a toned first letter put back where
    a sentence begins (`legacy.restore_capitals`; in a table, each line of a cell begins one), and the note that says
    how many, at the first (none when none was)."""
    out: list[Paragraph] = []
    restored, first = 0, 0
    for para in paragraphs:
        if places is None or para.where in places:
            text, put_back = legacy.restore_capitals(para.text)
            rows = para.rows
            if rows is not None:
                read = [[[legacy.restore_capitals(line) for line in cell.split("\n")] for cell in row] for row in rows]
                rows = tuple(tuple("\n".join(line for line, _ in cell) for cell in row) for row in read)
                put_back += sum(n for row in read for cell in row for _, n in cell)
            if put_back:
                para = replace(para, text=text, rows=rows)
                restored, first = restored + put_back, first or para.where
        out.append(para)
    return out, [Note(first, "encoding", legacy.capitals_note(restored, unit))] if restored else []


def _soft_break_notes(text: str) -> list[Note]:
    """One note when lines hold Word's manual line breaks, which `clean` reads as spaces, naming the characters
    found: U+000B (vertical tab) as Word's own text has it, U+2028 (line separator) as a paste from Word often has,
    U+0085 (next line) as a text converted from another system may."""
    lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if any(ch in line for ch in SOFT_BREAKS)]
    if not lines:
        return []
    one = len(lines) == 1
    chars = [ch for ch in SOFT_BREAKS if any(ch in line for _, line in lines)]
    found = " or ".join(f"U+{ord(ch):04X}" for ch in chars)
    typed = "" if "\x85" in chars else "typed with Shift+Enter "
    return [Note(lines[0][0], "info", f"{len(lines)} {'line holds' if one else 'lines hold'} line breaks {typed}"
                                      f"({found}), the first this one; each was read as a space: a paragraph holds "
                                      "no line breaks.")]


def invisible_notes(found: Sequence[tuple[int, str, str]], unit: str = "line", done: str = "left out",
                    within: Callable[[int], str] | None = None) -> list[Note]:
    """The notes on the invisible characters `clean` leaves out, from each found as (its line or paragraph, the
    character, the words around it as read): one counting the soft hyphens (Word's optional hyphens), one the
    others, each naming where the first stood and showing its words as read (`thủ\u00adtục` reads `thủtục`).
    `done` says what became of them (`fmt` leaving them out of a regulation's file: `would be left out` when it
    only checks); `within` names where the first stood, given its place (`the proposed wording`), when no line of
    a text does (a comment's texts: `LeftOut`)."""
    tally = _Tally()
    tally.add(found)
    return tally.notes(unit, done, within)


@dataclass
class _Tally:
    """The invisible characters found, as `invisible_notes` says them: how many of each kind, the first of each, and
    which characters of the other kind."""

    hyphens: int = 0
    others: int = 0
    first: dict[bool, tuple[int, str, str]] = field(default_factory=dict)  # the first soft hyphen (True), other
    chars: dict[str, None] = field(default_factory=dict)  # the other characters, in the order met

    def add(self, found: Sequence[tuple[int, str, str]]) -> None:
        for entry in found:
            soft = entry[1] == SOFT_HYPHEN
            self.first.setdefault(soft, entry)
            if soft:
                self.hyphens += 1
            else:
                self.others += 1
                self.chars.setdefault(entry[1])

    def notes(self, unit: str, done: str, within: Callable[[int], str] | None) -> list[Note]:
        def first_in(where: int) -> str:
            return within(where) if within is not None else f"this {unit}"

        notes = []
        if self.hyphens:
            where, _, words = self.first[True]
            hyphens = counted(self.hyphens, "soft hyphen", plural_form="soft hyphens")
            notes.append(Note(where, "info", f"{hyphens} (Word's optional hyphens, U+00AD) {done}, the first in "
                                             f"{first_in(where)}: a soft hyphen only marks where a word may break at "
                                             "a line's end and is no part of the wording.", words))
        if self.others:
            where, _, words = self.first[False]
            names = ", ".join(invisible_name(char) for char in self.chars)
            characters = counted(self.others, "invisible character", plural_form="invisible characters")
            notes.append(Note(where, "info", f"{characters} ({names}) {done}, the first in {first_in(where)}: no "
                                             "legal text holds them.", words))
        return notes


def invisible_in(text: str, where: int, joiners: bool = False) -> list[tuple[int, str, str]]:
    """The invisible characters of `text` (`invisible_notes`), each with `where` and, for the first soft hyphen and the
    first other one, the words around it as read ("" for the rest, which no note shows): the words around every one
    of them, each read from the start of the text, made 40,000 soft hyphens in a word 97 s of an import (r36 sweep BK
    F2). With `joiners`, those `visible(text, joiners=True)` leaves out: a joiner a script needs is none of them."""
    if not _INVISIBLE.search(text):
        return []
    found: list[tuple[int, str, str]] = []
    shown: set[bool] = set()  # the kinds whose first one's words are given: soft hyphens (True), the others
    for match in invisible_found(text, joiners):
        soft = match.group() == SOFT_HYPHEN
        found.append((where, match.group(), "" if soft in shown else _around(text, match.start())))
        shown.add(soft)
    return found


_AROUND = 200  # the characters looked at on either side of a run of invisible characters for the words there
_RUN = re.compile(f"[{INVISIBLE}]*")
_RUN_BEFORE = re.compile(f"[{INVISIBLE}]*\\Z")


class LeftOut:
    """The invisible characters left out of comments' texts as they come in, one text at a time (a sheet is read a row
    at a time: only their count and the first of each kind are kept), and the notes on them (`invisible_notes`), as
    warnings on the comment's file or the sheet: the words now read without them (`thủtục`)."""

    def __init__(self) -> None:
        self.tally = _Tally()
        self.texts = 0  # the texts read holding one
        self.places: dict[int, str] = {}  # where the first of each kind stands: `the proposed wording in row 5`
        self.fields: dict[int, str] = {}  # the field it stands in (`proposal`), for a page wording it in its language

    def read(self, kind: str, text: str, where: str = "") -> None:
        """Take a text as typed: its field (`core.comments.TEXTS` names it, and says whether it keeps the joiners a
        script needs) and where it stands, after its name (` in row 5`, or "")."""
        from regdraft.core.comments import TEXTS

        name, joiners = TEXTS[kind]
        found = invisible_in(text, self.texts, joiners)
        if found:
            firsts = len(self.tally.first)
            self.tally.add(found)
            if len(self.tally.first) > firsts:
                self.places[self.texts] = f"{name}{where}"
                self.fields[self.texts] = kind
            self.texts += 1

    def said(self) -> list[str]:
        """The notes, each a sentence with the words around the first as read after it; none when nothing was left
        out."""
        notes = self.tally.notes("text", "left out", self.places.__getitem__)
        return [f"{note.message}  «{note.text}»" for note in notes]

    def notes(self, source: str) -> list[Problem]:
        """The notes as warnings on `source`."""
        return [Problem(said, source, warning=True) for said in self.said()]

    def kinds(self) -> list[Unseen]:
        """What the notes say, for a page that words them in its own language: the soft hyphens first, then the
        other invisible characters; none when nothing was left out."""
        tally, out = self.tally, []
        for soft, count in ((True, tally.hyphens), (False, tally.others)):
            if count:
                where, _, words = tally.first[soft]
                chars = () if soft else tuple(f"{ord(char):04X}" for char in tally.chars)
                out.append(Unseen(count, self.fields[where], words, chars))
        return out


@dataclass(frozen=True, slots=True)
class Unseen:
    """One of `LeftOut`'s notes as values: how many were left out, the field the first stood in (`proposal`, a key
    of `core.comments.TEXTS`), the words around it as read, and the code points of the characters (none: soft
    hyphens, `00AD`)."""

    count: int
    field: str
    words: str
    chars: tuple[str, ...] = ()


def comment_notes(texts: Sequence[tuple[str, str] | tuple[str, str, str]], source: str) -> list[Problem]:
    """`LeftOut`'s warnings on the texts of one comment (or of a round: its title and bodies' names), each given as
    (its field, its value as typed) or with where it stands after its field's name (` (body 3)`)."""
    left_out = LeftOut()
    for kind, text, *where in texts:
        left_out.read(kind, text, *where)
    return left_out.notes(source)


def _around(text: str, at: int) -> str:
    """The words of `text` on either side of position `at`, as `clean` reads them: the two before the run of invisible
    characters there and the two after it, at most `_AROUND` characters of each side looked at."""
    run = _RUN_BEFORE.search(text, max(0, at - _AROUND), at)  # always found: it may be empty
    first = run.start() if run is not None else at
    run = _RUN.match(text, at)
    last = run.end() if run is not None else at
    before, after = text[max(0, first - _AROUND):first].split(" ")[-2:], text[last:last + _AROUND].split(" ")[:2]
    return short(clean(" ".join(before) + " ".join(after)), 80)


def _bad_byte_notes(data: bytes) -> list[Note]:
    """One note per byte that is not UTF-8 (the first twenty), naming its line and column."""
    bad = legacy.bad_utf8(data)
    notes = [Note(b.line, "encoding", f"Column {b.column}: the byte 0x{b.value:02X} is not UTF-8; it was read as "
                                      "\ufffd. Correct the character in the source and import again.")
             for b in bad]
    if len(bad) == legacy.BAD_BYTES_SHOWN:
        notes.append(Note(0, "encoding", "There are more bytes that are not UTF-8; only the first ones are listed."))
    return notes


_QUOTES_AND_DASHES = re.compile("[\x91-\x97]")  # a Windows-1252 text's, read as Latin-1 (`core.misread`)


def _as_meant(text: str, source: str) -> tuple[str, list[Note]]:
    """`text` (a UTF-8 source's, each line break a `\\n`) with the C1 controls of a Windows-1252 text read as Latin-1
    before it was saved written as the characters meant (`“` for U+0093, U+0085 as `fmt` writes it:
    `core.misread.meant`), and the notes saying so at the line of the first of each kind; `ParseError` naming the line
    and what to do of one whose meaning is not clear (U+0081, UTF-8 read as Latin-1), as `fmt` refuses it. An import
    kept them, and `fmt` wrote them afterwards (r37)."""
    from regdraft.core import misread

    if (wrong := misread.refused(text)) is not None:
        line, char, said = wrong
        raise ParseError(f"{source}, line {line}: the control character U+{ord(char):04X}, which no legal text holds: "
                         f"{said} Nothing was imported.")
    if not _QUOTES_AND_DASHES.search(text):
        # Only next-line controls, each a line break inside its paragraph, which `clean` reads as a space as `meant`
        # would write it: the note on line breaks says so (`_soft_break_notes`).
        return text, []
    meant, written = misread.meant(text)
    return meant, [Note(line, "info", message, words)
                   for line, message, words in misread.notes(written, "written", "before it was saved")]


def read_text(data: bytes, source: str, encoding: str | None = None,
              markdown: bool = False) -> tuple[list[Paragraph], str, list[Note]]:
    """Split a text file into paragraphs; return them, the encoding used and encoding notes."""
    wide = utf16(data)
    if binary(data):
        raise ParseError(f"{source} looks like a binary file, not text; import .txt, .md or .docx files.")
    if encoding is not None and encoding not in legacy.TEXT_ENCODINGS:
        raise UsageError(f"Unknown encoding '{encoding}'; use one of {', '.join(legacy.TEXT_ENCODINGS)}.")
    notes: list[Note] = []
    if wide is not None:
        try:
            text, unicode_ok = decoded(data)[0], True
        except UnicodeDecodeError as exc:
            raise ParseError(f"{source} is saved as {saved_as(wide)}, but its bytes at offset {exc.start} are not "
                             "UTF-16 text (the file may be cut off or damaged); save it as UTF-8 and import it "
                             "again.") from None
    elif encoding == "cp1258":
        text, unicode_ok = data.decode("cp1258", errors="replace"), True
    else:
        text, unicode_ok = legacy.bytes_to_text(data)
        if not unicode_ok and encoding in (None, "utf-8") and legacy.mostly_utf8(data):
            text, unicode_ok = data.decode("utf-8", errors="replace").removeprefix("\ufeff"), True
            notes.extend(_bad_byte_notes(data))
        elif not unicode_ok and encoding is None and legacy.cp1258_score(data) > max(
                legacy.vietnamese_score(legacy.decode(text[:legacy.SAMPLE_SIZE], name)) for name in legacy.ENCODINGS):
            text, unicode_ok, encoding = data.decode("cp1258", errors="replace"), True, "cp1258"
            notes.append(Note(0, "encoding", "The file is in Windows-1258 (cp1258); it was converted to Unicode "
                                             f"(force another reading with `{Command.option(encoding=None)}`)."))
    if encoding is None:
        encoding = legacy.detect(text)
        if encoding != "utf-8":
            notes.append(Note(0, "encoding", f"The text looks like {encoding.upper()}; it was converted to Unicode "
                                             f"(force another reading with `{Command.option(encoding=None)}`)."))
        elif not unicode_ok:
            notes.append(Note(0, "encoding", "The file is not UTF-8 and no Vietnamese legacy encoding was "
                                             "recognised; it was read as Windows-1252."))
    elif unicode_ok and (wrong := legacy.misread(text, encoding)) is not None:
        notes.append(Note(0, "encoding", f"The file is UTF-8 with Vietnamese letters no {encoding.upper()} byte "
                                         f"stands for, so reading it as {encoding.upper()} garbles "
                                         f"{counted(wrong.changed, 'word')} («{wrong.written}» became «{wrong.read}»): "
                                         f"import it with `{Command.option(encoding='utf-8')}` (or without the "
                                         "encoding) to read it as UTF-8."))
    if encoding == "utf-8" and not unicodedata.is_normalized("NFC", text):
        notes.append(Note(0, "info", NOT_NFC))
    text = legacy.decode(text, "utf-8" if encoding == "cp1258" else encoding)
    if encoding == "utf-8":
        text, written = _as_meant(text.replace("\r\n", "\n").replace("\r", "\n"), source)
        notes.extend(written)
    notes.extend(_soft_break_notes(text))
    paragraphs: list[Paragraph] = []
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not markdown:
        raws = column_rows(raws)
    notes.extend(invisible_notes([f for number, raw in enumerate(raws, start=1) for f in invisible_in(raw, number)]))
    lines = [(number, clean(raw)) for number, raw in enumerate(raws, start=1)]
    if not markdown:
        # pdftotext ends each page with a form feed, which `clean` drops: the lines holding one mark the page breaks.
        lines, read = pdfcopy.read_lines(lines, {number for number, raw in enumerate(raws, start=1) if "\f" in raw})
        notes.extend(read)
    for number, line in lines:
        if not line:
            continue
        heading = False
        if markdown:
            stripped = _MD_HEADING.sub("", line)
            heading = stripped != line
            line = _MD_CLAUSE.sub(r"\1.", stripped)
        paragraphs.append(Paragraph(line, number, heading=heading))
    if encoding == "tcvn3":
        paragraphs, restored = with_capitals(paragraphs, "line")
        notes.extend(restored)
    # The report names the encoding read: UTF-16 (read as Unicode, `encoding` "utf-8" above) when it was.
    return paragraphs, wide if wide is not None and encoding == "utf-8" else encoding, notes
