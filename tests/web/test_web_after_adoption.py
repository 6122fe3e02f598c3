"""The review page of an amendment adopted with its round left open (`amend adopt --force`, r43 sweep CK F7): it
offered the comment form, and the form sent was refused with the reason in the office's English only. The page now
says in its own words that comments are no longer taken and why, in place of the form; a form sent from a tab opened
before is refused in those words, nothing recorded."""

from __future__ import annotations

import html

from regdraft.workspace.access import invite
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_store_safety import ADOPT
from tests.web.conftest import BODIES, SLUG, client, comment_form, entered, head, sent, token


def test_an_adopted_amendment_s_page_takes_no_comment_and_says_why(review_ws: Workspace, invoke: Invoke) -> None:
    c = client(review_ws)
    csrf = token(c)  # the tab opened before the adoption
    assert invoke(review_ws, *ADOPT).exit_code == 0
    adopted = head(review_ws)
    today = "20/10/2025"  # the document's own date (`--signed`), not the adoption commit's (r44 sweep CI F5)
    page = c.get(f"/a/{SLUG}/redline")
    assert page.status_code == 200
    assert 'id="comment-form"' not in page.text
    assert f"Văn bản đã được thông qua ngày {today}: không nhận thêm góp ý, dự thảo này chỉ để xem." in page.text
    assert "không nhận thêm góp ý, chỉ để xem" in page.text  # the heading's state, not "đang lấy ý kiến"
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(csrf))
    assert sent.status_code == 409, sent.text
    said = " ".join(sent.text.split())
    assert f"đã được thông qua ngày {today}: không nhận thêm góp ý." in said, said
    assert "bằng tiếng Anh" not in said and "no longer taken" not in said, said
    assert "Đề nghị làm rõ thời hạn báo cáo." in said  # what was typed, to keep
    assert head(review_ws) == adopted
    english = " ".join(c.get(f"/a/{SLUG}/redline?lang=en").text.split())
    assert "The document was adopted on 2025-10-20: comments are no longer taken" in english


def test_the_home_and_comments_pages_say_the_round_left_open_was_adopted(review_ws: Workspace, invoke: Invoke) -> None:
    """The home page's round line and the comments page's heading said `đang lấy ý kiến` (open, with its due date)
    after the adoption, which the redline page no longer did (r44 office44): both say adopted, on its date, and that
    comments are no longer taken, in the page's words; the comments page still lets the office answer."""
    cid = sent(client(review_ws))
    assert invoke(review_ws, *ADOPT).exit_code == 0
    c = client(review_ws)
    vi_day, en_day = "20/10/2025", "2025-10-20"  # the document's own date, not the commit's (r44 sweep CI F5)

    home = html.unescape(" ".join(c.get("/").text.split()))
    assert f"Vòng lấy ý kiến 1 (văn bản đã được thông qua ngày {vi_day}, không nhận thêm góp ý): Dự thảo lần 2" in home
    assert "đang lấy ý kiến" not in home and "hạn góp ý" not in home
    page = c.get(f"/a/{SLUG}/comments")
    said = html.unescape(" ".join(page.text.split()))
    assert (f"Vòng lấy ý kiến 1 (Dự thảo lần 2, văn bản đã được thông qua ngày {vi_day}, không nhận thêm góp ý)"
            in said)
    assert (f"Văn bản đã được thông qua ngày {vi_day}: không nhận thêm góp ý; cơ quan soạn thảo vẫn tiếp thu, giải "
            "trình các ý kiến đã nhận.") in said
    assert "đang lấy ý kiến" not in said
    assert f"/comments/{cid}/respond" in page.text  # the office still answers
    english = html.unescape(" ".join(c.get("/?lang=en").text.split()))
    assert f"Round 1 (the document was adopted on {en_day}; comments are no longer taken): draft 2" in english
    assert "(open" not in english
    said = html.unescape(" ".join(c.get(f"/a/{SLUG}/comments?lang=en").text.split()))
    assert f"round 1 (draft 2, the document was adopted on {en_day}; comments are no longer taken)" in said
    assert "the drafting office still answers those received." in said and ", open)" not in said


def test_a_member_cannot_edit_or_withdraw_a_comment_once_the_document_is_adopted(review_ws: Workspace,
                                                                                  invoke: Invoke) -> None:
    """The comments page offered a member “Sửa ý kiến” and “Rút ý kiến này” on their comment after the adoption:
    neither is offered, and a form sent from a page opened before is refused in the page's words (r44 office44)."""
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    an = entered(review_ws, secret)
    cid = sent(an)
    csrf = token(an, f"/a/{SLUG}/comments")  # the page opened before the adoption
    assert invoke(review_ws, *ADOPT).exit_code == 0
    adopted = head(review_ws)
    page = an.get(f"/a/{SLUG}/comments").text
    assert f"/comments/{cid}/edit" not in page and f"/comments/{cid}/withdraw" not in page
    today = "20/10/2025"  # the document's own date (`--signed`), not the adoption commit's (r44 sweep CI F5)
    for action, data in (("edit", {"text": "Đã sửa."}), ("withdraw", {})):
        answer = an.post(f"/a/{SLUG}/comments/{cid}/{action}", data={"csrf": csrf, **data})
        assert answer.status_code == 409, (action, answer.text)
        assert f"đã được thông qua ngày {today}: không nhận thêm góp ý." in html.unescape(answer.text), action
    assert head(review_ws) == adopted
