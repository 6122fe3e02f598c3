"""A PDF has at most as many pages as its text could fill: a workspace template cannot keep WeasyPrint busy.

A workspace may override the shipped templates (`templates/base.css.j2`), and its style sheet decides the
page: `@page { size: 12mm 12mm !important; margin: 0 !important } * { font-size: 40pt !important }` made
`export` lay out tens of thousands of pages, past five minutes, for a document of a few dozen. The template
budgets (`render.limits`) bound what a template makes, not how WeasyPrint lays it out.

`install` wraps WeasyPrint's `make_all_pages` (the generator `layout_document` takes its pages from) so that
it stops once a rendering passes its bound, set by `bounded(html)` around the rendering: `MIN_PAGES` plus a
page for every `CHARACTERS_A_PAGE` characters of the document's text. A real page holds at least ten times as
many (the 1,000-article benchmark about 2,300, the thinnest table of a comment report some 400), so no real
document comes near it.

Post-conditions:
1. Within `bounded(html)`, laying out more than `page_bound(html)` pages ends in `PageLimit`, a
   `RegdraftError` naming the bound and the template overrides as the likely cause, after at most that
   many pages.
2. Outside it (or in another thread's rendering) no bound applies.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from regdraft.core.errors import RegdraftError

MIN_PAGES = 100
CHARACTERS_A_PAGE = 30

_BOUND: contextvars.ContextVar[int | None] = contextvars.ContextVar("regdraft_page_bound", default=None)
_UNPRINTED = re.compile(r"<(style|script|head)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


class PageLimit(RegdraftError):
    """A rendering laid out more pages than its text could fill."""


def page_bound(html: str) -> int:
    """The most pages a PDF of `html` may have: `MIN_PAGES`, and one for every `CHARACTERS_A_PAGE` of its text."""
    text = _SPACE.sub(" ", _TAG.sub(" ", _UNPRINTED.sub(" ", html)))
    return MIN_PAGES + len(text) // CHARACTERS_A_PAGE


@contextmanager
def bounded(html: str) -> Iterator[int]:
    """Bound the pages of the rendering of `html` done inside (this thread's); yields the bound."""
    bound = page_bound(html)
    token = _BOUND.set(bound)
    try:
        yield bound
    finally:
        _BOUND.reset(token)


def install() -> None:
    """Wrap WeasyPrint's `make_all_pages` once per process (after WeasyPrint is imported)."""
    from weasyprint import layout

    stock = layout.make_all_pages
    if getattr(stock, "regdraft_page_bound", False):
        return

    def make_all_pages(context: Any, root_box: Any, html: Any, pages: Any) -> Iterator[Any]:
        bound = _BOUND.get()
        for made, page in enumerate(stock(context, root_box, html, pages), 1):
            if bound is not None and made > bound:
                raise PageLimit(
                    f"The PDF passed {bound:,} pages, more than its text could fill (a page for every "
                    f"{CHARACTERS_A_PAGE} characters, and {MIN_PAGES} more), so it was stopped: a template of the "
                    "workspace (templates/, such as an override of base.css.j2) makes its pages too small or its "
                    "letters too large; fix or remove that override.")
            yield page

    make_all_pages.regdraft_page_bound = True  # type: ignore[attr-defined]
    layout.make_all_pages = make_all_pages
