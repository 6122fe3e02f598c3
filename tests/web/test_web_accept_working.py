"""Accepting a proposal takes seconds (the amendment is rewritten and committed): the button gave no sign of it, and
a drafter pressed again. It now says "Đang xử lý…" and takes no second press; a form sent twice all the same records
one acceptance (test_web_answered_since.py says how the second is answered)."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG, client, head, token

PROPOSAL = ("b) Định kỳ hằng quý, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh "
            "và kết quả thực hiện các nghị quyết, chỉ thị của Đảng;")


def _proposed(ws: Workspace) -> str:
    return add_comment(ws, SLUG, BODIES[0], "d5.k2.b", "Đề nghị báo cáo hằng quý.", proposal=PROPOSAL).id


def _acceptances(ws: Workspace, since: str) -> int:
    """The commits since `since` that wrote into the amendment."""
    changed = ws.repo.git.log("--format=%H", f"{since}..HEAD", "--", f"amendments/{SLUG}/amendment.md")
    return len(changed.split())


def test_an_acceptance_sent_twice_is_recorded_once(review_ws: Workspace) -> None:
    cid = _proposed(review_ws)
    c = client(review_ws)
    before = head(review_ws)
    form = {"csrf": token(c, f"/a/{SLUG}/comments"), "reply": "Tiếp thu."}
    assert c.post(f"/a/{SLUG}/comments/{cid}/accept", data=form).status_code == 303
    after = head(review_ws)
    again = c.post(f"/a/{SLUG}/comments/{cid}/accept", data=form)  # refused, saying it is written in already
    assert again.status_code == 422 and head(review_ws) == after
    assert _acceptances(review_ws, before) == 1


@BROWSER[0]
@BROWSER[1]
def test_the_accept_button_says_it_is_working_and_takes_no_second_press(review_ws: Workspace, live_server: str,
                                                                        browser_page: Any) -> None:
    _proposed(review_ws)
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/comments")
    # Each form the page lets go to the server is counted, and kept from going (after the page's own handler, which
    # runs first: the form's listeners come before the window's).
    page.evaluate("""() => { window.sent = 0; window.addEventListener("submit", (event) => {
        if (!event.defaultPrevented) { window.sent += 1; } event.preventDefault(); }); }""")
    page.locator("form.accept button").click()
    state = page.evaluate("() => { const b = document.querySelector('form.accept button');"
                          " return [b.disabled, b.textContent, window.sent]; }")
    assert state == [True, "Đang xử lý…", 1]
    # Pressed again (Enter, a script): the form is not sent a second time.
    page.evaluate("document.querySelector('form.accept').requestSubmit()")
    assert page.evaluate("window.sent") == 1
