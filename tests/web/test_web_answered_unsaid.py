"""A form that does not say which answer its page showed (a workspace's own `web-comments.html.j2` made before the
hidden `answered` field, a script) changes no answer, and says why: it was refused as answered since the page was
opened, "press the button again" to replace it, and pressing it again was refused the same way, for ever."""

from __future__ import annotations

import html

from regdraft.web.app import TEMPLATES
from regdraft.web.words import Words
from regdraft.workspace.rounds import add_comment, find_comment, respond_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, head, loaded

FIELD = '<input type="hidden" name="answered" value="{{ item.answered }}">'
REPLY = "Không tiếp thu: giữ nguyên cụm từ theo Hướng dẫn của Trung ương."


def _own_page(ws: Workspace) -> None:
    """The workspace's own comments page: the package's, without the `answered` field (as made before it)."""
    text = (TEMPLATES / "web-comments.html.j2").read_text(encoding="utf-8")
    assert FIELD in text
    (ws.root / "templates" / "web-comments.html.j2").write_text(text.replace(FIELD, ""), encoding="utf-8")


def _answer(ws: Workspace, cid: str) -> tuple[str, str]:
    comment = find_comment(ws, cid, SLUG)[1]
    return (comment.disposition.value if comment.disposition else "", comment.reply)


def _text(page: str) -> str:
    return " ".join(html.unescape(page).split())


def test_the_own_page_without_the_field_gives_a_first_answer_and_says_how_to_change_one(review_ws: Workspace) -> None:
    _own_page(review_ws)
    first = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.")
    c = client(review_ws)
    shown = loaded(c, first.id)
    assert set(shown) == {"csrf", "wording"}  # the own page sends no `answered`
    done = c.post(f"/a/{SLUG}/comments/{first.id}/respond", data={**shown, "disposition": "rejected", "reply": REPLY})
    assert done.status_code == 303 and _answer(review_ws, first.id) == ("rejected", REPLY)  # a first answer
    before = head(review_ws)
    for _ in range(2):  # and pressed again from the page of the refusal: no answer replaced unseen, ever
        refused = c.post(f"/a/{SLUG}/comments/{first.id}/respond",
                         data={**loaded(c, first.id), "disposition": "noted", "reply": "Ghi nhận."})
        assert refused.status_code == 409, refused.text
        assert head(review_ws) == before and _answer(review_ws, first.id) == ("rejected", REPLY)
        page = _text(refused.text)
        assert f"Kết quả chưa được lưu: ý kiến {first.id} đã có câu trả lời (Không tiếp thu (“{REPLY}”))" in page
        assert "(templates/web-comments.html.j2) thiếu trường ẩn “answered”" in page
        assert f"hãy thêm {FIELD} vào trong mỗi biểu mẫu" in page
        assert "Ghi nhận." in page  # what was typed, kept
        assert f"bấm “{Words.of('vi')('record_answer')}” lần nữa" not in page  # the advice that never worked
    (review_ws.root / "templates" / "web-comments.html.j2").unlink()  # regdraft's own page again
    changed = c.post(f"/a/{SLUG}/comments/{first.id}/respond",
                     data={**loaded(c, first.id), "disposition": "noted", "reply": "Ghi nhận."})
    assert changed.status_code == 303 and _answer(review_ws, first.id) == ("noted", "Ghi nhận.")


def test_a_script_s_form_without_the_field_is_told_its_page_is_out_of_date(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.")
    respond_comment(review_ws, comment.id, "rejected", REPLY, SLUG)
    c = client(review_ws)
    csrf = loaded(c, comment.id)["csrf"]
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                     data={"csrf": csrf, "disposition": "noted", "reply": "Ghi nhận."})
    assert refused.status_code == 409 and _answer(review_ws, comment.id) == ("rejected", REPLY)
    assert _text(Words.of("vi")("unsaid_old_page")) in _text(refused.text)
    # The same answer sent again is no change: said so, nothing written, whatever the form said it showed.
    again = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                   data={"csrf": csrf, "disposition": "rejected", "reply": REPLY})
    assert again.status_code == 303 and "again=1" in again.headers["location"]
