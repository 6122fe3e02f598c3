"""A signature block printed in a Word table cell reads as the same signer as its lines in a text file: a deputy's
`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` one paragraph a line, or all in one paragraph (`TM. CHÍNH PHỦ THỦ TƯỚNG …`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from regdraft.importer import import_file

docx = pytest.importorskip("docx")

HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/2021/QĐ-UBND", "Lào Cai, ngày 20 tháng 8 năm 2021"]
BODY = ["QUY CHẾ", "Làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026", "Chương I",
        "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định về nguyên tắc, chế độ trách nhiệm, lề lối làm việc của Ủy ban nhân dân tỉnh Lào Cai.",
        "Điều 2. Hiệu lực thi hành", "Quy chế này có hiệu lực kể từ ngày ký."]
SIGNER = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Trọng Hài"]
RECIPIENTS = ["Nơi nhận:", "- Văn phòng Chính phủ;", "- Lưu: VT."]
SIGNED = {"on_behalf": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Trọng Hài"}
EXPECTED = {**SIGNED, "note": "(Đã ký)"}


def _cell(cell: Any, lines: list[str]) -> None:
    """One paragraph a line, as Word writes a signature typed with Enter."""
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _docx(path: Path, signer: list[str]) -> Path:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    for (row, col), text in zip([(0, 0), (0, 1), (1, 0), (1, 1)], ["\n".join(HEAD[:2]), "\n".join(HEAD[2:4]),
                                                                   HEAD[4], HEAD[5]], strict=True):
        header.cell(row, col).text = text
    for line in BODY:
        document.add_paragraph(line)
    closing = document.add_table(rows=1, cols=2)
    _cell(closing.cell(0, 0), RECIPIENTS)
    _cell(closing.cell(0, 1), signer)
    document.save(path)
    return path


def test_a_deputys_signature_cell_reads_as_its_text_file_does(tmp_path: Path) -> None:
    # r23 sweep s9word: the cell read on_behalf "TM. ỦY BAN NHÂN DÂN\nKT." and title "CHỦ TỊCH PHÓ CHỦ TỊCH": its
    # complete line "KT. CHỦ TỊCH" was cut again at the title, as `TM. CHÍNH PHỦ THỦ TƯỚNG` in one line is.
    text = tmp_path / "quy-che.txt"
    text.write_text("\n".join([*HEAD, "", *BODY, "", *SIGNER, "", *RECIPIENTS]) + "\n", encoding="utf-8")
    from_text = import_file(text).regulation.meta["signer"]
    from_word = import_file(_docx(tmp_path / "quy-che.docx", SIGNER)).regulation.meta["signer"]
    assert from_text == from_word == EXPECTED


@pytest.mark.parametrize("cell", [
    ["TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Trọng Hài"],
    ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Trọng Hài"],
])
def test_a_deputys_signature_in_one_paragraph_is_cut_after_the_title_signed_for(
        tmp_path: Path, cell: list[str]) -> None:
    assert import_file(_docx(tmp_path / "quy-che.docx", cell)).regulation.meta["signer"] == SIGNED
