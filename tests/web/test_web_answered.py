"""The comments page after a drafter answers a comment: the notice stands in that comment, and after a proposal is
accepted it says which instructions of the amending document changed (r25 sweep D defect 5)."""

from __future__ import annotations

import html
import re

from regdraft.web.answers import document_changes
from regdraft.web.words import Words
from regdraft.workspace.rounds import add_comment, draft_text
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, loaded, token


def _notice(page: str) -> str:
    found = re.search(r'<p class="notice answered" id="c-\w+-saved" role="status" tabindex="-1">(.*?)</p>', page, re.S)
    assert found, page
    return " ".join(html.unescape(found.group(1)).split())


def _proposal(ws: Workspace, on: str) -> str:
    unit = draft_text(ws, SLUG).find(on).unit
    return f"{unit.label}. {unit.text[0].rstrip('.;:')} và các công việc khác."


def test_accepting_a_proposal_says_the_amending_document_changed_and_how(review_ws: Workspace) -> None:
    # Accepting a proposal on khoản 2 Điều 4, which no instruction named, wrote a new khoản 2 of Điều 1 and
    # renumbered the thirteen after it; the notice said only "Đã lưu kết quả tiếp thu, giải trình ý kiến …".
    comment = add_comment(review_ws, SLUG, BODIES[0], "d4.k2", "Đề nghị bổ sung.",
                          proposal=_proposal(review_ws, "d4.k2"))
    c = client(review_ws)
    done = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={"csrf": token(c), "reply": "Tiếp thu."})
    assert done.status_code == 303
    assert done.headers["location"] == f"/a/{SLUG}/comments?round=1&done={comment.id}&accepted=1#c-{comment.id}-saved"
    page = c.get(done.headers["location"]).text
    assert _notice(page) == (f"Đã lưu kết quả tiếp thu, giải trình ý kiến {comment.id}. Văn bản sửa đổi đã thay "
                             "đổi: khoản 2 Điều 1 (mới); khoản 2–14 Điều 1 nay là khoản 3–15.")
    # The notice stands in the comment answered, after its forms, where the drafter was; not at the top too.
    article = page[page.index(f'<article class="comment" id="c-{comment.id}">'):]
    assert article.index(f'id="c-{comment.id}-saved"') < article.index("</article>")
    assert page.count('class="notice answered"') == 1
    # The page's script focuses it, under the same policy as the redline page's: no inline script.
    assert '<script src="/static/review.js" defer></script>' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", page)
    # Answering the comment again (a disposition) says nothing of the document, which did not change then.
    answer = {**loaded(c, comment.id), "disposition": "accepted", "reply": "Tiếp thu toàn bộ."}
    again = c.post(f"/a/{SLUG}/comments/{comment.id}/respond", data=answer)
    assert again.headers["location"] == f"/a/{SLUG}/comments?round=1&done={comment.id}#c-{comment.id}-saved"
    assert _notice(c.get(again.headers["location"]).text) == \
        f"Đã lưu kết quả tiếp thu, giải trình ý kiến {comment.id}."


def test_an_instruction_rewritten_by_accepting_is_said_changed(review_ws: Workspace) -> None:
    # Accepting a wording of điểm a khoản 1 Điều 12 rewrote the instruction on điểm b (`điểm a và điểm b`).
    proposed = "a) Thường lệ hai tháng một lần; hội nghị cuối năm kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành."
    comment = add_comment(review_ws, SLUG, BODIES[0], "d12.k1.a", "Họp thường xuyên hơn.", proposal=proposed)
    c = client(review_ws)
    done = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={"csrf": token(c)})
    assert _notice(c.get(done.headers["location"]).text).endswith("Văn bản sửa đổi đã thay đổi: khoản 7 Điều 1 (sửa).")


def _edited(ws: Workspace, *changes: tuple[str, str]) -> str:
    """The amendment's text with `changes` made, in one commit: its id."""
    relative = f"amendments/{SLUG}/amendment.md"
    text = ws.read(relative).decode("utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return ws.commit({relative: text.encode("utf-8")}, "Edit the draft")


def test_the_changes_name_instructions_changed_renumbered_and_removed(review_ws: Workspace) -> None:
    # By what they say, not by their number: khoản 13 and 14 saying what khoản 12 and 13 say now are renumbered.
    vi, en = Words.of("vi"), Words.of("en")
    removed = _edited(review_ws, ("12\\. Bỏ cụm từ “khóa XII” tại khoản 1 Điều 3.\n\n13\\.", "12\\."),
                      ("khoản 1 Điều 24.\n\n14\\.", "khoản 1 Điều 24.\n\n13\\."))
    assert document_changes(review_ws, SLUG, removed, vi) == \
        "Văn bản sửa đổi đã thay đổi: khoản 13–14 Điều 1 nay là khoản 12–13; khoản 12 Điều 1 (bỏ)."
    assert document_changes(review_ws, SLUG, removed, en) == ("The amending document changed: clauses 13–14 of "
                                                              "Article 1 are now clauses 12–13; clause 12 of "
                                                              "Article 1 (removed).")
    # Another new title for Điều 7: the instruction giving it is changed.
    renamed = _edited(review_ws, ("“Điều 7. Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên”",
                                  "“Điều 7. Nhiệm vụ, quyền hạn của Tỉnh ủy viên”"))
    assert document_changes(review_ws, SLUG, renamed, vi) == "Văn bản sửa đổi đã thay đổi: khoản 4 Điều 1 (sửa)."
    # A commit leaving the instructions as they were (the front matter, the closing articles) says nothing.
    closing = _edited(review_ws, ("## Điều 2. Điều khoản chuyển tiếp", "## Điều 2. Điều khoản chuyển tiếp\n"))
    assert document_changes(review_ws, SLUG, closing, vi) == ""


def test_the_words_of_each_change() -> None:
    from regdraft.core.amend.instruction_changes import InstructionChange
    from regdraft.web.answers import _said_changes

    changes = [InstructionChange("changed", "1", "4", "3"), InstructionChange("renumbered", "1", "5", "4"),
               InstructionChange("renumbered", "1", "7", "6"), InstructionChange("added", "2", "", "1a")]
    assert _said_changes(changes, Words.of("vi")) == [
        "khoản 3 Điều 1 (sửa, trước là khoản 4)", "khoản 5 Điều 1 nay là khoản 4", "khoản 7 Điều 1 nay là khoản 6",
        "khoản 1a Điều 2 (mới)"]
    assert _said_changes(changes, Words.of("en"))[0] == "clause 3 of Article 1 (changed; it was clause 4)"
