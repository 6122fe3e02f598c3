"""Words selected from the keyboard with caret browsing (F7): the caret put in the text, then Shift held and the
arrows pressed. Debian's chromium started with caret browsing on (`--enable-caret-browsing`), as
test_web_browser.py drives it otherwise (skipped, saying why, where it or playwright is not installed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER, BROWSER_LOCALE, CHROMIUM
from tests.web.conftest import SLUG
from tests.web.test_web_browser import PHRASE, _on_range

pytestmark = BROWSER


@pytest.fixture
def caret_page() -> Iterator[Any]:
    """A page of headless chromium with caret browsing on, 1400 x 900 CSS pixels."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--enable-caret-browsing"])
        page = browser.new_page(viewport={"width": 1400, "height": 900}, locale=BROWSER_LOCALE)
        page.set_content("<p>abc</p>")
        page.evaluate("document.getSelection().collapse(document.querySelector('p').firstChild, 0)")
        page.keyboard.press("Shift+ArrowRight")
        if page.evaluate("document.getSelection().toString()") != "a":
            browser.close()
            pytest.skip("this chromium has no caret browsing (--enable-caret-browsing)")
        yield page
        browser.close()


def _focused(page: Any) -> str:
    return str(page.evaluate("document.activeElement.id || document.activeElement.tagName"))


def test_shift_and_the_arrows_quote_the_words_selected_once_shift_is_let_go(
        review_ws: Workspace, live_server: str, caret_page: Any) -> None:
    # The release of the first arrow, Shift still held, chose one letter (“b”) and moved the caret into the comment
    # box: the next presses selected there, and the comment quoted “b”.
    page = caret_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    placed = page.evaluate(_on_range("""document.getSelection().collapse(range.startContainer, range.startOffset);
                    return document.getSelection().isCollapsed;"""), ["d12.k1.a", PHRASE])
    assert placed
    page.keyboard.down("Shift")
    for pressed in range(len(PHRASE)):
        page.keyboard.press("ArrowRight")
        if pressed in (0, 1):
            # Still selecting: the selection grows in the document, which keeps the caret.
            assert page.evaluate("document.getSelection().toString()") == PHRASE[:pressed + 1]
            assert _focused(page) == "BODY"
    assert page.evaluate("document.getSelection().toString()") == PHRASE
    assert _focused(page) == "BODY"
    page.keyboard.up("Shift")
    assert page.input_value("#comment-on") == "Điểm a khoản 1 Điều 12"
    assert page.input_value("#comment-text") == f"Về đoạn “{PHRASE}”: "
    assert page.inner_text("#comment-where") == f"Đã chọn: “{PHRASE}” tại Điểm a khoản 1 Điều 12"
    # Shift let go, the words are final: the comment box is ready to type in, after the quote.
    assert _focused(page) == "comment-text"
    page.keyboard.type("Đề nghị làm rõ.")
    assert page.input_value("#comment-text") == f"Về đoạn “{PHRASE}”: Đề nghị làm rõ."
