"""Word's manual line break (Shift+Enter) inside a paragraph: a `w:br` in a .docx, U+000B in pasted text
(sweep r22 s10import defect 5). It wraps a sentence, so it is read as a space, with one note; it was a paragraph
end (.docx: `…của giai cấp công nhân` / `và của người lao động` as two paragraphs, without a word) or kept and
refused by check (.txt: 100 notes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.importer import import_file
from regdraft.importer.docx import read_docx
from tests.conftest import CORPUS, needs_corpus

docx = pytest.importorskip("docx")

LAW = CORPUS / "luat-cong-doan.txt"


def soft_broken_docx(path: Path) -> Path:
    """Luật Công đoàn in Word, each paragraph over 150 characters broken by Shift+Enter at the first space after
    its 70th character (as a clerk's copy breaks it)."""
    document = docx.Document()
    for line in LAW.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        if len(line) > 150:
            cut = line.find(" ", 70)
            paragraph = document.add_paragraph()
            paragraph.add_run(line[:cut]).add_break()
            paragraph.add_run(line[cut + 1:])
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


@needs_corpus
def test_a_soft_break_in_word_is_a_space(tmp_path: Path) -> None:
    clean = import_file(LAW)
    result = import_file(soft_broken_docx(tmp_path / "cong-doan.docx"))
    assert result.text == clean.text
    [note] = [n for n in result.report.notes if "Shift+Enter" in n.message]
    assert note.message.startswith("59 line breaks typed with Shift+Enter inside a sentence were read as spaces")
    assert note.where == 15 and note.category == "info"


@needs_corpus
def test_a_soft_break_in_pasted_text_is_a_space(tmp_path: Path) -> None:
    # What mkvar.py's `word-vt` variant does: the first space after the 40th character of a long line is U+000B.
    lines = [(line[:line.find(" ", 40)] + "\v" + line[line.find(" ", 40) + 1:]) if len(line) > 120 else line
             for line in LAW.read_text(encoding="utf-8").split("\n")]
    source = tmp_path / "cong-doan.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = import_file(source)
    assert result.text == import_file(LAW).text
    assert not result.report.by_category("check") and result.report.passes_check
    [note] = [n for n in result.report.notes if "U+000B" in n.message]
    assert note.message.startswith("83 lines hold line breaks typed with Shift+Enter (U+000B), the first this one")


def test_a_soft_break_that_ends_a_line_still_starts_a_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    lines = [
        ["QUỐC HỘI", "Số: 12/2012/QH13"],
        ["Điều 1. Phạm vi điều chỉnh", "Luật này quy định về công đoàn."],
        ["1. Công đoàn có quyền sau đây:", "a) Đại diện cho người lao động;", "b) Tham gia quản lý."],
        ["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
        ["T/M TỈNH ỦY", "BÍ THƯ"],
        ["Điều 2. Quyền", "và trách nhiệm của công đoàn"],
        ["Công đoàn đại diện cho người lao động,", "Nhà nước bảo đảm"],
    ]
    for pieces in lines:
        paragraph = document.add_paragraph()
        for piece in pieces[:-1]:
            paragraph.add_run(piece).add_break()
        paragraph.add_run(pieces[-1])
    path = tmp_path / "breaks.docx"
    document.save(str(path))
    paragraphs, _, notes = read_docx(path.read_bytes(), "breaks.docx")
    assert [p.text for p in paragraphs] == [
        *lines[0], *lines[1], *lines[2], *lines[3], *lines[4],
        "Điều 2. Quyền và trách nhiệm của công đoàn",
        "Công đoàn đại diện cho người lao động, Nhà nước bảo đảm",
    ]
    assert [p.where for p in paragraphs][-3:] == [5, 6, 7]
    [note] = notes
    assert note.where == 6 and note.message.startswith("2 line breaks typed with Shift+Enter")
