"""A comment file deleted by mistake (an uncommitted `rm`, or `git rm`) keeps the review server serving, as one that
does not read does (r40 web40). In round 39 the draft and its redline stayed readable to members, but the comments
page and the report answered 422 (r39 sweep CC F4), and a member could send nothing (r40 left): one file deleted by
hand hid every other comment from the whole committee. Members now read every other comment, told in the page's
language that some comments are being put in order; the office reads the file and its `git restore` (its pages,
the server's log); what needs that very comment (the report, which counts every comment) is refused."""

from __future__ import annotations

import html
import logging
import re
import subprocess

import pytest

from regdraft.core.comments import Comment
from regdraft.core.layout import comments_folder
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, comment_form, entered, head, token

SOME_VI = "Một số ý kiến góp ý về dự thảo này đang được cơ quan soạn thảo sắp xếp lại nên tạm thời chưa hiển thị"
SOME_EN = "Some comments on this draft are being put in order by the drafting office and are not shown just now"
REFUSED_VI = "việc này cần đến các ý kiến đó nên tạm thời chưa thực hiện được"
WAYS = ("rm", "git rm")


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", "-C", str(ws.root), *args], capture_output=True, text=True, check=True).stdout


def _deleted(ws: Workspace, way: str) -> tuple[Comment, Comment, str]:
    """A comment that stays and one whose file is then removed by hand, `way` (the deletion not committed)."""
    good = add_comment(ws, SLUG, BODIES[1], "d5.k2", "Đề nghị giữ nguyên khoản này.")
    bad = add_comment(ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ thời hạn báo cáo.")
    path = f"{comments_folder(SLUG)}/{bad.id}.yaml"
    if way == "rm":
        ws.path(path).unlink()
    else:
        _git(ws, "rm", "-q", path)
    return good, bad, path


def _restore(way: str, path: str) -> str:
    """The `git restore` the office is told for a file deleted `way`."""
    return f"git restore {path}" if way == "rm" else f"git restore --staged --worktree {path}"


@pytest.mark.parametrize("way", WAYS)
def test_a_member_reads_every_other_comment_and_is_told_in_their_words(
        review_ws: Workspace, caplog: pytest.LogCaptureFixture, way: str) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    good, bad, path = _deleted(review_ws, way)
    with caplog.at_level(logging.WARNING, logger="regdraft.review"):
        home = member.get("/")
        assert home.status_code == 200, home.text
        assert "một số ý kiến đang được sắp xếp lại, chưa tính" in _text(home.text)
        redline = member.get(f"/a/{SLUG}/redline")
        assert redline.status_code == 200, redline.text
        said = _text(redline.text)
        assert SOME_VI in said and "Thực hiện chế độ báo cáo" in said  # the draft itself, as circulated
        comments = member.get(f"/a/{SLUG}/comments")
        assert comments.status_code == 200, comments.text
        words = _text(comments.text)
        assert SOME_VI in words and good.text in words and bad.text not in words
        for page in (said, words):
            assert path not in page and "git" not in page and "bằng tiếng Anh" not in page
        english = _text(member.get(f"/a/{SLUG}/comments?lang=en").text)
        assert SOME_EN in english and good.text in english and "git" not in english
    # The office's terminal reads the file and the git command that brings it back.
    assert path in caplog.text and f"`{_restore(way, path)}` brings it back" in caplog.text


@pytest.mark.parametrize("way", WAYS)
def test_the_office_reads_the_file_and_its_git_and_the_pages_come_back(review_ws: Workspace, way: str) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    good, bad, path = _deleted(review_ws, way)
    office = client(review_ws)
    page = _text(office.get(f"/a/{SLUG}/comments").text)
    assert f"`{_restore(way, path)}` brings it back" in page and good.text in page
    assert f"`{_restore(way, path)}` brings it back" in _text(office.get(f"/a/{SLUG}/redline").text)
    report = member.get(f"/a/{SLUG}/report")  # it counts every comment: refused until the file is back
    assert report.status_code == 422 and REFUSED_VI in _text(report.text) and path not in report.text
    _git(review_ws, "restore", "--staged", "--worktree", path)
    assert member.get(f"/a/{SLUG}/report").status_code == 200
    words = _text(member.get(f"/a/{SLUG}/comments").text)
    assert SOME_VI not in words and bad.text in words and good.text in words
    assert "1/3 cơ quan, đơn vị đã gửi ý kiến" not in _text(member.get("/").text)
    assert "2/3 cơ quan, đơn vị đã gửi ý kiến; 2 ý kiến" in _text(member.get("/").text)


@pytest.mark.parametrize("way", WAYS)
def test_a_comment_sent_meanwhile_is_recorded_and_the_deletion_is_left_as_it_was(
        review_ws: Workspace, way: str) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    csrf = token(member)
    _, bad, path = _deleted(review_ws, way)
    before = head(review_ws)
    status = _git(review_ws, "status", "--porcelain")
    sent = member.post(f"/a/{SLUG}/comments", data=comment_form(csrf, text="Đề nghị bổ sung thời hạn 15 ngày."))
    assert sent.status_code == 303, sent.text
    added = re.search(r"added=([0-9a-f]+)", sent.headers["location"])
    assert added and added.group(1) != bad.id  # the deleted comment's id stays taken
    # One commit, of the new comment alone: the deleted file is still in it, its deletion still uncommitted.
    assert _git(review_ws, "rev-parse", "HEAD~1").strip() == before
    assert _git(review_ws, "show", "--name-only", "--format=", "HEAD").split() == [
        f"{comments_folder(SLUG)}/{added.group(1)}.yaml"]
    assert _git(review_ws, "status", "--porcelain") == status
    # Editing or withdrawing that very comment needs it: refused in the member's words, nothing written.
    edited = member.post(f"/a/{SLUG}/comments/{bad.id}/edit", data={"csrf": csrf, "text": "Sửa lại ý kiến."})
    assert edited.status_code == 422
    said = _text(edited.text)
    assert REFUSED_VI in said and "git" not in said and path not in said
    assert _git(review_ws, "rev-parse", "HEAD~1").strip() == before
