"""A comparison table's row too short for a cell to break moves to the next page whole: its number, label and
note never stand alone at a page's foot above empty text cells (Luật Thi đua, khen thưởng's khoản 3 Điều 80)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Invoke
from tests.print_marks import POPPLER, pages_text

HEAD = (FIXTURES / "mini.md").read_text(encoding="utf-8").split("\n## ")[0].rstrip()
DUTY = "Ban Thường vụ Tỉnh ủy chỉ đạo, kiểm tra việc thực hiện"


def _text(changed: bool) -> str:
    clauses = [f"{k}\\. Nội dung mã{k} quy định {' '.join([DUTY] * (1 + k % 3))} tại đơn vị số {k}"
               f"{' tiêu biểu' if changed else ''}." for k in range(1, 41)]
    return "\n\n".join([HEAD, "## Điều 1. Phạm vi", *clauses]) + "\n"


@pytest.mark.skipif(not POPPLER, reason="pdftotext is needed to read the pages")
def test_no_row_leaves_its_label_at_a_pages_foot_without_its_text(invoke: Invoke, tmp_path: Path) -> None:
    old, new, pdf = tmp_path / "old.md", tmp_path / "new.md", tmp_path / "table.pdf"
    old.write_text(_text(False), encoding="utf-8")
    new.write_text(_text(True), encoding="utf-8")
    result = invoke(None, "compare", str(old), str(new), "--layout", "table", "-o", str(pdf))
    assert result.exit_code == 0, result.output
    pages = pages_text(pdf)
    alone = [(n, k) for n, page in enumerate(pages, 1)
             for k in re.findall(r"Khoản (\d+) Điều 1\b(?! \()", page) if f"mã{k}" not in page]
    assert alone == []
    assert sum(f"mã{k} " in page for page in pages for k in range(1, 41)) >= 40  # every row printed
