"""A summary line that opens with `Thực hiện` (`QUY CHẾ` / `Thực hiện dân chủ …`, the common `Quy chế thực hiện dân
chủ ở cơ sở`) is the title, not the start of the preamble; a basis line that opens with it (`Thực hiện Quy định số
11-QĐ/TW …;`) stays in the preamble."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.frontmatter import load_yaml
from regdraft.importer import import_file

PARTY = """TỈNH ỦY ĐIỆN BIÊN
*
Số 05-QC/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Điện Biên, ngày 15 tháng 3 năm 2023

QUY CHẾ
{summary}

Căn cứ Điều lệ Đảng;
Thực hiện Quy định số 11-QĐ/TW, ngày 18/02/2019 của Bộ Chính trị về trách nhiệm nêu gương;
Thực hiện Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị,
Ban Thường vụ Tỉnh ủy ban hành Quy chế như sau:

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc thực hiện dân chủ trong hoạt động của Đảng bộ tỉnh.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn A
"""
STATE = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

QUY CHẾ
Thực hiện dân chủ trong hoạt động của cơ quan Văn phòng Ủy ban nhân dân tỉnh Lào Cai
(Ban hành kèm theo Quyết định số 20/2023/QĐ-UBND ngày 10 tháng 5 năm 2023 của Ủy ban nhân dân tỉnh Lào Cai)

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc thực hiện dân chủ trong hoạt động của cơ quan.
"""


def _imported(tmp_path: Path, text: str) -> tuple[dict[str, object], str]:
    source = tmp_path / "quy-che.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, reg_id="05-QC/TU")
    _, front, body = result.text.split("---", 2)
    return load_yaml(front), body


@pytest.mark.parametrize(("summary", "title"), [
    ("thực hiện dân chủ trong hoạt động của Đảng bộ tỉnh Điện Biên",
     "Quy chế thực hiện dân chủ trong hoạt động của Đảng bộ tỉnh Điện Biên"),
    ("Thực hiện dân chủ trong hoạt động của Đảng bộ tỉnh Điện Biên",
     "Quy chế thực hiện dân chủ trong hoạt động của Đảng bộ tỉnh Điện Biên"),
    ("THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", "Quy chế thực hiện dân chủ ở cơ sở"),
])
def test_a_party_regulation_whose_summary_opens_with_thuc_hien_is_titled_by_it(
        tmp_path: Path, summary: str, title: str) -> None:
    meta, body = _imported(tmp_path, PARTY.format(summary=summary))
    assert meta["title"] == title
    # The bases stay the preamble, in their order, and the summary line is not among them.
    preamble = body[:body.index("# Chương I")].split("\n\n")
    assert [p.strip() for p in preamble if p.strip()] == [
        "Căn cứ Điều lệ Đảng;",
        "Thực hiện Quy định số 11-QĐ/TW, ngày 18/02/2019 của Bộ Chính trị về trách nhiệm nêu gương;",
        "Thực hiện Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị,",
        "Ban Thường vụ Tỉnh ủy ban hành Quy chế như sau:"]


def test_a_state_regulation_whose_summary_opens_with_thuc_hien_is_titled_by_it(tmp_path: Path) -> None:
    meta, body = _imported(tmp_path, STATE)
    assert meta["title"] == ("Quy chế thực hiện dân chủ trong hoạt động của cơ quan Văn phòng Ủy ban nhân dân tỉnh "
                             "Lào Cai")
    assert str(meta["issued_with"]).startswith("Quyết định số 20/2023/QĐ-UBND")
    assert "Thực hiện dân chủ" not in body


@pytest.mark.parametrize("basis", [
    "Thực hiện Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ Chính trị",
    "Thực hiện Nghị quyết 18-NQ/TW của Ban Chấp hành Trung ương",
    "Thực hiện Điều lệ Đảng;",
])
def test_a_basis_opening_with_thuc_hien_under_a_titled_type_line_or_citing_a_number_stays_preamble(
        tmp_path: Path, basis: str) -> None:
    # Under a type line that holds the title, and under a bare type word when it cites a numbered document with a
    # capital or ends as a basis line does, `Thực hiện …` is a basis.
    for header in ("QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "QUY CHẾ"):
        text = PARTY.replace("QUY CHẾ\n{summary}\n\nCăn cứ Điều lệ Đảng;\n", f"{header}\n{basis}\n")
        meta, body = _imported(tmp_path, text)
        assert basis not in str(meta.get("title")), header
        assert basis in body, header
