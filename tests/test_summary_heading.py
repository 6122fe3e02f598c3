"""The redline's summary of changes (`Tóm tắt các thay đổi`) is a heading: an h2 in the HTML (a screen reader's list
of headings), a style with an outline level in Word (its navigation pane), as its bookmark is in the PDF
(tests/test_pdf_bookmarks.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

pytestmark = pytest.mark.slow  # a redline written to HTML and Word (about 1 s of CPU)



def test_the_summary_of_changes_is_a_heading_in_the_html_and_word_redlines(tmp_workspace: Workspace, invoke: Invoke,
                                                                        tmp_path: Path) -> None:
    # It was a bold paragraph: a screen reader's list of headings and Word's navigation pane went straight to Chương I.
    for name in ("r.html", "r.docx"):
        result = invoke(tmp_workspace, "redline", SHIPPED_AMENDMENT, "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
    assert '<h2 class="summary-title">Tóm tắt các thay đổi</h2>' in (tmp_path / "r.html").read_text(encoding="utf-8")
    document = docx.Document(str(tmp_path / "r.docx"))
    summary = next(p for p in document.paragraphs if p.text == "Tóm tắt các thay đổi")
    chapter = next(p for p in document.paragraphs if p.text.startswith("Chương I"))
    assert _outline_level(summary) == _outline_level(chapter) == "0"  # beside the chapters, its peers


def _outline_level(paragraph: Any) -> str | None:
    level = paragraph.style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    return None if level is None else str(level.get(qn("w:val")))
