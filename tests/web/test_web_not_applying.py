"""The comments page of a draft an adoption since it was begun left unable to apply (r42 sweep CK 4).

Round 1 of the shipped `qc-sua-doi-2025` is open; `som`, inserting khoản 4a Điều 6 as its instruction 3 does, is
adopted after it was begun. Its comments are placed nowhere: the page says so in its words, with the adoption, and
accepting a proposal is refused with the same reason, nothing written.
"""

from __future__ import annotations

import html

from regdraft.workspace import adoption
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, draft_of_01, head, token
from tests.web.test_web_answered import _proposal

SOM = draft_of_01("1\\. Bổ sung khoản 4a vào sau khoản 4 Điều 6 như sau:\n\n“4a\\. Chỉ đạo công tác bảo vệ bí mật nhà "
                  "nước trong các cơ quan đảng tỉnh.”.", "Điều 6", "08-QC/TU",
                  "Quy chế sửa đổi, bổ sung Điều 6 của Quy chế làm việc")


def _text(page: str) -> str:
    return " ".join(html.unescape(page).split())


def test_a_draft_an_adoption_left_unable_to_apply_says_why_and_refuses_a_proposal(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d4.k2", "Đề nghị bổ sung.",
                          proposal=_proposal(review_ws, "d4.k2"))
    review_ws.commit({"amendments/som/amendment.md": SOM.encode("utf-8")}, "Draft som")
    adoption.adopt(review_ws, "som", "2025-06-01", force="test")
    c = client(review_ws)
    page = c.get(f"/a/{SLUG}/comments")
    assert page.status_code == 200, page.text
    shown = _text(page.text)
    assert '<span class="state state-unknown">chưa xác định</span>' in page.text and ">unknown<" not in page.text
    assert ("Dự thảo không còn áp dụng được vào văn bản đang có hiệu lực kể từ khi 08-QC/TU được thông qua: khoản 3 "
            "Điều 1 của văn bản sửa đổi không còn áp dụng được") in shown, shown
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={"csrf": token(c), "reply": "Tiếp thu."})
    assert refused.status_code == 422, refused.text
    said = _text(refused.text)
    assert (f"Chưa thể đưa đề xuất của ý kiến {comment.id} vào dự thảo. Dự thảo không còn áp dụng được vào văn bản "
            "đang có hiệu lực kể từ khi 08-QC/TU được thông qua") in said, said
    assert "08-QC/TU (som, instruction 1), adopted since this draft was begun" in said, said  # the office's detail
    assert head(review_ws) == before
