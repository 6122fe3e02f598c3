"""A table's row of column names is printed again on each page the table runs onto (PDF and Word), as Word's
"repeat header row" does; a form's first row (Nghị định 63/2010's) is a row like the others."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from regdraft.core.consolidate import consolidate
from regdraft.core.markdown import parse
from regdraft.core.parts import table_head
from regdraft.render.output import Settings, write
from regdraft.render.profile import default_profile
from tests.conftest import FIXTURES, SHARED, Invoke, needs_corpus
from tests.print_marks import POPPLER, pages_text
from tests.test_consolidate import words_of

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
AT = "quy định tại khoản 1 Điều này."
DUTIES = ("| STT | Chức danh | Nhiệm vụ |\n| --- | --- | --- |\n"
          + "".join(f"| {n} | Ủy viên thứ {n} | Theo dõi, đôn đốc việc thực hiện nghị quyết tại đơn vị số {n} "
                    "thuộc Đảng bộ tỉnh, báo cáo Thường trực Tỉnh ủy hằng quý. |\n" for n in range(1, 61)))
FORM = ("| I. Về sự cần thiết của thủ tục hành chính | |\n| --- | --- |\n"
        + "".join(f"| {n}. Câu hỏi thứ {n} của biểu mẫu về thủ tục hành chính? | a) Có £ b) Không £ |\n"
                  for n in range(1, 61)))


def _with(table: str) -> str:
    return MINI.replace(AT, f"{AT}\n\n{table.rstrip()}")


def test_a_row_of_short_names_heads_a_table_a_forms_first_row_does_not() -> None:
    assert table_head(DUTIES)
    assert not table_head(FORM)  # a cell left empty: a row of the form
    assert not table_head("| Việc | Người |\n| --- | --- |\n| Họp | Bí thư |")  # one row under it: nothing to repeat
    assert not table_head("| Hỏi: thủ tục có cần thiết không? | Có |\n| --- | --- |\n| a | b |\n| c | d |")
    assert not table_head("| Việc | Người |\n| Họp | Bí thư |\n| a | b |\n| c | d |")  # no separator line


@needs_corpus
def test_no_table_of_the_corpus_repeats_its_first_row() -> None:
    # Every table of the corpus is a form of Nghị định 63/2010's appendices: none has a row of column names.
    from regdraft.importer import import_file

    text = import_file(SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt").text
    tables = re.findall(r"(?m)^(?:\|.*\n)+", text)
    assert len(tables) >= 3
    assert not any(table_head(t.rstrip("\n")) for t in tables)


def _consolidated(table: str, path: Path, fmt: str) -> Path:
    regulation = parse(_with(table))
    ct = consolidate(regulation, [], words=words_of(regulation))
    return write("consolidated", fmt, ct, path, Settings(default_profile()))


def _pages_with(pdf: Path, word: str) -> list[str]:
    return [page for page in pages_text(pdf) if word in page]


@pytest.mark.skipif(not POPPLER, reason="pdftotext is needed to read the pages")
def test_the_consolidated_pdf_repeats_the_names_of_the_columns_on_each_page(tmp_path: Path) -> None:
    pdf = _consolidated(DUTIES, tmp_path / "c.pdf", "pdf")
    pages = _pages_with(pdf, "Ủy viên thứ")
    assert len(pages) >= 2  # the table runs onto a second page
    assert all(re.search(r"STT\s+Chức danh\s+Nhiệm vụ", page) for page in pages)
    html = _consolidated(DUTIES, tmp_path / "c.html", "html").read_text(encoding="utf-8")
    assert re.search(r"<thead><tr><td>STT</td><td>Chức danh</td><td>Nhiệm vụ</td></tr></thead>", html)


@pytest.mark.skipif(not POPPLER, reason="pdftotext is needed to read the pages")
def test_a_forms_first_row_is_printed_once(tmp_path: Path) -> None:
    pdf = _consolidated(FORM, tmp_path / "c.pdf", "pdf")
    assert len(_pages_with(pdf, "Câu hỏi thứ")) >= 2
    assert sum(page.count("Về sự cần thiết") for page in pages_text(pdf)) == 1


def _repeated(table: docx.table.Table) -> list[bool]:
    return [row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for row in table.rows]


def test_the_consolidated_word_file_repeats_only_a_row_of_names(tmp_path: Path) -> None:
    (duties,) = docx.Document(str(_consolidated(DUTIES, tmp_path / "d.docx", "docx"))).tables[-1:]
    assert _repeated(duties) == [True] + [False] * 60
    assert duties.rows[0].cells[1].text == "Chức danh"
    (form,) = docx.Document(str(_consolidated(FORM, tmp_path / "f.docx", "docx"))).tables[-1:]
    assert not any(_repeated(form))
    first = form.rows[0].cells[0].paragraphs[0]
    assert first.text.startswith("I. Về sự cần thiết") and not any(run.bold for run in first.runs)


@pytest.mark.skipif(not POPPLER, reason="pdftotext is needed to read the pages")
def test_a_changed_table_in_the_redline_repeats_its_names_in_pdf_and_word(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text(_with(DUTIES), encoding="utf-8")
    changed = DUTIES.replace("| 45 | Ủy viên thứ 45 |", "| 45 | Phó Chủ nhiệm Ủy ban Kiểm tra |")
    (tmp_path / "new.md").write_text(_with(changed), encoding="utf-8")
    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    for out in (pdf, word):
        result = invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "-o", str(out))
        assert result.exit_code == 0, result.output
    pages = _pages_with(pdf, "Ủy viên thứ")
    assert len(pages) >= 2 and all(re.search(r"STT\s+Chức danh\s+Nhiệm vụ", page) for page in pages)
    (table,) = docx.Document(str(word)).tables[-1:]
    assert _repeated(table)[0] and not any(_repeated(table)[1:])
