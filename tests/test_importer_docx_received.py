"""Word files as a clerk receives them (sweep r25 F): tables in an amending document.

Every .docx is built here with python-docx.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.amend.document import load_amendment
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

docx = pytest.importorskip("docx")

FIXTURE = Path(__file__).parent / "fixtures" / "amend" / "vi.md"


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
