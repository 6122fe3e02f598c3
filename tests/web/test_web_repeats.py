"""What a member's form sends is read as it is meant: a form sent twice records one comment, words typed in NFD
are recorded in NFC, and a one-line proposal for a clause with points is not accepted as the whole clause."""

from __future__ import annotations

import html
import unicodedata

from regdraft.workspace.rounds import add_comment, load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, comment_form, head, token


def test_a_form_sent_twice_records_one_comment_and_says_so(review_ws: Workspace) -> None:
    # Back, then Send again, with the same token: two identical comments were recorded.
    c = client(review_ws)
    form = comment_form(token(c), proposal="2. Thực hiện chế độ báo cáo định kỳ.")
    first = c.post(f"/a/{SLUG}/comments", data=form)
    (comment,) = load_comments(review_ws, SLUG)
    before = head(review_ws)
    again = c.post(f"/a/{SLUG}/comments", data={**form, "text": form["text"] + "\r\n"})
    assert again.status_code == 303
    assert load_comments(review_ws, SLUG) == [comment] and head(review_ws) == before
    assert again.headers["location"].split("#")[0] != first.headers["location"].split("#")[0]
    page = html.unescape(c.get(again.headers["location"]).text)
    assert f"Góp ý này đã được lưu trước đó (ý kiến {comment.id})" in page
    assert f"Đã lưu góp ý {comment.id}." not in page
    # Another text, another proposal or another provision is another comment.
    for other in ({"text": "Đề nghị làm rõ thời hạn."}, {"proposal": ""}, {"on": "d5.k1", "proposal": ""}):
        assert c.post(f"/a/{SLUG}/comments", data={**form, **other}).status_code == 303
    assert len(load_comments(review_ws, SLUG)) == 4


def test_every_field_typed_in_nfd_is_recorded_in_nfc(review_ws: Workspace) -> None:
    # A name typed in NFD (some keyboards on macOS) was committed as the git author in NFD.
    c = client(review_ws)
    nfd = "Nguyễn Thị Hồng Nhung"
    assert unicodedata.normalize("NFD", nfd) != nfd
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), name=unicodedata.normalize("NFD", nfd)))
    assert sent.status_code == 303
    assert review_ws.repo.git.log("-1", "--format=%an") == nfd
    (comment,) = load_comments(review_ws, SLUG)
    reply = "Tiếp thu, sửa thời hạn báo cáo."
    answered = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                      data={"csrf": token(c), "disposition": "accepted", "reply": unicodedata.normalize("NFD", reply)})
    assert answered.status_code == 303
    assert load_comments(review_ws, SLUG)[0].reply == reply


def test_accepting_one_line_for_a_clause_with_points_is_refused_in_the_page_words(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "khoản 1 Điều 12", "Họp thường xuyên hơn.",
                          proposal="Ban Chấp hành Đảng bộ tỉnh họp hai tháng một lần.")
    c = client(review_ws)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={"csrf": token(c), "reply": ""})
    assert refused.status_code == 422
    assert f"Đề xuất của ý kiến {comment.id} không có các điểm a)–c) của khoản 1 Điều 12" in \
        html.unescape(refused.text)
    assert head(review_ws) == before


def test_two_members_of_one_body_saying_the_same_words_are_two_comments(review_ws: Workspace) -> None:
    # Chính, of the same body as An, sent `Nhất trí.` on the clause An had: nothing was recorded for him, and he was
    # told he had sent the form twice (sweep r28/AF, defect 1).
    from regdraft.workspace.access import invite
    from tests.web.conftest import entered

    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, chinh = invite(review_ws, "Đỗ Minh Chính", BODIES[0])
    form = {"round": "1", "on": "d12.k4", "text": "Nhất trí.", "proposal": "", "type": ""}
    first, second = entered(review_ws, an), entered(review_ws, chinh)
    assert first.post(f"/a/{SLUG}/comments", data={**form, "csrf": token(first)}).status_code == 303
    sent = second.post(f"/a/{SLUG}/comments", data={**form, "csrf": token(second)})
    assert sent.status_code == 303 and "again=1" not in sent.headers["location"]
    page = html.unescape(second.get(sent.headers["location"]).text)
    assert "đã được lưu trước đó" not in page
    comments = load_comments(review_ws, SLUG)
    assert sorted(c.author for c in comments) == ["Nguyễn Văn An", "Đỗ Minh Chính"]
    assert review_ws.repo.git.log("-1", "--format=%an") == "Đỗ Minh Chính"
    # Each one's own form sent again is still a repeat.
    again = second.post(f"/a/{SLUG}/comments", data={**form, "csrf": token(second)})
    assert "again=1" in again.headers["location"] and len(load_comments(review_ws, SLUG)) == 2


def test_a_comments_joiners_are_kept_and_direction_overrides_left_out(review_ws: Workspace) -> None:
    # 👨‍👩‍👧 was stored as three people and 🏳️‍🌈 as a flag and a rainbow: U+200D was taken out with the overrides
    # (sweep r28/AF, defect 4). A Persian word keeps its non-joiner (U+200C).
    c = client(review_ws)
    typed = "Rất tốt 👍🏽👨\u200d👩\u200d👧 🇻🇳 ❤️ 🏳️\u200d🌈 — nhất trí; می\u200cخواهم."
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=typed + "\u202e\u200b"))
    assert sent.status_code == 303, sent.text
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.text == typed
    assert typed in html.unescape(c.get(f"/a/{SLUG}/comments").text)
    answered = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                      data={"csrf": token(c), "disposition": "noted", "reply": "Ghi nhận 👨\u200d👩\u200d👧\u202e."})
    assert answered.status_code == 303
    assert load_comments(review_ws, SLUG)[0].reply == "Ghi nhận 👨\u200d👩\u200d👧."
    # Joiners alone are no comment.
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="\u200d\u200c \u200d"))
    assert refused.status_code == 400 and len(load_comments(review_ws, SLUG)) == 1


def test_a_joiner_inside_a_vietnamese_word_is_left_out_as_a_soft_hyphen_is(review_ws: Workspace) -> None:
    # A joiner between two Latin letters joins nothing a reader sees, and hid `thủ tục` from a search (r37); the
    # emoji's and the Persian word's stay.
    c = client(review_ws)
    typed = "Thủ\u200dtục và Nội\u200c vụ: 👨\u200d👩\u200d👧, می\u200cخواهم."
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=typed))
    assert sent.status_code == 303, sent.text
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.text == "Thủtục và Nội vụ: 👨\u200d👩\u200d👧, می\u200cخواهم."
