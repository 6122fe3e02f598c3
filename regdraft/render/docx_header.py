"""The furniture of a Word document's pages: the header block (issuer and number beside the national line, each
with its rule) and the page numbers where the profile puts them, as the PDF prints them.

Written with the paragraphs and tables of `regdraft.render.docx` (python-docx, imported lazily), for every DOCX
regdraft produces that opens with a header block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from regdraft.render.docx import PPR_AFTER_PBDR, _first, add_run, borderless_table, paragraph, text_width_mm

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

    from regdraft.render.html import DocumentHeader
    from regdraft.render.profile import Profile


def party_header(document: Document, header: DocumentHeader, profile: Profile) -> None:
    """The header block, a borderless two-column table whose first lines share one row.

    Left: superior, issuer, `*`, number. Right: national line (and motto) with a rule as long as
    its text under it, then the place and date in italics. The page numbers are `page_numbers`.
    """
    width = text_width_mm(document)
    widths = _header_widths(width, header, profile)
    table = borderless_table(document, 2, widths, profile.words(header.language)["layout_table"])
    left, right = table.rows[0].cells
    size = profile.issuer_pt
    lines: list[tuple[str, dict[str, Any]]] = []
    if header.superior:
        lines.append((header.superior, {"size": size, "upper": True}))
    issuer_lines = header.issuer_lines  # `ỦY BAN NHÂN DÂN` / `TỈNH LÀO CAI`, the rule under the last
    lines.extend((line, {"bold": True, "size": size, "upper": True}) for line in issuer_lines)
    if header.issuer_mark:
        lines.append((header.issuer_mark, {"size": size}))
    if header.number:
        lines.append((header.number, {"size": size}))
    for text, style in lines:
        written = _first(left, text, align="center", **style)
        if text == issuer_lines[-1] and profile.issuer_rule:
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
    bottom_rule(para, max(0.0, (cell_mm - text_mm) / 2 - 1))


def bottom_rule(para: Paragraph, indent_mm: float) -> None:
    """A rule under `para`: its bottom border, drawn `indent_mm` in from each side of its column."""
    from docx.shared import Mm

    para.paragraph_format.left_indent = Mm(indent_mm)
    para.paragraph_format.right_indent = Mm(indent_mm)
    _borders(para, ("bottom",), "6")


def boxed(para: Paragraph, indent_mm: float) -> None:
    """`para` in a single-line box (the draft mark), drawn `indent_mm` in from each side of its column."""
    from docx.shared import Mm

    para.paragraph_format.left_indent = Mm(indent_mm)
    para.paragraph_format.right_indent = Mm(indent_mm)
    _borders(para, ("top", "left", "bottom", "right"), "12")  # 1.5 pt, as the PDF's box


def _borders(para: Paragraph, sides: tuple[str, ...], eighths: str) -> None:
    """Single borders of `eighths` of a point on `sides` of `para`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    for side in sides:  # in the schema's order: top, left, bottom, right
        line = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", eighths), ("w:space", "1"), ("w:color", "000000")):
            line.set(qn(key), value)
        borders.append(line)
    # Word rejects a file whose elements are out of schema order: pBdr goes before these.
    para._p.get_or_add_pPr().insert_element_before(borders, *PPR_AFTER_PBDR)


def page_numbers(document: Document, profile: Profile, word: str = "Trang", language: str = "vi") -> None:
    """The page number (`Trang n/N` with PAGE and NUMPAGES fields, or the bare `n`, as the profile's
    `page_number_format` says) where the profile puts page numbers, as the PDF does.

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
    size = profile.page_number_pt
    for part in profile.page_number_parts(word, language):
        if part in ("{page}", "{pages}"):
            _field(para, "PAGE" if part == "{page}" else "NUMPAGES", "1", size)
        else:
            add_run(para, part, size=size)


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
