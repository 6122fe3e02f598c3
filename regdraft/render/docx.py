"""Word documents with python-docx (imported lazily): page set-up from the profile, the Party
header block, landscape sections and tables. Owns python-docx.

Written for every DOCX regdraft produces (the comment report now, the consolidated text
later), so nothing here knows about comments.

Post-conditions:
1. Every paragraph and table cell uses the profile's font family (also for East Asian and
   complex-script runs, so Word does not substitute a font for Vietnamese letters).
2. A document from `new_document` has A4 pages and the profile's margins, in portrait or
   landscape.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regdraft.render.files import write_atomic

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

    from regdraft.core.word_diff import DiffSegment
    from regdraft.render.html import DocumentHeader
    from regdraft.render.profile import Profile

A4_MM = (210.0, 297.0)


def new_document(profile: Profile, landscape: bool = False) -> Document:
    """An empty document on A4 with the profile's margins, font and body size."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = profile.font_family
    style.font.size = Pt(profile.body_pt)
    _east_asian_font(style.element, profile.font_family)
    style.paragraph_format.space_after = Pt(3)
    section = document.sections[0]
    _page(section, profile, landscape)
    return document


def _page(section: Any, profile: Profile, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    short, long = A4_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(long if landscape else short)
    section.page_height = Mm(short if landscape else long)
    section.top_margin = Mm(profile.margin_top)
    section.bottom_margin = Mm(profile.margin_bottom)
    section.left_margin = Mm(profile.margin_left)
    section.right_margin = Mm(profile.margin_right)


def text_width_mm(document: Document) -> float:
    """The width between the margins of the last section, in millimetres."""
    section = document.sections[-1]
    emu = int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)
    return emu / 36000  # 36 000 EMU per millimetre


def _east_asian_font(element: Any, family: str) -> None:
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), family)


def append_paragraph(document: Document) -> Paragraph:
    """A new empty paragraph at the end of the body, in constant time.

    python-docx's `add_paragraph` finds the body's closing section properties by scanning
    every paragraph before it, which made a 3,000-article export take ten times a 1,000-article
    one; here the new paragraph goes straight before them.
    """
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph as DocxParagraph

    body = document.element.body
    p = OxmlElement("w:p")
    try:
        last = body[-1]  # from the end: lxml's len() would count every child
    except IndexError:
        last = None
    if last is not None and last.tag.endswith("}sectPr"):
        last.addprevious(p)
    else:
        body.append(p)
    return DocxParagraph(p, document._body)


def paragraph(container: Any, text: str = "", *, bold: bool = False, italic: bool = False,
              size: float | None = None, align: str = "justify", upper: bool = False,
              space_after: float | None = None, underline: bool = False) -> Paragraph:
    """Add a paragraph of one run to a document or cell; `align` is left, center, right or justify."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = container.add_paragraph()
    para.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                      "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    if space_after is not None:
        para.paragraph_format.space_after = Pt(space_after)
    if text:
        add_run(para, text.upper() if upper else text, bold=bold, italic=italic, size=size, underline=underline)
    made: Paragraph = para
    return made


def add_run(para: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
            size: float | None = None, underline: bool = False) -> Any:
    """Add a run of text to a paragraph."""
    from docx.shared import Pt

    run = para.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    run.underline = underline or None
    if size is not None:
        run.font.size = Pt(size)
    return run


def marked_paragraph(container: Any, lead: str, segments: Sequence[DiffSegment], size: float | None = None) -> Any:
    """A paragraph of text with changes marked: deletions struck through, insertions underlined in bold."""
    from docx.enum.text import WD_UNDERLINE

    para = paragraph(container, lead, italic=True, size=size, space_after=0)
    for segment in segments:
        run = add_run(para, segment.text, italic=True, bold=segment.op == "insert", size=size)
        if segment.op == "delete":
            run.font.strike = True
        elif segment.op == "insert":
            run.font.underline = WD_UNDERLINE.SINGLE
    return para


def party_header(document: Document, header: DocumentHeader, profile: Profile) -> None:
    """The header block, a borderless two-column table whose first lines share one row.

    Left: superior, issuer, `*`, number. Right: national line (and motto) with a rule as long as
    its text under it, then the place and date in italics. The page numbers are `page_numbers`.
    """
    width = text_width_mm(document)
    widths = _header_widths(width, header, profile)
    table = borderless_table(document, 2, widths)
    left, right = table.rows[0].cells
    size = profile.issuer_pt
    lines: list[tuple[str, dict[str, Any]]] = []
    if header.superior:
        lines.append((header.superior, {"size": size, "upper": True}))
    lines.append((header.issuer, {"bold": True, "size": size, "upper": True}))
    if header.issuer_mark:
        lines.append((header.issuer_mark, {"size": size}))
    if header.number:
        lines.append((header.number, {"size": size}))
    for text, style in lines:
        written = _first(left, text, align="center", **style)
        if text == header.issuer and profile.issuer_rule:
            _rule_under(written, size, widths[0])  # the state format's rule under the issuing agency
    national = _first(right, header.national, bold=True, size=profile.national_pt, align="center", upper=True)
    ruled, ruled_size = national, profile.national_pt
    if header.motto:
        ruled = paragraph(right, header.motto, bold=True, size=size, align="center", space_after=0)
        ruled_size = size
    _rule_under(ruled, ruled_size, widths[1])
    paragraph(right, "", space_after=0)
    if header.place_date:
        paragraph(right, header.place_date, italic=True, align="center", space_after=0)
    paragraph(document, "", space_after=0)  # a line between the header block and what follows


_CELL_MARGIN_MM = 1.9  # Word's default left and right cell margins (0.19 cm)


def _header_widths(width: float, header: DocumentHeader, profile: Profile) -> tuple[float, float]:
    """The header columns: 42 % and 58 % of the text width, the right one widened so that the national
    line is one line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 13 pt needs 96 mm, more than 58 % of a
    state page's 165 mm once Word's cell margins are taken)."""
    from regdraft.render.pdf import text_width_pt

    national = text_width_pt(header.national.upper(), profile.national_pt, bold=True) * 25.4 / 72
    right = min(max(width * 0.58, national + 2 * _CELL_MARGIN_MM + 1), width * 0.7)
    return width - right, right


def _rule_under(para: Paragraph, size: float, column_mm: float) -> None:
    """A rule under a centred bold line, as long as its text (as the HTML's bottom border is).

    A bottom border narrowed by indents, which Word and LibreOffice both draw.
    """
    from regdraft.render.pdf import text_width_pt

    text_mm = text_width_pt(para.text, size, bold=True) * 25.4 / 72
    cell_mm = column_mm - 2 * _CELL_MARGIN_MM
    _bottom_rule(para, max(0.0, (cell_mm - text_mm) / 2 - 1))


def _bottom_rule(para: Paragraph, indent_mm: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    para.paragraph_format.left_indent = Mm(indent_mm)
    para.paragraph_format.right_indent = Mm(indent_mm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # Word rejects a file whose elements are out of schema order: pBdr goes before these.
    para._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)


_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                     "w:tblPrChange")


def page_numbers(document: Document, profile: Profile, word: str = "Trang") -> None:
    """`Trang n/N` (PAGE and NUMPAGES fields) where the profile puts page numbers, as the PDF does.

    `party-36`: bottom right of every page, page 1 included; `state-30`: top centre from page 2.
    Later sections (landscape tables) link to the first one's header and footer, so they share it.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    top = profile.page_numbers == "top"
    if not profile.number_first_page:
        section.different_first_page_header_footer = True  # the first page's own header stays empty
    container = section.header if top else section.footer
    para = container.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER if top else WD_ALIGN_PARAGRAPH.RIGHT
    size = 12 if top else 11
    add_run(para, f"{word} ", size=size)
    _field(para, "PAGE", "1", size)
    add_run(para, "/", size=size)
    _field(para, "NUMPAGES", "1", size)


def _field(para: Paragraph, instruction: str, shown: str, size: float) -> None:
    """A Word field (`PAGE`, `NUMPAGES`) as begin / instruction / separate / result / end runs."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str) -> None:
        run = add_run(para, "", size=size)
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)

    fld_char("begin")
    run = add_run(para, "", size=size)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    fld_char("separate")
    add_run(para, shown, size=size)
    fld_char("end")


def _first(cell: _Cell, text: str, **style: Any) -> Paragraph:
    """Write into the cell's own first paragraph (python-docx creates one), else add one."""
    para: Paragraph = cell.paragraphs[0]
    if not text:
        return para
    if para.text:
        return paragraph(cell, text, space_after=0, **style)
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if style.get("align") == "center":
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(para, text.upper() if style.get("upper") else text, bold=style.get("bold", False),
            italic=style.get("italic", False), size=style.get("size"))
    return para


def borderless_table(document: Document, columns: int, widths_mm: Sequence[float]) -> Table:
    """A one-row table without borders, for side-by-side blocks."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table: Table = document.add_table(rows=1, cols=columns)
    widths(table, widths_mm)
    # Said outright, so a template whose default table style has borders cannot add them.
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_TBLBORDERS)
    return table


def grid_table(document: Document, headers: Sequence[str], widths_mm: Sequence[float],
               size: float | None = None) -> Table:
    """A bordered table with a bold header row that repeats on every page."""
    table: Table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    widths(table, widths_mm)
    row = table.rows[0]
    for cell, text in zip(row.cells, headers, strict=True):
        _first(cell, text, bold=True, align="center", size=size)
    repeat_row(row)
    return table


def repeat_row(row: _Row) -> None:
    """Mark a table's first row as its header row: Word prints it again at the top of each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header_flag = OxmlElement("w:tblHeader")
    header_flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header_flag)


def hidden_mark(para: Paragraph, name: str, number: int = 0) -> None:
    """A bookmark named `name` around a paragraph's content, hidden in Word (the name starts with `_`): the marks
    that tell regdraft what a reply was written on. `number` is its id (0 for a document's own mark; the
    provisions' are numbered from 1)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    for element in (start, end):
        element.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    properties = para._p.find(qn("w:pPr"))
    para._p.insert(0 if properties is None else 1, start)
    para._p.append(end)


def widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Fix the table's column widths (Word otherwise sizes columns to their text)."""
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def add_row(table: Table, cells: Sequence[Sequence[tuple[str, dict[str, Any]]] | str],
            widths_mm: Sequence[float] = (), size: float | None = None) -> list[_Cell]:
    """Add a row; each cell is a string or a list of (paragraph text, style) pairs."""
    from docx.shared import Mm

    row = table.add_row()  # type: ignore[no-untyped-call]
    out = list(row.cells)
    for i, (cell, content) in enumerate(zip(out, cells, strict=True)):
        if widths_mm:
            cell.width = Mm(widths_mm[i])
        paragraphs = [(content, {})] if isinstance(content, str) else list(content)
        for j, (text, style) in enumerate(paragraphs):
            if j == 0:
                _first(cell, text, size=size, **style)
            else:
                paragraph(cell, text, size=size, space_after=0, **style)
    return out


def merge_down(top: _Cell, bottom: _Cell) -> None:
    """Merge a column's cells from `top` to `bottom`, keeping the top cell's text only."""
    if top is bottom:
        return
    keep = [p for p in top.paragraphs]
    merged = top.merge(bottom)
    # python-docx appends the lower cells' (empty) paragraphs; drop the extras.
    for para in merged.paragraphs[len(keep):]:
        if not para.text:
            para._element.getparent().remove(para._element)


def save(document: Document, output: Path) -> None:
    """Write the document whole or not at all."""
    write_atomic(output, lambda path: document.save(str(path)))


def paragraph_style(document: Document, name: str, *, bold: bool = False, italic: bool = False,
                    size: float | None = None, align: str = "justify", outline_level: int | None = None,
                    indent_mm: float = 0, first_line_mm: float = 0, space_before: float = 0,
                    space_after: float = 6, keep_with_next: bool = False) -> Any:
    """A named paragraph style based on Normal (created once; `outline_level` makes it a heading)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    if name in [s.name for s in document.styles]:
        return document.styles[name]
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.font.bold = bold or None
    style.font.italic = italic or None
    if size is not None:
        style.font.size = Pt(size)
    fmt = style.paragraph_format
    fmt.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                     "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    fmt.left_indent = Mm(indent_mm) if indent_mm else None
    fmt.first_line_indent = Mm(first_line_mm) if first_line_mm else None
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(space_after)
    fmt.keep_with_next = keep_with_next or None
    if outline_level is not None:
        # An outline level lets Word's navigation pane and table of contents see the heading
        # without basing the style on "Heading N" (whose theme font and colour do not fit).
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(outline_level))
        style.element.get_or_add_pPr().append(level)
    return style


_FOOTNOTES_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def footnote_reference(para: Paragraph, number: int) -> None:
    """Add a real footnote reference mark (`w:footnoteReference`) at the end of a paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    rpr.append(style)
    run.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    run.append(ref)
    para._p.append(run)


def add_footnotes(document: Document, notes: Sequence[tuple[int, str]], profile: Profile) -> None:
    """Give the document a footnotes part holding `notes` (id, text), with the Word styles they use.

    python-docx has no footnote API, so the part is written as WordprocessingML: the two
    separator footnotes Word expects (ids -1 and 0), then one footnote per note.
    """
    from xml.sax.saxutils import escape

    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.shared import Pt

    names = [s.name for s in document.styles]
    if "Footnote Text" not in names:
        text_style = document.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        text_style.base_style = document.styles["Normal"]
        text_style.font.size = Pt(max(8.0, profile.body_pt - 3))
        text_style.paragraph_format.space_after = Pt(0)
    if "Footnote Reference" not in names:
        ref_style = document.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref_style.font.superscript = True
    # python-docx names a new style's id after its name without spaces, which is the id
    # `footnote_reference` writes: `FootnoteReference`.
    text_id = document.styles["Footnote Text"].style_id
    ref_id = document.styles["Footnote Reference"].style_id
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        '</w:footnote>',
    ]
    for number, text in notes:
        body.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{text_id}"/><w:jc w:val="both"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{ref_id}"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        )
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_FOOTNOTES_NS}>'
           + "".join(body) + "</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def read_footnotes(path: Path) -> dict[int, str]:
    """The footnotes of a .docx file by id (separators left out), read back from its XML."""
    import zipfile
    from xml.etree import ElementTree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return {}
        root = ElementTree.fromstring(archive.read("word/footnotes.xml"))
    out = {}
    for note in root.iter(f"{w}footnote"):
        number = int(note.get(f"{w}id", "0"))
        if number > 0:
            out[number] = "".join(t.text or "" for t in note.iter(f"{w}t")).strip()
    return out
