"""On a phone the start page's regulations stand as blocks, each cell a line named by its column, as the amendments
do, and no word is split: the table kept four columns at 390 px and `overflow-wrap: anywhere` broke its words
mid-syllable ("Tiến / g Việt", "Ngô / n ngữ", "01- / QC/T / U-EN"; sweep r38/BU, 5). Debian's chromium, as
test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import SLUG

pytestmark = BROWSER
# Each word of each cell of the start page's tables (its letters between spaces), and the lines it is laid out on.
SPLIT = """() => {
    const split = [];
    for (const cell of document.querySelectorAll('table.list td, table.list th')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const found of node.textContent.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, found.index);
                range.setEnd(node, found.index + found[0].length);
                const tops = new Set(Array.from(range.getClientRects()).map(rect => Math.round(rect.top)));
                if (tops.size > 1) { split.push(found[0]); }
            }
        }
    }
    return split;
}"""


@pytest.mark.parametrize("width", [320, 390])
def test_the_start_pages_tables_split_no_word_on_a_phone(review_ws: Workspace, live_server: str, browser_page: Any,
                                                         width: int) -> None:
    context = browser_page.context.browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True,
                                                       has_touch=True, locale=BROWSER_LOCALE)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/")
        assert page.evaluate(SPLIT) == []
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
        language = page.locator("table.list.texts td[data-label]").nth(2)
        assert language.evaluate("cell => getComputedStyle(cell).display") == "block"
        assert language.evaluate("cell => getComputedStyle(cell, '::before').content") == '"Ngôn ngữ: "'
        assert page.locator(f'table.list.amendments a[href="/a/{SLUG}/redline"]').is_visible()
    finally:
        context.close()
