"""Word files as a clerk receives them (sweep r25 F): tables in an amending document, numbering lists shared by
several `w:num`, open tracked changes, hidden text, decomposed Unicode, footnotes and comments.

Every .docx is built here with python-docx.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest

from regdraft.core.amend.document import load_amendment
from regdraft.importer.docx import read_docx
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

docx = pytest.importorskip("docx")
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "amend" / "vi.md"


def _bytes(document: object) -> bytes:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def _texts(document: object) -> list[str]:
    paragraphs, _, _ = read_docx(_bytes(document), "received.docx")
    return [p.text for p in paragraphs]


def _notes(document: object) -> list[str]:
    _, _, notes = read_docx(_bytes(document), "received.docx")
    return [f"{n.where}: [{n.category}] {n.message} «{n.text}»" for n in notes]


# --- Word numbering: one list per abstractNum ----------------------------------------------------


def _abstract(document: object, abstract_id: int, restart: int | None = None) -> None:
    """A list definition: level 0 `%1.`, level 1 `%2)`, level 2 `%3.` (with `lvlRestart` when given)."""
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    third = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{third if i == 2 else ""}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate([("decimal", "%1."), ("lowerLetter", "%2)"), ("decimal", "%3.")]))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>')
    first_num = numbering.find(abstract.tag.replace("abstractNum", "num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)


def _num(document: object, num_id: int, abstract_id: int, start_override: int | None = None) -> int:
    """A `w:num` (a list instance) on the abstractNum, restarting level 0 when `start_override` is given."""
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
                if start_override is not None else "")
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               f'{override}</w:num>'))
    return num_id


def _numbered(document: object, text: str, num_id: int, ilvl: int = 0) -> object:
    paragraph = document.add_paragraph(text)  # type: ignore[attr-defined]
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def test_a_second_num_on_the_same_list_goes_on_counting_as_word_shows_it() -> None:
    # The sweep's tn-split.docx: Điều 5's clauses 4-7 moved to a second w:num on the same abstractNum, no override
    # (Word writes one after a paste; LibreOffice one per paragraph when it saves a Word file again). Word and
    # LibreOffice show 1-5; regdraft read 1. 2. 3. 1. 2. and lost khoản 4 into khoản 3.
    document = docx.Document()
    _abstract(document, 50)
    first, second = _num(document, 501, 50), _num(document, 502, 50)
    document.add_paragraph("Điều 5. Nguyên tắc")
    for text in ("Một.", "Hai.", "Ba."):
        _numbered(document, text, first)
    for text in ("Bốn.", "Năm."):
        _numbered(document, text, second)
    assert _texts(document)[1:] == ["1. Một.", "2. Hai.", "3. Ba.", "4. Bốn.", "5. Năm."]


def test_a_num_with_a_start_override_restarts_the_list_at_its_first_paragraph() -> None:
    # python-docx and Word: one w:num per article with a startOverride. Each article's clauses start again at 1,
    # and a later w:num without an override goes on from where the list stands.
    document = docx.Document()
    _abstract(document, 60)
    document.add_paragraph("Điều 1. Một")
    one = _num(document, 601, 60, start_override=1)
    _numbered(document, "Khoản một.", one)
    _numbered(document, "Điểm a;", one, 1)
    _numbered(document, "Khoản hai.", one)
    document.add_paragraph("Điều 2. Hai")
    two = _num(document, 602, 60, start_override=1)
    _numbered(document, "Khoản một.", two)
    _numbered(document, "Điểm a;", two, 1)
    _numbered(document, "Điểm b.", two, 1)
    document.add_paragraph("Điều 3. Ba")
    _numbered(document, "Tiếp theo danh sách.", _num(document, 603, 60))
    document.add_paragraph("Điều 4. Bốn")
    _numbered(document, "Bắt đầu lại từ 5.", _num(document, 604, 60, start_override=5))
    assert _texts(document) == ["Điều 1. Một", "1. Khoản một.", "a) Điểm a;", "2. Khoản hai.",
                                "Điều 2. Hai", "1. Khoản một.", "a) Điểm a;", "b) Điểm b.",
                                "Điều 3. Ba", "2. Tiếp theo danh sách.", "Điều 4. Bốn", "5. Bắt đầu lại từ 5."]


def test_lvl_restart_keeps_a_level_running_past_the_level_above() -> None:
    # `w:lvlRestart w:val="1"` on level 2: only level 0 (the first, counted from 1) restarts it, not level 1.
    document = docx.Document()
    _abstract(document, 70, restart=1)
    num = _num(document, 701, 70)
    _numbered(document, "A.", num)
    _numbered(document, "B;", num, 1)
    _numbered(document, "C.", num, 2)
    _numbered(document, "D;", num, 1)
    _numbered(document, "E.", num, 2)
    _numbered(document, "F.", num)
    _numbered(document, "G.", num, 2)
    assert _texts(document) == ["1. A.", "a) B;", "1. C.", "b) D;", "2. E.", "2. F.", "1. G."]


# --- tracked changes, hidden text ---------------------------------------------------------------

_DATE = 'w:author="A" w:date="2024-01-01T00:00:00Z"'


def _delete_whole(paragraph: object) -> None:
    """Track the deletion of a paragraph: its runs and its paragraph mark in w:del."""
    p = paragraph._p  # type: ignore[attr-defined]
    for run in list(p.findall(parse_xml(f'<w:r {nsdecls("w")}/>').tag)):
        deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="92" {_DATE}/>')
        run.addprevious(deleted)
        deleted.append(run)
        for t in run.iter(parse_xml(f'<w:t {nsdecls("w")}/>').tag):
            t.tag = t.tag.replace("}t", "}delText")
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="93" {_DATE}/></w:rPr>')
    p.get_or_add_pPr().append(rpr)


def test_a_clause_deleted_with_track_changes_gets_no_number_and_the_open_changes_are_named() -> None:
    # nd63-feat.docx: khoản 2 Điều 6 deleted with Track Changes kept its number, empty, and khoản 3 stayed 3.
    document = docx.Document()
    _abstract(document, 80)
    num = _num(document, 801, 80, start_override=1)
    document.add_paragraph("Điều 6. Các hành vi bị nghiêm cấm")
    first = _numbered(document, "Nghiêm cấm cán bộ, công chức:", num)
    first._p.append(parse_xml(  # type: ignore[attr-defined]
        f'<w:ins {nsdecls("w")} w:id="91" {_DATE}><w:r><w:t xml:space="preserve"> (chèn thử)</w:t></w:r></w:ins>'))
    _delete_whole(_numbered(document, "Khoản bị xóa.", num))
    _numbered(document, "Nghiêm cấm cơ quan, tổ chức, cá nhân.", num)
    assert _texts(document) == ["Điều 6. Các hành vi bị nghiêm cấm", "1. Nghiêm cấm cán bộ, công chức: (chèn thử)",
                                "2. Nghiêm cấm cơ quan, tổ chức, cá nhân."]
    # Counted by paragraph and kind (r28 AH: "91 tracked changes" counted neither changes nor paragraphs).
    notes = [n for n in _notes(document) if "Tracked changes" in n]
    assert notes == ["2: [warning] Tracked changes in 2 paragraphs (inserted text in 1, deleted text in 1) were not "
                     "accepted or rejected in Word: read as accepted (inserted text kept, deleted text and paragraphs "
                     "left out), in paragraphs 2, 3. If the text as signed is not that, accept or reject them in Word "
                     "and import the file again. «»"]


def test_a_file_without_tracked_changes_gets_no_such_note() -> None:
    document = docx.Document()
    document.add_paragraph("Điều 1. Phạm vi")
    assert not [n for n in _notes(document) if "tracked" in n]


def test_hidden_text_is_left_out_and_quoted() -> None:
    document = docx.Document()
    document.add_paragraph("Điều 4. Nguyên tắc")
    clause = document.add_paragraph("2. Bảo đảm công khai thủ tục hành chính.")
    clause.add_run(" [Ghi chú nội bộ: rà soát lại khoản này]").font.hidden = True
    style = document.styles.add_style("Ẩn", 2)  # a character style that hides its text
    style.font.hidden = True
    clause.add_run(" ghi chú theo kiểu", style="Ẩn")
    shown = document.add_paragraph("3. Hiện rõ.")
    shown.add_run(" cũng hiện").font.hidden = False
    assert _texts(document) == ["Điều 4. Nguyên tắc", "2. Bảo đảm công khai thủ tục hành chính.",
                                "3. Hiện rõ. cũng hiện"]
    assert _notes(document) == [
        "2: [skipped] Hidden text (Word's Hidden font) was left out: it is not part of the document as printed. "
        "«[Ghi chú nội bộ: rà soát lại khoản này] ghi chú theo kiểu»"]


# --- Unicode NFC ---------------------------------------------------------------------------------

def test_decomposed_text_is_normalised_to_nfc_with_the_txt_imports_note() -> None:
    document = docx.Document()
    document.add_paragraph("Điều 1. Mở đầu")
    document.add_paragraph(unicodedata.normalize("NFD", "b) Cung cấp thông tin;"))
    assert _texts(document) == ["Điều 1. Mở đầu", "b) Cung cấp thông tin;"]
    assert _notes(document) == ["2: [info] Some text was not in Unicode NFC (letters and marks stored apart); it was "
                                "normalised to NFC. «»"]


def test_fmt_check_passes_right_after_importing_a_decomposed_word_file(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    assert invoke(None, "init", str(root)).exit_code == 0
    document = docx.Document()
    for line in ("QUỐC HỘI", "Luật số: 22/2023/QH15", "Hà Nội, ngày 23 tháng 6 năm 2023", "LUẬT", "ĐẤU THẦU",
                 "Điều 1. Phạm vi điều chỉnh",
                 "Luật này quy định về quản lý nhà nước đối với hoạt động đấu thầu.", "Điều 2. Đối tượng áp dụng",
                 "Tổ chức, cá nhân tham gia hoặc có liên quan đến hoạt động đấu thầu."):
        document.add_paragraph(unicodedata.normalize("NFD", line))
    source = tmp_path / "base22.docx"
    document.save(source)
    imported = invoke(root, "import", str(source))
    assert imported.exit_code == 0, imported.output
    assert "it was normalised to NFC" in imported.output
    assert "after folding" not in imported.output  # the marks are not taken for lookalike letters
    check = invoke(root, "fmt", "--check")
    assert check.exit_code == 0, check.output


# --- footnotes and comments ----------------------------------------------------------------------


def test_footnotes_and_comments_left_out_are_counted_and_the_first_quoted() -> None:
    document = docx.Document()
    heading = document.add_paragraph("Điều 3. Giải thích từ ngữ")
    footnotes = (f'<w:footnotes {nsdecls("w")}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Điều này được '
                 'hướng dẫn bởi Thông tư số 07/2014/TT-BTP.</w:t></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="2"><w:p><w:r><w:t>Khoản này được sửa đổi.</w:t></w:r></w:p></w:footnote>'
                 '</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                footnotes.encode(), document.part.package)
    document.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")
    heading._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    clause = document.add_paragraph("1. Thủ tục hành chính là trình tự.")
    clause._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="2"/></w:r>'))
    document.add_comment(clause.runs[0], text="Đề nghị xem lại từ ngữ", author="Chuyên viên", initials="CV")
    assert _texts(document) == ["Điều 3. Giải thích từ ngữ", "1. Thủ tục hành chính là trình tự."]
    assert _notes(document) == [
        "1: [warning] 2 footnotes were left out, the first on this paragraph: a regulation file has no footnotes; add "
        "what they say to the text, or keep it elsewhere. «Điều này được hướng dẫn bởi Thông tư số 07/2014/TT-BTP.»",
        "2: [info] 1 comment (Word's review comments) was left out, the first on this paragraph: comments are not "
        "part of the text. «Đề nghị xem lại từ ngữ»"]


# --- amend import: tables ------------------------------------------------------------------------

AMENDING = """QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Luật số: 99/2026/QH15 | Hà Nội, ngày 10 tháng 3 năm 2026
LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT THỬ VÀ LUẬT KHÁC
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Điều 1. Sửa đổi, bổ sung một số điều của Luật Quy hoạch
1. Sửa đổi, bổ sung số thứ tự 26 tại Phụ lục I như sau:
TABLE 26. | Quy hoạch tổng thể hệ thống đô thị và nông thôn
Điều 2. Sửa đổi, bổ sung một số điều của Quy chế thử nghiệm sửa đổi
1. Sửa đổi, bổ sung khoản 3 Điều 2 như sau:
“3. Ban Thường vụ Tỉnh ủy báo cáo Ban Chấp hành theo lịch sau:
TABLE Quý | Nội dung
TABLE I | Sơ kết
Báo cáo gửi các đồng chí Tỉnh ủy viên.”
Điều 3. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.
"""


def _amending_docx(path: Path) -> Path:
    document = docx.Document()
    rows: list[list[str]] = []
    for line in [*AMENDING.splitlines(), ""]:
        if line.startswith("TABLE "):
            rows.append([cell.strip() for cell in line.removeprefix("TABLE ").split("|")])
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            rows = []
        if line:
            document.add_paragraph(line)
    document.save(path)
    return path


def test_amend_import_keeps_word_tables_where_they_stand_also_in_quoted_new_text(invoke: Invoke,
                                                                                 tmp_path: Path) -> None:
    # Luật 57/2024 as a .docx lost all 16 table rows of Phụ lục I/II (`26. | Quy hoạch tổng thể …`): each table
    # became an empty paragraph, with no note. They are kept as the Markdown tables `regdraft import` writes.
    root = tmp_path / "ws"
    assert invoke(None, "init", str(root)).exit_code == 0
    Workspace(root).commit({"regulations/02-QC-TU.md": FIXTURE.read_bytes()}, "Add the regulation")
    source = _amending_docx(tmp_path / "luat-99.docx")
    result = invoke(root, "amend", "import", str(source), "--slug", "luat-99", catch=False)
    assert result.exit_code == 0, result.output
    text = (root / "amendments" / "luat-99" / "amendment.md").read_text(encoding="utf-8")
    assert ("1\\. Sửa đổi, bổ sung số thứ tự 26 tại Phụ lục I như sau:\n\n"
            "| 26. | Quy hoạch tổng thể hệ thống đô thị và nông thôn |\n| --- | --- |\n\n## Điều 2.") in text
    assert ("“3. Ban Thường vụ Tỉnh ủy báo cáo Ban Chấp hành theo lịch sau:\n\n"
            "| Quý | Nội dung |\n| --- | --- |\n| I | Sơ kết |\n\n"
            "Báo cáo gửi các đồng chí Tỉnh ủy viên.”") in text
    amendment = load_amendment(text, "amendments/luat-99/amendment.md", "luat-99")
    assert len(amendment.instructions) == 1
    check = invoke(root, "amend", "check", "luat-99")
    assert check.exit_code == 0, check.output
    preview = invoke(root, "amend", "preview", "luat-99")
    assert preview.exit_code == 0, preview.output
    assert "Sơ kết" in preview.output and "Báo cáo gửi các đồng chí Tỉnh ủy viên." in preview.output
