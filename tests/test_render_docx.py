"""The Word header block and page numbers shared by every DOCX (consolidated text, amending
document, comment report): read back with python-docx, and laid out by LibreOffice when present."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.comment_report import Report
from regdraft.render.consolidated_docx import write_consolidated_docx
from regdraft.render.profile import load_profile
from regdraft.render.report import write_report
from regdraft.workspace.export import consolidated_text, export_amendment, export_regulation
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT
from tests.test_report import TODAY
from tests.test_report import report as report  # noqa: F401  (the comment report fixture)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cell_lines(cell: Any) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def _has_bottom_rule(paragraph: Any) -> bool:
    ppr = paragraph._p.pPr
    border = ppr.find(f"{W}pBdr/{W}bottom") if ppr is not None else None
    return border is not None and border.get(f"{W}val") == "single"


def _fields(part: Any) -> list[str]:
    return [t.text.strip() for t in part._element.iter(f"{W}instrText")]


def _check_header_block(document: Any, issuer: str, number: str, national: str, place_date: str) -> None:
    table = document.tables[0]
    assert len(table.rows) == 1 and len(table.columns) == 2
    left, right = table.rows[0].cells
    # The issuer and the national line open their cells: they stand on the same row, at the top.
    assert left.paragraphs[0].text == issuer and right.paragraphs[0].text == national
    assert _cell_lines(left) == [issuer, "*", number]
    assert _cell_lines(right) == [national, place_date]
    assert _has_bottom_rule(right.paragraphs[0]) and not _has_bottom_rule(left.paragraphs[0])
    assert right.paragraphs[-1].runs[0].italic
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert borders is not None and {b.get(f"{W}val") for b in borders} == {"nil"}


def test_consolidated_docx_header_block_and_page_numbers(tmp_workspace: Workspace, tmp_path: Path) -> None:
    import docx

    document = docx.Document(str(export_regulation(tmp_workspace, "01-QC/TU", tmp_path / "c.docx").path))
    _check_header_block(document, "TỈNH ỦY ĐIỆN BIÊN", "Số 01-QC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                        "Điện Biên, ngày 09 tháng 01 năm 2021")
    section = document.sections[0]
    # party-36: `Trang n/N` bottom right on every page, the first included.
    assert _fields(section.footer) == ["PAGE", "NUMPAGES"]
    assert section.footer.paragraphs[0].text.startswith("Trang ")
    assert not section.different_first_page_header_footer and _fields(section.header) == []


def test_amendment_and_english_docx_headers(tmp_workspace: Workspace, tmp_path: Path) -> None:
    import docx

    amendment = docx.Document(str(export_amendment(tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "a.docx",
                                                   today=dt.date(2025, 2, 1)).path))
    gap = "\u00a0" * 6
    # A draft numbered before it is issued prints the blank of its series (r37: it printed `Số 05-QC/TU`).
    _check_header_block(amendment, "TỈNH ỦY ĐIỆN BIÊN", f"Số {gap}-QC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                        f"Điện Biên, ngày{gap}tháng{gap}năm 2025")
    assert _fields(amendment.sections[0].footer) == ["PAGE", "NUMPAGES"]
    english = docx.Document(str(export_regulation(tmp_workspace, "01-QC/TU-EN", tmp_path / "e.docx").path))
    _check_header_block(english, "DIEN BIEN PROVINCIAL PARTY COMMITTEE", "No. 01-QC/TU",
                        "COMMUNIST PARTY OF VIETNAM", "Dien Bien, 9 January 2021")
    assert english.sections[0].footer.paragraphs[0].text.startswith("Page ")


def test_state_profile_numbers_pages_at_the_top_from_page_two(tmp_workspace: Workspace, tmp_path: Path) -> None:
    import docx

    ct = consolidated_text(tmp_workspace, "01-QC/TU")
    out = tmp_path / "s.docx"
    write_consolidated_docx(ct, load_profile({"profile": "state-30"}), out)
    section = docx.Document(str(out)).sections[0]
    assert section.different_first_page_header_footer
    # Nghị định 30/2020, Phụ lục I: the bare page number (no `Trang`, no count).
    assert _fields(section.header) == ["PAGE"] and _fields(section.first_page_header) == []
    assert _fields(section.footer) == []


def test_comment_report_docx_has_the_header_row_and_page_numbers(report: Report, mini_workspace: Workspace,
                                                                   tmp_path: Path) -> None:
    import docx

    out = tmp_path / "r.docx"
    write_report(report, out, workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    document = docx.Document(str(out))
    left, right = document.tables[0].rows[0].cells
    assert left.paragraphs[0].text == "TỈNH ỦY ĐIỆN BIÊN" and right.paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert _has_bottom_rule(right.paragraphs[0])
    assert _fields(document.sections[0].footer) == ["PAGE", "NUMPAGES"]


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed; the DOCX is still read back")
def test_libreoffice_lays_out_the_header_row_and_numbers_pages(tmp_workspace: Workspace, tmp_path: Path) -> None:
    done = export_regulation(tmp_workspace, "01-QC/TU", tmp_path / "c.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(done.path)],
                   check=True, capture_output=True, timeout=180)
    pages = subprocess.run(["pdftotext", "-layout", str(tmp_path / "c.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    first = [line for line in pages[0].splitlines() if line.strip()]
    # Issuer and national line on one printed line; the number of pages in every page's footer.
    assert "TỈNH ỦY ĐIỆN BIÊN" in first[0] and "ĐẢNG CỘNG SẢN VIỆT NAM" in first[0]
    total = len([p for p in pages if p.strip()])
    assert total > 5 and f"Trang 1/{total}" in pages[0] and f"Trang 2/{total}" in pages[1]
