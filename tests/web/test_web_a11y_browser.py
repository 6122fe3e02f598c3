"""The review page in a real browser for a member at 200% zoom, on the keyboard, with a screen reader: the buttons
of a changed article on screen, the provision named in words, the notice of a saved comment where the member is."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from regdraft.workspace.rounds import add_comment, load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG
from tests.web.test_web_a11y import _ratio

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
    names = page.evaluate("""() => [...document.querySelectorAll("h2, h3, h4")].filter(
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
    heading = page.locator('h4[data-on="d12"]').bounding_box()
    assert button and heading and heading["y"] - 8 <= button["y"] <= heading["y"] + 8


def test_an_answered_comment_is_returned_to_with_its_notice_focused(review_ws: Workspace, live_server: str,
                                                                    browser_page: Any) -> None:
    # After answering, the comments page opened at the top, the focus on the body and the notice not focused: with
    # 100 comments a keyboard user went through every earlier one again (r25 sweep D defect 5).
    first = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.")
    second = add_comment(review_ws, SLUG, BODIES[1], "d19.k1", "Đề nghị sửa.")
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(f"{live_server}/a/{SLUG}/comments")
    page.focus(f"#c-{first.id} select[name=disposition]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.type("Tiếp thu, sẽ làm rõ.")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"#c-{first.id}-saved")
    focused = page.evaluate("""() => { const n = document.activeElement, r = n.getBoundingClientRect();
        return {id: n.id, role: n.getAttribute("role"), text: n.textContent, article: n.closest("article").id,
                top: r.top, bottom: r.bottom}; }""")
    assert focused["id"] == f"c-{first.id}-saved" and focused["role"] == "status"
    assert focused["article"] == f"c-{first.id}" and first.id in focused["text"]
    assert 0 <= focused["top"] and focused["bottom"] <= 700, focused
    # The next Tab goes on to the next comment.
    page.keyboard.press("Tab")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label == f"Kết quả tiếp thu – ý kiến {second.id}"


def test_a_changed_heading_is_named_by_its_title_as_it_reads_now(review_ws: Workspace, live_server: str,
                                                                 browser_page: Any) -> None:
    # A screen reader's list of headings read the words deleted and inserted run together: "Điều 7. Trách nhiệm
    # Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên" (r25 sweep D defect 6).
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    now = "Điều 7. Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"
    heading = page.get_by_role("heading", name=now, exact=True)
    assert heading.count() == 1
    assert heading.get_attribute("aria-description") == \
        "Tên trước khi sửa: Điều 7. Trách nhiệm, quyền hạn của Tỉnh ủy viên"
    # What is shown is the redline still, its deletion and insertion marked: the words saying what each mark means
    # (`render.said_marks`) are drawn nowhere. They are the page's text, so a copy into an email holds them, on one
    # line: the browser's `innerText` breaks lines around them (they are out of the flow), a copy does not.
    assert heading.evaluate("""h => { const c = h.cloneNode(true); c.querySelectorAll(".said, .badge, .part-picks")
        .forEach(e => e.remove()); return c.textContent.replace(/\\s+/g, " ").trim(); }""") == \
        "Điều 7. Trách nhiệm Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"
    assert all(box["width"] <= 1 and box["height"] <= 1
               for box in heading.locator(".said").evaluate_all("s => s.map(e => e.getBoundingClientRect().toJSON())"))
    heading.evaluate("""h => { const r = document.createRange(), s = getSelection(); r.selectNodeContents(h);
        s.removeAllRanges(); s.addRange(r); }""")
    page.keyboard.press("Control+C")
    page.evaluate("document.body.appendChild(document.createElement('textarea')).id = 'pasted'")
    page.focus("#pasted")
    page.keyboard.press("Control+V")
    assert " ".join(page.input_value("#pasted").split()) == ("Điều 7. [bỏ: Trách nhiệm] [bổ sung: Nhiệm vụ], quyền "
                                                             "hạn [bổ sung: và trách nhiệm nêu gương ]của Tỉnh ủy viên")
    assert heading.locator("del").count() == 1 and heading.locator("ins").count() == 2
    # A chapter's title lengthened; an unchanged heading keeps the name its text gives it.
    chapter = page.get_by_role(
        "heading", name="Chương V QUAN HỆ CÔNG TÁC CỦA BAN CHẤP HÀNH, BAN THƯỜNG VỤ, THƯỜNG TRỰC TỈNH ỦY", exact=True)
    assert chapter.get_attribute("aria-description") == "Tên trước khi sửa: Chương V QUAN HỆ CÔNG TÁC"
    assert page.locator('h3[data-on="d8"]').get_attribute("aria-label") is None
    names = page.locator("body").aria_snapshot()
    assert "Trách nhiệm Nhiệm vụ" not in names


def test_the_forms_hints_read_at_4_5_to_1(review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    # The hints under the form are 12 px grey: as drawn, against what is behind them, they read at 4.5:1 at least.
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.click("#proposal-box summary")
    drawn = page.evaluate("""() => [...document.querySelectorAll(".hint")].map(h => {
        let e = h, ground = "rgba(0, 0, 0, 0)";
        while (e && (ground = getComputedStyle(e).backgroundColor) === "rgba(0, 0, 0, 0)") { e = e.parentElement; }
        return {colour: getComputedStyle(h).color, ground: ground, opacity: getComputedStyle(h).opacity}; })""")
    assert len(drawn) == 2

    def rgb(text: str) -> tuple[float, ...]:
        return tuple(int(n) / 255 for n in re.findall(r"\d+", text)[:3])

    for hint in drawn:
        assert hint["opacity"] == "1"
        assert _ratio(rgb(hint["colour"]), rgb(hint["ground"])) >= 4.5, hint
