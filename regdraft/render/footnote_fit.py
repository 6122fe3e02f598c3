"""A footnote prints on the page of its call: the text makes room for it, never the other way round.

The stylesheet asks for `footnote-policy: line` (css-gcpm-3): when a note does not fit under the page
its call is on, the line holding the call moves to the next page with it. WeasyPrint 70 honours that
where the call's line is laid out, but has a second path that ignores it: when a later line of the
page overflows where orphans or widows forbid a break, it moves the page's last notes to the next
page to make room for that line (`_linebox_layout`: `report = … can_break_now and not
could_break_before`). Their calls stay behind: Luật Đấu thầu 22/2023's note 11 printed a page after
`e) ¹¹ Hủy thầu …`, six lines from the top of its page.

`install` rebuilds WeasyPrint's `_linebox_layout` from its own source with one condition added to that
line: notes are moved only when every note on the page allows it (`footnote-policy: auto`). The page
then breaks as it would without footnotes (orphans and widows kept, lines moving to the next page).
A WeasyPrint whose source lacks that line is left as it is; `tests/test_export_print.py` renders a
document whose calls fall on every line of a page and fails if a note leaves its call's page.
"""

from __future__ import annotations

import inspect
import textwrap

STOCK = "report = not context.in_column and can_break_now and not could_break_before"
KEPT = (STOCK + " and all(note.style['footnote_policy'] == 'auto' for note in context.current_page_footnotes)")


def install() -> None:
    """Replace the block layout's `_linebox_layout` once per process (after WeasyPrint is imported)."""
    from weasyprint.layout import block

    stock = block._linebox_layout
    if getattr(stock, "regdraft_footnote_fit", False):
        return
    try:
        source = textwrap.dedent(inspect.getsource(stock))
    except (OSError, TypeError):  # no source shipped: WeasyPrint's own placement stands
        return
    if source.count(STOCK) != 1:
        return
    made: dict[str, object] = {}
    exec(compile(source.replace(STOCK, KEPT), inspect.getsourcefile(stock) or "<weasyprint>", "exec"),
         vars(block), made)
    kept = made["_linebox_layout"]
    kept.regdraft_footnote_fit = True  # type: ignore[attr-defined]
    kept.stock = stock  # type: ignore[attr-defined]
    block._linebox_layout = kept
