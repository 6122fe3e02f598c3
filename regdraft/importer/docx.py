"""Word (.docx) input: body paragraphs and tables in order, Word numbering made literal,
legacy-font runs converted. Owns python-docx for reading (imported lazily).

Post-conditions of `read_docx`:
1. Paragraphs come in document order, numbered from 1 (a table counts as one). A manual line
   break (Shift+Enter) that wraps a sentence (`…của giai cấp công nhân` / `và của người lao động`)
   is a space, with one note; one that ends a line (after `.`, `:`, `;`, a line in capitals such as
   `T/M TỈNH ỦY`, or before a heading, a label or `- `) and a page break start a new paragraph
   with the same number.
2. A paragraph with Word automatic numbering starts with the label Word would show
   (`1.`, `a)`, `Điều 3.`), computed from numbering.xml (`docx_numbering`): the level's format and text, its
   start value, and one counter per list (abstractNum) and level, shared by every `w:num` on it, restarted by a
   `w:num`'s `startOverride` at its first paragraph and by a shallower level's use (`lvlRestart`).
   Bullets become `- ` (or `+ ` for a `+` bullet).
3. Runs in `.VnTime`-family fonts are read as TCVN3 (upper-cased for the `...H` capitals
   fonts) and runs in `VNI-` fonts as VNI; `encoding` forces one reading for every run. All text is NFC; text
   that was not is noted once.
4. Open tracked changes are read as accepted (deleted and moved-away text and deleted table rows left out,
   inserted text kept; a paragraph deleted mark and all gets no number), with one warning naming where they are.
   A paragraph whose mark alone is deleted (two paragraphs joined in Word) runs on into the next paragraph in the
   same cell or body, which gives the paragraph its style and number (ECMA-376 Part 1, 17.13.5.15); deleted marks
   in a row chain; the last paragraph of a cell or before a table stays one. An inserted mark splits a paragraph.
   A paragraph whose mark is a style separator (`w:specVanish`) runs on into the next as Word shows it, keeping its
   own style and number.
   Text boxes are left out. Hidden text (`w:vanish`) is left out, quoted in a `skipped` note; footnotes, endnotes
   and comments are left out, with a note giving how many and quoting the first (`docx_marks`).
5. A paragraph that reads as a printed page's running head or number (`Trang 4`, a bare `12`, `CÔNG BÁO/Số 123 …`,
   a short line with digits repeated a page apart), as a Word file made from a PDF holds them, is left out with a
   `skipped` note, as in a plain-text copy (`pdfcopy.page_heads`).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from regdraft.core.counts import count as counted
from regdraft.core.encodings import SAMPLE
from regdraft.core.errors import ParseError, UsageError
from regdraft.core.text import SOFT_HYPHEN, nfc
from regdraft.core.yaml_bounds import MAX_FRONT_MATTER_BYTES, size_of, too_long
from regdraft.importer import legacy, pdfcopy
from regdraft.importer.archive import check_parts, not_a_package
from regdraft.importer.docx_marks import (
    REFERENCES,
    TEXT_BOX,
    hidden_notes,
    left_out_notes,
    mark_deleted,
    mark_removed,
    revision_kinds,
    revision_note,
    style_separator,
)
from regdraft.importer.docx_numbering import Numbering, ignored_level, ignored_summary, level_of, read_int
from regdraft.importer.docx_styles import _W, MAX_BASED_ON, Styles, _val, _w, font_of
from regdraft.importer.docx_symbols import symbol, unmapped
from regdraft.importer.plaintext import NOT_NFC, clean, invisible_in, invisible_notes, with_capitals
from regdraft.importer.report import Note, Paragraph

# A manual line break (Shift+Enter) while a run is read: it becomes a space or a paragraph end (`_wraps`).
_SOFT_BREAK = "\v"
# Word's optional hyphen (`w:softHyphen`) while a run is read, kept apart from the run's text until a legacy font's
# text is converted (TCVN3 writes `ư` as the byte of U+00AD); then a soft hyphen, left out and counted (`clean`).
_OPTIONAL_HYPHEN = "\x00"
_HEADING_WORD = re.compile(r"^(?:Điều|Chương|Mục|Tiểu mục|Phần|Article|Chapter|Section|Part)\s", re.I)
_POINT_LABEL = re.compile(r"^\(?(?:dd|[a-zđ])\d*\s?[).\-](?:\s|$)")
_WRAPPED_LINE = 60  # a line this long, not ending a sentence, goes on after a break even before a capital
MAX_COLUMNS = 63  # Word's most columns in a table: a cell spans no further, nor past the table's grid (`w:tblGrid`)


_REFERENCES = {element for element, *_ in REFERENCES}


class _Reader:
    def __init__(self, document: Any, encoding: str | None) -> None:
        self.styles = Styles(document.styles.element)
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None  # python-docx raises these when the file has no numbering part
        self.numbering = Numbering(numbering)
        self.encoding = encoding
        self.converted: dict[str, list[int]] = {}
        self.wrapped: list[int] = []  # the paragraphs where a manual line break was read as a space
        self.hidden: list[tuple[int, str]] = []  # hidden text left out: (paragraph, the text)
        self.revised: set[tuple[int, str]] = set()  # open tracked changes: (paragraph, kind)
        self.joined: list[int] = []  # the paragraphs whose deleted mark joined their text to the next paragraph
        self.references: dict[str, list[tuple[int, str]]] = {}  # footnote/endnote/comment references: (paragraph, id)
        self.not_nfc: list[int] = []  # the paragraphs whose text was not in NFC
        self.spans: list[tuple[int, str, int]] = []  # table cells' spans past the grid: (paragraph, written, read as)
        self.symbols: list[tuple[int, str]] = []  # symbols (`w:sym`) with no Unicode character: (paragraph, named)
        self.invisible: list[tuple[int, str, str]] = []  # invisible characters left out (`plaintext.invisible_in`)

    def paragraph(self, group: Sequence[tuple[Any, int]]) -> list[Paragraph]:
        """One paragraph as Word shows it with its tracked changes accepted. `group` holds its `w:p` elements with
        their places, in order: each before the last had its mark deleted, so its text runs on into the next one
        (`_joined`); the last one's mark ends the paragraph and gives it its style and number."""
        # A style separator's paragraph keeps its style and number: the text after it runs on in the same line.
        p = next((q for q, _ in group[:-1] if style_separator(q)), group[-1][0])
        style = _val(p.find(_w("pPr")), "pStyle")
        texts = [self.runs(q, at, style) for q, at in group]
        kept = [at for (_, at), text in zip(group, texts, strict=True) if text.strip()]
        self.joined += [at for (q, at), text in zip(group[:-1], texts, strict=False)
                        if text.strip() and mark_deleted(q)]
        where = kept[0] if kept else group[-1][1]  # where its text begins: a paragraph deleted whole is no place
        text = "".join(texts)
        if not unicodedata.is_normalized("NFC", text):
            self.not_nfc.append(where)
            text = nfc(text)
        if not text.strip() and mark_removed(p):
            return []  # a paragraph deleted as a tracked change, or hidden, mark and all: Word shows no number there
        label = self.list_label(p, style)
        label = nfc(label) if label else label
        self.invisible += invisible_in(text, where)
        pieces = [clean(piece) for line in text.split("\n") for piece in self.soft_breaks(line, where)]
        pieces = [piece for piece in pieces if piece]
        if label:
            pieces = [f"{label} {pieces[0] if pieces else ''}".strip(), *pieces[1:]]
        heading = self.styles.is_heading(style)
        closing = self.styles.closing(style)
        return [Paragraph(piece, where, heading=heading, closing=closing) for piece in pieces]

    def runs(self, p: Any, where: int, style: str | None) -> str:
        """The text of one `w:p`'s runs as printed, tracked changes accepted, hidden text left out and noted."""
        parts: list[str] = []
        hidden: list[str] = []
        self.revised.update((where, kind) for kind in revision_kinds(p))
        for run in p.iter(_w("r")):
            # Tracked changes read as accepted: deleted and moved-away text left out, inserted text kept.
            if _inside(run, p, ("del", "moveFrom", TEXT_BOX)):
                continue
            for child in run:
                name = child.tag.removeprefix(_W)
                if name in _REFERENCES:
                    self.references.setdefault(name, []).append((where, str(child.get(_w("id")))))
            (hidden if self.styles.hidden(run, style) else parts).append(self.run_text(run, style, where))
        if "".join(hidden).strip():
            self.hidden.append((where, nfc(" ".join("".join(hidden).split()))))
        return "".join(parts)

    def soft_breaks(self, line: str, where: int) -> list[str]:
        """`line` cut at the manual line breaks that end a line; the ones that wrap a sentence become spaces."""
        pieces = [piece.strip() for piece in line.split(_SOFT_BREAK)]
        out = pieces[:1]
        for piece in pieces[1:]:
            if _wraps(out[-1], piece):
                out[-1] = f"{out[-1]} {piece}"
                self.wrapped.append(where)
            else:
                out.append(piece)
        return out

    def list_label(self, p: Any, style: str | None) -> str | None:
        num = p.find(f"{_w('pPr')}/{_w('numPr')}")
        if num is not None and _val(num, "numId") is not None:
            num_id, written = str(_val(num, "numId")), _val(num, "ilvl")
        elif (inherited := self.styles.numbering(style)) is not None:
            num_id, written = inherited
        else:
            return None
        if (level := level_of(written)) is None:
            self.numbering.ignored.append(ignored_level(written))
        return self.numbering.label(num_id, level)

    def run_text(self, run: Any, paragraph_style: str | None, where: int) -> str:
        out = []
        for child in run:
            tag = child.tag
            if tag == _w("t"):
                out.append(child.text or "")
            elif tag in (_w("tab"), _w("ptab")):
                out.append(" ")
            elif tag == _w("br") and child.get(_w("type")) in ("page", "column"):
                out.append("\n")
            elif tag in (_w("br"), _w("cr")):
                out.append(_SOFT_BREAK)
            elif tag == _w("noBreakHyphen"):
                out.append("-")
            elif tag == _w("softHyphen"):
                out.append(_OPTIONAL_HYPHEN)
            elif tag == _w("sym"):
                shown, named = symbol(child)
                self.symbols += [(where, named)] if named else []
                out.append(shown)
        text = "".join(out)
        if not text.replace(_OPTIONAL_HYPHEN, "").strip():
            return text.replace(_OPTIONAL_HYPHEN, SOFT_HYPHEN)
        rpr = run.find(_w("rPr"))
        font = (font_of(rpr) or self.styles.font(_val(rpr, "rStyle")) or self.styles.font(paragraph_style)
                or self.styles.default_font)
        encoding = self.encoding or legacy.font_encoding(font)
        if encoding in (None, "utf-8"):
            return text.replace(_OPTIONAL_HYPHEN, SOFT_HYPHEN)
        self.converted.setdefault(str(encoding), []).append(where)
        converted = SOFT_HYPHEN.join(legacy.decode(piece, str(encoding)) for piece in text.split(_OPTIONAL_HYPHEN))
        return converted.upper() if self.encoding is None and legacy.capitals_font(font) else converted

    def table(self, tbl: Any, where: int) -> Paragraph:
        rows: list[tuple[str, ...]] = []
        grid = tbl.find(_w("tblGrid"))
        columns = len(grid.findall(_w("gridCol"))) if grid is not None else 0
        width = columns if 0 < columns <= MAX_COLUMNS else MAX_COLUMNS
        for tr in tbl.iter(_w("tr")):
            if _inside(tr, tbl, ("tbl",)):
                continue
            if tr.find(f"{_w('trPr')}/{_w('del')}") is not None:
                self.revised.add((where, "deleted"))  # a row deleted as a tracked change: read as accepted
                continue
            cells: list[str] = []
            for tc in tr.iterchildren(_w("tc")):
                tcpr = tc.find(_w("tcPr"))
                merged = tcpr is not None and tcpr.find(_w("vMerge")) is not None and _val(tcpr, "vMerge") != "restart"
                lines = [] if merged else [q.text for group in _joined((p, where) for p in tc.iter(_w("p")))
                                           for q in self.paragraph(group)]
                cells.append("\n".join(lines))
                written = _val(tcpr, "gridSpan") if tcpr is not None else None
                span = read_int(written, 0) if written else 1
                room = max(width - len(cells) + 1, 1)  # the grid's columns from this cell on
                if not 1 <= span <= room:
                    self.spans.append((where, str(written)[:20], min(max(span, 1), room)))
                    span = min(max(span, 1), room)
                cells.extend([""] * (span - 1))
            rows.append(tuple(cells))
        return Paragraph("", where, rows=tuple(rows))


def _wraps(before: str, after: str) -> bool:
    """Whether a manual line break between `before` and `after` only wraps a sentence: `after` goes on in lower
    case (`… bảo hiểm y tế;` / `giải quyết …`), or in capitals after a comma or a long line that ends no sentence;
    never after a line in capitals (`T/M TỈNH ỦY` / `BÍ THƯ`) nor before a heading or a label (`Điều 2.`, `a)`,
    `1.`, `- `)."""
    if not before or not after or not after[0].isalpha() or before[-1] in ".!?…":
        return False
    if _POINT_LABEL.match(after) or _HEADING_WORD.match(after) or before.upper() == before:
        return False
    if after[0].islower():
        return True
    return before[-1] not in ":;" and (
        before.endswith(",") or (len(before) >= _WRAPPED_LINE and not _HEADING_WORD.match(before)))


def _joined(blocks: Iterable[tuple[Any, int]]) -> Iterator[list[tuple[Any, int]]]:
    """Body blocks or a cell's paragraphs, with their places, grouped as Word shows them with the tracked changes
    accepted: a paragraph whose mark is deleted, or is a style separator (`w:specVanish`), runs on into the next
    paragraph of the same cell (or of the body),
    and so on down a chain of them; a table, or the end of the cell or body, ends the run (Word joins no paragraph
    across it). A table is a group of its own."""
    group: list[tuple[Any, int]] = []
    for block, where in blocks:
        if group and (block.tag != _w("p") or _container(block) is not _container(group[-1][0])):
            yield group
            group = []
        if block.tag != _w("p"):
            yield [(block, where)]
            continue
        group.append((block, where))
        if not mark_deleted(block) and not style_separator(block):
            yield group
            group = []
    if group:
        yield group


def _container(p: Any) -> Any:
    """The table cell holding a paragraph, or the body."""
    parent = p.getparent()
    while parent is not None and parent.tag not in (_w("tc"), _w("body")):
        parent = parent.getparent()
    return parent


def _inside(element: Any, stop: Any, names: tuple[str, ...]) -> bool:
    """True when `element` lies inside one of the named elements below `stop`."""
    tags = {_w(n) for n in names}
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def read_docx(data: bytes, source: str, encoding: str | None = None) -> tuple[list[Paragraph], str, list[Note]]:
    """Read a Word file into paragraphs; return them, a summary of the encodings and notes."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if encoding == "cp1258":
        raise UsageError("The Windows-1258 encoding applies to text files: a Word file holds Unicode text "
                         "(use tcvn3 or vni for runs in legacy fonts).", options=("encoding",))
    if encoding is not None and encoding not in legacy.ENCODINGS:
        raise UsageError(f"Unknown encoding '{encoding}'; use one of {', '.join(legacy.ENCODINGS)}.")
    check_parts(data, source)
    if (said := not_a_package(data[:SAMPLE], source, "Word", ".docx")) is not None:
        raise ParseError(said)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ParseError(f"{source} is not a Word .docx file that can be read ({exc}).") from None
    except Exception as exc:  # zipfile and lxml raise their own types for damaged files
        raise ParseError(f"{source} is not a Word .docx file that can be read ({type(exc).__name__}: {exc}).") from None
    reader = _Reader(document, encoding)
    paragraphs: list[Paragraph] = []
    for group in _joined((block, where) for where, block in enumerate(_blocks(document.element.body), 1)):
        if group[0][0].tag == _w("tbl"):
            paragraphs.append(reader.table(*group[0]))
        else:
            paragraphs.extend(reader.paragraph(group))
    # A Word file made from a PDF (Word's own PDF opening) holds each page's running head and number as a paragraph.
    heads, notes = pdfcopy.page_heads([(p.where, "" if p.rows is not None or p.heading else p.text)
                                       for p in paragraphs])
    paragraphs = [p for i, p in enumerate(paragraphs) if i not in heads]
    notes += [
        Note(places[0], "encoding", f"{counted(len(places), 'run')} in {name.upper()} "
             f"({'as the encoding given says' if encoding else 'shown by their fonts'}) "
             f"{'was' if len(places) == 1 else 'were'} converted to Unicode, "
             f"the first in this paragraph.")
        for name, places in reader.converted.items()
    ]
    if reader.wrapped:
        one = len(reader.wrapped) == 1
        breaks = counted(len(reader.wrapped), "line break", plural_form="line breaks")
        notes.append(Note(reader.wrapped[0], "info", f"{breaks} typed with Shift+Enter inside a sentence "
                          f"{'was' if one else 'were'} read as {'a space' if one else 'spaces'}, the first in this "
                          "paragraph: a paragraph holds no line breaks."))
    if reader.not_nfc:
        notes.append(Note(reader.not_nfc[0], "info", NOT_NFC))
    if reader.spans:
        where, written, read = reader.spans[0]
        notes.append(Note(where, "warning", (
            f"{counted(len(reader.spans), 'table cell')} gave a span (`gridSpan`) past the table's columns or not a "
            f"number; the first, in this paragraph, “{written}”, was read as {read}: a cell spans no further than the "
            f"table's grid (at most {MAX_COLUMNS} columns, as in Word).")))
    if reader.numbering.ignored:
        notes.append(Note(0, "warning", ignored_summary(reader.numbering.ignored)))
    if reader.styles.cut:
        notes.append(Note(0, "warning", (
            f"{counted(len(reader.styles.cut), 'style')} in use, the first “{reader.styles.cut[0][:40]}”, "
            f"{'is' if len(reader.styles.cut) == 1 else 'are'} based on a chain of more than {MAX_BASED_ON} styles; "
            f"what the styles past the {MAX_BASED_ON}th give (font, numbering, heading, hidden text) was not read, "
            f"as Word bases styles at most {MAX_BASED_ON} levels deep.")))
    if reader.symbols:
        notes.append(Note(reader.symbols[0][0], "warning", unmapped([named for _, named in reader.symbols]) +
                          " The first is in this paragraph."))
    notes += invisible_notes(reader.invisible, "paragraph")
    notes += hidden_notes(reader.hidden)
    notes += revision_note(sorted(reader.revised), reader.joined)
    notes += left_out_notes(document, reader.references)
    if "tcvn3" in reader.converted:  # the capitals `.VnTimeH` drew, where a sentence begins
        paragraphs, restored = with_capitals(paragraphs, "paragraph", set(reader.converted["tcvn3"]))
        notes += restored
    used = ", ".join(sorted(reader.converted)) or "utf-8"
    if used != "utf-8":
        used = f"utf-8 with {used} runs"
    return paragraphs, used, notes


def _blocks(body: Any) -> Iterator[Any]:
    for child in body.iterchildren():
        if child.tag in (_w("p"), _w("tbl")):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _blocks(content)


# What `regdraft export` writes into a Word file's properties (render.consolidated_docx.FRONT_MATTER_MARK).
_FRONT_MATTER_MARK = "regdraft front matter (YAML):"


def embedded_front_matter(data: bytes, source: str = "", notes: list[Note] | None = None) -> dict[str, Any] | None:
    """The front matter `regdraft export` stored in a Word file's properties, or None.

    Only a mapping under regdraft's own mark is taken, read as every regdraft file is (no aliases, no
    deep nesting); anything else (another program's comment, a damaged part) is no front matter. One past
    `MAX_FRONT_MATTER_BYTES` is not read: the body imports without it, with a warning added to `notes`.
    """
    import zipfile
    from xml.etree import ElementTree

    import yaml

    from regdraft.core.frontmatter import load_yaml

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            core = archive.read("docProps/core.xml")
        root = ElementTree.fromstring(core)
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    found = root.find("{http://purl.org/dc/elements/1.1/}description")
    text = found.text if found is not None and found.text else ""
    if not text.startswith(_FRONT_MATTER_MARK):
        return None
    if (size := size_of(text)) > MAX_FRONT_MATTER_BYTES:  # 900 KB of it held `import` 8 s (r24 b-security 1)
        (notes if notes is not None else []).append(Note(0, "warning", (
            f"{source}: {too_long(size, MAX_FRONT_MATTER_BYTES, 'the front matter in its properties')}; the text "
            "was imported without it, its keys read from the header as in any Word file.")))
        return None
    try:
        loaded = load_yaml(text[len(_FRONT_MATTER_MARK):])
    except yaml.YAMLError:
        return None
    return loaded if isinstance(loaded, dict) else None
