"""A member edits the proposed wording of their own comment in place, as they edit its text ("Sửa ý kiến"): the page
said to withdraw the comment and send another. The same terms hold (their own link, an open round, no answer of any
kind, CSRF and Origin), the wording is kept as typed and checked as a new comment's is, and an answer or accept sent
from a page that showed the wording before is refused (409), also from a workspace's own comments page made without
the hidden `wording` field."""

from __future__ import annotations

import html
import re

from starlette.testclient import TestClient

from regdraft.core.comments import Disposition
from regdraft.web.app import TEMPLATES
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import find_comment, respond_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, entered, head, loaded, sent, token

COMMENTS = f"/a/{SLUG}/comments?round=1"
POINT = ("b) Định kỳ hằng quý, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh và kết quả "
         "thực hiện các nghị quyết, chỉ thị của Đảng;")
# As typed: `*` and `_` are the member's characters, never emphasis (escaped only when the office accepts it).
TYPED = POINT.replace("hằng quý", "*hằng tháng*").replace("của Đảng", "của Đảng (điểm a_1)")
FIELD = '<input type="hidden" name="wording" value="{{ item.wording }}">'


def _people(ws: Workspace) -> tuple[TestClient, TestClient, TestClient]:
    """An, a member of BODIES[0]; Bình, of BODIES[1]; the office (a drafter's link)."""
    an, binh = (entered(ws, invite(ws, name, body)[1])
                for name, body in (("Nguyễn Văn An", BODIES[0]), ("Trần Thị Bình", BODIES[1])))
    return an, binh, entered(ws, invite(ws, "Lê Văn Phòng", "", role="drafter")[1])


def _edit(c: TestClient, cid: str, **fields: str) -> tuple[int, str]:
    answer = c.post(f"/a/{SLUG}/comments/{cid}/edit", data={"csrf": token(c), **fields})
    return answer.status_code, html.unescape(answer.text)


def _box(page: str, cid: str) -> str:
    """What the wording box of comment `cid`'s edit form holds."""
    form = page[page.index(f"/comments/{cid}/edit\""):]
    found = re.search(r'<textarea name="proposal"[^>]*>(.*?)</textarea>', form[:form.index("</form>")], re.S)
    assert found, "the edit form has no wording box"
    return html.unescape(found.group(1))


def test_a_member_edits_the_proposed_wording_in_place_as_typed(review_ws: Workspace) -> None:
    an, binh, _ = _people(review_ws)
    cid = sent(an, on="d5.k2.b", text="Đề nghị báo cáo hằng quý.", proposal=POINT)
    assert _box(an.get(COMMENTS).text, cid) == POINT
    before = head(review_ws)
    status, _ = _edit(an, cid, text="Đề nghị báo cáo hằng quý.", proposal=TYPED)
    assert status == 303
    assert len(list(review_ws.repo.iter_commits(f"{before}..HEAD"))) == 1
    assert review_ws.repo.head.commit.author.name == "Nguyễn Văn An"
    comment = find_comment(review_ws, cid, SLUG)[1]
    assert comment.proposal == TYPED and comment.text == "Đề nghị báo cáo hằng quý." and comment.edited
    assert POINT in review_ws.repo.git.show(f"{before}:amendments/{SLUG}/comments/{cid}.yaml")  # in the history
    page = html.unescape(an.get(COMMENTS).text)
    assert _box(an.get(COMMENTS).text, cid) == TYPED and "*hằng tháng*" in page and "<em>" not in page

    # Another member's link cannot; nor a forged form, nor another site.
    assert _edit(binh, cid, text="x", proposal=POINT)[0] == 403
    forged = an.post(f"/a/{SLUG}/comments/{cid}/edit", data={"csrf": "forged", "text": "x", "proposal": POINT})
    assert forged.status_code == 403
    foreign = an.post(f"/a/{SLUG}/comments/{cid}/edit", data={"csrf": token(an, COMMENTS), "text": "x",
                                                               "proposal": POINT},
                      headers={"origin": "https://evil.example"})
    assert foreign.status_code == 403
    # A wording that is another provision's is refused as a new comment's is, what was typed kept.
    at = head(review_ws)
    status, said = _edit(an, cid, text="Đề nghị báo cáo hằng quý.", proposal="c) Một điểm khác hẳn.")
    assert status == 400 and "không phải điểm b khoản 2 Điều 5 đang góp ý" in said
    assert "c) Một điểm khác hẳn.</textarea>" in said
    # A form without the wording's box (a workspace's own page made before it) keeps the wording.
    assert _edit(an, cid, text="Đề nghị báo cáo hằng tháng.")[0] == 303
    assert find_comment(review_ws, cid, SLUG)[1].proposal == TYPED
    # Emptied, the comment proposes no wording.
    assert _edit(an, cid, text="Đề nghị báo cáo hằng tháng.", proposal="")[0] == 303
    assert find_comment(review_ws, cid, SLUG)[1].proposal == ""
    assert len(list(review_ws.repo.iter_commits(f"{at}..HEAD"))) == 2


def test_an_answered_comments_wording_is_not_edited_and_what_was_typed_is_kept(review_ws: Workspace) -> None:
    an, _, _ = _people(review_ws)
    cid = sent(an, on="d5.k2.b", text="Đề nghị báo cáo hằng quý.", proposal=POINT)
    form = {"csrf": token(an, COMMENTS), "text": "Đề nghị báo cáo hằng quý.", "proposal": TYPED}
    respond_comment(review_ws, cid, "noted", "Đã ghi nhận.", SLUG)  # at the terminal, the page open
    before = head(review_ws)
    late = an.post(f"/a/{SLUG}/comments/{cid}/edit", data=form)
    said = html.unescape(late.text)
    assert late.status_code == 409 and f"Cơ quan soạn thảo đã trả lời ý kiến {cid} nên không thể sửa" in said
    assert "Câu chữ đề xuất đã sửa (chưa được lưu), để sao chép:" in said and TYPED + "</textarea>" in said
    assert head(review_ws) == before and find_comment(review_ws, cid, SLUG)[1].proposal == POINT


def test_a_wording_that_would_drop_points_or_on_a_general_comment_waits_for_confirmation(
        review_ws: Workspace) -> None:
    an, _, _ = _people(review_ws)
    cid = sent(an, on="d5.k2", text="Đề nghị sửa khoản 2.")
    general = sent(an, on="", text="Góp ý chung.")
    assert 'name="proposal"' not in an.get(COMMENTS).text.split(f'id="c-{general}"')[1].split("</article>")[0]
    before = head(review_ws)
    status, said = _edit(an, cid, text="Đề nghị sửa khoản 2.", proposal="Báo cáo định kỳ hằng quý.")
    assert status == 400 and "nếu tiếp thu thì các điểm" in said and 'name="record_anyway"' in said
    status, said = _edit(an, general, text="Góp ý chung.", proposal="Một câu chữ.")
    assert status == 400 and "đây là góp ý chung" in said and 'name="record_anyway"' in said
    assert head(review_ws) == before
    status, _ = _edit(an, cid, text="Đề nghị sửa khoản 2.", proposal="Báo cáo định kỳ hằng quý.", record_anyway="1")
    assert status == 303 and find_comment(review_ws, cid, SLUG)[1].proposal == "Báo cáo định kỳ hằng quý."


def test_the_office_answering_or_accepting_from_a_page_that_showed_the_wording_before_is_refused(
        review_ws: Workspace) -> None:
    an, _, office = _people(review_ws)
    cid = sent(an, on="d5.k2.b", text="Đề nghị báo cáo hằng quý.", proposal=POINT)
    accept = {**loaded(office, cid, "accept"), "reply": "Tiếp thu."}
    respond = {**loaded(office, cid), "disposition": "accepted", "reply": "Tiếp thu."}
    assert _edit(an, cid, text="Đề nghị báo cáo hằng quý.", proposal=TYPED)[0] == 303  # the text as it was
    before, draft = head(review_ws), review_ws.read(f"amendments/{SLUG}/amendment.md")
    for kind, form in (("accept", accept), ("respond", respond)):
        refused = office.post(f"/a/{SLUG}/comments/{cid}/{kind}", data=form)
        said = html.unescape(refused.text)
        assert refused.status_code == 409 and f"Người góp ý đã sửa ý kiến {cid} lúc" in said, kind
        assert "Tiếp thu.</textarea>" in said
    assert head(review_ws) == before and review_ws.read(f"amendments/{SLUG}/amendment.md") == draft
    assert find_comment(review_ws, cid, SLUG)[1].disposition is None
    # Read again, the wording now shown is the one accepted.
    fresh = {**loaded(office, cid, "accept"), "reply": "Tiếp thu."}
    assert office.post(f"/a/{SLUG}/comments/{cid}/accept", data=fresh).status_code == 303
    assert find_comment(review_ws, cid, SLUG)[1].disposition is Disposition.ACCEPTED


def test_a_workspaces_own_page_without_the_wording_field_answers_no_edited_comment(review_ws: Workspace) -> None:
    # The check depended on the page sending `wording`: a workspace's own page made before it answered an edited
    # comment over words nobody in the office read. Now a form without it answers only a comment never edited.
    text = (TEMPLATES / "web-comments.html.j2").read_text(encoding="utf-8")
    assert text.count(FIELD) == 2
    (review_ws.root / "templates" / "web-comments.html.j2").write_text(text.replace(FIELD, ""), encoding="utf-8")
    an, _, office = _people(review_ws)
    kept, edited = (sent(an, on="d5.k2.b", text=f"Ý kiến {n}.", proposal=POINT) for n in (1, 2))
    forms = {cid: {**loaded(office, cid), "disposition": "noted", "reply": "Ghi nhận."} for cid in (kept, edited)}
    assert "wording" not in forms[kept]
    assert _edit(an, edited, text="Ý kiến 2.", proposal=TYPED)[0] == 303
    assert office.post(f"/a/{SLUG}/comments/{kept}/respond", data=forms[kept]).status_code == 303
    before = head(review_ws)
    for form in (forms[edited], {**loaded(office, edited), "disposition": "noted", "reply": "Ghi nhận."}):
        refused = office.post(f"/a/{SLUG}/comments/{edited}/respond", data=form)
        said = html.unescape(refused.text)
        assert refused.status_code == 409 and f"người góp ý đã sửa ý kiến {edited} lúc" in said
        assert "templates/web-comments.html.j2" in said and FIELD in said and "Ghi nhận.</textarea>" in said
    assert head(review_ws) == before and find_comment(review_ws, edited, SLUG)[1].disposition is None


def test_a_wording_edited_into_the_provisions_text_is_said_to_change_nothing(review_ws: Workspace) -> None:
    """As a new comment with such a wording is: an edit said nothing of it (r33 note, item 3)."""
    an, _, _ = _people(review_ws)
    drafted = POINT.replace("hằng quý", "6 tháng")  # the point as the draft circulated reads it
    cid = sent(an, on="d5.k2.b", text="Đề nghị báo cáo hằng quý.", proposal=POINT)
    answer = an.post(f"/a/{SLUG}/comments/{cid}/edit",
                     data={"csrf": token(an), "text": "Đề nghị báo cáo hằng quý.", "proposal": drafted})
    assert answer.status_code == 303 and "&same=1" in answer.headers["location"]
    page = html.unescape(an.get(answer.headers["location"]).text)
    assert "Đã lưu ý kiến" in page and "Nội dung đề xuất sửa trùng với nội dung của quy định" in page
    assert find_comment(review_ws, cid, SLUG)[1].proposal == drafted  # recorded as sent
    # A wording that changes something, or the text alone edited, says nothing of it.
    answer = an.post(f"/a/{SLUG}/comments/{cid}/edit",
                     data={"csrf": token(an), "text": "Đề nghị báo cáo hằng tháng.", "proposal": POINT})
    assert answer.status_code == 303 and "same=1" not in answer.headers["location"]
    assert "Nội dung đề xuất sửa trùng" not in html.unescape(an.get(answer.headers["location"]).text)
