"""A comment longer than the server takes is said before it is sent, in Debian's chromium (as test_web_browser.py
drives it): the text boxes' `maxlength` counts UTF-16 code units, three for a letter typed decomposed, and let a member
type three times the 20,000 characters the server takes before its refusal came back (sweep r36/BM, 8)."""

from __future__ import annotations

import unicodedata
from typing import Any

from regdraft.core.comments import MAX_TEXT
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG

pytestmark = BROWSER


def test_a_text_over_the_bound_is_said_at_sending_and_a_decomposed_one_at_it_is_sent(
        review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.select_option("select[name=body]", BODIES[0])
    page.fill("input[name=name]", "Nguyễn Văn An")
    over = "Góp ý. " * (MAX_TEXT // 7) + "x" * (MAX_TEXT % 7 + 1)
    assert len(over) == MAX_TEXT + 1
    page.fill("#comment-text", over)
    page.click("#comment-send")
    page.wait_for_timeout(300)
    assert page.url == f"{live_server}/a/{SLUG}/redline"  # not sent
    said = page.evaluate("document.getElementById('comment-text').validationMessage")
    assert said == f"Ô này có {MAX_TEXT + 1} ký tự, quá giới hạn {MAX_TEXT} ký tự. Xin rút gọn (hoặc chia thành hai " \
                   "góp ý) rồi gửi.", said
    assert page.input_value("#comment-text") == over and load_comments(review_ws, SLUG) == []
    # Typed decomposed (ế as e and two marks: three code units), the bound's characters are taken.
    decomposed = unicodedata.normalize("NFD", "ế") * MAX_TEXT
    assert len(decomposed) == 3 * MAX_TEXT
    page.fill("#comment-text", decomposed)
    assert page.evaluate("document.getElementById('comment-text').validationMessage") == ""
    with page.expect_navigation():
        page.click("#comment-send")
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.text == "ế" * MAX_TEXT
