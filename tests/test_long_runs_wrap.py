"""A run with no place to break wraps at the line's end (found round 40): a form's answer line of dots typed in a
clause (`ghi rõ họ và tên: ………`, 110 dots) ran past the comparison table's note column and off the landscape page,
its end never printed; in the portrait inline redline it ran past the right margin. Text that has places to break prints
exactly where it did (the shipped redline and export: every word's box the same, checked by hand when made)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Invoke
from tests.print_marks import POPPLER, page_words

HEAD = (FIXTURES / "mini.md").read_text(encoding="utf-8").split("\n## ")[0].rstrip()
BLANK = "…" * 110


def _text(changed: bool) -> str:
    clause = f"1\\. Người đề nghị ghi rõ họ và tên: {BLANK}{' (viết in hoa)' if changed else ''}."
    return "\n\n".join([HEAD, "## Điều 1. Phạm vi", clause, "2\\. Khoản hai."]) + "\n"


@pytest.mark.skipif(not POPPLER, reason="pdftotext is needed to read the pages")
def test_an_answer_line_wraps_in_the_comparison_tables_cell(invoke: Invoke, tmp_path: Path) -> None:
    old, new, pdf = tmp_path / "old.md", tmp_path / "new.md", tmp_path / "table.pdf"
    old.write_text(_text(False), encoding="utf-8")
    new.write_text(_text(True), encoding="utf-8")
    result = invoke(None, "compare", str(old), str(new), "--layout", "table", "-o", str(pdf))
    assert result.exit_code == 0, result.output
    words = page_words(pdf, 1)
    assert max(word.x1 for word in words) < 842 - 20  # A4 landscape: nothing past the right margin
    notes = next(word for word in words if word.text == "sửa")  # the note column's "sửa đổi, bổ sung"
    text_cells = [word for word in words if word.text.rstrip(".") and set(word.text.rstrip(".")) == {"…"}]
    assert text_cells and all(word.x1 <= notes.x0 for word in text_cells)  # the dots stay out of the notes
    assert sum(word.text.count("…") for word in text_cells) == 2 * len(BLANK)  # both versions' dots, all printed


@pytest.mark.skipif(not POPPLER, reason="pdftotext is needed to read the pages")
def test_an_answer_line_wraps_inside_the_inline_redlines_margin(invoke: Invoke, tmp_path: Path) -> None:
    old, new, pdf = tmp_path / "old.md", tmp_path / "new.md", tmp_path / "inline.pdf"
    old.write_text(_text(False), encoding="utf-8")
    new.write_text(_text(True), encoding="utf-8")
    result = invoke(None, "compare", str(old), str(new), "-o", str(pdf))
    assert result.exit_code == 0, result.output
    words = page_words(pdf, 1)
    assert max(word.x1 for word in words) < 595 - 40  # A4 portrait: inside the right margin
    dots = [word for word in words if word.text.rstrip(".") and set(word.text.rstrip(".")) == {"…"}]
    assert sum(word.text.count("…") for word in dots) == len(BLANK)  # the unchanged dots printed once, whole
