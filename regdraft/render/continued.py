"""Table rows continued on a later page: their label printed again at the top of the part there.

A provision's row in the comparison table (Bảng so sánh) often runs onto the next page. Its
label cell (`<td class="… repeats">`, `Khoản 2 Điều 5`) has ended on the first page, so the part
on the next page would stand under the repeated header row with an empty label column. CSS has no
way to print content only where a box continues (`string()` works only in page margins, and
`box-decoration-break: clone` repeats borders and padding, not text), so the label is copied
after layout: the cell's laid-out lines from the page the row starts on are placed in the empty
label cell of each later part, with the parts hidden on the first page shown there (the
template's `(tiếp)`, a `::after` with `visibility: hidden`).

The comment report names a provision once for all its comments, but a cell spanning their rows is not
carried onto the next page by WeasyPrint. So each row has its own label cell: the first shows the
provision, each later one (class `continues`) holds it laid out hidden, and the one at the top of a
page is shown there.

Post-conditions of `label_continued_rows`:
1. On every page where a row continues whose label cell holds nothing there, that cell shows the
   label as laid out on the row's first page, followed by its hidden parts, now visible.
2. On every page, the first repeating label cell, when it is of class `continues` and holds its hidden
   label there, shows it.
3. Nothing else is moved, added or removed: the pages, their breaks and every other box are as
   WeasyPrint laid them out; a label cell that itself runs onto the next page is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

REPEATED_CLASS = "repeats"
CONTINUES_CLASS = "continues"


def label_continued_rows(pages: Sequence[Any]) -> int:
    """Copy each repeating label cell into the empty parts of its row on later pages; return how many.

    `pages` are the pages of a rendered WeasyPrint document (`Document.pages`).
    """
    from weasyprint.formatting_structure import boxes

    first: dict[Any, Any] = {}
    copied = 0
    for page in pages:
        for index, cell in enumerate(_repeating_cells(page._page_box, boxes)):
            if index == 0 and CONTINUES_CLASS in _classes(cell) and cell.children:
                _show(cell)  # the top of a page inside a provision's rows: named again
                copied += 1
            start = first.setdefault(cell.element, cell)
            if start is cell or cell.children or not start.children:
                continue
            dx = cell.content_box_x() - start.content_box_x()
            dy = cell.content_box_y() - start.content_box_y()
            lines = [child.deepcopy() for child in start.children]
            for line in lines:
                line.translate(dx, dy)
                _show(line)
            cell.children = lines
            copied += 1
    return copied


def _repeating_cells(root: Any, boxes: Any) -> Iterator[Any]:
    """The cells of class `repeats` under `root`, not looking inside lines of text."""
    stack = [root]
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.TableCellBox):
            if REPEATED_CLASS in _classes(box) and box.element_tag == "td":
                yield box
            continue
        if isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox):
            stack.extend(reversed(box.children))


def _classes(cell: Any) -> list[str]:
    return (cell.element.get("class") or "").split()


def _show(box: Any) -> None:
    """Make `box` and what it holds visible, on copies of their styles (others share the originals)."""
    if box.style["visibility"] != "visible":
        box.style = box.style.copy()
        box.style["visibility"] = "visible"
    for child in getattr(box, "children", ()):
        _show(child)
