"""The PDFs' bookmarks (a PDF viewer's navigation pane), for a member reading at 400 % who cannot scroll through 49
pages to Điều 80: the chapters, sections, articles and appendices as the Word export's outline levels, each named
by its heading as it now reads (not a footnote's number, nor a redline's struck words beside the inserted ones)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdf
import pytest

from regdraft.workspace.store import Workspace
from tests import pdf_text
from tests.conftest import SHIPPED_AMENDMENT, Invoke

pytestmark = pytest.mark.slow  # WeasyPrint layouts, 1-2 s of CPU a test


def _tree(outline: list[Any]) -> list[tuple[str, list[Any]]]:
    """pypdf's outline as (title, children) pairs."""
    out: list[tuple[str, list[Any]]] = []
    for item in outline:
        if isinstance(item, list):
            out[-1] = (out[-1][0], _tree(item))
        else:
            out.append((str(item.title), []))
    return out


def _made(invoke: Invoke, ws: Workspace, out: Path, *command: str) -> pypdf.PdfReader:
    result = invoke(ws, *command, "-o", str(out))
    assert result.exit_code == 0, result.output
    return pypdf.PdfReader(out)


def test_the_consolidated_pdf_has_a_bookmark_for_each_chapter_section_and_article(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective",
                     "2025-04-01", "--force", "--reason", "test: effective after signing")
    assert adopted.exit_code == 0, adopted.output
    reader = _made(invoke, tmp_workspace, tmp_path / "hn.pdf", "export", "01-QC/TU", "--as-of", "2025-06-01")
    tree = _tree(reader.outline)
    assert [title for title, _ in tree][:2] == ["Chương I NHỮNG QUY ĐỊNH CHUNG",
                                                "Chương II TRÁCH NHIỆM, QUYỀN HẠN CỦA BAN CHẤP HÀNH, BAN THƯỜNG VỤ, "
                                                "THƯỜNG TRỰC TỈNH ỦY"]
    assert [title for title, _ in tree[0][1]] == ["Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng",
                                                  "Điều 3. Nguyên tắc làm việc"]
    chapter_iv = next(children for title, children in tree if title.startswith("Chương IV "))
    assert chapter_iv[0][0] == "Mục 1 HỘI NGHỊ" and chapter_iv[0][1][0][0].startswith("Điều 12. ")
    articles = [title for _, children in tree for title, grand in children
                for title in ([title] if title.startswith("Điều") else [t for t, _ in grand])]
    assert len(articles) >= 30
    # Điều 7 was amended: its heading prints its footnote's number, its bookmark does not.
    text = " ".join(pdf_text.pages(tmp_path / "hn.pdf"))
    assert re.search(r"Điều 7\.\s*\d+\s*Nhiệm vụ", text)
    assert "Điều 7. Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên" in articles
    assert all(re.match(r"Điều \d+[a-z]?\.( \D|$)", title) for title in articles), articles


def test_the_redline_pdf_has_bookmarks_for_its_summary_and_headings_as_they_now_read(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    reader = _made(invoke, tmp_workspace, tmp_path / "r.pdf", "redline", SHIPPED_AMENDMENT)
    tree = _tree(reader.outline)
    titles = [title for title, _ in tree]
    assert titles[0] == "Tóm tắt các thay đổi"
    # A chapter's label and title were two lines run together ("Chương INHỮNG …"); then "Chương I. NHỮNG …", where
    # the consolidated text's read "Chương I NHỮNG …": both now as the heading prints, its two lines.
    assert "Chương I NHỮNG QUY ĐỊNH CHUNG" in titles
    chapter_iii = next(children for title, children in tree if title.startswith("Chương III "))
    # Điều 7's title changed: its heading prints "Trách nhiệm" struck and "Nhiệm vụ, …" inserted.
    assert chapter_iii[0][0] == "Điều 7. Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"


def test_the_comparison_table_pdf_has_a_bookmark_for_each_row(tmp_workspace: Workspace, invoke: Invoke,
                                                              tmp_path: Path) -> None:
    # The inline redline had bookmarks (a11y40), the comparison table none: 20 rows over landscape pages to scroll.
    reader = _made(invoke, tmp_workspace, tmp_path / "t.pdf", "redline", SHIPPED_AMENDMENT, "--layout", "table")
    titles = [title for title, _ in _tree(reader.outline)]
    assert titles[:2] == ["1. Khoản 1 Điều 3", "2. Điểm c khoản 1 Điều 4"]
    assert len(titles) == len(set(titles)) >= 20 and all(re.match(r"\d+\. [A-ZĐ]", t) for t in titles), titles
