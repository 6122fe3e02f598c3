"""A comment file present but unreadable keeps the review server serving (r40 web40): bad YAML, a merge's conflict
markers left in it, not UTF-8, no permission to read it, or a folder where the file should be stopped every review
page for every member (422 with the English sentence meant for the office). Members now read the draft, the redline
and every other comment, told in the page's language that some comments are being put in order; the office reads
the file, line and reason (its pages, the server's log, `check`); what needs that very file is refused."""

from __future__ import annotations

import html
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from regdraft.core.comments import Comment
from regdraft.core.layout import comments_folder
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import BODIES, SLUG, client, comment_form, entered, head, loaded, token

SOME_VI = "Một số ý kiến góp ý về dự thảo này đang được cơ quan soạn thảo sắp xếp lại nên tạm thời chưa hiển thị"
SOME_EN = "Some comments on this draft are being put in order by the drafting office and are not shown just now"
REFUSED_VI = "việc này cần đến các ý kiến đó nên tạm thời chưa thực hiện được"
KINDS = ("yaml", "markers", "encoding", "mode", "folder")
# Each file's line (when one is to blame) and reason, as the office reads them.
REASONS = {"yaml": r":\d+: is not valid YAML", "markers": r": holds conflict markers",
           "encoding": r":6: the line is not UTF-8 text", "mode": r": cannot be read \(Permission denied\)",
           "folder": r": a folder, a link leading nowhere or a pipe stands where this comment file should be"}


def _named(path: str, kind: str, said: str) -> bool:
    """Whether `said` names the file at `path` with its line and the reason `kind` gives."""
    return re.search(re.escape(path) + REASONS[kind], said) is not None


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _break(ws: Workspace, comment: Comment, kind: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The file of `comment` made unreadable in the way `kind` names; its path."""
    path = f"{comments_folder(SLUG)}/{comment.id}.yaml"
    file = ws.path(path)
    data = file.read_bytes()
    if kind == "yaml":
        file.write_bytes(b"id: [" + data)
    elif kind == "markers":
        file.write_bytes(b"<<<<<<< HEAD\n" + data + b"=======\n" + data.replace(b"by:", b"by: x") + b">>>>>>> theirs\n")
    elif kind == "encoding":  # saved in a Windows code page: a Vietnamese letter as one byte
        file.write_bytes(data.replace("thời hạn".encode(), b"th\xf5i h\xe1n"))
    elif kind == "mode":
        file.chmod(0)
        if os.geteuid() == 0:  # root reads it anyway: opening it fails as it does for anyone else
            real = os.open

            def refused(name: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
                if Path(name) == file:
                    raise PermissionError(13, "Permission denied", str(name))
                return real(name, flags, *args, **kwargs)

            monkeypatch.setattr(os, "open", refused)
    else:  # a folder where the file should be
        file.unlink()
        file.mkdir()
    return path


def _comments(ws: Workspace) -> tuple[Comment, Comment]:
    """A member's comment that reads and one that will not."""
    good = add_comment(ws, SLUG, BODIES[1], "d5.k2", "Đề nghị giữ nguyên khoản này.")
    bad = add_comment(ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ thời hạn báo cáo.")
    return good, bad


@pytest.mark.parametrize("kind", KINDS)
def test_members_read_the_draft_and_every_other_comment_and_are_told_in_their_words(
        review_ws: Workspace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, kind: str) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    good, bad = _comments(review_ws)
    path = _break(review_ws, bad, kind, monkeypatch)
    with caplog.at_level(logging.WARNING, logger="regdraft.review"):
        home = member.get("/")
        assert home.status_code == 200, home.text
        assert "một số ý kiến đang được sắp xếp lại, chưa tính" in _text(home.text)
        redline = member.get(f"/a/{SLUG}/redline")
        assert redline.status_code == 200, redline.text
        said = _text(redline.text)
        assert SOME_VI in said and "Thực hiện chế độ báo cáo" in said  # the draft itself
        comments = member.get(f"/a/{SLUG}/comments")
        assert comments.status_code == 200, comments.text
        words = _text(comments.text)
        assert SOME_VI in words and good.text in words and bad.text not in words
        for page in (said, words):
            assert path not in page and "git" not in page and "bằng tiếng Anh" not in page
        assert SOME_EN in _text(member.get(f"/a/{SLUG}/comments?lang=en").text)
    # The office's terminal reads the file, its line and why.
    assert _named(path, kind, caplog.text)


@pytest.mark.parametrize("kind", KINDS)
def test_the_office_reads_the_file_and_why_and_check_names_it(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                               invoke: Invoke, kind: str) -> None:
    good, bad = _comments(review_ws)
    path = _break(review_ws, bad, kind, monkeypatch)
    office = client(review_ws)
    page = _text(office.get(f"/a/{SLUG}/comments").text)
    assert _named(path, kind, page) and good.text in page
    if kind != "mode":  # `check` in its own process as root reads a mode-000 file: `test_check_names_a_file_…`
        result = invoke(review_ws.root, "check")
        assert _named(path, kind, result.output), result.output


def test_check_names_a_comment_file_it_may_not_read_and_checks_the_others(review_ws: Workspace) -> None:
    _, bad = _comments(review_ws)
    path = f"{comments_folder(SLUG)}/{bad.id}.yaml"
    review_ws.path(path).chmod(0)
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", "check"]
    if os.geteuid() == 0:  # root ignores permission bits: run without the capabilities that let it
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", drop, "--inh-caps", drop, *command]
    done = subprocess.run(command, cwd=review_ws.root, capture_output=True, text=True, timeout=120)
    assert f"{path}: cannot be read (Permission denied)." in done.stdout, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and not done.stderr.startswith("Error")


@pytest.mark.parametrize("kind", ["markers", "folder"])
def test_writes_on_that_comment_are_refused_and_the_others_go_through(
        review_ws: Workspace, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    csrf = token(member)
    good, bad = _comments(review_ws)
    office = client(review_ws)
    answer = {**loaded(office, good.id), "disposition": "accepted", "reply": "Tiếp thu."}
    path = _break(review_ws, bad, kind, monkeypatch)
    before = head(review_ws)
    edited = member.post(f"/a/{SLUG}/comments/{bad.id}/edit", data={"csrf": csrf, "text": "Sửa lại ý kiến."})
    assert edited.status_code == 422
    said = _text(edited.text)
    assert REFUSED_VI in said and "Sửa lại ý kiến." in html.unescape(edited.text) and path not in said
    refused = office.post(f"/a/{SLUG}/comments/{bad.id}/respond", data={**answer, "reply": "Giải trình."})
    assert refused.status_code == 422 and _named(path, kind, _text(refused.text))
    assert head(review_ws) == before
    # Another comment is answered, and a member's new comment recorded, as usual.
    assert office.post(f"/a/{SLUG}/comments/{good.id}/respond", data=answer).status_code == 303
    sent = member.post(f"/a/{SLUG}/comments", data=comment_form(csrf, text="Đề nghị bổ sung thời hạn 15 ngày."))
    assert sent.status_code == 303, sent.text
    assert len(review_ws.log(comments_folder(SLUG))) >= 2 and head(review_ws) != before


def test_the_report_needs_every_comment_and_is_refused_in_the_members_words(
        review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    member = entered(review_ws, secret)
    _, bad = _comments(review_ws)
    path = _break(review_ws, bad, "yaml", monkeypatch)
    report = member.get(f"/a/{SLUG}/report")
    assert report.status_code == 422 and REFUSED_VI in _text(report.text) and path not in report.text
    subprocess.run(["git", "-C", str(review_ws.root), "checkout", "--", path], check=True)
    assert member.get(f"/a/{SLUG}/report").status_code == 200
    assert SOME_VI not in _text(member.get(f"/a/{SLUG}/comments").text)
