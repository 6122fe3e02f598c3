"""An answer saved again as the comment already has it records nothing and says so; a failure of git is said in the
page's words, its detail kept in the server's log, never git's command line."""

from __future__ import annotations

import html
import logging

import git
import pytest

from regdraft.workspace.rounds import add_comment, load_comments
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_writes import Transactions
from tests.web.conftest import BODIES, SLUG, client, head, loaded, token


def _text(page: str) -> str:
    return " ".join(html.unescape(page).split())


def test_the_same_answer_saved_again_is_said_and_nothing_is_committed(review_ws: Workspace) -> None:
    # Saved twice within the same second, git found nothing to commit: a 409 showing git's whole command line
    # (`cmdline: git -c core.fsmonitor=false … commit -q --no-verify -m Respond to comment …`). A second later, a
    # commit changing the answer's time alone.
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.")
    c = client(review_ws)
    answer = {"csrf": token(c, f"/a/{SLUG}/comments"), "disposition": "partly", "reply": "Tiếp thu một phần."}
    first = c.post(f"/a/{SLUG}/comments/{comment.id}/respond", data=answer)
    assert first.status_code == 303 and "again" not in first.headers["location"]
    recorded, before = load_comments(review_ws, SLUG), head(review_ws)
    for _ in range(2):  # the button pressed twice, or the page saved again later with nothing changed
        again = c.post(f"/a/{SLUG}/comments/{comment.id}/respond", data={**answer, "reply": " Tiếp thu một phần. "})
        assert again.status_code == 303, _text(again.text)
        assert again.headers["location"] == (f"/a/{SLUG}/comments?round=1&done={comment.id}&again=1"
                                             f"#c-{comment.id}-saved")
    assert head(review_ws) == before and load_comments(review_ws, SLUG) == recorded
    page = _text(c.get(again.headers["location"]).text)
    assert (f"Đã lưu kết quả tiếp thu, giải trình ý kiến {comment.id}. Ý kiến {comment.id} đã có đúng kết quả tiếp "
            "thu và nội dung giải trình này từ trước, nên không lưu thêm lần nữa.") in page
    assert "git" not in page.lower()
    # Another disposition is another answer: recorded, and the notice is the usual one.
    # Sent from the page showing the answer on record (one it did not show is not replaced: test_web_answered_since).
    other = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                   data={**answer, **loaded(c, comment.id), "disposition": "accepted"})
    assert other.status_code == 303 and "again" not in other.headers["location"] and head(review_ws) != before
    assert "không lưu thêm lần nữa" not in _text(c.get(other.headers["location"]).text)


def test_a_failure_of_git_is_said_in_the_page_words_and_its_detail_logged(
        review_ws: Workspace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.")
    before = head(review_ws)

    def fails(*_args: object) -> str:  # git as it fails with nothing on its error output: GitPython's report
        raise git.GitCommandError(["git", "-c", "core.fsmonitor=false", "commit", "-q", "-m", "Respond"], 1,
                                  stderr=b"", stdout=b"On branch main\nnothing to commit, working tree clean")

    monkeypatch.setattr(Transactions, "_write_and_commit", fails)
    c = client(review_ws)
    with caplog.at_level(logging.WARNING, logger="regdraft.review"):
        refused = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                         data={"csrf": token(c, f"/a/{SLUG}/comments"), "disposition": "noted", "reply": "Ghi nhận."})
    assert refused.status_code == 409
    page = _text(refused.text)
    assert ("Kho lưu trữ lịch sử của không gian làm việc (git) báo lỗi, nên việc này chưa thực hiện được và không có "
            "gì thay đổi.") in page
    assert "cmdline" not in page and "fsmonitor" not in page and "nothing to commit" not in page
    assert "Ghi nhận." in page  # the reply typed, kept
    assert head(review_ws) == before
    # The detail, git's own words (not its command line), is in the server's log.
    (logged,) = [r.getMessage() for r in caplog.records if r.name == "regdraft.review"]
    assert logged == ("The write failed (On branch main\nnothing to commit, working tree clean); the workspace is as "
                      "it was.")
