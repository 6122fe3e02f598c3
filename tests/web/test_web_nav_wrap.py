"""The navigation bar at the top of the review pages wraps as whole links (r32 sweep AX 4): on a 390 px phone the
justified bar split "ý kiến góp ý" at the right edge, its first word away from the rest; on the 1400 px desktop
redline the reader's name, floated right, dropped under a full line of links and sat on the bar's rule. Debian's
chromium, as test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import SLUG

pytestmark = BROWSER
PAGES = ("redline", "comments", "report")
# Each link and the reader's name: how many line boxes it has, and its box; the bar's box and rule.
_MEASURED = """() => {
    const nav = document.querySelector('.review-nav');
    const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    return {nav: box(nav), rule: parseFloat(getComputedStyle(nav).borderBottomWidth),
            items: [...nav.querySelectorAll('a, .who')].map(e => [e.textContent, e.getClientRects().length, box(e)])};
}"""


def _measured(browser_page: Any, url: str, width: int, height: int, phone: bool) -> dict[str, Any]:
    context = browser_page.context.browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone,
                                                       has_touch=phone, locale=BROWSER_LOCALE)
    try:
        page = context.new_page()
        page.goto(url)
        measured: dict[str, Any] = page.evaluate(_MEASURED)
        return measured
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_on_a_phone_no_link_of_the_bar_is_split_across_lines(live_server: str, browser_page: Any, path: str) -> None:
    bar = _measured(browser_page, f"{live_server}/a/{SLUG}/{path}", 390, 844, True)
    assert [text for text, lines, _ in bar["items"] if lines != 1] == [], bar


@pytest.mark.parametrize("path", PAGES)
def test_the_readers_name_stands_inside_the_bar_above_its_rule(live_server: str, browser_page: Any, path: str) -> None:
    for width, height, phone in ((1400, 900, False), (390, 844, True)):
        bar = _measured(browser_page, f"{live_server}/a/{SLUG}/{path}", width, height, phone)
        rule = bar["nav"][3] - bar["rule"]
        assert all(box[3] <= rule + 0.5 for _, _, box in bar["items"]), (width, bar)
        boxes = [box for _, _, box in bar["items"]]
        overlapping = [(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:]
                       if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
        assert overlapping == [], (width, bar)
