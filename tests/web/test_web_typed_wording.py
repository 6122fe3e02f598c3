"""The wording editor opens with a provision's words as a member types them, and a proposal marked against its
provision shows them so too (escape32).

A provision's text is Markdown: a law imported from text, or wording accepted from a comment, writes `2*3*4` as
`2\\*3\\*4`. The review page's wording editor was filled with that source, backslashes and all, and the comment
report's (and comments page's) marked proposal compared the source with the member's typed words, so the
backslashes showed as words struck out. Both now show `2*3*4`; a wording sent unchanged still changes nothing.
"""

from __future__ import annotations

import html
from pathlib import Path

from regdraft.core.amend.proposal import editor_text, proposed_unit
from regdraft.core.comment_report import marked
from regdraft.core.model import Address, Kind, Unit
from regdraft.core.word_diff import Op
from regdraft.workspace import rounds
from regdraft.workspace.store import init_workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import BODIES, SLUG, client, comment_form, edit_draft, provision_texts, token

WORDS = "tình hình mọi mặt (tỷ lệ 2\\*3\\*4, \\_x\\_) của tỉnh"  # as the provision's text writes them
TYPED = "tình hình mọi mặt (tỷ lệ 2*3*4, _x_) của tỉnh"


def test_the_editor_shows_a_provisions_words_as_typed_and_they_read_back_as_the_provision() -> None:
    clause = Unit(Kind.CLAUSE, "2", text=("Tỷ lệ 2\\*3\\*4 và năm_sau (\\*):",), children=(
        Unit(Kind.POINT, "a", text=("Mã \\_x\\_ và R\\&amp;D;",)),
        Unit(Kind.POINT, "b", text=("b\\) không là điểm; ký hiệu \\*A\\*.",))))
    typed = editor_text(clause, "vi", typed=True)
    assert typed == "2. Tỷ lệ 2*3*4 và năm_sau (*):\na) Mã _x_ và R&amp;D;\nb) b\\) không là điểm; ký hiệu *A*."
    assert proposed_unit(typed, Address.parse("d3.k2"), "vi") == clause
    # Escaped otherwise than typing writes it (`(*)` left, by hand): shown as written, so that it reads back.
    assert editor_text(Unit(Kind.CLAUSE, "2", text=("2\\*3 (*)",)), "vi", typed=True) == "2. 2\\*3 (*)"
    article = Unit(Kind.ARTICLE, "3", "Phạm vi \\*điều chỉnh\\*", children=(clause,))
    # A heading line is read back as written: it is shown so.
    assert editor_text(article, "vi", typed=True).split("\n")[0] == "Điều 3. Phạm vi \\*điều chỉnh\\*"
    assert proposed_unit(editor_text(article, "vi", typed=True), Address.parse("d3"), "vi") == article


def test_the_review_page_and_the_marked_proposal_show_the_words_as_typed(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    edit_draft(ws, "tình hình mọi mặt của tỉnh", WORDS)
    edit_draft(ws, "“2\\. Thực hiện chế độ báo cáo với", "“2\\. Thực hiện chế độ báo cáo 2\\*3\\*4 với")
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-03-15", BODIES)
    c = client(ws)
    page = c.get(f"/a/{SLUG}/redline").text
    texts = provision_texts(page)
    assert TYPED in texts["d5.k2"] and "\\" not in texts["d5.k2"]
    assert texts["d5.k2.b"].startswith("b) Định kỳ 6 tháng") and TYPED in texts["d5.k2.b"]
    assert texts["d5.k2.intro"] == "Thực hiện chế độ báo cáo 2*3*4 với Ban Chấp hành Đảng bộ tỉnh và với cấp trên:"
    # Sent as it opens, the wording changes nothing; changed, only the words changed are marked.
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), proposal=texts["d5.k2"]))
    assert "Nội dung đề xuất sửa trùng với nội dung của quy định" in html.unescape(c.get(sent.headers["location"]).text)
    proposal = texts["d5.k2"].replace("Định kỳ 6 tháng", "Định kỳ 3 tháng")
    c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="Sửa kỳ hạn.", proposal=proposal))
    comment = next(x for x in rounds.load_comments(ws, SLUG) if x.text == "Sửa kỳ hạn.")
    segments = marked(comment, "vi", rounds.draft_text(ws, SLUG, rounds.find_round(ws, SLUG).revision))
    assert [(s.op, s.text.strip()) for s in segments if s.op is not Op.EQUAL] == [(Op.DELETE, "6"), (Op.INSERT, "3")]
    assert TYPED in "".join(s.text for s in segments if s.op is not Op.DELETE)
