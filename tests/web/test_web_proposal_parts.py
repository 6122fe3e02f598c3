"""The review page refuses, when it is made, a proposal for a part (a lead-in, a title) that accepting could never
write, naming the line at fault; and accepting a recorded proposal that cannot be written says so in the page's words.
"""

from __future__ import annotations

import html
from dataclasses import replace

from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.workspace.rounds import add_comment, load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, comment_form, head, token

LEAD_IN = ("Lãnh đạo tổ chức thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV và các nghị quyết, chỉ "
           "thị, kết luận của Trung ương, cụ thể:")


def _page(response: object) -> str:
    return " ".join(html.unescape(response.text).split())  # type: ignore[attr-defined]


def test_a_lead_in_proposal_adding_a_point_is_refused_naming_the_line(review_ws: Workspace) -> None:
    # It was recorded ("Đã lưu góp ý"), and accepting it failed with "Điểm a khoản 1 Điều 4 appears twice".
    c = client(review_ws)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d4.k1.intro", text="Thử.",
                                                               proposal=f"{LEAD_IN}\na) Một điểm mới;"))
    assert refused.status_code == 400
    page = _page(refused)
    assert ("Đề xuất sửa thành cho đoạn mở đầu khoản 1 Điều 4 có thêm dòng “a) Một điểm mới;”, là một đơn vị khác "
            "ngoài đoạn mở đầu khoản 1 Điều 4") in page
    assert "xin góp ý vào khoản 1 Điều 4 và viết đề xuất cho cả khoản 1 Điều 4" in page
    assert "Thử." in page and head(review_ws) == before and not load_comments(review_ws, SLUG)
    # A lead-in has no label: one written with its clause's label is another provision, refused too.
    labelled = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d4.k1.intro", text="Thử.",
                                                                proposal=f"1. {LEAD_IN}"))
    assert labelled.status_code == 400
    assert "Đề xuất sửa thành bắt đầu bằng “1. Lãnh đạo" in _page(labelled)
    # The lead-in alone, reworded, is recorded.
    fine = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d4.k1.intro", text="Thử.",
                                                            proposal=LEAD_IN.replace("cụ thể", "gồm")))
    assert fine.status_code == 303


def test_a_title_proposal_with_an_added_article_names_the_added_line(review_ws: Workspace) -> None:
    # It said the wording "không phải tên Điều 7", though its first line is the new title.
    c = client(review_ws)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(
        token(c), on="d7.title", text="Tách điều.",
        proposal="Nhiệm vụ của Tỉnh ủy viên\nĐiều 7a. Trách nhiệm nêu gương"))
    assert refused.status_code == 400
    page = _page(refused)
    assert "Đề xuất sửa thành cho tên Điều 7 có thêm dòng “Điều 7a. Trách nhiệm nêu gương”" in page
    assert "không phải tên Điều 7" not in page and "bắt đầu bằng" not in page
    # A title typed over two lines is told it is one line, not that it is another provision's wording.
    two = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d7.title", text="Sửa tên.",
                                                           proposal="Nhiệm vụ của Tỉnh ủy viên\nvà trách nhiệm"))
    assert two.status_code == 400
    said = _page(two)
    assert "Đề xuất sửa thành cho tên Điều 7 được viết trên 2 dòng" in said and "không phải tên Điều 7" not in said


def test_accepting_a_proposal_that_cannot_be_written_is_refused_in_the_page_words(review_ws: Workspace) -> None:
    # One recorded before the check (or by hand): the page showed "Chi tiết … (bằng tiếng Anh): comment a0ea has 1
    # problem: comment a0ea:74: Điểm a khoản 1 Điều 4 appears twice".
    made = add_comment(review_ws, SLUG, BODIES[0], "d4.k1.intro", "Thử.", proposal=LEAD_IN)
    bad = replace(made, proposal=f"{LEAD_IN}\na) Một điểm mới;")
    relative = f"amendments/{SLUG}/comments/{made.id}.yaml"
    review_ws.commit({relative: comment_to_yaml(bad).encode("utf-8")}, "A proposal written by hand")
    c = client(review_ws)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments/{made.id}/accept", data={"csrf": token(c, f"/a/{SLUG}/comments")})
    assert refused.status_code == 422
    page = _page(refused)
    assert f"Đề xuất của ý kiến {made.id} chưa đưa được vào đoạn mở đầu khoản 1 Điều 4 một cách tự động" in page
    assert f"regdraft amend from-edits {SLUG}" in page
    assert "tiếng Anh" not in page and "appears twice" not in page
    assert head(review_ws) == before
