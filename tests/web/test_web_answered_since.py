"""An answer sent from a comments page opened before the comment was answered elsewhere (at the terminal, in another
tab) is refused, both answers shown and the one typed kept; it replaced the other unseen (r30 sweep AQ defect 2)."""

from __future__ import annotations

import html
import re

from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.rounds import add_comment, find_comment, respond_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, head, loaded
from tests.web.test_web_answered import _proposal

REJECTION = "Không tiếp thu: giữ nguyên cụm từ theo Hướng dẫn của Trung ương."


def _text(page: str) -> str:
    return " ".join(html.unescape(page).split())


def _disposition(ws: Workspace, cid: str) -> tuple[str, str]:
    comment = find_comment(ws, cid, SLUG)[1]
    return (comment.disposition.value if comment.disposition else "", comment.reply)


def test_an_answer_given_at_the_terminal_since_the_page_was_opened_is_not_replaced(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.")
    c = client(review_ws)
    shown = loaded(c, comment.id)  # the drafter opens the comments page
    assert set(shown) == {"csrf", "answered", "wording"}
    respond_comment(review_ws, comment.id, "rejected", REJECTION, SLUG)  # the clerk answers at the terminal
    before = head(review_ws)
    typed = "Ghi nhận, sẽ nghiên cứu thêm."
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                     data={**shown, "disposition": "noted", "reply": typed})
    assert refused.status_code == 409, refused.text
    assert head(review_ws) == before and _disposition(review_ws, comment.id) == ("rejected", REJECTION)
    page = _text(refused.text)
    assert (f"Kết quả chưa được lưu: ý kiến {comment.id} đã được trả lời sau khi trang này được mở, và lưu thì sẽ thay "
            f"thế câu trả lời đó. Câu trả lời đang có: Không tiếp thu (“{REJECTION}”). Kết quả vừa nhập: Ghi nhận "
            f"(“{typed}”); nội dung đã nhập vẫn được giữ nguyên dưới đây. Nếu vẫn muốn thay thế, xin xem lại rồi bấm "
            "“Lưu kết quả tiếp thu, giải trình” lần nữa.") in page
    # What was typed is given back in the form, which now carries the answer on record: sent again, it replaces it.
    form = refused.text[refused.text.index(f'/comments/{comment.id}/respond"'):]
    form = form[:form.index("</form>")]
    assert f">{typed}</textarea>" in html.unescape(form) and '<option value="noted" selected>' in form
    again = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form))
    assert again["answered"] not in ("", shown["answered"])
    done = c.post(f"/a/{SLUG}/comments/{comment.id}/respond", data={**again, "disposition": "noted", "reply": typed})
    assert done.status_code == 303 and _disposition(review_ws, comment.id) == ("noted", typed)
    # A form that says nothing of the answer it showed (a script, the sweep's curl) is a page that showed none.
    respond_comment(review_ws, comment.id, "rejected", REJECTION, SLUG)
    bare = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                  data={"csrf": shown["csrf"], "disposition": "noted", "reply": "Ghi nhận."})
    assert bare.status_code == 409 and _disposition(review_ws, comment.id) == ("rejected", REJECTION)


def test_a_first_answer_and_the_same_answer_sent_twice_are_recorded_once(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.")
    c = client(review_ws)
    shown = loaded(c, comment.id)
    assert shown["answered"] == ""  # no answer yet
    answer = {**shown, "disposition": "partly", "reply": "Tiếp thu một phần."}
    first = c.post(f"/a/{SLUG}/comments/{comment.id}/respond", data=answer)
    assert first.status_code == 303 and "again" not in first.headers["location"]
    recorded = head(review_ws)
    twice = c.post(f"/a/{SLUG}/comments/{comment.id}/respond", data=answer)  # the button pressed twice
    assert twice.status_code == 303 and "&again=1" in twice.headers["location"]
    assert head(review_ws) == recorded
    # The same answer given at the terminal since is no change either: nothing replaced, nothing refused.
    other = add_comment(review_ws, SLUG, BODIES[1], "d5.k2", "Góp ý khác.")
    shown = loaded(c, other.id)
    respond_comment(review_ws, other.id, "noted", "Ghi nhận.", SLUG)
    same = c.post(f"/a/{SLUG}/comments/{other.id}/respond",
                  data={**shown, "disposition": "noted", "reply": "Ghi nhận."})
    assert same.status_code == 303 and "&again=1" in same.headers["location"]


def test_accepting_from_a_page_opened_before_a_rejection_at_the_terminal_is_refused(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d4.k2", "Đề nghị bổ sung.",
                          proposal=_proposal(review_ws, "d4.k2"))
    amendment = f"amendments/{SLUG}/amendment.md"
    c = client(review_ws)
    shown = loaded(c, comment.id, "accept")
    respond_comment(review_ws, comment.id, "rejected", REJECTION, SLUG)
    before, text = head(review_ws), review_ws.read(amendment)
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={**shown, "reply": "Tiếp thu đề xuất."})
    assert refused.status_code == 409, refused.text
    # Nothing written: not the proposal into the draft, nor the answer over the rejection.
    assert head(review_ws) == before and review_ws.read(amendment) == text
    assert _disposition(review_ws, comment.id) == ("rejected", REJECTION)
    page = _text(refused.text)
    assert (f"Câu trả lời đang có: Không tiếp thu (“{REJECTION}”). Kết quả vừa nhập: Tiếp thu (“Tiếp thu đề xuất.”); "
            "nội dung đã nhập vẫn được giữ nguyên dưới đây. Nếu vẫn muốn thay thế, xin xem lại rồi bấm “Tiếp thu đề "
            "xuất, sửa vào dự thảo” lần nữa.") in page
    form = refused.text[refused.text.index(f'/comments/{comment.id}/accept"'):]
    form = form[:form.index("</form>")]
    assert ">Tiếp thu đề xuất.</textarea>" in html.unescape(form)
    # Sent again from the page that shows the rejection: the drafter chose to replace it.
    again = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form))
    done = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={**again, "reply": "Tiếp thu đề xuất."})
    assert done.status_code == 303 and _disposition(review_ws, comment.id) == ("accepted", "Tiếp thu đề xuất.")
    assert review_ws.read(amendment) != text


def test_accepting_twice_or_after_the_terminal_accepted_writes_the_proposal_once(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d4.k2", "Đề nghị bổ sung.",
                          proposal=_proposal(review_ws, "d4.k2"))
    c = client(review_ws)
    shown = loaded(c, comment.id, "accept")
    accept_proposal(review_ws, SLUG, comment.id, "Tiếp thu.")  # at the terminal
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={**shown, "reply": "Tiếp thu."})
    assert refused.status_code == 422 and head(review_ws) == before  # refused as before: written in already
    assert f"Đề xuất của ý kiến {comment.id} đã được đưa vào dự thảo" in _text(refused.text)
