"""Choosing the interface's language in a real browser (Debian's chromium, as test_web_browser.py drives it): a browser
set up in English reads a Vietnamese draft in Vietnamese, switches to English words around it by the link on the page,
and keeps the choice on the next pages; the wording editor opens with the provision's own (Vietnamese) text either
way."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG
from tests.web.test_web_browser import _until

pytestmark = BROWSER


def test_an_english_browser_reads_the_vietnamese_draft_in_vietnamese_and_switches(live_server: str,
                                                                                 browser_page: Any) -> None:
    # A browser set up in English (en-GB) is no choice of a committee member's: the Vietnamese draft's pages speak
    # Vietnamese until the member chooses English by the page's link (r40; until then it got English words).
    context = browser_page.context.browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{live_server}/a/{SLUG}/redline")
        assert page.evaluate("document.documentElement.lang") == "vi"
        assert page.inner_text("#comment-send") == "Gửi góp ý"
        page.click("a.language")
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.evaluate("document.querySelector('main').lang") == "vi"
        assert page.inner_text("#comment-send") == "Send comment"
        # The editor opens with the clause's text as the document has it; the provision is named in English.
        page.click('[data-pick="d7.k4.intro"]')
        assert page.input_value("#comment-on") == "The lead-in of clause 4, Article 7"
        page.click("#proposal-box summary")
        _until(lambda: page.input_value("#comment-proposal") == "Tỉnh ủy viên có trách nhiệm nêu gương về:")
        # The next page without asking again, and back to Vietnamese by the link.
        page.click(".review-nav a[href$='/comments']")
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.inner_text("a.language") == "Tiếng Việt"
        page.click("a.language")
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == "vi"
    finally:
        context.close()


def test_switching_language_with_a_comment_or_an_answer_typed_keeps_it_without_asking(review_ws: Workspace,
                                                                                      live_server: str,
                                                                                      browser_page: Any) -> None:
    # The switch asked "leave page?" though the text came back on the other language's page: a member could cancel
    # and never switch (sweep r38/BU, 6). Leaving for another page with it unsent is still asked about, and so is the
    # switch when the tab's storage refuses to keep it.
    cid = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.").id
    page = browser_page
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.click('[data-on="d5.k2"]')
    page.keyboard.type("Góp ý đang viết dở.")
    with page.expect_navigation():
        page.click("a.language")
    assert asked == []
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.input_value("#comment-text") == "Góp ý đang viết dở."
    assert page.input_value("#comment-on") == "Clause 2, Article 5"
    # Another page, the comment unsent: asked.
    page.click(".review-nav a[href$='/comments']")
    page.wait_for_load_state()
    assert asked == ["beforeunload"]
    # The drafter's answer, switched back to Vietnamese: kept, not asked.
    page.locator(f"#c-{cid} form.respond textarea[name=reply]").click()
    page.keyboard.type("Tiếp thu một phần.")
    with page.expect_navigation():
        page.click("a.language")
    assert asked == ["beforeunload"]
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert page.locator(f"#c-{cid} form.respond textarea[name=reply]").input_value() == "Tiếp thu một phần."
    # Storage refusing what is typed now: the switch would lose it, and asks.
    page.evaluate("() => { Storage.prototype.setItem = function () { throw new Error('full'); }; }")
    page.locator(f"#c-{cid} form.respond textarea[name=reply]").press("End")
    page.keyboard.type(" Xem lại.")
    with page.expect_navigation():
        page.click("a.language")
    assert asked == ["beforeunload", "beforeunload"]
