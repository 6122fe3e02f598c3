"""Words selected with no mouse and no key, as a long press selects them on a phone (Android Chrome, iOS Safari):
the selection alone (`selectionchange`) chooses the provision and quotes the words. Debian's chromium, as
test_web_browser.py drives it (skipped, saying why, where it or playwright is not installed)."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import BODIES, SLUG
from tests.web.test_web_browser import PHRASE, _on_range, _until

pytestmark = BROWSER
QUOTE = f"Về đoạn “{PHRASE}”: "


def test_words_selected_without_a_mouse_up_or_a_key_choose_the_provision_and_are_quoted(
        review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    # A long press fires neither mouseup nor a Shift keyup: the comment was sent with no provision, as general.
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    selected = page.evaluate(_on_range("""document.getSelection().setBaseAndExtent(
                        range.startContainer, range.startOffset, range.endContainer, range.endOffset);
                    return document.getSelection().toString();"""), ["d12.k1.a", PHRASE])
    assert selected == PHRASE
    _until(lambda: page.input_value("#comment-on") != "")
    assert page.input_value("#comment-on") == "Điểm a khoản 1 Điều 12"
    assert page.input_value("#comment-text") == QUOTE
    assert page.inner_text("#comment-where") == f"Đã chọn: “{PHRASE}” tại Điểm a khoản 1 Điều 12"
    assert page.locator('[data-on="d12.k1.a"].selected-provision').count() >= 1
    # The selection is left to the reader (its handles, on a phone): the comment box is not focused.
    assert page.evaluate("document.getSelection().toString()") == PHRASE
    # Typing in the comment moves the caret and selects words there: the provision chosen stays as it is.
    page.click("#comment-text")
    page.keyboard.press("End")
    page.keyboard.type("Đề nghị làm rõ.")
    page.keyboard.press("Shift+Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.type(" Xem lại.")
    page.wait_for_timeout(700)  # longer than the page waits for a selection to settle
    assert page.input_value("#comment-on") == "Điểm a khoản 1 Điều 12"
    assert page.input_value("#comment-text") == QUOTE + "Đề nghị làm rõ. Xem lại."
    # Words of the editor selected (the proposal field is in the form too) change nothing either.
    page.click("#proposal-box summary")
    page.focus("#comment-proposal")
    page.keyboard.press("Control+A")
    page.wait_for_timeout(700)
    assert page.input_value("#comment-on") == "Điểm a khoản 1 Điều 12"
    assert page.input_value("#comment-text") == QUOTE + "Đề nghị làm rõ. Xem lại."
    # Then words of another point selected the same way: the comment written stays where it is, and moving it there
    # is offered (it moved at once, silently); asked to, the point is chosen and its words quoted instead.
    page.evaluate(_on_range("""document.getSelection().setBaseAndExtent(
                        range.startContainer, range.startOffset, range.endContainer, range.endOffset);
                    return true;"""), ["d12.k1.b", "Bất thường"])
    _until(lambda: page.is_visible("#retarget-yes"))
    assert page.input_value("#comment-on") == "Điểm a khoản 1 Điều 12"
    assert page.input_value("#comment-text") == QUOTE + "Đề nghị làm rõ. Xem lại."
    page.click("#retarget-yes")
    assert page.input_value("#comment-on") == "Điểm b khoản 1 Điều 12"
    assert page.input_value("#comment-text") == "Về đoạn “Bất thường”: Đề nghị làm rõ. Xem lại."


def _touch_select(page: Any, selector: str, phrase: str) -> None:
    """Select `phrase` in the first element matching `selector` as a long press does: the selection alone, no mouse
    or key event."""
    done = page.evaluate("""([selector, phrase]) => {
            const p = document.querySelector(selector);
            p.scrollIntoView({block: "center"});
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(phrase);
                if (at >= 0) {
                    document.getSelection().setBaseAndExtent(node, at, node, at + phrase.length);
                    return document.getSelection().toString();
                }
            }
            return null;
        }""", [selector, phrase])
    assert done == phrase, f"'{phrase}' is not in {selector}"


def test_on_a_phone_a_later_selection_does_not_move_a_comment_written(review_ws: Workspace, live_server: str,
                                                                    browser_page: Any) -> None:
    # A member wrote a comment on khoản 3 Điều 12, then long-pressed “Bí thư” in khoản 4 to look it up: the comment
    # was recorded on khoản 4, quoting “Bí thư”, and the form (below the whole text) showed it nowhere in sight.
    context = browser_page.context.browser.new_context(viewport={"width": 375, "height": 700}, is_mobile=True,
                                                       has_touch=True, locale=BROWSER_LOCALE)
    page = context.new_page()
    page.goto(f"{live_server}/a/{SLUG}/redline")
    _touch_select(page, '[data-on="d12.k3"]', "Hội nghị")
    _until(lambda: page.input_value("#comment-on") == "Khoản 3 Điều 12")
    assert page.input_value("#comment-text") == "Về đoạn “Hội nghị”: "
    page.focus("#comment-text")
    page.keyboard.press("End")
    page.keyboard.type("Đề nghị sửa khoản 3 Điều 12 như dưới đây.")
    _touch_select(page, '[data-on="d12.k4"]', "Bí thư")
    _until(lambda: page.is_visible("#retarget-choice"))
    assert page.input_value("#comment-on") == "Khoản 3 Điều 12"
    assert page.input_value("#comment-text") == "Về đoạn “Hội nghị”: Đề nghị sửa khoản 3 Điều 12 như dưới đây."
    # Asked where the reader is, at the foot of the screen, in the page's words.
    box = page.locator("#retarget-choice").bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 700
    assert page.inner_text("#retarget-ask") == "Góp ý đang viết về Khoản 3 Điều 12."
    assert page.inner_text("#retarget-yes") == "Góp ý về đoạn vừa chọn (“Bí thư” tại Khoản 4 Điều 12)?"
    assert page.inner_text("#retarget-keep") == "Giữ nguyên: Khoản 3 Điều 12"
    # It leaves room below the form: the Send button, at the foot of the page, is not hidden under it.
    page.locator("#comment-send").click(trial=True, timeout=3000)
    page.click("#retarget-keep")
    assert not page.is_visible("#retarget-choice")
    page.wait_for_timeout(700)  # the selection left as it was is not offered again
    assert not page.is_visible("#retarget-choice")
    page.select_option("select[name=body]", BODIES[0])
    page.fill("input[name=name]", "Nguyễn Văn An")
    with page.expect_navigation():
        page.click("#comment-send")
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.on == "d12.k3"
    assert (comment.selection, comment.text) == ("Hội nghị", "Đề nghị sửa khoản 3 Điều 12 như dưới đây.")
    # A wording edited counts as written too: the comment box empty, another selection is offered, not taken.
    _touch_select(page, '[data-on="d12.k4"]', "Bí thư")
    _until(lambda: page.input_value("#comment-on") == "Khoản 4 Điều 12")
    page.fill("#comment-text", "")
    page.click("#proposal-box summary")
    page.fill("#comment-proposal", page.input_value("#comment-proposal").replace("Bí thư chủ trì", "Bí thư điều hành"))
    _touch_select(page, '[data-on="d12.k3"]', "Hội nghị")
    _until(lambda: page.is_visible("#retarget-choice"))
    assert page.input_value("#comment-on") == "Khoản 4 Điều 12"
    context.close()


def test_words_selected_in_a_title_or_a_dash_item_choose_that_part(review_ws: Workspace, live_server: str,
                                                                   browser_page: Any) -> None:
    # Words selected in the heading of Điều 7 chose the whole article (the editor opened with its six clauses), and in
    # a dash item the clause: `data-part` was read by the ✎ buttons only, and a Word reply placed them on the part.
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    _touch_select(page, 'h3[data-on="d7"]', "quyền hạn")
    _until(lambda: page.input_value("#comment-on") == "Tên Điều 7")
    assert page.input_value("#comment-text") == "Về đoạn “quyền hạn”: "
    page.click("#proposal-box summary")
    assert page.input_value("#comment-proposal") == "Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"
    page.fill("#comment-text", "")
    page.fill("#comment-proposal", "")
    _touch_select(page, '[data-part="d7.k4.dash2"]', "phẩm chất đạo đức")
    _until(lambda: page.input_value("#comment-on") == "Gạch đầu dòng thứ hai khoản 4 Điều 7")
    assert page.input_value("#comment-proposal").startswith("- Giữ gìn phẩm chất đạo đức")
    # A chapter's title (no provision of its own) too; from the second dash item into the third, the clause.
    _touch_select(page, '[data-part="ch3.title"]', "BÍ THƯ")
    _until(lambda: page.input_value("#comment-on") == "Tên Chương III")
    page.evaluate("""() => {
        const two = document.querySelector('[data-part="d7.k4.dash2"]'), three = document.querySelector(
            '[data-part="d7.k4.dash3"]');
        document.getSelection().setBaseAndExtent(two.lastChild, 2, three.lastChild, 5);
    }""")
    _until(lambda: page.input_value("#comment-on") == "Khoản 4 Điều 7")
