"""A comment file deleted by mistake (not committed) keeps the draft readable to members (r39 sweep CC F4): the home
page, the redline, the comments page and the report all answered 422 with the English sentence and git commands meant
for the drafting office. Members now read the draft and its redline; the pages that list comments tell them, in the
page's language, that the office is putting the comments in order; the office keeps the sentence with its git."""

from __future__ import annotations

import html
import re
import subprocess

from regdraft.core.layout import comments_folder
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, comment_form, entered, head, token

IN_ORDER_VI = "đang được cơ quan soạn thảo sắp xếp lại"
IN_ORDER_EN = "The drafting office is putting the comments on this draft in order"


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _deleted(ws: Workspace) -> str:
    """A member's link opened, one comment recorded and then its file removed by hand (the deletion not committed)."""
    comment = add_comment(ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ thời hạn báo cáo.")
    path = f"{comments_folder(SLUG)}/{comment.id}.yaml"
    ws.path(path).unlink()
    return path


def test_a_member_still_reads_the_draft_and_is_told_the_comments_are_being_put_in_order(review_ws: Workspace) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    path = _deleted(review_ws)
    home = member.get("/")
    assert home.status_code == 200, home.text
    assert f"Dự thảo lần 2; ý kiến góp ý {IN_ORDER_VI}" in _text(home.text)
    redline = member.get(f"/a/{SLUG}/redline")
    assert redline.status_code == 200, redline.text
    said = _text(redline.text)
    assert f"Các ý kiến góp ý về dự thảo này {IN_ORDER_VI}" in said
    assert "Thực hiện chế độ báo cáo" in said  # the draft itself, as circulated
    for page in ("comments", "report"):
        listed = member.get(f"/a/{SLUG}/{page}")
        assert listed.status_code == 422
        words = _text(listed.text)
        assert f"Các ý kiến góp ý về dự thảo này {IN_ORDER_VI}" in words and "xin quay lại sau" in words
        assert "git" not in words and path not in words and "bằng tiếng Anh" not in words
    english = _text(member.get(f"/a/{SLUG}/comments?lang=en").text)
    assert f"{IN_ORDER_EN}, so they cannot be read or sent just now" in english and "git" not in english
    assert f"{IN_ORDER_EN}" in _text(member.get(f"/a/{SLUG}/redline?lang=en").text)


def test_a_comment_sent_meanwhile_is_refused_with_its_text_kept(review_ws: Workspace) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    csrf = token(member)
    _deleted(review_ws)
    before = head(review_ws)
    sent = member.post(f"/a/{SLUG}/comments", data=comment_form(csrf, text="Đề nghị bổ sung thời hạn 15 ngày."))
    assert sent.status_code == 422
    said = _text(sent.text)
    assert "Góp ý CHƯA được lưu." in said and f"Các ý kiến góp ý về dự thảo này {IN_ORDER_VI}" in said
    assert "Đề nghị bổ sung thời hạn 15 ngày." in html.unescape(sent.text)  # in the form, to send again
    assert "git" not in said
    assert head(review_ws) == before
    assert list(review_ws.path(comments_folder(SLUG)).glob("*.yaml")) == []  # nothing written


def test_the_office_reads_the_sentence_with_its_git_and_the_pages_come_back(review_ws: Workspace) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    path = _deleted(review_ws)
    office = client(review_ws)
    comments = _text(office.get(f"/a/{SLUG}/comments").text)
    assert f"`git restore {path}` brings it back" in comments
    assert f"`git restore {path}` brings it back" in _text(office.get(f"/a/{SLUG}/redline").text)
    assert IN_ORDER_VI in _text(member.get(f"/a/{SLUG}/redline").text)
    subprocess.run(["git", "-C", str(review_ws.root), "restore", path], check=True)
    assert IN_ORDER_VI not in _text(member.get(f"/a/{SLUG}/redline").text)
    assert member.get(f"/a/{SLUG}/comments").status_code == 200
    assert "1/3 cơ quan, đơn vị đã gửi ý kiến; 1 ý kiến" in _text(member.get("/").text)
