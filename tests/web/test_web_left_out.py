"""The review server's forms say on the page they go on to what they left out of what was typed, in the page's language:
every field was read without its invisible characters, and nothing said so, while `comment add` does. The comment form
since r38; a member's "Sửa ý kiến", the drafter's answer and accept since r39, and a Vietnamese page names the
characters in Vietnamese (`dấu cách không độ rộng (U+200B)`), not in Unicode's English."""

from __future__ import annotations

import html
import re

from starlette.testclient import TestClient

from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment, find_comment, load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, client, comment_form, entered, loaded, sent, token
from tests.web.conftest import SLUG as REVIEWED

SHY, ZWSP, RLO, FEFF = "\u00ad", "\u200b", "\u202e", "\ufeff"
COMMENTS = f"/a/{REVIEWED}/comments"


def test_the_review_form_says_on_the_next_page_what_it_left_out(review_ws: Workspace) -> None:
    c = client(review_ws)
    phrase = f"Báo cáo Ban Chấp hành{SHY} Đảng bộ tỉnh"
    sent = c.post(f"/a/{REVIEWED}/comments", data=comment_form(
        token(c), on="d5.k2", text=f"Về đoạn “{phrase}”: Đề nghị nêu rõ{ZWSP} thời hạn.{ZWSP}"))
    assert sent.status_code == 303, sent.text
    (comment,) = load_comments(review_ws, REVIEWED)
    assert (comment.selection, comment.text) == ("Báo cáo Ban Chấp hành Đảng bộ tỉnh", "Đề nghị nêu rõ thời hạn.")
    page = c.get(sent.headers["location"]).text
    found = re.search(r'id="added-notice"[^>]*>(.*?)</p>', page, re.S)
    assert found is not None, page
    notice = " ".join(html.unescape(found.group(1)).split())
    assert notice == (
        f"Đã lưu góp ý {comment.id}. Đã bỏ 1 dấu gạch nối mềm (dấu gạch nối tùy chọn của Word, U+00AD), dấu đầu tiên "
        "trong đoạn được chọn: dấu này chỉ đánh dấu chỗ một từ có thể ngắt khi xuống dòng, không thuộc nội dung văn "
        "bản. «Chấp hành Đảng» Đã bỏ 2 ký tự ẩn (dấu cách không độ rộng (U+200B)), ký tự đầu tiên trong nội dung góp "
        "ý: văn bản quy phạm không chứa các ký tự này. «nêu rõ thời»"), notice
    # In English, on a page speaking it; an address carrying what no form sends says nothing.
    address = sent.headers["location"].split("#")[0]
    english = html.unescape(c.get(address + "&lang=en").text)
    assert "1 soft hyphen (Word's optional hyphens, U+00AD) left out, the first in the words selected" in english
    crafted = address.split("&left=")[0] + '&left=[[1,"text","x",["41"]]]'
    assert "Đã bỏ" not in c.get(crafted).text


def _notice(c: TestClient, where: str, cid: str) -> str:
    """The notice the comments page shows after a form about comment `cid` was saved, its words as read."""
    page = c.get(where).text
    found = re.search(rf'id="c-{cid}-saved"[^>]*>(.*?)</p>', page, re.S)
    assert found is not None, page
    return " ".join(html.unescape(found.group(1)).split())


def test_a_reworded_comment_says_what_it_left_out_beside_saved(review_ws: Workspace) -> None:
    # A member's "Sửa ý kiến" lost the invisible characters typed into its text and wording, and said nothing (r39).
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    an = entered(review_ws, secret)
    cid = sent(an, on="d5.k2.b", text="Đề nghị sửa.")
    wording = f"b) Định kỳ hằng quý, một năm báo cáo Bộ Chính{SHY}trị, Ban Bí thư;"
    done = an.post(f"/a/{REVIEWED}/comments/{cid}/edit", data={
        "csrf": token(an, COMMENTS), "text": f"Đề nghị{ZWSP} báo cáo{RLO} hằng quý.", "proposal": wording})
    assert done.status_code == 303, done.text
    (comment,) = load_comments(review_ws, REVIEWED)
    assert (comment.text, comment.proposal) == ("Đề nghị báo cáo hằng quý.", wording.replace(SHY, ""))
    assert _notice(an, done.headers["location"], cid) == (
        f"Đã lưu ý kiến {cid} đã sửa; nội dung trước khi sửa vẫn được lưu trong lịch sử. Đã bỏ 1 dấu gạch nối mềm "
        "(dấu gạch nối tùy chọn của Word, U+00AD), dấu đầu tiên trong nội dung đề xuất sửa: dấu này chỉ đánh dấu chỗ "
        "một từ có thể ngắt khi xuống dòng, không thuộc nội dung văn bản. «Bộ Chínhtrị, Ban» Đã bỏ 2 ký tự ẩn (dấu "
        "cách không độ rộng (U+200B), ký tự ép chiều phải sang trái (đảo ngược thứ tự chữ) (U+202E)), ký tự đầu tiên "
        "trong nội dung góp ý: văn bản quy phạm không chứa các ký tự này. «Đề nghị báo»")
    english = _notice(an, done.headers["location"].split("#")[0] + "&lang=en", cid)
    assert english.endswith("2 invisible characters (U+200B (zero width space), U+202E (right-to-left override)) "
                            "left out, the first in the comment's text: no legal text holds them. «Đề nghị báo»")


def test_an_answer_and_an_accept_say_what_they_left_out_of_the_reply(review_ws: Workspace) -> None:
    # The drafter's answer and accept lost them from the reply with nothing said (r39).
    plain = add_comment(review_ws, REVIEWED, BODIES[0], "d5.k2", "Đề nghị làm rõ.").id
    proposal = "b) Định kỳ hằng quý, một năm báo cáo Bộ Chính trị, Ban Bí thư;"
    proposed = add_comment(review_ws, REVIEWED, BODIES[1], "d5.k2.b", "Đề nghị sửa.", proposal=proposal).id
    c = client(review_ws)
    answered = c.post(f"/a/{REVIEWED}/comments/{plain}/respond", data={
        **loaded(c, plain), "disposition": "accepted", "reply": f"Tiếp{SHY}thu tại khoản 2.{FEFF}"})
    assert answered.status_code == 303, answered.text
    assert _notice(c, answered.headers["location"], plain) == (
        f"Đã lưu kết quả tiếp thu, giải trình ý kiến {plain}. Đã bỏ 1 dấu gạch nối mềm (dấu gạch nối tùy chọn của "
        "Word, U+00AD), dấu đầu tiên trong nội dung giải trình: dấu này chỉ đánh dấu chỗ một từ có thể ngắt khi xuống "
        "dòng, không thuộc nội dung văn bản. «Tiếpthu tại» Đã bỏ 1 ký tự ẩn (dấu cách không ngắt không độ rộng "
        "(U+FEFF)), ký tự đầu tiên trong nội dung giải trình: văn bản quy phạm không chứa các ký tự này. «khoản 2.»")
    # The same answer sent again was said the first time: not again.
    again = c.post(f"/a/{REVIEWED}/comments/{plain}/respond", data={
        **loaded(c, plain), "disposition": "accepted", "reply": f"Tiếp{SHY}thu tại khoản 2.{FEFF}"})
    assert "again=1" in again.headers["location"] and "left=" not in again.headers["location"]
    accepted = c.post(f"/a/{REVIEWED}/comments/{proposed}/accept", data={
        **loaded(c, proposed, "accept"), "reply": f"Tiếp thu{ZWSP}."})
    assert accepted.status_code == 303, accepted.text
    assert _notice(c, accepted.headers["location"], proposed).endswith(
        "Đã bỏ 1 ký tự ẩn (dấu cách không độ rộng (U+200B)), ký tự đầu tiên trong nội dung giải trình: văn bản quy "
        "phạm không chứa các ký tự này. «Tiếp thu.»")
    assert find_comment(review_ws, proposed, REVIEWED)[1].reply == "Tiếp thu."
