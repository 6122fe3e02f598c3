"""The review server's write queue (`web.turns`) and the forms that queue for it: withdrawals were not paced, one of a
comment withdrawn already took the write turn all the same, and the queue had no bound (r35 sweep BH F4: 2,000
withdrawals of one comment, every one queued for the turn, each holding one of the threads pages are built in)."""

from __future__ import annotations

import contextlib
import html
import threading
from typing import Any

import pytest

from regdraft.web.server import Server
from regdraft.web.turns import Crowded, Turns
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import find_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, comment_form, entered, head, review_setting, sent, token

COMMENTS = f"/a/{SLUG}/comments?round=1"


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item for each write the server queues for (`Server.write`), from now on."""
    queued: list[int] = []
    write = Server.write

    def counted(self: Server, action: Any) -> Any:
        queued.append(1)
        return write(self, action)

    monkeypatch.setattr(Server, "write", counted)
    return queued


def test_a_comment_withdrawn_already_is_answered_without_queueing_for_the_write(review_ws: Workspace,
                                                                                writes: list[int]) -> None:
    _, link = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    an = entered(review_ws, link)
    cid = sent(an, text="Đề nghị làm rõ thời hạn bao cáo.")
    done = an.post(f"/a/{SLUG}/comments/{cid}/withdraw", data={"csrf": token(an, COMMENTS)})
    assert done.status_code == 303 and "withdrawn=1" in done.headers["location"]
    assert len(writes) == 2  # the comment and its withdrawal
    after = head(review_ws)
    csrf = token(an)  # the comments page has no form for it now
    for _ in range(30):  # sent again and again: each answered as sent twice, none queued, none paced
        again = an.post(f"/a/{SLUG}/comments/{cid}/withdraw", data={"csrf": csrf})
        assert again.status_code == 303 and "withdrawn=1" in again.headers["location"], again.text[:500]
    assert len(writes) == 2 and head(review_ws) == after


def test_withdrawals_are_paced_as_comment_forms_are(review_ws: Workspace, writes: list[int]) -> None:
    review_setting(review_ws, "submissions_per_minute: 1")
    _, link = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    an = entered(review_ws, link)
    cid = sent(an, text="Ý kiến thứ nhất.")  # the one form of the minute
    before, queued = head(review_ws), len(writes)
    refused = an.post(f"/a/{SLUG}/comments/{cid}/withdraw", data={"csrf": token(an, COMMENTS)})
    said = html.unescape(refused.text)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1, said[:2000]
    assert "Xin chờ khoảng" in said and "rồi bấm “Rút ý kiến này” lại" in said
    assert head(review_ws) == before and len(writes) == queued
    assert find_comment(review_ws, cid, SLUG)[1].disposition is None


def test_the_queue_of_writes_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """`most` writes wait for the turn; one more is refused at once (`Crowded`), and once they are done another is
    taken."""
    monkeypatch.setattr("regdraft.web.turns.write_lock", lambda ws, wait: contextlib.nullcontext())
    turns = Turns(most=2)
    holding, release = threading.Event(), threading.Event()
    done: list[str] = []

    def write(name: str, hold: bool = False) -> None:
        with turns.taking(None, 30):  # type: ignore[arg-type]  # no workspace: its lock is left out
            if hold:
                holding.set()
                release.wait(30)
            done.append(name)

    first = threading.Thread(target=write, args=("first", True))
    first.start()
    assert holding.wait(30)
    queued = [threading.Thread(target=write, args=(name,)) for name in ("a", "b")]
    for thread in queued:
        thread.start()
    for _ in range(600):  # a guard only
        if turns.waiting() == 2:
            break
        threading.Event().wait(0.05)
    assert turns.waiting() == 2
    with pytest.raises(Crowded):
        write("c")
    release.set()
    for thread in (first, *queued):
        thread.join(30)
    assert sorted(done) == ["a", "b", "first"] and turns.waiting() == 0
    write("d")  # the queue empty again: taken
    assert done[-1] == "d"


def test_a_write_refused_as_too_many_wait_is_answered_503_with_the_text_kept(review_ws: Workspace,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("regdraft.web.server.Turns", lambda: Turns(most=0))  # every write finds the queue full
    _, link = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    an = entered(review_ws, link)
    before = head(review_ws)
    refused = an.post(f"/a/{SLUG}/comments", data=comment_form(token(an), text="Góp ý chờ gửi lại."))
    said = html.unescape(refused.text)
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "5", said[:2000]
    assert "trang góp ý đang nhận quá nhiều lượt gửi cùng một lúc" in said and "Góp ý chờ gửi lại." in said
    assert head(review_ws) == before
