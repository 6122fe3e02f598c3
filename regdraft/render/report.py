"""The comment report (Báo cáo tổng hợp, tiếp thu, giải trình ý kiến) as HTML, PDF, DOCX, CSV or XLSX.

Post-conditions of `write_report`:
1. The format follows the output's suffix; any other suffix is a `UsageError` and nothing is written.
2. Every format holds the same preface counts and the same rows, numbered 1..n, grouped by
   provision in document order with general comments first.
3. The PDF and DOCX are landscape A4 with the profile's margins and the Party header block.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regdraft.core.comments import shown_on
from regdraft.core.document_names import translated_number
from regdraft.core.inline import Span, plain, spans
from regdraft.core.text import as_text, starts_formula

if TYPE_CHECKING:
    from regdraft.core.comment_report import Report, ReportRow
    from regdraft.render.html import DocumentHeader, PageTemplate
    from regdraft.render.profile import Profile

# Share of the text width per column, for the DOCX table.
_SHARES = (0.06, 0.14, 0.16, 0.34, 0.30)


def columns(words: Mapping[str, str]) -> tuple[str, ...]:
    """The headings of the report's table: STT, Điều, khoản, Chủ thể góp ý, ... (in the profile's words)."""
    return tuple(words[key] for key in ("report_number", "report_provision", "report_by", "report_comment",
                                        "report_answer"))


def csv_columns(words: Mapping[str, str]) -> tuple[str, ...]:
    """The CSV's header row: the table's columns, the address for sorting, the proposal, disposition and reply apart."""
    return tuple(words[key] for key in ("report_number", "report_provision", "report_address", "report_by",
                                        "report_comment", "report_proposal_column", "report_disposition",
                                        "report_reply"))


def report_words(report: Report, profile: Profile) -> dict[str, str]:
    """The profile's words in the report's language (the draft's)."""
    return profile.words(report.language)


def report_title(report: Report, words: Mapping[str, str]) -> str:
    """The summary line under BÁO CÁO."""
    return words["report_title"].format(draft=report.round.draft, title=report.title)


def header(report: Report, profile: Profile, today: dt.date) -> DocumentHeader:
    """The Party header block of the report, from the amendment's front matter."""
    from regdraft.render.html import document_header

    words = report_words(report, profile)
    head = document_header(report.meta, profile, number="", type_=words["report_type"],
                           summary=report_title(report, words), date=today,
                           running=words["report_running"].format(draft=report.round.draft))
    blank = blank_number(report.meta, words, report.amended_number)
    return replace(head, number=profile.number_line(report.number or blank,
                                                    report.language, words["report_type"]))


def blank_number(meta: Mapping[str, Any], words: Mapping[str, str], amended_number: str = "") -> str:
    """The report's number left blank to fill in, in the series of the amendment's number (else of the text it
    amends, `amended_number` or its id) with the profile's `report_code`: `      -BC/TU` for 05-QC/TU, `      /BC-UBND`
    for 15/2021/QĐ-UBND, `      /RPT-VNO` for Staff Rules 01/2026/SR-VNO kept as `SR-2026`; the blank alone when
    none names its issuer after its type (a law's `57/2024/QH15`)."""
    blank = "\u00a0" * 6  # kept open for the number: plain spaces would collapse
    for number in (meta.get("number"), amended_number, meta.get("regulation")):
        number = translated_number(str(number or "").strip(), meta)  # a translation's id: its original's series
        found = re.fullmatch(r"\d+(?:/\d{4})?([/-])[^\d\s/-]+([/-]\S+)", number)
        if found:
            return f"{blank}{found.group(1)}{words['report_code']}{found.group(2)}"
    return blank


def closing(report: Report, words: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The report's signer (`on_behalf`, `title`, `name`, as `signature.html.j2` prints them) and recipients: the
    workspace's settings where they give them, else the profile's (`report_on_behalf`, `report_signer_title`,
    `report_recipients`, a line each)."""
    signer = {"on_behalf": words["report_on_behalf"], "title": words["report_signer_title"], "name": ""}
    signer.update(dict(report.signer))
    recipients = list(report.recipients) or [line.strip() for line in words["report_recipients"].split("\n")
                                             if line.strip()]
    return signer, recipients


def write_report(report: Report, output: Path, *, workspace_root: Path | None = None,
                 config: Mapping[str, Any] | None = None, today: dt.date | None = None,
                 profile: Profile | None = None) -> None:
    """Write the report in the format its file name asks for, with the workspace's profile and templates."""
    from regdraft.render.output import Settings, choose, write
    from regdraft.render.profile import load_profile

    fmt = choose("report", output, None)
    settings = Settings(profile or load_profile(config or {}, report.meta), workspace_root, today or dt.date.today())
    write("report", fmt, report, output, settings)




def spreadsheet_cell(value: object) -> object:
    """A value safe in a spreadsheet cell: text that would start a formula gets a leading `'`.

    Numbers stay numbers; `=HYPERLINK(...)`, `+SUM(...)`, `-2+3`, `@SUM(...)` and text starting
    with a tab or carriage return become `'=HYPERLINK(...)` and so on, which Excel and
    LibreOffice show as the text it is (the OWASP rule, docs/security.md), and so does text starting with any of
    them after control characters (`\\0=1+2`: `core.text.starts_formula`).
    """
    if isinstance(value, str) and starts_formula(value):
        return "'" + value
    return value


def rich_text(text: str) -> object | None:
    """`text`'s inline Markdown as a cell's rich text (bold and italic runs), or None when it has none: a reply's,
    which the office may write in Markdown. The text is what a reader sees (`plain`), so a cell never starts a
    formula that its Markdown hid."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    lines = [spans(line) for line in text.split("\n")]
    if all(not (s.bold or s.italic) for line in lines for s in line) and plain(text) == text:
        return None
    runs: list[object] = []  # rich text is never a formula; `xlsx_text` marks it as text
    for k, line in enumerate(lines):
        for s in ([Span("\n")] if k else []) + line:
            piece = as_text(s.text)
            if piece:
                runs.append(TextBlock(InlineFont(b=s.bold, i=s.italic), piece) if s.bold or s.italic else piece)
    rich: object = CellRichText(runs)
    return rich


# The most characters an Excel cell holds (Excel's specification; LibreOffice and Excel cut a longer text unsaid).
XLSX_CELL = 32_767


def fitted(text: str, words: Mapping[str, str]) -> str:
    """`text` as an XLSX cell holds it: whole when it fits in `XLSX_CELL` characters, else cut and ended by the
    profile's `report_cell_cut`, which says how many characters are left out and where to read them whole."""
    if len(text) <= XLSX_CELL:
        return text
    left_out = len(text) - XLSX_CELL
    while len(mark := " " + words["report_cell_cut"].format(count=left_out)) + len(text) - left_out > XLSX_CELL:
        left_out += 1  # the mark takes room too
    return text[:len(text) - left_out] + mark


def xlsx_text(written: Any) -> Any:
    """A workbook cell whose text starts as a formula would (`=`, `+`, `-`, `@`: `core.text.starts_formula`) kept as
    text: a string cell with Excel's quote prefix (what typing `'` before it makes), so it never runs and, edited,
    stays text; its text as written (`- Đề nghị …`, not `'- Đề nghị …`: r29 sweep AJ N1; the CSV keeps the `'`)."""
    if starts_formula(str(written.value or "")):
        if isinstance(written.value, str):
            written.data_type = "s"
        written.quotePrefix = True
    return written


def late_flag(late: bool) -> str:
    """The cell of the CSV's and XLSX's column `report_late_column` (there only when a comment is late): `x` for a
    comment recorded after its round closed, as a sheet marks a row, else empty."""
    return "x" if late else ""


_MOMENT = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})")


def edited_note(edited: str, words: Mapping[str, str]) -> str:
    """The note after the text of a comment its member reworded (`Comment.edited`): `(sửa lúc 09:30 ngày 10/03/2025)`
    in the profile's words (`report_edited`); empty for a comment as sent."""
    found = _MOMENT.match(edited)
    if found is None:
        return ""
    year, mm, dd, hh, mi = found.groups()
    return words["report_edited"].format(year=year, mm=mm, dd=dd, hh=hh, mi=mi)


def edited_cell(edited: str) -> str:
    """The CSV's and XLSX's `report_edited_column` cell (there only when a comment was edited): `2025-03-10 09:30`."""
    found = _MOMENT.match(edited)
    return f"{found[1]}-{found[2]}-{found[3]} {found[4]}:{found[5]}" if found else ""


def _edited(report: Report) -> bool:
    """True when a comment of the report was reworded by its member: the CSV and XLSX then have its column."""
    return any(row.edited for group in report.groups for row in group.rows)


def _named_people(report: Report) -> bool:
    """True when a comment of the report records the person who wrote it or the words they selected: the CSV and
    XLSX then have a column for each (`report_person_column`, `report_selection_column`)."""
    return any(row.author or row.selection for group in report.groups for row in group.rows)


def csv_text(report: Report, profile: Profile | None = None) -> str:
    """The report as CSV: one line per comment, with the address for sorting and filtering (in the short form of
    the draft's language: `d4.k2`, English `a4.c2`).

    The header row is in the profile's words (the default profile's without one); the person and the words
    selected, when a comment records them, in two last columns. Cells that a spreadsheet would run as formulas
    are neutralised (`spreadsheet_cell`).
    """
    from regdraft.render.profile import default_profile

    words = report_words(report, profile or default_profile())
    people, late, edited = _named_people(report), bool(report.late), _edited(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow((*csv_columns(words),
                     *((words["report_person_column"], words["report_selection_column"]) if people else ()),
                     *((words["report_late_column"],) if late else ()),
                     *((words["report_edited_column"],) if edited else ()), words["report_now_column"]))
    for group in report.groups:
        for row in group.rows:
            writer.writerow([spreadsheet_cell(v) for v in (
                row.number, group.provision, shown_on(group.on, report.language), row.by, row.text, row.proposal,
                row.disposition, row.reply,
                *((row.author, row.selection) if people else ()), *((late_flag(row.late),) if late else ()),
                *((edited_cell(row.edited),) if edited else ()), group.now_provision or group.provision)])
    return buffer.getvalue()


# Column widths of the XLSX report, in characters: STT, Điều khoản, Chủ thể góp ý, Nội dung góp ý, tiếp thu.
_WIDTHS = (6, 18, 24, 60, 50)


def write_xlsx(report: Report, output: Path, profile: Profile, today: dt.date | None = None) -> None:
    """The report as an Excel workbook: the title and preface counts above the table, then one row per comment.

    The table has the report's columns (`columns`) under a header row that stays in view and filters; the
    comment cell ends with the proposal (`Đề xuất: …`), the answer cell is the disposition then the reply; when a
    comment records the person who wrote it or the words they selected, a column for each after the body's.
    Text wraps in its column. Every text cell passes `xlsx_text` (a cell starting with `=`, `+`, `-` or `@` is a
    string with Excel's quote prefix, as typing `'` before it makes), so no cell is ever a formula.
    """
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from regdraft.render.files import dated_package, write_atomic

    def cell(value: object) -> object:
        # Characters a workbook cannot hold (openpyxl refuses control characters, lxml U+FFFE and U+FFFF) are left
        # out as every writer leaves them (`text.as_text`); tab and newline stay. A text starting as a formula would is
        # kept as text by the cell it is written to (`xlsx_text`). A text longer than a cell holds ends in a visible
        # mark saying how much is left out (Excel cut it at 32,767 unsaid).
        return fitted(as_text(value), words) if isinstance(value, str) else value

    def styled(value: str) -> object:
        # A comment's or reply's bold and italic as the cell's own, not as `**` (`rich_text`).
        return rich_text(value) or cell(value)

    words = report_words(report, profile)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "".join(c for c in words["report_type"] if c not in "[]:*?/\\")[:31] or "Report"
    heads, widths = list(columns(words)), list(_WIDTHS)
    people = _named_people(report)
    if people:  # the person beside the body, the words selected before the comment
        heads[3:3], widths[3:3] = [words["report_person_column"], words["report_selection_column"]], [20, 30]
    if report.late:  # the comments recorded after the round closed, marked `x`, as in the CSV
        heads.append(words["report_late_column"])
        widths.append(12)
    if _edited(report):  # when each comment its member reworded was last edited, as in the CSV
        heads.append(words["report_edited_column"])
        widths.append(16)
    heads.append(words["report_now_column"])  # where the provision is now: last, as in the CSV
    widths.append(18)
    last = get_column_letter(len(heads))
    wrapped = Alignment(wrap_text=True, vertical="top")
    across = sum(widths)
    lead = [(words["report_type"], True), (report_title(report, words), True),
            *((line, False) for line in report.preface(words))]
    for number, (text, bold) in enumerate(lead, start=1):
        xlsx_text(sheet.cell(number, 1, cell(text))).font = Font(bold=bold)
        sheet.cell(number, 1).alignment = Alignment(wrap_text=True, vertical="top",
                                                    horizontal="center" if bold else None)
        sheet.merge_cells(f"A{number}:{last}{number}")
        # A merged cell does not grow with its text: give the row the lines the text takes.
        sheet.row_dimensions[number].height = 15 * (1 + len(text) // across)
    top = len(lead) + 2
    line = Side(style="thin")
    box = Border(left=line, right=line, top=line, bottom=line)
    for column, (heading, width) in enumerate(zip(heads, widths, strict=True), start=1):
        head = xlsx_text(sheet.cell(top, column, cell(heading)))
        head.font, head.alignment, head.border = Font(bold=True), Alignment(wrap_text=True, vertical="center",
                                                                            horizontal="center"), box
        sheet.column_dimensions[get_column_letter(column)].width = width
    at = top
    for group in report.groups:
        for row in group.rows:
            comment = row.text + (f"\n{words['report_proposal']} {row.proposal}" if row.proposal else "")
            answer = (row.disposition or words["disposition_none"]) + (f"\n{row.reply}" if row.reply else "")
            at += 1
            values: list[object] = [row.number, group.provision, row.by, comment, answer]
            if people:
                values[3:3] = [row.author, row.selection]
            answered = len(values)  # the answer: a reply's bold and italic read (`rich_text`)
            if report.late:
                values.append(late_flag(row.late))
            if _edited(report):
                values.append(edited_cell(row.edited))
            values.append(group.now_provision or group.provision)
            for column, value in enumerate(values, start=1):
                # The comment and its proposal as typed, as in the other reports: a member's wording is typed in a
                # plain box, and `2*3*4` read as Markdown printed `234` (r30 sweep AP 1).
                shown = styled(value) if isinstance(value, str) and column == answered else cell(value)
                written = xlsx_text(sheet.cell(at, column, shown))
                written.alignment, written.border = wrapped, box
    table_end = at
    for number, text in enumerate(report.closing_votes(words)):  # the conference's votes, below the table
        at += 2 if number == 0 else 1
        xlsx_text(sheet.cell(at, 1, cell(text))).font = Font(bold=number == 0)
        sheet.cell(at, 1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(f"A{at}:{last}{at}")
        sheet.row_dimensions[at].height = 15 * (1 + len(text) // across)
    sheet.freeze_panes = f"A{top + 1}"
    sheet.auto_filter.ref = f"A{top}:{last}{table_end}"
    sheet.print_title_rows = f"{top}:{top}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    made = io.BytesIO()
    book.save(made)
    write_atomic(output, dated_package(made.getvalue(), today or dt.date.today()))


def html_text(report: Report, workspace_root: Path | None, profile: Profile, today: dt.date,
              page: PageTemplate | None = None) -> str:
    """The report as a standalone HTML page (landscape A4 when printed), or in a face's `page`."""
    from regdraft.render.html import environment
    from regdraft.render.proposal_tables import proposal_html

    env = environment(workspace_root, page)
    template = env.get_template(page.name if page else "comment_report.html.j2")
    words = report_words(report, profile)
    signer, recipients = closing(report, words)
    # The comments' text and the provisions they quote, as the report prints them.
    return template.render(size=lambda: sum(len(repr(row)) for group in report.groups for row in group.rows),
                           report=report, header=header(report, profile, today), profile=profile,
                           words=words, columns=columns(words), preface=report.preface(words), lang=report.language,
                           orientation="landscape", signer=signer, recipients=recipients, signing_space=True,
                           whole=whole_row, edited_note=edited_note, proposal_html=proposal_html)


def whole_row(row: ReportRow) -> bool:
    """Whether a row of the printed report is kept on one page: each of its cells short (`SHORT_ROW` characters, as
    the comparison table's), so none could break anyway. A longer row runs on where the page ends: kept whole, the
    first one (a general comment quoting a long selection) left page 1 two-thirds blank under the preface."""
    from regdraft.render.redline_helpers import SHORT_ROW

    cells = (f"{row.by}{row.author}", f"{row.selection}{row.text}{row.proposal}", f"{row.disposition}{row.reply}")
    return all(len(cell) <= SHORT_ROW for cell in cells)


def write_docx(report: Report, output: Path, profile: Profile, today: dt.date) -> None:
    """The report as a landscape Word document that opens and edits in Word and LibreOffice."""
    from regdraft.render import docx as word
    from regdraft.render.docx_header import page_numbers, party_header
    from regdraft.render.proposal_tables import docx_proposal

    words = report_words(report, profile)
    document = word.new_document(profile, report.language, landscape=True)
    head = header(report, profile, today)
    # Named as the PDF is (its <title>): Word and a screen reader announce the document by it, not as untitled.
    document.core_properties.title = as_text(head.running)[:255]  # python-docx's limit
    party_header(document, head, profile)
    page_numbers(document, profile, head.page, head.language)
    word.paragraph(document, words["report_type"], bold=True, align="center", size=profile.type_pt, space_after=0)
    word.paragraph(document, report_title(report, words), bold=True, align="center")
    for line in report.preface(words):
        word.paragraph(document, line)
    width = word.text_width_mm(document)
    widths = [width * share for share in _SHARES]
    small = max(profile.body_pt - 2, 10)
    table = word.grid_table(document, columns(words), widths, size=small)
    for group in report.groups:
        first = None
        column = []
        for row in group.rows:
            answer: list[tuple[str, dict[str, Any]]] = [(row.disposition or words["disposition_none"], {"bold": True})]
            by: list[tuple[str, dict[str, Any]]] = [(row.by, {})]
            if row.author:
                by.append((words["report_person"].format(person=row.author), {}))
            if row.late:  # recorded after the round closed: listed, its body not counted as having replied
                by.append((words["report_late"], {"italic": True}))
            provision: list[tuple[str, dict[str, Any]]] = [(group.provision if first is None else "", {})]
            if first is None and group.now:
                provision.append((group.now, {"italic": True}))
            cells = word.add_row(table, [str(row.number), provision, by, "", answer], widths, size=small)
            # The comment's words as typed (`html.typed_lines`): `(*)` and `2*3*4` are no emphasis.
            if row.selection:
                word.add_run(cells[3].paragraphs[0], words["report_selection"].format(selection=row.selection),
                             italic=True, size=small)
                word.add_run(word.paragraph(cells[3], space_after=0), row.text, size=small)
            else:
                word.add_run(cells[3].paragraphs[0], row.text, size=small)
            if row.edited:  # reworded by its member after it was sent: when, after its words
                word.paragraph(cells[3], edited_note(row.edited, words), italic=True, size=small, space_after=0)
            lead = f"{words['report_proposal']} "
            if row.proposal and docx_proposal(cells[3], lead, row.marked, row.proposal, size=small):
                pass  # a form's rows as a table
            elif row.marked:
                word.marked_paragraph(cells[3], f"{words['report_proposal']} ", row.marked, size=small)
            elif row.proposal:
                para = word.paragraph(cells[3], f"{words['report_proposal']} ", italic=True, size=small,
                                      space_after=0)
                word.add_run(para, row.proposal, italic=True, size=small)  # as typed, as the marked proposal
            if row.reply:
                _inline(word.paragraph(cells[4], space_after=0), row.reply, small)
            first = first or cells[1]
            column.append(cells[1])
        word.merge_down(column)
    votes = report.closing_votes(words)  # the conference's votes on the draft, after the table (`report_votes`)
    for number, line in enumerate(votes):
        word.paragraph(document, line, bold=number == 0, space_after=0 if number == 0 else None)
    from regdraft.render.consolidated_docx import _signature

    signer, recipients = closing(report, words)
    _signature(document, signer, recipients, profile, report.language, signing_space=True)
    word.save(document, output, today)


def _inline(para: Any, text: str, size: float, *, italic: bool = False) -> None:
    """Add a comment's or reply's inline Markdown to `para` as runs, as the HTML report's `inline` filter shows it.

    Bold and italic become the runs' own; an escape (`\\*`) is the character itself.
    """
    from docx.shared import Pt

    from regdraft.render.consolidated_docx import _runs

    start = len(para.runs)
    _runs(para, text, italic=italic)
    for run in para.runs[start:]:
        run.font.size = Pt(size)
