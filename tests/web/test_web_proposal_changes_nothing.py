"""A comment sent from the review page with a proposal that is the provision's text in the draft commented on (its
label or spaces aside, as typed without the editor) is recorded as sent, and the page says its proposal changes
nothing: it said "saved" alone."""

from __future__ import annotations

import html

from regdraft.core.amend.proposal import editor_text
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG, client, comment_form, token


def test_the_review_page_records_a_proposal_of_the_text_as_it_reads_and_says_it_changes_nothing(
        review_ws: Workspace) -> None:
    unit = rounds.draft_text(review_ws, SLUG).find("d5.k2").unit
    c = client(review_ws)
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), proposal=editor_text(unit, "vi") + "\r\n"))
    assert sent.status_code == 303
    (comment,) = rounds.load_comments(review_ws, SLUG)
    assert comment.text == "Đề nghị làm rõ thời hạn báo cáo." and comment.proposal == editor_text(unit, "vi")
    page = html.unescape(c.get(sent.headers["location"]).text)
    assert f"Đã lưu góp ý {comment.id}. Nội dung đề xuất sửa trùng với nội dung của quy định" in page
    # A proposal that changes something is saved without that sentence.
    other = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="Khác.",
                                                                proposal=editor_text(unit, "vi") + " Bổ sung."))
    assert "trùng với nội dung" not in html.unescape(c.get(other.headers["location"]).text)
