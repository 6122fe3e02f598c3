"""The HTML redline as a reader sees it in a real browser (Debian's chromium, through Playwright):
a sheet with margins, change bars drawn where the DOM says a provision changed, a legend, summary
entries that look like links and lead to their change, and the same marks as print."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

if TYPE_CHECKING:
    from PIL import Image

BAR = (0xB3, 0x26, 0x1E)  # the change bar's colour (redline.css)
# Scrolls a changed provision into view; returns its first paragraph's box and the box of the next
# paragraph of the document that is not part of a change, in viewport pixels.
BOXES = """(anchor) => {
    const changed = document.getElementById(anchor);
    changed.scrollIntoView({block: "center"});
    let plain = changed.nextElementSibling;
    while (plain && plain.classList.contains("chg")) plain = plain.nextElementSibling;
    const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
    return {changed: box(changed), plain: box(plain), bar: getComputedStyle(changed).borderLeftWidth};
}"""


def _rgb(shot: Image.Image, x: float, y: float) -> tuple[int, ...]:
    """The colour of one pixel of an RGB screenshot."""
    pixel = shot.getpixel((int(x), int(y)))
    assert isinstance(pixel, tuple)  # an RGB image has a (red, green, blue) pixel, never one number
    return pixel


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int], within: int = 40) -> bool:
    return all(abs(a - b) < within for a, b in zip(pixel[:3], colour, strict=True))


def _html_redline(ws: Workspace, invoke: Invoke) -> Path:
    out = ws.root / "out" / "redline.html"
    result = invoke(ws, "redline", "01-QC/TU", "--format", "html", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    return out


def _bar_and_margin(page: Any, anchor: str) -> None:
    """The pixels just inside a changed provision's left edge are the bar's colour; an unchanged one's are white."""
    from PIL import Image

    boxes = page.evaluate(BOXES, anchor)
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    left, top, _, height = boxes["changed"]
    assert left >= 1, boxes  # the bar is inside the window, not cut off at its edge
    for dx in (0.5, 1.5):
        assert _near(_rgb(shot, left + dx, top + height / 2), BAR), (anchor, boxes)
    plain_left, plain_top, _, plain_height = boxes["plain"]
    assert all(c > 235 for c in _rgb(shot, left + 1, plain_top + plain_height / 2)), boxes
    assert plain_left > left  # the unchanged text starts where the changed text does, right of the bar


def test_the_html_redline_reads_well_on_screen(tmp_workspace: Workspace, invoke: Invoke,
                                               browser_page: Any) -> None:
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(_html_redline(tmp_workspace, invoke).as_uri())
    # Margins: the text stands on a white sheet away from the window's edges.
    sheet = page.evaluate("""() => {
        const r = document.querySelector(".cover-line").getBoundingClientRect();
        const body = getComputedStyle(document.body), html = getComputedStyle(document.documentElement);
        return {left: r.left, right: r.right, sheet: body.backgroundColor, desk: html.backgroundColor,
                padding: parseFloat(body.paddingLeft)};
    }""")
    assert sheet["left"] > 150 and sheet["right"] < 1280 - 150 and sheet["padding"] > 60, sheet
    assert sheet["sheet"] == "rgb(255, 255, 255)" and sheet["desk"] != sheet["sheet"]
    # Change bars, from the DOM's boxes to the screenshot's pixels: an inserted clause, an inserted article (the
    # paragraphs that show a change: khoản 2 Điều 5, chg-5, is listed for its point b, its own words unchanged).
    for anchor in ("chg-6", "chg-14"):
        _bar_and_margin(page, anchor)
    # A legend above the summary, explaining the marks with the marks themselves.
    legend = page.evaluate("""() => {
        const l = document.querySelector(".legend"), s = document.querySelector(".summary");
        return {text: l.innerText, above: l.getBoundingClientRect().bottom <= s.getBoundingClientRect().top,
                marks: [...l.querySelectorAll("ins, del")].map(e => getComputedStyle(e).textDecorationLine)};
    }""")
    assert legend["above"] and "Ký hiệu" in legend["text"], legend
    assert "underline" in legend["marks"] and "line-through" in legend["marks"], legend
    # The same marks as print: insertions underlined in blue, deletions struck in red.
    marks = page.evaluate("""() => ["ins.ins", "del.del"].map(s => {
        const c = getComputedStyle(document.querySelector(".body-text " + s));
        return [c.textDecorationLine, c.color];
    })""")
    assert marks == [["underline", "rgb(11, 79, 156)"], ["line-through", "rgb(179, 38, 30)"]]
    # Summary entries look like links (coloured, underlined) and lead to their change, highlighted.
    link = page.locator(".summary-table a[href='#chg-9']").first
    style = link.evaluate("(a) => [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine]")
    assert style[0] != "rgb(0, 0, 0)" and "underline" in style[1], style
    link.click()
    landed = page.evaluate("""() => {
        const t = document.getElementById("chg-9"), r = t.getBoundingClientRect();
        return {hash: location.hash, top: r.top, background: getComputedStyle(t).backgroundColor};
    }""")
    assert landed["hash"] == "#chg-9" and 0 <= landed["top"] < 200, landed
    assert landed["background"] not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), landed


@pytest.mark.parametrize("width", [600])
def test_a_narrow_window_keeps_the_change_bars_in_view(tmp_workspace: Workspace, invoke: Invoke,
                                                       browser_page: Any, width: int) -> None:
    page = browser_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(_html_redline(tmp_workspace, invoke).as_uri())
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width  # no sideways scrolling
    _bar_and_margin(page, "chg-6")
