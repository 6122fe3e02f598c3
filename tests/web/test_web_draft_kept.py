"""What a member types on the redline page survives a reload (F5, a phone's pull-to-refresh): the pages are sent
`no-store`, so the browser restores no form, and a comment and its wording vanished with no warning. review.js keeps
them in the tab's own storage (never sent anywhere) until the server says the comment is saved, and asks before the
page is left with them unsent. Debian's chromium, as test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG

pytestmark = BROWSER
TEXT = "Đề nghị bổ sung quy định về chữ ký số của Tỉnh ủy viên."


def test_a_reload_gives_back_what_was_typed_and_leaving_is_asked_about(review_ws: Workspace, live_server: str,
                                                                       browser_page: Any) -> None:
    context = browser_page.context.browser.new_context(viewport={"width": 375, "height": 700}, is_mobile=True,
                                                       has_touch=True)
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
