"""On a touch phone (390 x 844) what a member taps is at least 44 CSS px tall, by padding round the same words: the top
bar's links were 18 px tall 20 px apart, the summary of changes' 17 px, the start page's 15 px, the form's boxes and
buttons 32-33 px. Text boxes are 16 px (Safari zooms the page into a smaller one when it is focused: the comment box was
14 px, "Sửa ý kiến"'s 13.3 px) and the hint and a comment's meta line 14 px (12-13 px grey). Sweep r38/BU, 3 and 4.
The ✎ buttons keep 24 px (test_web_phone_targets): they stand in the margin beside lines 25-30 px apart, and taller
they covered the next paragraph's. Debian's chromium, as test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

from regdraft.web.app import create_app
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import BODIES, SLUG, serving

pytestmark = BROWSER
TALL = """selector => Array.from(document.querySelectorAll(selector)).filter(el => el.getClientRects().length)
    .map(el => [el.textContent.trim().slice(0, 30) || el.name || el.tagName, el.getBoundingClientRect().height])"""
SIZE = "selector => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)"


def _short(page: Any, selector: str, least: float = 44) -> list[Any]:
    found = page.evaluate(TALL, selector)
    assert found, selector
    return [(selector, *item) for item in found if item[1] < least]


def test_a_phones_links_buttons_and_boxes_are_44_px_tall_and_its_text_boxes_16_px(review_ws: Workspace,
                                                                                   browser_page: Any) -> None:
    link, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.", person="Nguyễn Văn An", link=link.key)
    context = browser_page.context.browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                                       has_touch=True, device_scale_factor=3, locale=BROWSER_LOCALE)
    page = context.new_page()
    try:
        with serving(review_ws.root, app=create_app(review_ws.root, links=True)) as url:
            page.goto(f"{url}/access/{secret}")
            page.goto(f"{url}/")
            short = _short(page, ".review-nav a") + _short(page, "table.list a")
            page.goto(f"{url}/a/{SLUG}/redline")
            short += [*_short(page, ".review-nav a"), *_short(page, ".summary-table a:not(.page-ref)"),
                      *_short(page, "#comment-form input:not([type=hidden]), #comment-form select"),
                      *_short(page, "#comment-send"), *_short(page, "#proposal-box summary")]
            sizes = {selector: page.evaluate(SIZE, selector) for selector in ("#comment-text", "#comment-proposal",
                                                                              ".comment-panel .hint")}
            page.goto(f"{url}/a/{SLUG}/comments")
            short += [*_short(page, ".comment button"), *_short(page, "details.edit summary")]
            page.locator("details.edit summary").first.click()
            sizes["form.edit textarea"] = page.evaluate(SIZE, "form.edit textarea")
            sizes[".comment .meta"] = page.evaluate(SIZE, ".comment .meta")
            assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    finally:
        context.close()
    assert not short, short
    assert all(sizes[box] >= 16 for box in ("#comment-text", "#comment-proposal", "form.edit textarea")), sizes
    assert sizes[".comment-panel .hint"] >= 14 and sizes[".comment .meta"] >= 14, sizes
