"""The comment report in each format, read back from the file written."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.comment_report import Report, ReportGroup, ReportRow
from regdraft.core.comments import Round, RoundStatus
from regdraft.core.errors import UsageError
from regdraft.render.profile import default_profile
from regdraft.render.report import csv_text, write_report
from regdraft.workspace.store import Workspace
from tests import pdf_text
from tests.conftest import CORPUS, needs_corpus
from tests.test_render_pdf import pdf_fonts

META = {"title": "Quy chế sửa đổi, bổ sung Quy chế làm việc", "issuer": "TỈNH ỦY ĐIỆN BIÊN",
        "national": "ĐẢNG CỘNG SẢN VIỆT NAM", "place": "Điện Biên", "language": "vi"}
TODAY = dt.date(2025, 7, 20)
VI = default_profile().words("vi")


@pytest.fixture
def report() -> Report:
    r = Round(1, "Lấy ý kiến các ban, sở, ngành", "2025-07-15",
              ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"), "f" * 40, 2,
              RoundStatus.CLOSED)
    groups = (
        ReportGroup("general", "Góp ý chung", (
            ReportRow(1, "Ban Tuyên giáo Tỉnh ủy", "Cơ bản nhất trí với dự thảo.", "", "Ghi nhận", ""),)),
        ReportGroup("d2.k1", "Khoản 1 Điều 2", (
            ReportRow(2, "Ban Tổ chức Tỉnh ủy", "Đề nghị bổ sung cụm từ “toàn diện”.",
                      "tập trung, thống nhất, toàn diện",
                      "Tiếp thu", "Đã chỉnh sửa tại khoản 1 Điều 2."),
            ReportRow(3, "Ban Tuyên giáo Tỉnh ủy", "Đề nghị giữ nguyên.", "", "Không tiếp thu",
                      "Giữ như dự thảo vì phù hợp Quy định 24-QĐ/TW."))),
        ReportGroup("d3", "Điều 3", (ReportRow(4, "Ban Tổ chức Tỉnh ủy", "Sửa lỗi chính tả.", "", "", ""),)),
    )
    return Report("qc-sua-doi", META, r, ("Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
                  ("Ủy ban Kiểm tra Tỉnh ủy",), groups)


def test_preface_counts_bodies(report: Report) -> None:
    preface = " ".join(report.preface(VI))
    assert "Dự thảo lần 2" in preface
    assert "đã gửi xin ý kiến 3 cơ quan, đơn vị" in preface
    assert "ý kiến góp ý của 2 cơ quan, đơn vị; 1 cơ quan, đơn vị không có văn bản góp ý" in preface
    assert "Tổng số ý kiến góp ý: 4." in preface


def test_csv_rows_in_order(report: Report, mini_workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    write_report(report, out, workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 CSV correctly only with a BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["STT", "Điều, khoản", "Địa chỉ", "Chủ thể góp ý"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4"]
    assert rows[2][1:] == ["Khoản 1 Điều 2", "d2.k1", "Ban Tổ chức Tỉnh ủy", "Đề nghị bổ sung cụm từ “toàn diện”.",
                           "tập trung, thống nhất, toàn diện", "Tiếp thu", "Đã chỉnh sửa tại khoản 1 Điều 2.",
                           "Khoản 1 Điều 2"]  # last, where the provision is now (here where it was)
    assert csv_text(report) == data.decode("utf-8-sig")


def test_docx_landscape_with_table(report: Report, mini_workspace: Workspace, tmp_path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT

    out = tmp_path / "r.docx"
    write_report(report, out, workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None  # the report sets its page size
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    assert section.left_margin is not None and section.right_margin is not None
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "Dự thảo lần 2" in text and "1 cơ quan, đơn vị không có văn bản góp ý" in text
    header = document.tables[0]
    assert "TỈNH ỦY ĐIỆN BIÊN" in header.cell(0, 0).text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header.cell(0, 1).text
    assert "Điện Biên, ngày 20 tháng 7 năm 2025" in header.cell(0, 1).text
    table = document.tables[1]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == ["STT", "Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý", "Nội dung tiếp thu, giải trình"]
    assert [row[0] for row in cells[1:]] == ["1", "2", "3", "4"]
    # The provision cell spans its group's rows (merged), and reads once per row in python-docx.
    assert cells[2][1] == cells[3][1] == "Khoản 1 Điều 2"
    assert "Đề xuất: tập trung, thống nhất, toàn diện" in cells[2][3]
    assert cells[3][4].startswith("Không tiếp thu") and "Quy định 24-QĐ/TW" in cells[3][4]
    assert cells[4][4] == "Chưa xử lý"
    fonts = {r.font.name for p in document.paragraphs for r in p.runs} | {document.styles["Normal"].font.name}
    assert fonts <= {None, "Times New Roman"}


def test_html_escapes_and_groups(report: Report, mini_workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    bad = Report(report.slug, report.meta, report.round, report.replied, report.agreeing,
                 (ReportGroup("d1", "Điều 1",
                              (ReportRow(1, "<b>Ban</b>", "[x](http://e.vn) <img src=x>", "", "", ""),)),))
    write_report(bad, out, workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    page = out.read_text(encoding="utf-8")
    # A comment's words as typed (no Markdown read in them): the link's words, no link.
    assert "&lt;b&gt;Ban&lt;/b&gt;" in page and "[x](http://e.vn) &lt;img src=x&gt;" in page
    assert 'href="http://e.vn' not in page and "<img" not in page
    write_report(report, out, workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    page = out.read_text(encoding="utf-8")
    assert 'class="landscape"' in page and "A4 landscape" in page


def test_pdf_text_and_landscape(report: Report, mini_workspace: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "r.pdf"
    write_report(report, out, workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    pdf = PdfReader(str(out))
    page = pdf.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = " ".join(" ".join(p.split()) for p in pdf_text.pages(out))
    for expected in ("BÁO CÁO", "ĐẢNG CỘNG SẢN VIỆT NAM", "Nội dung tiếp thu, giải trình", "Khoản 1 Điều 2",
                     "Ban Tổ chức Tỉnh ủy", "Không tiếp thu", "Đã chỉnh sửa tại khoản 1 Điều 2.",
                     "1 cơ quan, đơn vị không có văn bản góp ý"):
        assert expected in text, expected
    fonts = pdf_fonts(out)
    assert any("Tinos" in f or "LiberationSerif" in f for f in fonts), fonts


def test_pdf_names_the_provision_again_on_each_page_its_comments_run_onto(
        report: Report, mini_workspace: Workspace, tmp_path: Path) -> None:
    """A cell spanning a provision's rows is not carried onto the next page: the rows there had no provision."""
    text = ("Đề nghị cân nhắc lại quy định về đối thoại với thanh niên, vì việc tổ chức hai lần mỗi năm có thể gây "
            "tốn kém về nguồn lực và thời gian của cơ quan, tổ chức; đề nghị giữ như Luật hiện hành.")
    rows = tuple(ReportRow(n, "Bộ Nội vụ", f"Ý kiến số {n}: {text}", "", "", "") for n in range(1, 25))
    last = ReportRow(25, "Bộ Tư pháp", "Sửa lỗi chính tả.", "", "", "")
    many = replace(report, groups=(ReportGroup("d10", "Điều 10", rows),
                                   ReportGroup("d12.k3", "Khoản 3 Điều 12", (last,))))
    out = tmp_path / "bao-cao.pdf"
    write_report(many, out, workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    pages = [" ".join(page.split()) for page in pdf_text.pages(out)]
    assert len(pages) >= 3
    assert pages[0].count("Điều 10") == 1 and "(tiếp)" not in pages[0]
    for page in pages[1:]:
        if "Ý kiến số" in page:  # each page its rows run onto names the provision once, above them
            assert page.count("Điều 10 (tiếp)") == 1 and page.index("Điều 10 (tiếp)") < page.index("Ý kiến số"), page
    assert pages[-1].count("Khoản 3 Điều 12") == 1 and "(tiếp) Bộ Tư pháp" not in pages[-1]


def test_unknown_suffix_writes_nothing(report: Report, mini_workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"written as pdf, docx, csv, html"):
        write_report(report, tmp_path / "r.odt", workspace_root=mini_workspace.root, config=mini_workspace.config,
                     today=TODAY)
    assert not (tmp_path / "r.odt").exists()


def test_shipped_amendment_report_pdf(tmp_workspace: Workspace, tmp_path: Path) -> None:
    from regdraft.workspace import rounds
    from tests.conftest import SHIPPED_AMENDMENT as slug

    r = rounds.open_round(tmp_workspace, slug, "Lấy ý kiến các ban, sở, ngành", "2025-07-15",
                          ["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy", "Sở Nội vụ"])
    later = rounds.add_comment(tmp_workspace, slug, "Sở Nội vụ", "Điều 20a", "Đề nghị quy định rõ văn bản mật.")
    first = rounds.add_comment(tmp_workspace, slug, "Ban Tổ chức Tỉnh ủy", "khoản 2 Điều 5",
                               "Đề nghị giữ định kỳ 6 tháng.")
    rounds.respond_comment(tmp_workspace, first.id, "noted", "Ghi nhận, giữ như dự thảo.")
    report = rounds.build_report(tmp_workspace, slug)
    assert [g.on for g in report.groups] == ["d5.k2", "d20a"]  # document order, not entry order
    assert later.anchor.startswith("Làm việc trên môi trường điện tử")
    out = tmp_path / "bao-cao.pdf"
    write_report(report, out, workspace_root=tmp_workspace.root, config=tmp_workspace.config, today=TODAY)
    text = " ".join(" ".join(p.split()) for p in pdf_text.pages(out))
    for expected in (f"Dự thảo lần {r.draft}", "đã gửi xin ý kiến 4 cơ quan, đơn vị", "Khoản 2 Điều 5", "Điều 20a",
                     "Ghi nhận", "Ghi nhận, giữ như dự thảo.", "2 cơ quan, đơn vị không có văn bản góp ý",
                     # The table's `Điều 20a` is the regulation's, as the draft amends it.
                     f"Điều, khoản nêu trong bảng là điều, khoản của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh "
                     f"khóa XIV, nhiệm kỳ 2020 - 2025 số 01-QC/TU theo Dự thảo lần {r.draft}."):
        assert expected in text, expected


def test_a_report_on_general_comments_alone_names_no_text(report: Report) -> None:
    general = replace(report, groups=report.groups[:1], amended="Luật Đấu thầu số 22/2023/QH15")
    assert not any("Điều, khoản nêu trong bảng" in line for line in general.preface(VI))
    named = replace(report, amended="Luật Đấu thầu số 22/2023/QH15")
    assert named.preface(VI)[-1] == ("Điều, khoản nêu trong bảng là điều, khoản của Luật Đấu thầu số 22/2023/QH15 "
                                     "theo Dự thảo lần 2.")


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+SUM(1,2)", "@SUM(1)",
                                  "-2+3", "\tfoo", "\rbar", "\x00=1+2", "\x1b\x00@SUM(1)", "\x7f+1"])
def test_csv_cells_that_would_run_as_formulas_are_neutralised(report: Report, text: str) -> None:
    group = report.groups[0]
    row = replace(group.rows[0], by=text, text=text, reply=text)
    bad = replace(report, groups=(replace(group, rows=(row,)),))
    rows = list(csv.reader(io.StringIO(csv_text(bad)), strict=True))
    assert rows[1][3] == rows[1][4] == rows[1][7] == "'" + text
    assert rows[1][0] == "1"


def _sheet(report: Report, tmp_path: Path) -> Any:
    """The report written as .xlsx and read back: its one sheet."""
    import openpyxl

    out = tmp_path / "bao-cao.xlsx"
    write_report(report, out, today=TODAY)
    return openpyxl.load_workbook(out).active


def test_xlsx_holds_the_preface_above_the_reports_table(report: Report, tmp_path: Path) -> None:
    sheet = _sheet(report, tmp_path)
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    top = values.index(["STT", "Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý", "Nội dung tiếp thu, giải trình",
                        "Điều, khoản hiện nay"])
    above = [row[0] for row in values[:top] if row[0]]
    assert above[0] == "BÁO CÁO" and above[1].startswith("Tổng hợp, tiếp thu, giải trình ý kiến góp ý")
    assert above[2:] == report.preface(VI)
    assert values[top + 1:] == [
        [1, "Góp ý chung", "Ban Tuyên giáo Tỉnh ủy", "Cơ bản nhất trí với dự thảo.", "Ghi nhận", "Góp ý chung"],
        [2, "Khoản 1 Điều 2", "Ban Tổ chức Tỉnh ủy",
         "Đề nghị bổ sung cụm từ “toàn diện”.\nĐề xuất: tập trung, thống nhất, toàn diện",
         "Tiếp thu\nĐã chỉnh sửa tại khoản 1 Điều 2.", "Khoản 1 Điều 2"],
        [3, "Khoản 1 Điều 2", "Ban Tuyên giáo Tỉnh ủy", "Đề nghị giữ nguyên.",
         "Không tiếp thu\nGiữ như dự thảo vì phù hợp Quy định 24-QĐ/TW.", "Khoản 1 Điều 2"],
        [4, "Điều 3", "Ban Tổ chức Tỉnh ủy", "Sửa lỗi chính tả.", "Chưa xử lý", "Điều 3"],
    ]
    header = top + 1  # openpyxl counts rows from 1
    assert sheet.freeze_panes == f"A{header + 1}" and sheet.auto_filter.ref == f"A{header}:F{header + 4}"
    assert all(sheet.cell(r, c).alignment.wrap_text for r in range(header, header + 5) for c in range(1, 6))
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDE"]
    assert widths[0] < widths[1] < widths[3] and widths[4] > widths[2]
    assert sheet.page_setup.orientation == "landscape"


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+SUM(1,2)", "@SUM(1)",
                                  "-2+3", "\tfoo", "\rbar"])
def test_xlsx_cells_that_would_run_as_formulas_are_neutralised(report: Report, text: str, tmp_path: Path) -> None:
    """The CSV's rule (docs/security.md): no cell is a formula. In a workbook one that would be is a string cell with
    Excel's quote prefix (as typing `'` before it makes), its text as written: afd7027 wrote the `'` into the text,
    so every comment starting `- Đề nghị …` read `'- Đề nghị …` in Excel (r29 sweep AJ N1)."""
    group = report.groups[0]
    row = replace(group.rows[0], by=text, text=text, reply=text)
    sheet = _sheet(replace(report, groups=(replace(group, rows=(row,)),)), tmp_path)
    cells = [cell for line in sheet.iter_rows() for cell in line if cell.value is not None]
    assert not any(cell.data_type == "f" for cell in cells)
    last = [cell for cell in cells if cell.row == cells[-1].row]
    assert [cell.value for cell in last] == [1, "Góp ý chung", text, text, "Ghi nhận\n" + text, "Góp ý chung"]
    assert [cell.quotePrefix for cell in last[2:4]] == [True, True] and not last[1].quotePrefix


def test_ordinary_text_is_not_prefixed(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(csv_text(report))))
    assert not any(cell.startswith("'") for row in rows for cell in row)


def test_a_wording_from_the_browser_is_marked_by_its_words_not_its_labels() -> None:
    # The browser's editor starts from the provision with its labels (`b) Gói thầu …`); the report marked
    # every label as the reviewer's insertion (`Đề xuất: <ins>b) </ins>Gói thầu …`).
    from regdraft.core.comment_report import marked
    from regdraft.core.comments import Comment, CommentType

    def shown(on: str, anchor: str, proposal: str) -> list[tuple[str, str]]:
        c = Comment("c1", 1, "Bộ Tư pháp", on, CommentType.EDITORIAL, "Sửa.", proposal, anchor)
        return [(s.op.value, s.text) for s in marked(c) if s.op.value != "equal"]

    point = "Gói thầu cung cấp dịch vụ tư vấn, rà phá bom mìn, vật nổ;"
    assert shown("d42.k2.b", point, "b) " + point.replace("bom mìn", "bom, mìn")) == [("insert", ",")]
    clause = "Ban Chấp hành họp:\nThường lệ ba tháng một lần;\nBất thường khi cần thiết."
    editor = "1. Ban Chấp hành họp:\na) Thường lệ hai tháng một lần;\nb) Bất thường khi cần thiết."
    assert shown("d12.k1", clause, editor) == [("delete", "ba"), ("insert", "hai")]
    # A proposal that is not a wording of the provision is compared as written.
    assert shown("d12.k1", clause, "2. " + clause) != []


@needs_corpus
def test_a_proposal_moving_tone_marks_quotes_each_text_as_written(report: Report, mini_workspace: Workspace,
                                                                    tmp_path: Path) -> None:
    """A proposal writing `thỏa thuận` for the text's `thoả thuận` (Luật Công đoàn, khoản 2 Điều 26) showed the
    new spelling as the circulated text: the comparison found them equal. Each reading quotes its own text,
    as the comparison table does."""
    from regdraft.core.comment_report import marked
    from regdraft.core.comments import Comment, CommentType

    text = (CORPUS / "luat-cong-doan.txt").read_text(encoding="utf-8")
    clause = next(line for line in text.splitlines()
                  if line.startswith("2. Cán bộ công đoàn không chuyên trách được sử dụng"))
    anchor = clause.removeprefix("2. ")
    assert "thoả thuận" in anchor and "Tuỳ theo" in anchor
    proposal = anchor.replace("24 giờ", "32 giờ").replace("thoả thuận", "thỏa thuận").replace("Tuỳ", "Tùy")
    comment = Comment("c1", 1, "Ban Tổ chức Tỉnh ủy", "d26.k2", CommentType.EDITORIAL, "Sửa.", "2. " + proposal,
                      anchor)
    segments = marked(comment)
    assert "".join(s.text for s in segments if s.op.value != "insert") == anchor
    assert "".join(s.text for s in segments if s.op.value != "delete") == proposal
    changed = [(s.op.value, s.text) for s in segments if s.op.value != "equal"]
    assert changed == [("delete", "24"), ("insert", "32"), ("delete", "Tuỳ"), ("insert", "Tùy"),
                       ("delete", "thoả"), ("insert", "thỏa")]
    row = ReportRow(1, comment.by, comment.text, comment.proposal, "", "", segments)
    out = tmp_path / "r.html"
    write_report(replace(report, groups=(ReportGroup("d26.k2", "Khoản 2 Điều 26", (row,)),)), out,
                 workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    page = out.read_text(encoding="utf-8")
    assert "<del>thoả</del><ins>thỏa</ins> thuận" in page and "<del>Tuỳ</del><ins>Tùy</ins> theo" in page


def test_a_cell_neutralised_after_control_characters_imports_as_written() -> None:
    """The CSV report's `'` before `\\0=1+2` (r32 sweep AW F9) is taken off by `comment import`, as before `=1+2`."""
    from regdraft.importer.comment_sheet import _unneutralised

    assert [_unneutralised(v) for v in ("'\x00=1+2", "'=1+2", "'\x00x", "'x")] == ["\x00=1+2", "=1+2", "'\x00x", "'x"]
