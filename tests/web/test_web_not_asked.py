"""A member whose body the open round does not consult (sweep r26 S, defect 2): the redline page says so up front, in
place of a comment form whose comment would be refused, and whom to turn to; a comment sent anyway (from a page
opened before) is refused without telling the member to choose another body, which the link does not let them do,
and what was typed is given back."""

from __future__ import annotations

import html
import re

from starlette.testclient import TestClient

from regdraft.web.app import create_app
from regdraft.web.guard import CSRF_COOKIE, Visitor, csrf_token
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, comment_form, entered, head, token

OTHER = "Ban Tuyên giáo Tỉnh ủy"
SAID = (f"{OTHER} không có trong danh sách cơ quan, đơn vị được lấy ý kiến tại vòng 1 ({', '.join(BODIES)}), nên "
        f"trang này không nhận góp ý của {OTHER} trong vòng này. Nếu {OTHER} cần góp ý, xin liên hệ cơ quan soạn "
        "thảo: việc bổ sung cơ quan, đơn vị được lấy ý kiến do cơ quan soạn thảo quyết định.")


def _shown(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_a_member_of_a_body_not_consulted_is_told_before_writing(review_ws: Workspace) -> None:
    _, link = invite(review_ws, "Lê Văn Cường", OTHER)
    c = entered(review_ws, link)
    page = c.get(f"/a/{SLUG}/redline")
    assert page.status_code == 200
    assert SAID in _shown(page.text)
    assert 'id="comment-form"' not in page.text and 'name="text"' not in page.text
    # A member of a consulted body still gets the form.
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    assert 'id="comment-form"' in entered(review_ws, an).get(f"/a/{SLUG}/redline").text


def test_a_comment_sent_anyway_is_refused_without_asking_to_choose_and_kept(review_ws: Workspace) -> None:
    # As from a page that showed the form (before this change, or opened before the round's bodies were known): the
    # form's token made as the server makes it, the page itself having no form.
    cuong, link = invite(review_ws, "Lê Văn Cường", OTHER)
    secret = b"s" * 32
    c = TestClient(create_app(review_ws.root, links=True, secret=secret), base_url="http://127.0.0.1",
                   follow_redirects=False)
    assert c.get(f"/access/{link}").status_code == 303
    assert c.get(f"/a/{SLUG}/redline").status_code == 200
    csrf = csrf_token(secret, c.cookies[CSRF_COOKIE], Visitor(cuong.name, cuong.body, cuong.role, cuong.key))
    before = head(review_ws)
    typed = "Đề nghị bổ sung\nquy định về thời hạn."
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(csrf, body=OTHER, name="Lê Văn Cường", text=typed))
    assert refused.status_code == 400, refused.text
    shown = _shown(refused.text)
    assert SAID in shown
    assert "xin chọn" not in shown and "choose" not in shown
    assert typed in html.unescape(refused.text)  # given back, its line break kept
    assert head(review_ws) == before and load_comments(review_ws, SLUG) == []


def test_the_office_recording_for_a_body_not_consulted_is_still_asked_to_choose(review_ws: Workspace) -> None:
    _, office = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    c = entered(review_ws, office)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), body=OTHER))
    assert refused.status_code == 400
    assert f"xin chọn một trong: {', '.join(BODIES)}." in _shown(refused.text)
