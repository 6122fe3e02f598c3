"""On a phone (390 px) every control a member taps is at least 24 x 24 CSS px (WCAG 2.5.8): the comment badges (the
only way from a provision to its comments) were 12 px tall, the form's boxes 21-22 px, the type select 20 px, the
"Đề xuất sửa thành" summary 18 px and the "Xem" button 43 x 21. A laptop's layout is left as it was. Debian's
chromium, as test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import add_comment, respond_comment
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


def _finger(page: Any, x: float, y: float, radius: float = 16) -> None:
    """A fingertip's tap at (x, y): a touch of `radius` CSS px, as a phone reports one (Chromium moves such a tap to
    the nearest link in reach, its touch adjustment; Playwright's own tap is a point)."""
    session = page.context.new_cdp_session(page)
    point = {"x": x, "y": y, "radiusX": radius, "radiusY": radius, "force": 1}
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()


def test_a_finger_on_a_clauses_first_words_chooses_the_clause_not_its_badge(review_ws: Workspace, live_server: str,
                                                                           browser_page: Any) -> None:
    # The badge stood between "2." and the clause's first words: a finger on them opened the comments page (sweep
    # r38/BU, 3). It stands above the first line now, out of a fingertip's reach there, and still opens the page.
    cid = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.").id
    respond_comment(review_ws, cid, "accepted", "Tiếp thu.")
    context = browser_page.context.browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                                       has_touch=True, locale=BROWSER_LOCALE)
    page = context.new_page()
    opened: list[str] = []
    page.on("request", lambda request: opened.append(request.url) if request.is_navigation_request() else None)
    try:
        page.goto(f"{live_server}/a/{SLUG}/redline")
        clause = page.locator('[data-on="d5.k2"]').first
        clause.evaluate("clause => clause.scrollIntoView({block: 'center'})")
        assert "đã trả lời" in clause.locator("a.badge").inner_text()
        # The first letter of the clause's own words, past its number and the badge.
        first = clause.evaluate("""clause => {
            const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf("Thực hiện");
                if (at >= 0 && !node.parentElement.closest(".badge")) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + 1);
                    const box = range.getBoundingClientRect();
                    return [box.left + box.width / 2, box.top + box.height / 2];
                }
            }
            return null;
        }""")
        assert first is not None
        opened.clear()
        _finger(page, first[0], first[1])
        page.wait_for_timeout(500)
        assert opened == [], opened
        assert page.input_value("#comment-on") == "Khoản 2 Điều 5"
        # The badge itself, tapped, still opens the clause's comments.
        badge = clause.locator("a.badge").bounding_box()
        assert badge is not None
        with page.expect_navigation():
            _finger(page, badge["x"] + badge["width"] / 2, badge["y"] + badge["height"] / 2)
        assert "/comments" in page.url
    finally:
        context.close()
