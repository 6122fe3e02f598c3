"""On a phone (390 x 844) the comment form stands below the whole text. Tapping a provision focused the comment box
there, taking the member away from the text they were reading; it now chooses the provision where they read, and a
line at the foot of the screen ("Viết góp ý về …") goes down to the box. A member who chose a point far up a long law
had no way back to reread it but scrolling ("Đã chọn: …" and nothing else): a link beside it goes back to the
provision chosen. Debian's chromium, as test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import SLUG
from tests.web.test_web_browser import _until

pytestmark = BROWSER
POINT = '[data-on="d12.k1.a"]'


def _on_screen(page: Any, selector: str) -> bool:
    return bool(page.evaluate("""(selector) => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
    }""", selector))


def test_on_a_phone_a_provision_tapped_is_chosen_where_the_member_reads_and_a_link_goes_back_to_it(
        live_server: str, browser_page: Any) -> None:
    context = browser_page.context.browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                                       has_touch=True, locale=BROWSER_LOCALE)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/a/{SLUG}/redline")
        page.locator(POINT).first.scroll_into_view_if_needed()
        page.locator(POINT).first.tap()
        _until(lambda: page.input_value("#comment-on") == "Điểm a khoản 1 Điều 12")
        # Chosen and marked where the member reads: no jump to the comment box at the foot of the page.
        assert page.locator(f"{POINT}.selected-provision").count() >= 1
        assert page.evaluate("document.activeElement.id") != "comment-text"
        assert _on_screen(page, POINT) and not _on_screen(page, "#comment-text")
        # The way down to the box, at the foot of the screen, names the provision; tapped, the box has the focus.
        write = page.locator("#write-here-link")
        assert write.is_visible() and write.inner_text() == "Viết góp ý về Điểm a khoản 1 Điều 12 ↓"
        box = write.bounding_box()
        assert box is not None and box["height"] >= 24 and box["y"] + box["height"] <= 844
        write.tap()
        _until(lambda: page.evaluate("document.activeElement.id") == "comment-text")
        assert not write.is_visible() and not _on_screen(page, POINT)
        page.fill("#comment-text", "Đề nghị làm rõ.")
        back = page.locator("#comment-back-link")
        assert back.is_visible()
        assert back.inner_text() == "↑ Quay lại chỗ đã chọn trong văn bản: Điểm a khoản 1 Điều 12"
        box = back.bounding_box()
        assert box is not None and box["height"] >= 24
        back.tap()
        _until(lambda: _on_screen(page, POINT))
        # The point is in view, marked, and what was typed is still in the form.
        assert page.locator(f"{POINT}.selected-provision").count() >= 1
        assert page.input_value("#comment-text") == "Đề nghị làm rõ."
        assert page.input_value("#comment-on") == "Điểm a khoản 1 Điều 12"
    finally:
        context.close()
