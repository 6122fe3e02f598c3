"""The redline's comment form after the comment is sent, as a member meets it in Debian's chromium (as
test_web_browser.py drives it; skipped, saying why, where it or playwright is not installed): Back to the page
it was sent from."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG
from tests.web.test_web_browser import _until

pytestmark = BROWSER


def test_back_after_sending_gives_an_empty_form_never_the_provisions_code(
        review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    # Chromium gave the form back as it was sent: the comment, and `d14.k1` for the provision, with nothing saying
    # it was sent; a member who changed a word and sent it again recorded a second comment (sweep r28/AF, defect 5).
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.locator('[data-on="d14.k1"]').first.click()
    assert page.input_value("#comment-on") == "Khoản 1 Điều 14"
    page.select_option("select[name=body]", BODIES[0])
    page.fill("input[name=name]", "Lê Thị Hòa")
    page.fill("#comment-text", "Góp ý thứ nhất về khoản 1 Điều 14.")
    with page.expect_navigation():
        page.click("#comment-send")
    _until(lambda: page.locator("#added-notice").count() == 1)
    assert len(load_comments(review_ws, SLUG)) == 1
    page.go_back()
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)  # a browser restores a form's fields after the page's script has run
    assert page.input_value("#comment-on") in ("", "Khoản 1 Điều 14")
    assert page.input_value("#comment-text") == ""


def test_the_start_page_fits_a_320_pixel_screen(review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    # It scrolled sideways (345 px wide): the amendments table's last column, the links to each round's draft,
    # comments and report, was cut at the screen's edge (sweep r28/AF, defect 7).
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server}/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    report = page.locator('table.amendments a[href*="/report?round=1"]').first
    box = report.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    # Each cell is named by its column, as the header row named it.
    named = page.evaluate("""() => getComputedStyle(document.querySelector('table.amendments tbody td:last-child'),
                                                     '::before').content""")
    assert named == '"Các vòng lấy ý kiến: "'
