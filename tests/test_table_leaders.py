"""A form's answer line in a narrow cell of the comparison table (r39 sweep CB F4): `nêu rõ lý do` inserted before an
unchanged run of dots (`……………`) ran out of its cell into the next column of the PDF, the dots having no break where
the insertion's mark ended inside the word. Measured on WeasyPrint's layout boxes: no text past its cell."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from regdraft.core.word_diff import diff_words
from regdraft.render.marked import marked
from tests.conftest import REPO_ROOT

OLD = "| STT | Câu hỏi | Trả lời |\n| --- | --- | --- |\n| 3 | Có biện pháp khác hay không? | a) Có £ b) Không £ " \
      "Nếu chọn câu trả lời a, đề nghị cho biết" + "." * 90 + " |"
NEW = OLD.replace("đề nghị cho biết", "đề nghị nêu rõ lý do")


def _overrun(html: str) -> float:
    """How far the text of a table's cells runs past its cell's right edge (points; 0 when none does)."""
    weasyprint = pytest.importorskip("weasyprint")
    css = (REPO_ROOT / "regdraft" / "templates" / "redline.css.j2").read_text(encoding="utf-8")
    cell_rule = re.search(r"^table\.provision-table td \{[^}]*\}", css, flags=re.M)
    table_rule = re.search(r"^table\.provision-table \{[^}]*\}", css, flags=re.M)
    assert cell_rule and table_rule
    style = f"@page {{ size: A4 landscape; margin: 10mm }} body {{ width: 260pt }} {table_rule[0]} {cell_rule[0]}"
    page = weasyprint.HTML(string=f"<html><head><style>{style}</style></head><body>{html}</body></html>").render()

    def walk(box: Any) -> Iterator[Any]:
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    worst = 0.0
    for cell in (b for b in walk(page.pages[0]._page_box) if type(b).__name__ == "TableCellBox"):
        right = cell.content_box_x() + cell.width
        for text in (b for b in walk(cell) if type(b).__name__ == "TextBox"):
            worst = max(worst, text.position_x + text.width - right)
    return worst


def test_a_run_of_dots_after_words_inserted_wraps_inside_its_cell() -> None:
    [table] = [p for p in marked(diff_words(OLD, NEW), "new") if p.tag == "table"]
    html = f'<table class="provision-table">{table.html}</table>'
    assert '<ins class="ins">nêu rõ lý do</ins>' in html  # the mark ends inside the word the dots continue
    assert _overrun(html) < 0.5
