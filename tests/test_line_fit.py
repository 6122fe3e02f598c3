"""A run of text that fits its line but for its trailing space is not broken after its first word
(`render.line_fit`): Nghị định 48/2013's `Chính` alone on a line, Luật Giáo dục's `Điều` above `113. …`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from regdraft.render.pdf import ENGINE
from tests import pdf_text
from tests.conftest import SHARED, Invoke, needs_corpus

RUN = "Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số "
NUMBER = '<span style="white-space: nowrap">63/2010/NĐ-CP</span>'
STYLE = "font-family: Tinos, serif; font-size: 13pt; text-align: justify; text-indent: 10mm; margin: 0"


def _lines(weasyprint: Any, html: str) -> list[str]:
    """The text of each laid-out line of the page's first paragraph."""
    from weasyprint.formatting_structure import boxes

    page = weasyprint.HTML(string=html).render().pages[0]._page_box

    def texts(box: Any) -> Iterator[str]:
        if isinstance(box, boxes.TextBox):
            yield box.text
        for child in getattr(box, "children", ()):
            yield from texts(child)

    def line_boxes(box: Any) -> Iterator[Any]:
        if isinstance(box, boxes.LineBox):
            yield box
            return
        for child in getattr(box, "children", ()):
            yield from line_boxes(child)

    return ["".join(texts(line)).strip() for line in line_boxes(page)]


def _run_width(weasyprint: Any) -> float:
    """The width of the run (its trailing space included) where nothing breaks it."""
    from weasyprint.formatting_structure import boxes

    html = f'<p style="{STYLE}; text-indent: 0; white-space: nowrap"><span>{RUN}</span>x</p>'
    page = weasyprint.HTML(string=html).render().pages[0]._page_box
    stack = [page]
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.InlineBox) and box.element_tag == "span":
            return float(box.width)
        stack.extend(getattr(box, "children", ()))
    raise AssertionError("the run was not laid out")


def test_a_run_that_fits_but_for_its_trailing_space_keeps_its_words_on_the_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    weasyprint = ENGINE.setup()
    from weasyprint.layout import inline

    assert getattr(inline.split_first_line, "regdraft_line_fit", False)
    indent = 10 * 96 / 25.4
    width = _run_width(weasyprint) + indent
    paragraphs = [f'<p style="{STYLE}; width: {width - k / 4:.2f}px">{RUN}{NUMBER} ngày 08 tháng 6 năm 2010</p>'
                  for k in range(-4, 32)]
    fixed = [_lines(weasyprint, html)[0] for html in paragraphs]
    # Every width keeps the enacting words together; the number goes to the next line when it does not fit.
    assert all(line.startswith("Chính phủ ban hành") for line in fixed), fixed
    assert any(line.endswith("Nghị định số") for line in fixed)
    # WeasyPrint's own answer, for the same widths, cut some of them after `Chính`: the case is exercised.
    monkeypatch.setattr(inline, "split_first_line", inline.split_first_line.stock)
    stock = [_lines(weasyprint, html)[0] for html in paragraphs]
    assert "Chính" in stock


@needs_corpus
def test_nghi_dinh_48_2013_prints_its_enacting_sentence_from_its_first_word(tmp_path: Path, invoke: Invoke) -> None:
    from regdraft.workspace.store import init_workspace

    ws = init_workspace(tmp_path / "ws")
    decrees = SHARED / "corpus" / "amendments" / "nd-63-2010"
    for step in (("import", str(decrees / "base-63-2010-ND-CP.txt")),
                 ("amend", "import", str(decrees / "amending-48-2013-ND-CP.txt"), "--slug", "nd48"),
                 ("amend", "export", "nd48", "-o", str(tmp_path / "nd48.pdf"))):
        result = invoke(ws, *step)
        assert result.exit_code == 0, result.output
    text = pdf_text.text(tmp_path / "nd48.pdf")
    lines = [line.strip() for line in text.splitlines()]
    assert "Chính" not in lines
    assert any(line.startswith("Chính phủ ban hành Nghị định sửa đổi, bổ sung") for line in lines)
