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

from regdraft.render.output import write_atomic

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

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


def landscape_section(document: Document, profile: Profile) -> None:
    """Start a new landscape section (for a wide table inside a portrait document)."""
    from docx.enum.section import WD_SECTION

    _page(document.add_section(WD_SECTION.NEW_PAGE), profile, landscape=True)


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


def paragraph(container: Any, text: str = "", *, bold: bool = False, italic: bool = False,
              size: float | None = None, align: str = "justify", upper: bool = False,
              space_after: float | None = None) -> Paragraph:
    """Add a paragraph of one run to a document or cell; `align` is left, center, right or justify."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = container.add_paragraph()
    para.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                      "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    if space_after is not None:
        para.paragraph_format.space_after = Pt(space_after)
    if text:
        add_run(para, text.upper() if upper else text, bold=bold, italic=italic, size=size)
    made: Paragraph = para
    return made


def add_run(para: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
            size: float | None = None) -> Any:
    """Add a run of text to a paragraph."""
    from docx.shared import Pt

    run = para.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)
    return run


def party_header(document: Document, header: DocumentHeader, profile: Profile) -> None:
    """The header block: issuer and `*` top left; national line (and place, date) top right."""
    width = text_width_mm(document)
    table = borderless_table(document, 2, [width * 0.42, width * 0.58])
    left, right = table.rows[0].cells
    _first(left, header.superior, size=profile.issuer_pt, align="center", upper=True)
    paragraph(left, header.issuer, bold=True, size=profile.issuer_pt, align="center", upper=True, space_after=0)
    if header.issuer_mark:
        paragraph(left, header.issuer_mark, align="center", space_after=0)
    if header.number:
        paragraph(left, header.number, align="center", space_after=0)
    _first(right, header.national, bold=True, size=profile.national_pt, align="center", upper=True)
    if header.motto:
        paragraph(right, header.motto, bold=True, align="center", space_after=0)
    paragraph(right, "", space_after=0)
    if header.place_date:
        paragraph(right, header.place_date, italic=True, align="center", space_after=0)


def _first(cell: _Cell, text: str, **style: Any) -> None:
    """Write into the cell's own first paragraph (python-docx creates one), else add one."""
    if not text:
        return
    para = cell.paragraphs[0]
    if para.text:
        paragraph(cell, text, space_after=0, **style)
        return
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    para.alignment = WD_ALIGN_PARAGRAPH.CENTER if style.get("align") == "center" else None
    add_run(para, text.upper() if style.get("upper") else text, bold=style.get("bold", False),
            size=style.get("size"))


def borderless_table(document: Document, columns: int, widths_mm: Sequence[float]) -> Table:
    """A one-row table without borders, for side-by-side blocks."""
    table: Table = document.add_table(rows=1, cols=columns)
    _widths(table, widths_mm)
    return table


def grid_table(document: Document, headers: Sequence[str], widths_mm: Sequence[float],
               size: float | None = None) -> Table:
    """A bordered table with a bold header row that repeats on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table: Table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    _widths(table, widths_mm)
    row = table.rows[0]
    for cell, text in zip(row.cells, headers, strict=True):
        _first(cell, text, bold=True, align="center", size=size)
    header_flag = OxmlElement("w:tblHeader")
    header_flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header_flag)
    return table


def _widths(table: Table, widths_mm: Sequence[float]) -> None:
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
