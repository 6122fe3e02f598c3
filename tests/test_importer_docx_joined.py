"""Open tracked changes to a paragraph's mark in a received Word file, read as accepted: a paragraph whose mark alone
was deleted (two paragraphs joined with Track Changes on) runs on into the next one, which gives it its style and
number (ECMA-376 Part 1, 17.13.5.15 `del` (Deleted Paragraph)); an inserted mark splits a paragraph. Word joins no
paragraph across the end of a table cell, a table or the body.

Every .docx is built here with python-docx; `regdraft import` and `regdraft amend import` read them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.importer.docx import read_docx
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_importer_docx_received import (
    _DATE,
    FIXTURE,
    _abstract,
    _bytes,
    _delete_whole,
    _num,
    _numbered,
)

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

HEADER = ("QUỐC HỘI", "Luật số: 1/2020/QH14", "Hà Nội, ngày 1 tháng 2 năm 2020", "LUẬT", "THỬ")


def _mark(paragraph: object, change: str = "del") -> object:
    """Track a change to the paragraph's own mark, as Word writes it in w:pPr/w:rPr: `del` when the user joined it
    to the next paragraph, `ins` when a paragraph was split there."""
    paragraph._p.get_or_add_pPr().append(parse_xml(  # type: ignore[attr-defined]
        f'<w:rPr {nsdecls("w")}><w:{change} w:id="7" {_DATE}/></w:rPr>'))
    return paragraph


def _import(invoke: Invoke, tmp_path: Path, document: object) -> tuple[str, str]:
    """`regdraft import` of the document into a new workspace: the Markdown body written and the command's output."""
    root = tmp_path / "ws"
    assert invoke(None, "init", str(root)).exit_code == 0
    source = tmp_path / "luat-1.docx"
    document.save(source)  # type: ignore[attr-defined]
    result = invoke(root, "import", str(source), catch=False)
    assert result.exit_code == 0, result.output
    text = (root / "regulations" / "1-2020-QH14.md").read_text(encoding="utf-8")
    return text.split("---\n", 2)[2], result.output


def _law(*paragraphs: str) -> object:
    document = docx.Document()
    for line in (*HEADER, *paragraphs):
        document.add_paragraph(line)
    return document


def test_two_paragraphs_joined_in_word_are_one_paragraph(invoke: Invoke, tmp_path: Path) -> None:
    # Accepting the change in Word gives one paragraph; regdraft gave two, the second one an unnumbered paragraph.
    document = _law("Điều 1. Phạm vi điều chỉnh")
    _mark(document.add_paragraph("Luật này quy định về chế độ làm việc, "))  # type: ignore[attr-defined]
    document.add_paragraph("quan hệ công tác của Ban Thường vụ.")  # type: ignore[attr-defined]
    body, output = _import(invoke, tmp_path, document)
    assert body == ("\n# Điều 1. Phạm vi điều chỉnh\n\n"
                    "Luật này quy định về chế độ làm việc, quan hệ công tác của Ban Thường vụ.\n")
    assert ("Tracked changes in 1 paragraph (deleted text) were not accepted or rejected in Word: read as accepted "
            "(inserted text kept, deleted "
            "text and paragraphs left out, and paragraph 7 joined to the next one, its paragraph mark deleted), in "
            "paragraph 7.") in " ".join(output.split())


def test_a_numbered_clause_joined_into_the_one_before_leaves_one_number_fewer(invoke: Invoke, tmp_path: Path) -> None:
    # Clause 2's mark deleted: clauses 2 and 3 are one clause, Word numbers the rest 1-3, not 1-4.
    document = _law("Điều 2. Nguyên tắc")
    _abstract(document, 80)
    num = _num(document, 801, 80, start_override=1)
    _numbered(document, "Bảo đảm sự lãnh đạo thống nhất.", num)
    _mark(_numbered(document, "Tập trung dân chủ, ", num))
    _numbered(document, "tập thể lãnh đạo, cá nhân phụ trách.", num)
    _numbered(document, "Công khai, minh bạch.", num)
    body, _ = _import(invoke, tmp_path, document)
    assert body == ("\n# Điều 2. Nguyên tắc\n\n1\\. Bảo đảm sự lãnh đạo thống nhất.\n\n"
                    "2\\. Tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.\n\n3\\. Công khai, minh bạch.\n")


def test_a_chain_of_deleted_marks_joins_three_paragraphs(invoke: Invoke, tmp_path: Path) -> None:
    # A sentence a PDF conversion broke into three lines, joined back in Word with Track Changes on.
    document = _law("Điều 3. Hiệu lực thi hành")
    _mark(document.add_paragraph("Luật này có hiệu lực "))  # type: ignore[attr-defined]
    _mark(document.add_paragraph("thi hành từ ngày 01 tháng 7 "))  # type: ignore[attr-defined]
    document.add_paragraph("năm 2020.")  # type: ignore[attr-defined]
    body, output = _import(invoke, tmp_path, document)
    assert body == "\n# Điều 3. Hiệu lực thi hành\n\nLuật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2020.\n"
    assert "and paragraphs 7, 8 joined to the next one, their paragraph mark deleted" in " ".join(output.split())


def test_a_paragraph_deleted_whole_is_still_left_out_unnumbered(invoke: Invoke, tmp_path: Path) -> None:
    # Its runs and its mark deleted: no paragraph, no number, nothing joined to the clause after it.
    document = _law("Điều 6. Các hành vi bị nghiêm cấm")
    _abstract(document, 80)
    num = _num(document, 801, 80, start_override=1)
    _numbered(document, "Nghiêm cấm cán bộ, công chức.", num)
    _delete_whole(_numbered(document, "Khoản bị xóa.", num))
    _numbered(document, "Nghiêm cấm cơ quan, tổ chức, cá nhân.", num)
    body, output = _import(invoke, tmp_path, document)
    assert body == ("\n# Điều 6. Các hành vi bị nghiêm cấm\n\n1\\. Nghiêm cấm cán bộ, công chức.\n\n"
                    "2\\. Nghiêm cấm cơ quan, tổ chức, cá nhân.\n")
    assert "joined" not in output


def test_an_inserted_mark_splits_the_paragraph_as_accepting_it_does(invoke: Invoke, tmp_path: Path) -> None:
    document = _law("Điều 4. Giải thích từ ngữ")
    _mark(document.add_paragraph("1. Văn bản là văn bản quy phạm."), "ins")  # type: ignore[attr-defined]
    document.add_paragraph("2. Dự thảo là bản chưa ký.")  # type: ignore[attr-defined]
    body, output = _import(invoke, tmp_path, document)
    assert body == ("\n# Điều 4. Giải thích từ ngữ\n\n1\\. Văn bản là văn bản quy phạm.\n\n"
                    "2\\. Dự thảo là bản chưa ký.\n")
    assert "Tracked changes in 1 paragraph (inserted text) were not accepted" in output and "joined" not in output


def test_the_merged_paragraph_takes_the_style_and_number_of_the_mark_that_remains() -> None:
    # The remaining (second) mark holds the paragraph's properties: a numbered paragraph joined into an unnumbered
    # one is numbered, an unnumbered one joined into the list's next item is not, and the list counts on from there.
    document = docx.Document()
    _abstract(document, 80)
    num = _num(document, 801, 80, start_override=1)
    _mark(document.add_paragraph("Mở đầu, "))
    _numbered(document, "khoản một.", num)
    _mark(_numbered(document, "Khoản hai, ", num))
    document.add_paragraph("đoạn không đánh số.")
    _numbered(document, "Khoản ba.", num)
    _mark(document.add_paragraph("Cuối văn bản."))  # the body's last mark: nothing after it to join
    paragraphs, _, _ = read_docx(_bytes(document), "received.docx")
    assert [p.text for p in paragraphs] == ["1. Mở đầu, khoản một.", "Khoản hai, đoạn không đánh số.", "2. Khoản ba.",
                                            "Cuối văn bản."]
    assert [p.where for p in paragraphs] == [1, 3, 5, 6]


AMENDING = ("QUỐC HỘI", "Luật số: 99/2026/QH15", "Hà Nội, ngày 10 tháng 3 năm 2026", "LUẬT",
            "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY CHẾ THỬ NGHIỆM SỬA ĐỔI")


def test_amend_import_joins_within_a_cell_and_never_across_a_cell_or_a_table(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    assert invoke(None, "init", str(root)).exit_code == 0
    Workspace(root).commit({"regulations/02-QC-TU.md": FIXTURE.read_bytes()}, "Add the regulation")
    document = docx.Document()
    for line in AMENDING:
        document.add_paragraph(line)
    document.add_paragraph("Điều 1. Sửa đổi, bổ sung một số điều của Quy chế thử nghiệm sửa đổi")
    _mark(document.add_paragraph("1. Sửa đổi, bổ sung khoản 3 "))
    document.add_paragraph("Điều 2 như sau:")
    # The paragraph before the table keeps its deleted mark: Word joins no paragraph into a table.
    _mark(document.add_paragraph("“3. Ban Thường vụ Tỉnh ủy báo cáo Ban Chấp hành theo lịch sau:"))
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Quý"
    _mark(table.cell(0, 0).paragraphs[0])  # a cell's last mark: nothing joined from the next cell
    table.cell(0, 1).text = "Nội dung"
    table.cell(1, 0).text = "I"
    cell = table.cell(1, 1)
    _mark(cell.paragraphs[0])
    cell.paragraphs[0].add_run("Sơ kết ")
    cell.add_paragraph("sáu tháng")
    document.add_paragraph("Báo cáo gửi các đồng chí Tỉnh ủy viên.”")
    document.add_paragraph("Điều 2. Hiệu lực thi hành")
    document.add_paragraph("Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.")
    source = tmp_path / "luat-99.docx"
    document.save(source)
    result = invoke(root, "amend", "import", str(source), "--slug", "luat-99", catch=False)
    assert result.exit_code == 0, result.output
    text = (root / "amendments" / "luat-99" / "amendment.md").read_text(encoding="utf-8")
    assert ("1\\. Sửa đổi, bổ sung khoản 3 Điều 2 như sau:\n\n"
            "“3. Ban Thường vụ Tỉnh ủy báo cáo Ban Chấp hành theo lịch sau:\n\n"
            "| Quý | Nội dung |\n| --- | --- |\n| I | Sơ kết sáu tháng |\n\n"
            "Báo cáo gửi các đồng chí Tỉnh ủy viên.”") in text
    check = invoke(root, "amend", "check", "luat-99")
    assert check.exit_code == 0, check.output
