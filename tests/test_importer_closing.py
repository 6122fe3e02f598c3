"""The importer reads a paragraph after a last point as the closing text when it plainly is one."""

from __future__ import annotations

from pathlib import Path

from regdraft.core.markdown import read
from regdraft.importer import import_file
from tests.conftest import SHARED, in_corpus

TEXT = """QUY CHẾ
làm việc thử

Điều 1. Kiểm tra
1. Ban Thường vụ kiểm tra các nội dung:
a) Việc chấp hành nghị quyết;
b) Việc giữ gìn phẩm chất.
Kết quả kiểm tra được báo cáo Ban Chấp hành.
2. Khoản sau:
a) Việc thứ nhất;
b) việc thứ hai, và
tiếp theo của điểm b.
3. Khoản cuối:
a) Việc thứ nhất;
b) Hạn mức là 10 tỷ đồng.
Trường hợp cần điều chỉnh hạn mức quy định tại điểm này, Chính phủ quyết định.
"""


def test_a_closing_like_paragraph_becomes_the_closing_text_and_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "quy-che.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = import_file(source, reg_id="99-QC/TU")
    reg = result.regulation
    assert reg.find("d1.k1").unit.closing == ("Kết quả kiểm tra được báo cáo Ban Chấp hành.",)
    assert reg.find("d1.k1.b").unit.text == ("Việc giữ gìn phẩm chất.",)
    # A paragraph that does not start a new sentence after a full stop stays in its point.
    assert reg.find("d1.k2.b").unit.text == ("việc thứ hai, và", "tiếp theo của điểm b.")
    assert reg.find("d1.k2").unit.closing == ()
    # Nor one that speaks of "this point" (Luật Đấu thầu, Điều 23 khoản 1 điểm m).
    assert reg.find("d1.k3").unit.closing == () and len(reg.find("d1.k3.b").unit.text) == 2
    assert "<!-- đoạn cuối khoản 1 -->" in result.text
    reading = read(result.text)
    assert reading.regulation == reg and reading.warnings == ()
    [note] = [n for n in result.report.notes if "closing text" in n.message]
    assert "điểm b khoản 1 Điều 1" in note.message and "khoản 1 Điều 1" in note.message
    assert note.text == "Kết quả kiểm tra được báo cáo Ban Chấp hành."


def test_an_articles_closing_sentence_after_its_last_clause_is_kept_and_reported() -> None:
    result = import_file(in_corpus(SHARED / "corpus" / "vi" / "luat-cong-doan.txt"))
    warned = [n for n in result.report.notes if n.category == "warning" and "reads like the closing text" in n.message]
    assert warned and all(n.text.startswith("Chính phủ quy định chi tiết Điều này") for n in warned)
    reg = read(result.text).regulation
    # Nothing moved silently: the sentence stays in the last clause, marked as its continuation.
    assert all(not loc.unit.closing for loc in reg.articles())
    assert result.text.count("<!-- tiếp -->\n\nChính phủ quy định chi tiết Điều này") == len(warned)
