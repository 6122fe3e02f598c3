"""A tagged PDF's pages are named once, not once per structure element: a long PDF's tags in linear time.

WeasyPrint's tagging (`pdf_tags`, which `render.pdf` asks for) gives every structure element the page it is on as
`pdf.page_references[page_number]`, and pydyf's `PDF.page_references` is a property that builds the reference of
every page of the document again on each call. A page holds some 60 elements, so tagging a document of n pages
costs about 60·n² references made and thrown away: 40,718 calls and 27 million references for the 1,000-article
consolidated PDF (659 pages), 3.9 s of its 39 s of CPU (docs/performance.md, round 36), growing with the square of
the pages.

`install` replaces the property with one that keeps its answer on the PDF object, with the list of page references
(`pages['Kids']`) it was made from and that list's length, and makes it again when either is no longer the same:
pages are only ever added to a PDF (`PDF.add_page` extends the list), and tagging adds none. The answer is the same
tuple of the same bytes, so the PDF is the same byte for byte; `tests/test_page_refs.py` counts the pages named and
fails if a pydyf release changes the property this wraps.
"""

from __future__ import annotations

from typing import Any

_KEPT = "regdraft_page_references"  # the PDF object's own slot for (Kids list, its length, the references)


def install() -> None:
    """Keep `PDF.page_references` on each PDF object, once per process (after WeasyPrint is imported)."""
    from weasyprint.pdf import tags

    pdf_class = tags.pydyf.PDF  # WeasyPrint's own PDF writer, as its tagging uses it (not a dependency of ours)
    stock = pdf_class.__dict__.get("page_references")
    if not isinstance(stock, property) or stock.fget is None or getattr(stock.fget, "regdraft_page_refs", False):
        return
    made = stock.fget

    def page_references(pdf: Any) -> Any:
        kids = pdf.pages["Kids"]
        kept = pdf.__dict__.get(_KEPT)
        if kept is None or kept[0] is not kids or kept[1] != len(kids):
            kept = pdf.__dict__[_KEPT] = (kids, len(kids), made(pdf))
        return kept[2]

    page_references.regdraft_page_refs = True  # type: ignore[attr-defined]
    page_references.stock = made  # type: ignore[attr-defined]
    pdf_class.page_references = property(page_references, doc=stock.__doc__)
