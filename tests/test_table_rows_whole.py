"""A table's row prints on one page in the PDFs (the redline, the comparison table, the consolidated text):
Luật Thanh niên's new Điều 9a printed a row's `1` and `Hằng năm` on one page and its indicator on the next.
The comparison table already kept them whole; it is checked so that it stays so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import pdf_text
from tests.conftest import FIXTURES, Invoke

ROWS = 10


def _text(rows: int, changed: bool = False) -> str:
    """The mini regulation with an article holding a long table (each row's cells long enough to wrap)."""
    base = (FIXTURES / "mini.md").read_text(encoding="utf-8")
    filler = "Nội dung chỉ tiêu được theo dõi và báo cáo định kỳ theo quy định của cơ quan có thẩm quyền " * 7
    lines = ["| STT | Kỳ | Chỉ tiêu |", "| --- | --- | --- |"]
    for n in range(1, rows + 1):
        when = "Hằng quý" if changed and n == 2 else "Hằng năm"
        lines.append(f"| {n} | {when} | Đầuhàng{n:02d} {filler}Cuốihàng{n:02d} |")
    table = "\n".join(lines)
    return base.replace("## Điều 2. Nguyên tắc làm việc",
                        f"## Điều 2. Nguyên tắc làm việc\n\nBảng chỉ tiêu như sau:\n\n{table}\n\nĐoạn sau bảng.", 1)


def _pages(pdf: Path) -> list[str]:
    return list(pdf_text.pages(pdf))


def _rows_on_pages(pdf: Path) -> dict[int, set[int]]:
    """Each row's number -> the pages its first and last words are on."""
    pages = _pages(pdf)
    found: dict[int, set[int]] = {}
    for n in range(1, ROWS + 1):
        for k, page in enumerate(pages):
            for word in (f"Đầuhàng{n:02d}", f"Cuốihàng{n:02d}"):
                if word in page:
                    found.setdefault(n, set()).add(k)
    return found


@pytest.mark.parametrize("extra", [(), ("--layout", "table")], ids=["inline", "comparison-table"])
def test_every_row_of_a_changed_table_prints_on_one_page(tmp_path: Path, invoke: Invoke,
                                                         extra: tuple[str, ...]) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(_text(ROWS), encoding="utf-8")
    new.write_text(_text(ROWS, changed=True), encoding="utf-8")
    pdf = tmp_path / "redline.pdf"
    result = invoke(None, "compare", str(old), str(new), *extra, "-o", str(pdf))
    assert result.exit_code == 0, result.output
    rows = _rows_on_pages(pdf)
    assert len(rows) == ROWS
    assert len(set().union(*rows.values())) > 1  # the table runs over more than one page
    assert all(len(pages) == 1 for pages in rows.values()), rows


def test_every_row_of_a_table_in_the_consolidated_text_prints_on_one_page(tmp_path: Path, invoke: Invoke) -> None:
    from regdraft.workspace.store import init_workspace

    ws = init_workspace(tmp_path / "ws")
    ws.commit({"regulations/MINI-QC.md": _text(ROWS).encode()}, "Add mini regulation")
    pdf = tmp_path / "hop-nhat.pdf"
    result = invoke(ws, "export", "MINI-QC", "-o", str(pdf))
    assert result.exit_code == 0, result.output
    rows = _rows_on_pages(pdf)
    assert len(rows) == ROWS and len(set().union(*rows.values())) > 1
    assert all(len(pages) == 1 for pages in rows.values()), rows
