"""What is typed on the comments page survives a reload (F5, a phone's pull-to-refresh) as the comment form's does: a
member's comment reworded in "Sửa ý kiến", and the drafter's answer. The pages are sent `no-store`, so the browser gives
back no form, and an edit typed on a phone was lost to a pull-to-refresh without a question (sweep r38/BU, 1).
review.js keeps them in the tab's own storage until the server says they are saved, and asks before the page is left
with them unsent. Debian's chromium, as test_web_browser.py drives it."""

from __future__ import annotations

from typing import Any

from regdraft.web.app import create_app
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment, find_comment
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER, BROWSER_LOCALE
from tests.web.conftest import BODIES, SLUG, serving

pytestmark = BROWSER
TEXT = "Góp ý bình thường trên điện thoại."


def _asking(page: Any) -> list[str]:
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    return asked


def test_a_reworded_comment_survives_a_reload_and_is_forgotten_once_saved(review_ws: Workspace,
                                                                           browser_page: Any) -> None:
    link, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    cid = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", TEXT, person="Nguyễn Văn An", link=link.key).id
    context = browser_page.context.browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                                       has_touch=True, locale=BROWSER_LOCALE)
    page = context.new_page()
    asked = _asking(page)
    with serving(review_ws.root, app=create_app(review_ws.root, links=True)) as url:
        page.goto(f"{url}/access/{secret}")
        page.goto(f"{url}/a/{SLUG}/comments")
        card = page.locator(f"#c-{cid}")
        card.locator("details.edit summary").click()
        box = card.locator("form.edit textarea[name=text]")
        box.click()
        page.keyboard.press("End")
        page.keyboard.type(" (đã sửa)")
        page.reload()
        assert asked == ["beforeunload"]  # asked first; accepted here
        card = page.locator(f"#c-{cid}")
        assert card.locator("details.edit").evaluate("details => details.open")
        assert card.locator("form.edit textarea[name=text]").input_value() == f"{TEXT} (đã sửa)"
        # Saved: nothing asked, nothing kept; the page after it, reloaded, shows the saved text as loaded.
        with page.expect_navigation():
            card.locator("form.edit button").click()
        assert asked == ["beforeunload"]
        assert find_comment(review_ws, cid, SLUG)[1].text == f"{TEXT} (đã sửa)"
        assert page.evaluate("sessionStorage.length") == 0
        page.reload()
        assert asked == ["beforeunload"]
        assert not page.locator(f"#c-{cid} details.edit").evaluate("details => details.open")
    context.close()


def test_the_drafters_answer_survives_a_reload(review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    cid = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", TEXT).id
    page = browser_page
    asked = _asking(page)
    page.goto(f"{live_server}/a/{SLUG}/comments")
    answer = page.locator(f"#c-{cid} form.respond")
    answer.locator("select[name=disposition]").select_option(index=1)
    chosen = answer.locator("select[name=disposition]").input_value()
    answer.locator("textarea[name=reply]").click()
    page.keyboard.type("Đã tiếp thu tại khoản 2.")
    page.goto(f"{live_server}/")
    assert asked == ["beforeunload"]
    page.goto(f"{live_server}/a/{SLUG}/comments")
    answer = page.locator(f"#c-{cid} form.respond")
    assert answer.locator("textarea[name=reply]").input_value() == "Đã tiếp thu tại khoản 2."
    assert answer.locator("select[name=disposition]").input_value() == chosen


def _signed_in_as(page: Any, url: str, secret: str) -> None:
    """The tab goes on to the access link `secret`, confirming the switch when it was signed in as another."""
    page.goto(f"{url}/access/{secret}")
    if page.locator("#switch").count():
        with page.expect_navigation():
            page.click("#switch")


def test_a_draft_typed_as_one_link_is_never_offered_to_another_in_the_same_tab(review_ws: Workspace,
                                                                              browser_page: Any) -> None:
    # Kept by the form's address alone, drafter A's unsent reply showed in drafter B's box once the tab went on to B's
    # link, for B to send as B's (r39 sweep BX F3); so did a comment typed on the redline by a drafter (no body fixed).
    cid = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", TEXT).id
    _, first = invite(review_ws, "Lê Văn Soạn", "Văn phòng Tỉnh ủy", "drafter")
    _, second = invite(review_ws, "Phạm Thị Thảo", "Văn phòng Tỉnh ủy", "drafter")
    page = browser_page
    _asking(page)
    with serving(review_ws.root, app=create_app(review_ws.root, links=True)) as url:
        _signed_in_as(page, url, first)
        page.goto(f"{url}/a/{SLUG}/comments")
        reply = page.locator(f"#c-{cid} form.respond textarea[name=reply]")
        reply.click()
        page.keyboard.type("Trả lời của Soạn, chưa gửi.")
        page.goto(f"{url}/a/{SLUG}/redline")
        page.click("#comment-text")
        page.keyboard.type("Góp ý Soạn đang viết.")
        _signed_in_as(page, url, second)
        page.goto(f"{url}/a/{SLUG}/redline")
        assert page.input_value("#comment-text") == ""
        page.goto(f"{url}/a/{SLUG}/comments")
        assert page.locator(f"#c-{cid} form.respond textarea[name=reply]").input_value() == ""
        # A draft kept by an earlier version, under the form's address alone, is nobody's known: shown to no one.
        action = f"/a/{SLUG}/comments/{cid}/respond"
        page.evaluate("([key, kept]) => sessionStorage.setItem(key, kept)",
                      [f"regdraft-answer {action}", '{"values": {"reply": "Ai đã viết?"}, "sent": false}'])
        page.reload()
        assert page.locator(f"#c-{cid} form.respond textarea[name=reply]").input_value() == ""
        assert page.evaluate("key => sessionStorage.getItem(key)", f"regdraft-answer {action}") is None
        # Back as the first drafter in this tab: their own drafts come back.
        _signed_in_as(page, url, first)
        page.goto(f"{url}/a/{SLUG}/comments")
        reply = page.locator(f"#c-{cid} form.respond textarea[name=reply]")
        assert reply.input_value() == "Trả lời của Soạn, chưa gửi."
        page.goto(f"{url}/a/{SLUG}/redline")
        assert page.input_value("#comment-text") == "Góp ý Soạn đang viết."
