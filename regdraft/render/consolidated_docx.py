"""The consolidated text and the amending document as Word files, and the Word writing they share.

The documents are written from the same `Block`s as their HTML and Markdown
(`regdraft.render.consolidated`), paragraph by paragraph through `regdraft.render.docx`; the review
copy (`regdraft.render.review_copy`) and the redline (`regdraft.render.redline_docx`) use the
same styles, header and paragraph writers. python-docx is imported only inside the functions
that write.

Post-conditions:
1. The DOCX defines one named paragraph style per level (`Chương`, `Điều`, `Khoản`, `Điểm` ...;
   `Chapter`, `Article` ... in English) and uses the profile's font, size and margins.
2. A changed unit's footnote marker follows its label as a real Word footnote
   (`regdraft.render.consolidated`, post-condition 1).
3. A closing text is a paragraph in its own style (`CLOSING_STYLES`), and the consolidated text
   carries its whole front matter in the document's properties after `FRONT_MATTER_MARK`, so
   that importing the file back gives the closing text to the unit it closes and the same keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regdraft.core.consolidate import ConsolidatedText
from regdraft.core.frontmatter import signature_block
from regdraft.core.inline import spans, standing_line
from regdraft.core.parts import table_head, table_rows
from regdraft.core.text import as_text
from regdraft.render.consolidated import (
    Block,
    amendment_blocks,
    banner,
    consolidated_blocks,
    consolidated_header,
    split_appendices,
)

if TYPE_CHECKING:
    from docx.document import Document

    from regdraft.core.amend import Amendment
    from regdraft.core.consolidation_frame import Frame
    from regdraft.render.html import DocumentHeader
    from regdraft.render.profile import Profile

# The closing text (đoạn cuối) of an article or a clause is printed as a paragraph in its own
# style, so that importing the Word file back gives it to the unit it closes.
# Named as the other styles are, in the document's language (a drafter restyles by these names); `regdraft import`
# reads them back, and the names of older exports (`regdraft closing text`), as a closing text (importer.docx).
CLOSING_STYLES = {"vi": {"article": "Đoạn cuối Điều", "clause": "Đoạn cuối khoản"},
                  "en": {"article": "Article Closing Text", "clause": "Clause Closing Text"}}
STYLE_NAMES = {
    "vi": {"appendix": "Phụ lục", "appendix-title": "Tên phụ lục", "appendix-note": "Ghi chú phụ lục",
           "part": "Phần", "chapter": "Chương", "section": "Mục", "subsection": "Tiểu mục",
           "article": "Điều", "clause": "Khoản",
           "point": "Điểm", "para": "Đoạn văn", "dash": "Gạch đầu dòng", "subdash": "Gạch đầu dòng 2",
           "quote": "Trích dẫn", "opening": "Phần mở đầu", "opening-line": "Dòng phần mở đầu",
           "closing": CLOSING_STYLES["vi"]["article"],
           "closing-clause": CLOSING_STYLES["vi"]["clause"]},
    "en": {"appendix": "Appendix", "appendix-title": "Appendix Title", "appendix-note": "Appendix Note",
           "part": "Part", "chapter": "Chapter", "section": "Section", "subsection": "Sub-section",
           "article": "Article", "clause": "Clause",
           "point": "Point", "para": "Provision Text", "dash": "Dash Item", "subdash": "Dash Item 2",
           "quote": "Quoted Text", "opening": "Opening", "opening-line": "Opening Line",
           "closing": CLOSING_STYLES["en"]["article"],
           "closing-clause": CLOSING_STYLES["en"]["clause"]},
}


# Each profile's and language's new document with the styles (`styled_document`): None once asked for, then its
# file and the styles' ids by kind. A few kept (a server shows documents of several workspaces).
_STYLED: dict[tuple[str, str], tuple[bytes, dict[str, str]] | None] = {}
_STYLED_KEPT = 8


def styled_document(profile: Profile, language: str) -> tuple[Document, dict[str, str]]:
    """A new document (`docx.new_document`) with the text's named styles (`_styles`), and their ids by kind.

    Adding the styles (each looked up among the template's some 180) was a fifth of a small Word redline's writing:
    the second document of a profile and language in a process saves its file, and each after is opened from it
    (`docx.reopened`), the same file as one made anew. The first is only made: a command writes one document."""
    from regdraft.render.docx import new_document, package, reopened

    key = (repr(profile), language)
    kept = _STYLED.get(key)
    if kept is not None:
        return reopened(kept[0]), dict(kept[1])
    document = new_document(profile, language)
    names = _styles(document, profile, language)
    if key not in _STYLED and len(_STYLED) >= _STYLED_KEPT:
        del _STYLED[next(iter(_STYLED))]  # the first made
    _STYLED[key] = (package(document), names) if key in _STYLED else None
    return document, dict(names)


def _styles(document: Any, profile: Profile, language: str) -> dict[str, str]:
    """Create the named paragraph styles; returns kind -> style id."""
    from regdraft.render.docx import paragraph_style

    names = STYLE_NAMES.get(language, STYLE_NAMES["vi"])
    size = profile.body_pt
    for kind, outline in (("part", 0), ("chapter", 0), ("section", 1), ("subsection", 1)):
        paragraph_style(document, names[kind], bold=True, size=size, align="center", outline_level=outline,
                        space_before=12, space_after=6, keep_with_next=True)
    appendix = paragraph_style(document, names["appendix"], bold=True, size=size, align="center", outline_level=0,
                               space_after=6, keep_with_next=True)
    appendix.paragraph_format.page_break_before = True  # each appendix from a new page, after the signature
    paragraph_style(document, names["appendix-title"], bold=True, size=size, align="center", space_after=6,
                    keep_with_next=True)
    paragraph_style(document, names["appendix-note"], italic=True, size=size, align="center", space_after=12)
    paragraph_style(document, names["article"], bold=True, size=size, outline_level=2, space_before=6,
                    keep_with_next=True, first_line_mm=10)
    paragraph_style(document, names["clause"], size=size, first_line_mm=10)
    paragraph_style(document, names["point"], size=size, first_line_mm=10)
    paragraph_style(document, names["para"], size=size, first_line_mm=10)
    paragraph_style(document, names["dash"], size=size, first_line_mm=10)
    paragraph_style(document, names["subdash"], size=size, indent_mm=5, first_line_mm=10)
    paragraph_style(document, names["quote"], size=size, first_line_mm=10)
    paragraph_style(document, names["closing"], size=size, first_line_mm=10)
    paragraph_style(document, names["closing-clause"], size=size, first_line_mm=10)
    paragraph_style(document, names["opening"], italic=True, size=size, first_line_mm=10)
    # A line in capitals before the articles: a decision's issuing authority, its `QUYẾT ĐỊNH:` (`standing_line`).
    paragraph_style(document, names["opening-line"], bold=True, size=size, align="center", space_before=6,
                    space_after=6)
    return {kind: document.styles[name].style_id for kind, name in names.items()}


def opening_style(names: Mapping[str, str], text: str) -> str:
    """The style of a paragraph before the articles: a basis's (`Căn cứ …;`, in italics), or a line in capitals'
    (`ỦY BAN NHÂN DÂN TỈNH LÀO CAI`, `QUYẾT ĐỊNH:`, centred in bold: `core.inline.standing_line`)."""
    return names["opening-line"] if standing_line(text) else names["opening"]


def _runs(para: Any, text: str, *, bold: bool = False, italic: bool = False, upper: bool = False) -> None:
    """Add a paragraph's inline Markdown as runs: bold and italic kept, escapes and links resolved (with `upper`,
    the words in capitals: a chapter's title)."""
    from regdraft.render.docx import add_run

    for span in spans(text, bold=bold, italic=italic):
        add_run(para, span.text.upper() if upper else span.text, bold=span.bold, italic=span.italic)


def _add(document: Any, style_id: str) -> Any:
    """A new paragraph with a style given by id (python-docx's lookup by name is slow)."""
    from regdraft.render.docx import append_paragraph

    para = append_paragraph(document) if hasattr(document, "element") else document.add_paragraph()
    para._p.style = style_id
    return para


class Bookmarks:
    """Hidden Word bookmarks carrying each paragraph's provision address (the review copy's).

    `text` numbers the amended text being written in a copy of several (0: the copy holds one).
    """

    def __init__(self) -> None:
        self.count = 0
        self.text = 0

    def mark(self, para: Any, address: str) -> None:
        """Wrap a paragraph's content in a bookmark named after `address`."""
        from regdraft.core.reply_marks import bookmark_name
        from regdraft.render.docx import hidden_mark

        self.count += 1
        hidden_mark(para, bookmark_name(self.count, address, self.text), self.count)


def _body_level(para: Any) -> None:
    """`para` (a heading's title line, in the heading's style so `regdraft import` reads it with its label) at body
    text's outline level, so Word's navigation pane lists the heading once (r29 sweep AK 4)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from regdraft.render.docx import PPR_AFTER_PBDR

    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "9")
    para._p.get_or_add_pPr().insert_element_before(level, *PPR_AFTER_PBDR[PPR_AFTER_PBDR.index("w:outlineLvl") + 1:])


def _write_blocks(document: Any, blocks: Sequence[Block], names: Mapping[str, str], upper_titles: bool,
                  bookmarks: Bookmarks | None = None) -> None:
    """Write blocks as paragraphs (a table block as a table); with `bookmarks`, every paragraph of a block
    naming an address, each of a table's cells included, sits in a bookmark carrying it."""
    from regdraft.render.docx import add_run
    from regdraft.render.docx_notes import footnote_reference

    for block in blocks:
        style = names.get(block.kind, names["para"])
        if block.closing and block.kind == "para":
            style = names["closing" if block.closing == "article" else "closing-clause"]
        made = []
        if block.kind in ("part", "chapter", "section", "subsection", "appendix"):
            para = _add(document, style)
            add_run(para, block.label.upper() if block.kind == "appendix" else block.label)
            for note in block.notes:
                footnote_reference(para, note)
            made.append(para)
            if block.title and block.kind != "appendix" and bookmarks is None:
                # The title on the label's next line, in one paragraph: Word's navigation pane and table of contents
                # list `Chương I NHỮNG QUY ĐỊNH CHUNG` once (a second paragraph listed the chapter twice, r29 AK 4;
                # one at body level listed `Chương I` with no name, r30 AN), and `import` reads the two lines.
                para.add_run().add_break()
                _runs(para, block.title, upper=upper_titles)  # Markdown inline, as the HTML reads it
            elif block.title:
                # The review copy (`bookmarks`) keeps the title a paragraph of its own, at body level: a reviewer's
                # comment on it is read back as on the title (`ch3.title`), the label's line as on the heading.
                title = _add(document, names["appendix-title"] if block.kind == "appendix" else style)
                _runs(title, block.title, upper=upper_titles and block.kind != "appendix")
                if block.kind != "appendix":
                    _body_level(title)
                made.append(title)
        elif block.kind == "table":
            from regdraft.render.docx import add_row, grid_table, text_width_mm, widths

            rows = table_rows(block.text)
            if rows:
                from docx.enum.text import WD_ALIGN_PARAGRAPH

                width = text_width_mm(document) / max(1, len(rows[0]))
                blank = [""] * len(rows[0])
                head = table_head(block.text)
                if head:  # a row of column names, repeated on each page
                    table = grid_table(document, blank, [width] * len(rows[0]))
                    for cell, text in zip(table.rows[0].cells, rows[0], strict=True):
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                        _runs(cell.paragraphs[0], text, bold=True)
                else:  # a form's first row is a row like the others
                    table = document.add_table(rows=0, cols=len(rows[0]))
                    table.style = "Table Grid"
                    widths(table, [width] * len(rows[0]))
                for row in rows[1 if head else 0:]:
                    # Each cell's Markdown inline read, as the HTML reads it (`a \\| b` is `a | b`, `\\*` a `*`).
                    for cell, text in zip(add_row(table, blank), row, strict=True):
                        _runs(cell.paragraphs[0], text)
                # A comment on a cell is about the provision the table stands in.
                made.extend(p for row in table.rows for cell in row.cells for p in cell.paragraphs)
        else:
            para = _add(document, style)
            if block.label:
                add_run(para, block.label, bold=block.kind == "article")
                for note in block.notes:
                    footnote_reference(para, note)
            prefix = {"dash": "- ", "subdash": "+ "}.get(block.kind, "")
            body = block.title if block.kind == "article" else block.text
            if body:
                if block.label:
                    add_run(para, " ")
                _runs(para, prefix + body, bold=block.kind == "article")
            made.append(para)
        if bookmarks is not None and block.address:
            for para in made:
                bookmarks.mark(para, block.address)


FRONT_MATTER_MARK = "regdraft front matter (YAML):"


def _adoption(document: Any, meta: Mapping[str, Any], names: Mapping[str, str]) -> None:
    """A law's closing sentence (`Luật này được Quốc hội … thông qua ngày …`), in italics after its last article."""
    adoption = meta.get("adoption")
    if isinstance(adoption, str) and adoption:
        from regdraft.render.docx import add_run

        add_run(_add(document, names["para"]), adoption, italic=True)


def _signature(document: Any, signer: Mapping[str, Any], recipients: Sequence[str], profile: Profile,
               language: str, *, signing_space: bool = False) -> None:
    """The recipients (left) and the signature block (right) after the text; the blank lines to sign in above the
    signer's name, and with `signing_space` (the comment report) above nothing when no name is set."""
    from regdraft.render.docx import borderless_table, paragraph, text_width_mm

    if not any(signer.values()) and not recipients:
        return
    width = text_width_mm(document)
    left, right = borderless_table(document, 2, [width * 0.5, width * 0.5],
                                   profile.words(language)["layout_table"]).rows[0].cells
    if recipients:
        paragraph(left, profile.words(language)["recipients"], bold=True, italic=True,
                  underline=profile.recipients_title_underline, size=profile.recipients_pt + 1, align="left",
                  space_after=0)
        for item in recipients:
            paragraph(left, f"- {item}", size=profile.recipients_pt, align="left", space_after=0)
    for key, bold in (("on_behalf", True), ("title", True), ("note", False)):
        for line in str(signer.get(key) or "").split("\n") if signer.get(key) else ():
            paragraph(right, line, bold=bold, align="center", space_after=0)  # TM. … / KT. CHỦ TỊCH: a line each
    if signer.get("name") or signing_space:
        # a note above the name (`(Đã ký)`) is in the signature's place: no space to sign in
        for _ in range(0 if signer.get("note") and signer.get("name") else 3):
            paragraph(right, "", space_after=0)
    if signer.get("name"):
        paragraph(right, str(signer["name"]), bold=True, align="center", space_after=0)
    if signer.get("note_after"):
        paragraph(right, str(signer["note_after"]), align="center", space_after=0)


def _front(document: Any, header: DocumentHeader, profile: Profile, banner: str = "") -> None:
    """The header block, the draft mark (`header.draft`) or a consolidated copy's `banner`, the type and summary."""
    from regdraft.render.docx import paragraph, text_width_mm
    from regdraft.render.docx_header import boxed, page_numbers, party_header

    party_header(document, header, profile)
    page_numbers(document, profile, header.page, header.language)
    # Word's File > Info: what the document is and who issues it (python-docx caps a property at 255 characters):
    # its running header, as a redline's (`VĂN BẢN HỢP NHẤT (bản để tham khảo) - Luật Đấu thầu số 22/2023/QH15`).
    if not document.core_properties.title:
        named = header.running or " ".join(filter(None, (header.type, header.summary)))
        document.core_properties.title = as_text(named)[:255]
    document.core_properties.author = as_text(header.issuer)[:255]
    if header.draft:  # bold in a box at the profile's size, as the PDF prints it (`draft_pt`)
        mark = paragraph(document, header.draft, bold=True, align="center", size=profile.draft_pt)
        boxed(mark, text_width_mm(document) * 0.3)  # 40 % of the line, as the PDF's
    if banner:
        paragraph(document, banner, bold=True, align="center", size=profile.body_pt + 1)
    paragraph(document, header.type, bold=True, align="center", upper=True, size=profile.type_pt, space_after=0)
    if header.summary:
        paragraph(document, header.summary, bold=True, align="center", space_after=2 if header.summary_rule else 12)
    if header.summary and header.summary_rule:
        _summary_rule(document, header.summary, profile)


def _summary_rule(document: Any, summary: str, profile: Profile) -> None:
    """Nghị định 30/2020, Phụ lục I: a short solid rule under the trích yếu, 2/5 of its line (between the 1/3 and
    1/2 it allows), centred; as the HTML's. A paragraph of its own, 3 pt high, so that the summary keeps its width."""
    from docx.shared import Pt

    from regdraft.render.docx import paragraph, text_width_mm
    from regdraft.render.docx_header import bottom_rule
    from regdraft.render.pdf import text_width_pt

    width = text_width_mm(document)
    line = min(text_width_pt(summary, profile.body_pt, bold=True) * 25.4 / 72, width)
    rule = paragraph(document, "", align="center", space_after=12)
    rule.paragraph_format.line_spacing = Pt(3)
    bottom_rule(rule, (width - 0.4 * line) / 2)


def write_consolidated_docx(ct: ConsolidatedText, profile: Profile, output: Path, frame: Frame | None = None,
                            today: dt.date | None = None) -> None:
    """Write the consolidated text as a Word document with real footnotes; `frame` the consolidating body's header
    and authentication (`core.consolidation_frame`)."""
    from regdraft.core.consolidation_frame import closing
    from regdraft.render.docx import save
    from regdraft.render.docx_notes import add_footnotes, footnote_reference

    document, names = styled_document(profile, ct.language)
    _front(document, consolidated_header(ct, profile, frame, today), profile, banner(ct, profile, frame))
    opening = names["opening"]
    for text in (*ct.opening.notes, ct.opening.lead, *(f"{i}. {t}" for i, t in enumerate(ct.opening.items, 1)),
                 ct.opening.close):
        if text:
            _runs(_add(document, opening), text)
    made = [_add(document, opening_style(names, text)) for text in ct.regulation.preamble]
    for para, text in zip(made, ct.regulation.preamble, strict=True):
        _runs(para, text)
    for note in ct.basis if made else ():  # the amending documents' bases, after the preamble's end
        footnote_reference(made[-1], note)
    body, appendices = split_appendices(consolidated_blocks(ct))
    _write_blocks(document, body, names, upper_titles=True)
    meta = ct.regulation.meta
    _adoption(document, meta, names)
    _signature(document, *closing(frame, meta, profile.words(ct.language)), profile, ct.language)
    _write_blocks(document, appendices, names, upper_titles=True)
    # The whole front matter rides along in the document's properties, so that importing the
    # file back gives the same keys, also those the printed header does not show (effective, term).
    # python-docx caps core properties at 255 characters, which the OOXML format does not.
    description = document.core_properties._element._get_or_add("description")
    description.text = as_text(f"{FRONT_MATTER_MARK}\n{ct.regulation.front_matter}")
    add_footnotes(document, [(f.number, f.text) for f in ct.footnotes], profile)
    save(document, output)


def write_amendment_docx(amendment: Amendment, profile: Profile, output: Path, today: dt.date,
                         amended_number: str = "") -> None:
    """Write the amending document as a Word document, ready for signature (`amended_number`: as `amendment_html`)."""
    from regdraft.render.docx import save
    from regdraft.render.html import amendment_header

    document, names = styled_document(profile, amendment.language)
    header = amendment_header(amendment, profile, today, amended_number)
    _front(document, header, profile)
    for text in amendment.preamble:
        _runs(_add(document, opening_style(names, text)), text)
    _write_blocks(document, amendment_blocks(amendment, profile), names, upper_titles=False)
    meta = amendment.meta
    _adoption(document, meta, names)
    _signature(document, *signature_block(meta), profile, amendment.language)
    save(document, output)
