"""Choosing the interface's language in a real browser (Debian's chromium, as test_web_browser.py drives it): a browser
asking for English pages reads a Vietnamese draft with English words around it, switches by the link on the page, and
keeps the choice on the next pages; the wording editor opens with the provision's own (Vietnamese) text either way."""

from __future__ import annotations

from typing import Any

from tests.conftest import BROWSER
from tests.web.conftest import SLUG
from tests.web.test_web_browser import _until

pytestmark = BROWSER


def test_an_english_browser_reads_the_vietnamese_draft_in_english_and_switches(live_server: str,
                                                                              browser_page: Any) -> None:
    context = browser_page.context.browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{live_server}/a/{SLUG}/redline")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.evaluate("document.querySelector('main').lang") == "vi"
        assert page.inner_text("#comment-send") == "Send comment"
        # The editor opens with the clause's text as the document has it; the provision is named in English.
        page.click('[data-pick="d7.k4.intro"]')
        assert page.input_value("#comment-on") == "The lead-in of clause 4, Article 7"
        page.click("#proposal-box summary")
        _until(lambda: page.input_value("#comment-proposal") == "Tỉnh ủy viên có trách nhiệm nêu gương về:")
        # The link to the other language, then the next page without asking again.
        page.click("a.language")
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == "vi"
        assert page.inner_text("#comment-send") == "Gửi góp ý"
        page.click(".review-nav a[href$='/comments']")
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == "vi"
        assert page.inner_text("a.language") == "English"
    finally:
        context.close()
