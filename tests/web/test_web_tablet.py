"""A tablet held upright (an iPad, 820 x 1180) or on its side (1024 x 768) reads the text in a column of 600 px and
more, with the document's header whole: between 801 and 900 px the desktop layout left the text 250-284 px beside the
fixed 360 px panel, between the paper's margins, and the header ran under the panel (sweep r38/BU, 2). Debian's
chromium, as test_web_browser.py drives it, measuring with getBoundingClientRect."""

from __future__ import annotations

from typing import Any

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import SLUG

pytestmark = BROWSER
MEASURED = """() => {
    const text = document.querySelector('main').getBoundingClientRect();
    const header = document.querySelector('table.header-block').getBoundingClientRect();
    const panel = document.querySelector('#comment-panel');
    return {text: text.width, headerRight: header.right, panel: getComputedStyle(panel).position,
            panelLeft: panel.getBoundingClientRect().left, scroll: document.scrollingElement.scrollWidth};
}"""


@pytest.mark.parametrize(("width", "height", "beside"), [(820, 1180, False), (1024, 768, True)])
def test_a_tablet_reads_the_text_in_a_wide_column_with_its_header_whole(review_ws: Workspace, live_server: str,
                                                                          browser_page: Any, width: int, height: int,
                                                                          beside: bool) -> None:
    context = browser_page.context.browser.new_context(viewport={"width": width, "height": height}, has_touch=True,
                                                       device_scale_factor=2, locale=BROWSER_LOCALE)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/a/{SLUG}/redline")
        measured = page.evaluate(MEASURED)
        assert measured["text"] >= 600, measured
        assert measured["scroll"] <= width, measured
        # Upright, the panel is below the text; on its side, beside it, and the header ends before it.
        assert (measured["panel"] == "fixed") == beside, measured
        if beside:
            assert measured["headerRight"] <= measured["panelLeft"], measured
    finally:
        context.close()
