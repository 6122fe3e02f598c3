"""On a phone (390 px) every control a member taps is at least 24 x 24 CSS px (WCAG 2.5.8): the comment badges (the
only way from a provision to its comments) were 12 px tall, the form's boxes 21-22 px, the type select 20 px, the
"Đề xuất sửa thành" summary 18 px and the "Xem" button 43 x 21. A laptop's layout is left as it was. Debian's
chromium, as test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import BODIES, SLUG

pytestmark = BROWSER
TAPPED = ("a.badge", "#comment-first", "#comment-form input[name=name]", "#comment-on",
          "#comment-form select[name=type]", "#proposal-box summary", "#comment-send", ".versions button",
          ".versions input[name=from]")


def _sizes(page: Any) -> dict[str, tuple[float, float]]:
    return {selector: (box["width"], box["height"]) for selector in TAPPED
            if (box := page.locator(selector).first.bounding_box()) is not None}


def test_a_members_controls_are_big_enough_for_a_finger_on_a_phone(review_ws: Workspace, live_server: str,
                                                                    browser_page: Any) -> None:
    add_comment(review_ws, SLUG, BODIES[0], "d12.k1.a", "Đề nghị làm rõ.")
    context = browser_page.context.browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                                       has_touch=True, locale=BROWSER_LOCALE)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/a/{SLUG}/redline")
        sizes = _sizes(page)
        assert set(sizes) == set(TAPPED), sizes
        small = {selector: size for selector, size in sizes.items() if size[0] < 24 or size[1] < 24}
        assert not small, small
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390  # nothing runs off the screen
    finally:
        context.close()
    # A laptop: the badge stays the small label it was beside the provision's number.
    browser_page.goto(f"{live_server}/a/{SLUG}/redline")
    badge = browser_page.locator("a.badge").first.bounding_box()
    assert badge is not None and badge["height"] < 20
