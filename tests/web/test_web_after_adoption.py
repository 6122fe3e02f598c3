"""The review page of an amendment adopted with its round left open (`amend adopt --force`, r43 sweep CK F7): it
offered the comment form, and the form sent was refused with the reason in the office's English only. The page now
says in its own words that comments are no longer taken and why, in place of the form; a form sent from a tab opened
before is refused in those words, nothing recorded."""

from __future__ import annotations

import datetime as dt

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_store_safety import ADOPT
from tests.web.conftest import SLUG, client, comment_form, head, token


def test_an_adopted_amendment_s_page_takes_no_comment_and_says_why(review_ws: Workspace, invoke: Invoke) -> None:
    c = client(review_ws)
    csrf = token(c)  # the tab opened before the adoption
    assert invoke(review_ws, *ADOPT).exit_code == 0
    adopted = head(review_ws)
    today = dt.date.today().strftime("%d/%m/%Y")
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
    assert f"The document was adopted on {dt.date.today().isoformat()}: comments are no longer taken" in english
