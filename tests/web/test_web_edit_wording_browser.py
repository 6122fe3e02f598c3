"""In Chromium: a member opens "Sửa ý kiến" on their comment, rewrites its proposed wording in the box, and saves it."""

from __future__ import annotations

from typing import Any

from regdraft.web.app import create_app
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment, find_comment
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG, serving
from tests.web.test_web_edit_wording import POINT, TYPED

pytestmark = BROWSER


def test_a_member_rewrites_the_proposed_wording_in_the_browser(review_ws: Workspace, browser_page: Any) -> None:
    link, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    cid = add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Đề nghị báo cáo hằng quý.", proposal=POINT,
                      person="Nguyễn Văn An", link=link.key).id
    with serving(review_ws.root, app=create_app(review_ws.root, links=True)) as url:
        page = browser_page
        page.goto(f"{url}/access/{secret}")
        page.goto(f"{url}/a/{SLUG}/comments")
        card = page.locator(f"#c-{cid}")
        card.locator("details.edit summary").click()
        box = card.locator("form.edit textarea[name=proposal]")
        assert box.input_value() == POINT
        box.fill(TYPED)
        with page.expect_navigation():
            card.locator("form.edit button").click()
        assert f"Đã lưu ý kiến {cid} đã sửa" in page.locator(f"#c-{cid}").inner_text()
        # The wording as typed, marked against the text circulated, and in the box for another correction.
        assert any("*hằng tháng*" in ins for ins in page.locator(f"#c-{cid} .proposal ins").all_inner_texts())
        assert page.locator(f"#c-{cid} form.edit textarea[name=proposal]").input_value() == TYPED
    assert find_comment(review_ws, cid, SLUG)[1].proposal == TYPED
