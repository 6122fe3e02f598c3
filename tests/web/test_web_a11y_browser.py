"""The review page in a real browser for a member at 200% zoom, on the keyboard, with a screen reader: the buttons
of a changed article on screen, the provision named in words, the notice of a saved comment where the member is."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG

pytestmark = BROWSER


@pytest.mark.parametrize("width", [320, 640])  # a phone; 1280 px at 200% zoom
def test_the_buttons_of_a_changed_article_stay_on_screen(review_ws: Workspace, live_server: str, browser_page: Any,
                                                         width: int) -> None:
    # `.chg > .part-picks` pulled them left of the change bar: 14 px off the left edge, 5 px of them showing.
    page = browser_page
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.focus('[data-pick="d7.title"]')
    box = page.locator('[data-pick="d7.title"]').bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box


def test_a_part_chosen_is_named_in_words_sent_by_its_code_and_the_saved_notice_is_focused(
        review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    page = browser_page
    page.set_viewport_size({"width": 640, "height": 400})  # 1280 x 800 at 200% zoom: the form below the text
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.focus('[data-pick="d7.title"]')
    page.keyboard.press("Enter")
    # The field showed `d7.title`, which a screen reader read out letter by letter.
    assert page.input_value("#comment-on") == "Tên Điều 7"
    assert page.inner_text("#comment-where") == "Đã chọn: Tên Điều 7"
    assert page.get_attribute("#comment-where", "aria-live") == "polite"
    page.select_option("select[name=body]", BODIES[0])
    page.fill("input[name=name]", "Nguyễn Văn An")
    page.fill("#comment-text", "Đề nghị giữ tên cũ.")
    with page.expect_navigation():
        page.click("#comment-send")
    (comment,) = load_comments(review_ws, SLUG)
    data = yaml.safe_load(review_ws.path(f"amendments/{SLUG}/comments/{comment.id}.yaml").read_text("utf-8"))
    assert data["provision"] == "d7.title"
    # Back on the page: the notice stood at the top, off screen, and the focus on the body; now it is beside the
    # title commented on, on screen, focused (read out), and a status.
    assert page.evaluate("document.activeElement.id") == "added-notice"
    # (The title's ✎ stands between them, before the heading, outside it.)
    notice = page.evaluate("""() => { const n = document.getElementById("added-notice"), r = n.getBoundingClientRect();
        const picks = n.nextElementSibling;
        return {top: r.top, bottom: r.bottom, role: n.getAttribute("role"), text: n.textContent,
                next: picks.classList.contains("part-picks") && picks.nextElementSibling.dataset.on}; }""")
    assert notice["role"] == "status" and notice["next"] == "d7" and comment.id in notice["text"]
    assert 0 <= notice["top"] and notice["bottom"] <= 400, notice


def test_headings_are_named_by_their_text_and_the_buttons_fit_a_finger(review_ws: Workspace, live_server: str,
                                                                      browser_page: Any) -> None:
    # The ✎ stood inside each heading: a screen reader's list of headings read "Góp ý vào tên Điều 12 Điều 12. …".
    # On a phone the buttons were 19 x 17 px, under the 24 x 24 of WCAG 2.5.8.
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    named = page.get_by_role("heading", name="Điều 12. Hội nghị Ban Chấp hành Đảng bộ tỉnh", exact=True)
    assert named.count() == 1
    names = page.evaluate("""() => [...document.querySelectorAll("h2, h3")].filter(
        h => h.querySelector(".part-pick")).map(h => h.textContent)""")
    assert names == []
    assert page.get_by_role("button", name="Góp ý vào tên Điều 12", exact=True).count() == 1
    assert page.get_by_role("button", name="Góp ý vào tên Chương IV", exact=True).count() == 1
    page.set_viewport_size({"width": 375, "height": 700})
    sizes = page.evaluate("""() => [...document.querySelectorAll(".part-pick")].map(b => {
        const r = b.getBoundingClientRect(); return [r.width, r.height, r.left]; })""")
    assert sizes and all(w >= 24 and h >= 24 and left >= 0 for w, h, left in sizes), sizes[:5]
    # Beside its heading still: the title's ✎ is on the heading's first line.
    button = page.locator('[data-pick="d12.title"]').bounding_box()
    heading = page.locator('h3[data-on="d12"]').bounding_box()
    assert button and heading and heading["y"] - 8 <= button["y"] <= heading["y"] + 8
