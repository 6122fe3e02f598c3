"""What a member types on the redline page survives a reload (F5, a phone's pull-to-refresh): the pages are sent
`no-store`, so the browser restores no form, and a comment and its wording vanished with no warning. review.js keeps
them in the tab's own storage (never sent anywhere) until the server says the comment is saved, and asks before the
page is left with them unsent. Debian's chromium, as test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import BODIES, SLUG

pytestmark = BROWSER
TEXT = "Đề nghị bổ sung quy định về chữ ký số của Tỉnh ủy viên."


def test_a_reload_gives_back_what_was_typed_and_leaving_is_asked_about(review_ws: Workspace, live_server: str,
                                                                       browser_page: Any) -> None:
    context = browser_page.context.browser.new_context(viewport={"width": 375, "height": 700}, is_mobile=True,
                                                       has_touch=True, locale=BROWSER_LOCALE)
    page = context.new_page()
    asked: list[str] = []
    refused: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.select_option("select[name=body]", BODIES[0])
    page.fill("input[name=name]", "Nguyễn Văn An")
    page.fill("#comment-on", "d20a")
    page.dispatch_event("#comment-on", "change")
    assert page.input_value("#comment-on") == "Điều 20a"
    page.click("#comment-text")
    page.keyboard.type(TEXT)
    page.click("#proposal-box summary")
    wording = page.input_value("#comment-proposal").replace("Làm việc trên môi trường điện tử",
                                                            "Làm việc, ký văn bản trên môi trường điện tử")
    page.fill("#comment-proposal", wording)
    page.reload()
    assert asked == ["beforeunload"]  # asked first; accepted here
    assert page.input_value("#comment-on") == "Điều 20a"
    assert page.input_value("#comment-text") == TEXT
    assert page.input_value("#comment-proposal") == wording and page.evaluate(
        "document.getElementById('proposal-box').open")
    assert page.input_value("select[name=body]") == BODIES[0]
    assert page.input_value("input[name=name]") == "Nguyễn Văn An"
    # Sent: saved, and nothing is asked or kept any more (the page after it, reloaded, is empty).
    with page.expect_navigation():
        page.click("#comment-send")
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.on == "d20a" and comment.text == TEXT and comment.proposal == wording
    assert asked == ["beforeunload"]
    assert page.evaluate("sessionStorage.length") == 0
    page.reload()
    assert asked == ["beforeunload"]
    assert page.input_value("#comment-text") == "" and page.input_value("#comment-on") == ""
    # The provision alone (nothing written) is not asked about; the page's policy refused nothing.
    page.fill("#comment-on", "d20a")
    page.dispatch_event("#comment-on", "change")
    page.reload()
    assert asked == ["beforeunload"] and refused == []
    context.close()


def test_a_comment_typed_after_one_is_sent_survives_a_reload_and_back(review_ws: Workspace, live_server: str,
                                                                       browser_page: Any) -> None:
    # The page a comment's sending came back to (`…&added=…#on-…`) forgot the draft kept in the tab on every load: a
    # second comment typed there was gone after F5, or after a visit to the comments page and Back (sweep r36/BM, 1).
    page = browser_page
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.select_option("select[name=body]", BODIES[0])
    page.fill("input[name=name]", "Nguyễn Văn An")
    page.locator('[data-on="d14.k1"]').first.click()
    page.fill("#comment-text", "Góp ý thứ nhất về khoản 1 Điều 14.")
    with page.expect_navigation():
        page.click("#comment-send")
    page.wait_for_selector("#added-notice")
    (first,) = load_comments(review_ws, SLUG)
    # Said once: the address no longer says a comment was just saved.
    assert "added=" not in page.url
    second = "Góp ý thứ hai, đang viết dở."
    page.select_option("select[name=body]", BODIES[1])
    page.fill("input[name=name]", "Trần Thị Bình")
    page.locator('[data-on="d5.k2"]').first.click()
    page.fill("#comment-text", second)
    page.reload()
    assert page.input_value("#comment-text") == second
    assert page.input_value("#comment-on") == "Khoản 2 Điều 5"
    # Away to the comments page and Back, from the address the sending came back to as well.
    page.goto(f"{live_server}/a/{SLUG}/redline?round=1&added={first.id}#on-d14.k1")
    assert page.input_value("#comment-text") == second
    with page.expect_navigation():
        page.goto(f"{live_server}/a/{SLUG}/comments?round=1")
    page.go_back()
    page.wait_for_load_state("load")
    assert page.input_value("#comment-text") == second
    assert page.input_value("#comment-on") == "Khoản 2 Điều 5"
    # Sent in turn, it is forgotten as the first was.
    with page.expect_navigation():
        page.click("#comment-send")
    page.wait_for_selector("#added-notice")
    assert [c.text for c in load_comments(review_ws, SLUG)] == [first.text, second]
    assert page.evaluate("sessionStorage.length") == 0
    page.reload()
    assert page.input_value("#comment-text") == ""
