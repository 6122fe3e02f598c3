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

Before any of that, WeasyPrint reads the HTML into elements and gives each its style, some 0.2 ms an element
even when it is hidden: an override of `consolidated.html.j2` with `<div style="display:none">` holding 285,000
empty `<b></b>` made `export` to PDF take a minute and 2.5 GB, no page in sight. `check_elements` counts the tags
of the HTML (a count of `<`, no parsing) before WeasyPrint reads it, when a workspace template took part in
making it (`limits.watched`), and refuses more than `MIN_ELEMENTS` plus one for every `CHARACTERS_AN_ELEMENT`
characters of the document rendered, naming the workspace's template files.

Post-conditions:
1. Within `bounded(html)`, laying out more than `page_bound(html)` pages ends in `PageLimit`, a
   `RegdraftError` naming the bound and the template overrides as the likely cause, after at most that
   many pages.
2. Outside it (or in another thread's rendering) no bound applies.
3. `check_elements(html, renders)` raises `ElementLimit` naming the workspace's templates when `renders` holds a
   bounded render and `html` has more tags than `element_bound(renders.size)`; else it returns.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from regdraft.core.errors import RegdraftError
from regdraft.render.limits import Renders

MIN_PAGES = 100
CHARACTERS_A_PAGE = 30

# Elements: tags of the HTML, against the characters of the document rendered (`limits.Budget.of`). The shipped
# templates write one tag for every 84 to 194 characters (the shipped regulation's consolidated text 1 for 113, its
# redline 1 for 131, as a table 1 for 194, the 1,000-article benchmark's 1 for 133, the corpus laws 1 for 84 to
# 132); at 0.2 ms a hidden tag, WeasyPrint takes some 4 s for the floor.
MIN_ELEMENTS = 20_000
CHARACTERS_AN_ELEMENT = 10

_BOUND: contextvars.ContextVar[int | None] = contextvars.ContextVar("regdraft_page_bound", default=None)
_UNPRINTED = re.compile(r"<(style|script|head)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


class PageLimit(RegdraftError):
    """A rendering laid out more pages than its text could fill."""


class ElementLimit(RegdraftError):
    """HTML made with a workspace template holds more elements than its document could need."""


def element_bound(size: int) -> int:
    """The most tags the HTML of a document of `size` characters may hold when a workspace template made it."""
    return MIN_ELEMENTS + size // CHARACTERS_AN_ELEMENT


def check_elements(html: str, renders: Renders | None) -> None:
    """Refuse `html` holding more tags than `element_bound` when a workspace template took part in `renders`."""
    if renders is None or not renders.bounded:
        return
    bound = element_bound(renders.size)
    tags = html.count("<") - html.count("</")  # opening tags (and comments): no parsing
    if tags > bound:
        files = ", ".join(sorted(renders.templates)) or "templates/"
        raise ElementLimit(
            f"{files}: the HTML made with this template holds {tags:,} elements, more than its document could need "
            f"({bound:,}: {MIN_ELEMENTS:,} and one for every {CHARACTERS_AN_ELEMENT} of its {renders.size:,} "
            "characters), "
            "so the PDF was not made: laying them out would take minutes and gigabytes; fix or remove that "
            "override of the workspace (docs/security.md).")


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
