"""A member's comment whose file is set aside (it does not read, or was deleted by mistake) still counts toward their
bound in the round (`review: comments_per_member`, `characters_per_member`): set aside, it was left out of the count,
so a file broken by hand, or by a merge, freed a place for one more (r40 left). It is counted as the last committed
version of its file that reads records it (its access link, round, text and wording: `unreadable_comments`)."""

from __future__ import annotations

import html
import subprocess

import pytest

from regdraft.core.layout import comments_folder
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, comment_form, entered, head, review_setting, token

KINDS = ("yaml", "deleted", "git rm", "committed broken")


def _git(ws: Workspace, *args: str) -> None:
    subprocess.run(["git", "-C", str(ws.root), "-c", "user.name=Văn phòng", "-c", "user.email=vp@example.org", *args],
                   capture_output=True, check=True)


def _set_aside(ws: Workspace, cid: str, kind: str) -> None:
    """The file of comment `cid` broken or deleted in the way `kind` names."""
    path = f"{comments_folder(SLUG)}/{cid}.yaml"
    file = ws.path(path)
    if kind == "deleted":
        file.unlink()
    elif kind == "git rm":
        _git(ws, "rm", "-q", path)
    else:
        file.write_bytes(b"id: [" + file.read_bytes())
        if kind == "committed broken":  # the last commit holds it broken: the version before says whose it is
            _git(ws, "commit", "-q", "-am", "Hand edit")


@pytest.mark.parametrize("kind", KINDS)
def test_a_comment_set_aside_still_counts_toward_its_members_bound(review_ws: Workspace, kind: str) -> None:
    review_setting(review_ws, "comments_per_member: 2")
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, binh = invite(review_ws, "Trần Thị Bình", BODIES[1])
    c = entered(review_ws, an)
    for n in (1, 2):
        assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=f"Góp ý thứ {n}.")).status_code == 303
    first = next(x for x in load_comments(review_ws, SLUG) if x.text == "Góp ý thứ 1.")
    _set_aside(review_ws, first.id, kind)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="Góp ý thứ ba, chưa được lưu."))
    assert refused.status_code == 403, refused.text
    assert head(review_ws) == before
    assert "Nguyễn Văn An (Ban Tổ chức Tỉnh ủy) đã gửi 2 ý kiến" in html.unescape(refused.text)
    # Another member's comments are theirs: the comment set aside is not counted toward them.
    other = entered(review_ws, binh)
    assert other.post(f"/a/{SLUG}/comments", data=comment_form(token(other), body=BODIES[1])).status_code == 303


def test_its_characters_count_toward_the_members_characters(review_ws: Workspace) -> None:
    review_setting(review_ws, "characters_per_member: 60")
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = entered(review_ws, an)
    long = "Đề nghị làm rõ thời hạn báo cáo định kỳ hằng năm."  # 49 characters
    assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=long)).status_code == 303
    _set_aside(review_ws, load_comments(review_ws, SLUG)[0].id, "yaml")
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="Bổ sung thêm một ý nữa."))
    assert refused.status_code == 403, refused.text
    assert "tổng cộng 49 ký tự" in html.unescape(refused.text)


def test_lengthening_another_comment_counts_the_characters_of_one_set_aside(review_ws: Workspace) -> None:
    review_setting(review_ws, "characters_per_member: 60")
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = entered(review_ws, an)
    for text in ("Đề nghị làm rõ thời hạn báo cáo định kỳ.", "Ý kiến ngắn."):  # 40 and 12 characters
        assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=text)).status_code == 303
    by_text = {x.text: x.id for x in load_comments(review_ws, SLUG)}
    _set_aside(review_ws, by_text["Đề nghị làm rõ thời hạn báo cáo định kỳ."], "deleted")
    edited = c.post(f"/a/{SLUG}/comments/{by_text['Ý kiến ngắn.']}/edit",
                    data={"csrf": token(c), "text": "Ý kiến đã viết dài thêm hai mươi ký tự."})  # 39
    assert edited.status_code == 403, edited.text
    assert "tổng cộng 52 ký tự" in html.unescape(edited.text)
