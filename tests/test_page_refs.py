"""A tagged PDF names its pages once, not once per structure element (`render.page_refs`): the 1,000-article
consolidated PDF made the reference of each of its 659 pages 40,718 times over, 3.9 s of its 39 s (round 36)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from regdraft.render.pdf import ENGINE, write_pdf

PAGE = "".join(f'<h3 id="d{n}">Điều {n}. Tiêu đề</h3>' + "".join(
    f'<p class="clause">{k}. Nội dung của khoản {k} Điều {n}, <span class="nobr">số 63/2010/NĐ-CP</span>, '
    "được viết đủ dài để chiếm hai dòng trên một trang giấy khổ A4 theo đúng thể thức văn bản.</p>"
    for k in range(1, 6)) for n in range(1, 41))
HTML = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title></head>'
        f"<body>{PAGE}</body></html>")


def _counted_pages(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The times the PDF's list of pages is read whole (`Kids[::3]`, the stock way to name every page)."""
    from weasyprint.pdf import tags

    pdf_class = tags.pydyf.PDF
    array = tags.pydyf.Array
    reads: list[int] = []

    class Kids(array):  # type: ignore[misc,valid-type]
        def __getitem__(self, key: Any) -> Any:
            if isinstance(key, slice):
                reads.append(len(self) // 3)
            return super().__getitem__(key)

    stock = pdf_class.add_page

    def add_page(pdf: Any, page: Any) -> None:
        if type(pdf.pages["Kids"]) is not Kids:
            pdf.pages["Kids"] = Kids(pdf.pages["Kids"])
        stock(pdf, page)

    monkeypatch.setattr(pdf_class, "add_page", add_page)
    return reads


def test_a_tagged_pdf_names_its_pages_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ENGINE.setup()
    reads = _counted_pages(monkeypatch)
    out = tmp_path / "p.pdf"
    write_pdf(HTML, out)
    pages = max(reads)
    assert pages >= 8  # a document of several pages, every one of them tagged
    assert len(reads) == 1, f"the {pages} pages were named {len(reads)} times"  # hundreds on WeasyPrint's own


def test_the_pdf_is_the_same_byte_for_byte_as_with_the_stock_property(monkeypatch: pytest.MonkeyPatch,
                                                                       tmp_path: Path) -> None:
    ENGINE.setup()
    from weasyprint.pdf import tags

    kept = tmp_path / "kept.pdf"
    write_pdf(HTML, kept)
    prop = tags.pydyf.PDF.__dict__["page_references"]
    assert getattr(prop.fget, "regdraft_page_refs", False)  # the engine installed it
    monkeypatch.setattr(tags.pydyf.PDF, "page_references", property(prop.fget.stock))
    stock = tmp_path / "stock.pdf"
    write_pdf(HTML, stock)
    assert kept.read_bytes() == stock.read_bytes()
