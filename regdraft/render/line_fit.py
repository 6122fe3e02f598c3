"""A run of text that fits its line but for its trailing space is not broken after its first word.

WeasyPrint (up to 70 at least) measures a run of text with its trailing space when it decides whether
the run fits the rest of a line. A run ends with a space where an element follows it: a document
number kept whole (`<span class="nobr">63/2010/NĐ-CP</span>`), a word inserted or struck out in a
redline. When such a run fits only without that space, WeasyPrint takes it for a run that cannot be
broken "earlier" and breaks it after its first word: Nghị định 48/2013's enacting sentence printed
`Chính` alone on a line with `phủ ban hành Nghị định …` under it, and an article heading of Luật Giáo
dục printed `Điều` alone above `113. Sửa đổi, bổ sung …`. CSS lets a space at the end of a line hang
in the margin (css-text-3, white-space processing), so the run fits and the line may break after it,
before the element.

`install` wraps WeasyPrint's `split_first_line` (as the inline layout calls it): when the stock
answer breaks a run that ends with collapsible spaces, and the run without them fits the width on
one line, the run is laid out whole. Everything else is the stock answer. The break then comes where
the next element does not fit, as for any other run. `tests/test_line_fit.py` renders the cases above
and checks the extracted text; it fails if a WeasyPrint release changes the function this wraps.
"""

from __future__ import annotations

from typing import Any

_COLLAPSIBLE = ("normal", "nowrap", "pre-line")  # white-space values whose spaces collapse (and hang at a line's end)


def install() -> None:
    """Wrap the inline layout's `split_first_line` once per process (after WeasyPrint is imported)."""
    from weasyprint.layout import inline

    stock = inline.split_first_line
    if getattr(stock, "regdraft_line_fit", False):
        return

    def split_first_line(text: str, style: Any, context: Any, max_width: float | None,
                         justification_spacing: float, is_line_start: bool = True, minimum: bool = False) -> Any:
        result = stock(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        if (result[2] is None or max_width is None or minimum or not text.endswith(" ")
                or style["white_space"] not in _COLLAPSIBLE):
            return result
        bare = text.rstrip(" ")
        if not bare:
            return result
        whole = stock(bare, style, context, max_width, justification_spacing, is_line_start, minimum)
        if whole[2] is not None or whole[3] > max_width:
            return result  # the run does not fit even without its spaces: WeasyPrint's break stands
        return stock(text, style, context, None, justification_spacing, is_line_start, minimum)

    split_first_line.regdraft_line_fit = True  # type: ignore[attr-defined]
    split_first_line.stock = stock  # type: ignore[attr-defined]
    inline.split_first_line = split_first_line
