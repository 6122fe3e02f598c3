"""The importer reads a paragraph after a last point as the closing text when it plainly is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.markdown import read
from regdraft.core.parts import closes_article
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


SENTENCE = "Chính phủ quy định chi tiết Điều này sau khi thống nhất với Tổng Liên đoàn Lao động Việt Nam."


def test_an_articles_closing_sentence_after_its_last_clause_is_read_as_the_articles_closing_text() -> None:
    # Luật Công đoàn closes Điều 10 and Điều 11 with a sentence naming the article itself. The import kept it in the
    # last clause (`<!-- tiếp -->`, with a warning), so `Sửa đổi, bổ sung khoản 10 Điều 10 như sau: “10. …”`
    # deleted it with the clause, silently (r25 sweep A defect 1). It is the article's closing text (phần cuối).
    result = import_file(in_corpus(SHARED / "corpus" / "vi" / "luat-cong-doan.txt"))
    reg = read(result.text).regulation
    closed = {loc.address.describe("vi"): loc.unit.closing for loc in reg.articles() if loc.unit.closing}
    assert closed == {"Điều 10": (SENTENCE,), "Điều 11": (SENTENCE,)}
    assert reg.find("d10.k10").unit.text == ("Tổ chức và lãnh đạo đình công theo quy định của pháp luật.",)
    assert reg.find("d11.k6").unit.text[-1].startswith("Phối hợp tổ chức phong trào thi đua")
    assert "<!-- tiếp -->" not in result.text
    assert f"<!-- phần cuối Điều 10 -->\n\n{SENTENCE}" in result.text
    assert f"<!-- phần cuối Điều 11 -->\n\n{SENTENCE}" in result.text
    assert not [n for n in result.report.notes if n.category == "warning" and "closing text" in n.message]
    said = [n for n in result.report.notes if n.text == SENTENCE]
    assert [n.message for n in said] == [
        f"The paragraph after khoản {k} Điều {d} is read as the closing text (đoạn cuối) of Điều {d}, not as part of "
        "the clause: it starts a new sentence that names the article itself. If it belongs to the clause, put "
        "'<!-- tiếp -->' before it in the written file." for d, k in ((10, 10), (11, 6))]


def test_a_paragraph_citing_a_clause_of_its_article_stays_in_the_last_clause_with_a_warning() -> None:
    # Nghị định 63/2010 Điều 9 khoản 4: "… gửi đến cơ quan cho ý kiến quy định tại khoản 1 Điều này." goes on with the
    # clause's own subject; `Điều này` there cites a clause, not the article.
    result = import_file(in_corpus(SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"))
    reg = read(result.text).regulation
    assert reg.find("d9").unit.closing == ()
    assert reg.find("d9.k4").unit.text[-1].startswith("Việc tiếp thu, giải trình ý kiến góp ý")
    assert "<!-- tiếp -->\n\nViệc tiếp thu, giải trình" in result.text
    [warned] = [n for n in result.report.notes if n.category == "warning" and "closing text" in n.message]
    assert "kept in khoản 4 Điều 9" in warned.message and "'<!-- phần cuối Điều 9 -->'" in warned.message


@pytest.mark.parametrize(("paragraph", "closes"), [
    ("Chính phủ quy định chi tiết Điều này.", True),
    ("Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn thi hành Điều này.", True),
    ("Việc thực hiện quy định tại Điều này được báo cáo Chính phủ.", True),
    ("The Government shall detail this Article.", True),
    ("Văn bản phải được gửi đến cơ quan quy định tại khoản 1 Điều này.", False),
    ("Hợp đồng hỗn hợp kết hợp các loại hợp đồng quy định tại các khoản 1, 2, 3 và 7 Điều này.", False),
    ("Trường hợp quy định tại điểm a khoản 2 của Điều này thì báo cáo.", False),
    ("The bodies in clause 1 of this Article report yearly.", False),
    ("Điều này không áp dụng cho cơ quan đại diện.", False),  # `Điều này` opening a sentence: "this matter"
    ("Chính phủ quy định chi tiết khoản này và Điều này.", False),
    ("chính phủ quy định chi tiết Điều này.", False),  # no new sentence
])
def test_which_paragraph_after_an_articles_last_clause_closes_the_article(paragraph: str, closes: bool) -> None:
    assert closes_article("1. Khoản cuối.", paragraph) is closes
