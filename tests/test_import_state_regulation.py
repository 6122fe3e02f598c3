"""A provincial People's Committee's working regulation (state-30), as the r23 s6state sweep imported it: the
issuer printed over two lines, the signature `TM. … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`, the title with its
`(Ban hành kèm theo Quyết định số …)` line, the bare page number of Nghị định 30/2020, and the published form
(the Decision followed by the Quy chế it issues)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from regdraft.core.frontmatter import load_yaml
from regdraft.importer import import_file
from regdraft.workspace.export import export_regulation
from regdraft.workspace.imports import save_to_workspace
from regdraft.workspace.store import Workspace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ISSUED_WITH = ("Quyết định số 15/2021/QĐ-UBND ngày 20 tháng 8 năm 2021 của Ủy ban nhân dân tỉnh Lào Cai")
HEADER = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/2021/QĐ-UBND
Lào Cai, ngày 20 tháng 8 năm 2021
"""
REGULATION = f"""QUY CHẾ
Làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026
(Ban hành kèm theo {ISSUED_WITH})

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Quy chế này quy định về nguyên tắc, chế độ trách nhiệm, lề lối làm việc của Ủy ban nhân dân tỉnh Lào Cai.
2. Các thành viên Ủy ban nhân dân tỉnh chịu sự điều chỉnh của Quy chế này.

Điều 2. Nguyên tắc làm việc
Ủy ban nhân dân tỉnh làm việc theo nguyên tắc tập trung dân chủ.

Chương II
ĐIỀU KHOẢN THI HÀNH

Điều 3. Tổ chức thực hiện
Các thành viên Ủy ban nhân dân tỉnh và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quy chế này.
"""
SIGNED = """
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Nguyễn Văn A

Nơi nhận:
- Văn phòng Chính phủ;
- Lưu: VT, TH.
"""
DECISION = """
QUYẾT ĐỊNH
Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026

ỦY BAN NHÂN DÂN TỈNH LÀO CAI

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 9 năm 2021.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trịnh Xuân Trường

"""


def _imported(tmp_path: Path, text: str, name: str = "quy-che.txt") -> Any:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return import_file(source)


def _front(result: Any) -> dict[str, Any]:
    front = load_yaml(result.text.split("---\n")[1])
    assert isinstance(front, dict)
    return front


def test_the_issuer_over_two_lines_is_one_name_and_the_title_keeps_its_decision_apart(tmp_path: Path) -> None:
    result = _imported(tmp_path, HEADER + "\n" + REGULATION + SIGNED)
    front = _front(result)
    assert front["issuer"] == "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" and "superior" not in front
    # `Làm việc` runs on after the type (the state header prints it with a capital because it starts a line).
    assert front["title"] == "Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026"
    assert front["issued_with"] == ISSUED_WITH
    assert any("'issued_with'" in n.message and n.where == 10 for n in result.report.notes)
    assert result.report.passes_check


@pytest.mark.parametrize(("superior", "issuer"), [("BỘ TÀI CHÍNH", "CỤC THUẾ"), ("TỈNH ỦY LÀO CAI", "BAN TỔ CHỨC"),
                                                  ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "SỞ TƯ PHÁP")])
def test_a_superior_body_above_the_issuer_stays_a_superior(tmp_path: Path, superior: str, issuer: str) -> None:
    lines = superior.replace("ỦY BAN NHÂN DÂN TỈNH", "ỦY BAN NHÂN DÂN\nTỈNH")
    front = _front(_imported(tmp_path, HEADER.replace("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", f"{lines}\n{issuer}")
                             + "\n" + REGULATION + SIGNED))
    assert (front["superior"], front["issuer"]) == (superior, issuer)


def test_the_signature_keeps_each_authority_line(tmp_path: Path) -> None:
    result = _imported(tmp_path, HEADER + "\n" + REGULATION + SIGNED)
    signer = _front(result)["signer"]
    assert signer["on_behalf"] == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH" and signer["title"] == "PHÓ CHỦ TỊCH"
    assert "  on_behalf: |-\n    TM. ỦY BAN NHÂN DÂN\n    KT. CHỦ TỊCH\n" in result.text


def _saved(ws: Workspace, tmp_path: Path) -> None:
    save_to_workspace(_imported(tmp_path, HEADER + "\n" + REGULATION + SIGNED), ws)


def test_html_prints_the_issuer_and_the_signature_line_by_line(empty_workspace: Workspace, tmp_path: Path) -> None:
    _saved(empty_workspace, tmp_path)
    html = export_regulation(empty_workspace, "15/2021/QĐ-UBND", tmp_path / "q.html").path.read_text("utf-8")
    assert '<div class="issuer">ỦY BAN NHÂN DÂN<br>TỈNH LÀO CAI</div>' in html
    assert ('<p class="on-behalf">TM. ỦY BAN NHÂN DÂN</p><p class="on-behalf">KT. CHỦ TỊCH</p>'
            '<p class="signer-title">PHÓ CHỦ TỊCH</p>') in html
    # Nghị định 30/2020, Phụ lục I: the bare page number, top centre; none on page 1.
    assert "@top-center { content: counter(page);" in html and "counter(pages)" not in html


def test_docx_prints_the_issuer_the_signature_and_the_page_number(empty_workspace: Workspace, tmp_path: Path) -> None:
    import docx

    _saved(empty_workspace, tmp_path)
    document = docx.Document(str(export_regulation(empty_workspace, "15/2021/QĐ-UBND", tmp_path / "q.docx").path))
    left = document.tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 15/2021/QĐ-UBND"]
    signer = [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs if p.text]
    assert signer == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn A"]
    header = document.sections[0].header
    assert [t.text.strip() for t in header._element.iter(f"{W}instrText")] == ["PAGE"]
    assert "Trang" not in header.paragraphs[0].text


def test_the_published_form_imports_the_regulation_the_decision_issues(tmp_path: Path) -> None:
    text = HEADER + DECISION + REGULATION
    result = _imported(tmp_path, text)
    front = _front(result)
    reg = result.regulation
    assert front["type"] == "Quy chế"
    assert front["title"] == "Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026"
    assert front["issued_with"] == ISSUED_WITH and front["id"] == "15/2021/QĐ-UBND"
    assert front["issuer"] == "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" and str(front["signed"]) == "2021-08-20"
    assert str(front["effective"]) == "2021-09-01"  # the Decision's Điều 2
    assert front["signer"] == {"on_behalf": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Trịnh Xuân Trường"}
    assert [a.unit.label for a in reg.articles()] == ["1", "2", "3"]
    assert reg.find("d1.k1").unit.text[0].startswith("Quy chế này quy định")
    assert not reg.preamble
    said = [n for n in result.report.notes if "followed by the regulation it issues" in n.message]
    assert len(said) == 1 and "from line 26" in said[0].message
    # Every line of the Decision is quoted in the report.
    quoted = {n.text for n in result.report.notes}
    assert "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 9 năm 2021." in quoted
    assert result.report.passes_check


def test_a_page_number_format_without_the_number_is_refused() -> None:
    from regdraft.core.errors import ProfileError
    from regdraft.render.profile import load_profile

    mine = "name: mine\nbase: state-30\npage:\n  number_format: Trang\n"
    with pytest.raises(ProfileError, match=r"number_format is 'Trang'; write \{page\}"):
        load_profile({"profile": "mine"}, None, {"mine": mine})
    assert load_profile({"profile": "party-36"}).page_number_parts("Trang") == ["Trang ", "{page}", "/", "{pages}"]
