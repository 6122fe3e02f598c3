"""Words selected with no mouse and no key, as a long press selects them on a phone (Android Chrome, iOS Safari):
the selection alone (`selectionchange`) chooses the provision and quotes the words. Debian's chromium, as
test_web_browser.py drives it (skipped, saying why, where it or playwright is not installed)."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import SLUG
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
    # Then words of another point selected the same way: that point is chosen and its words quoted instead.
    page.evaluate(_on_range("""document.getSelection().setBaseAndExtent(
                        range.startContainer, range.startOffset, range.endContainer, range.endOffset);
                    return true;"""), ["d12.k1.b", "Bất thường"])
    _until(lambda: page.input_value("#comment-on") == "Điểm b khoản 1 Điều 12")
    assert page.input_value("#comment-text") == "Về đoạn “Bất thường”: Đề nghị làm rõ. Xem lại."
