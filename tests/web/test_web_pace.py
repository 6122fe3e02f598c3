"""How fast one access link may send comment forms: a member's link (or a script with it) posted comments as fast as
it could, each taking the workspace's write lock and making a commit, and every other member waited. A reviewer's
link sends `BURST` forms at once, then `review: submissions_per_minute` a minute; the next is answered 429 with
Retry-After, in the page's words, the text kept and nothing written. Drafters are not paced."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest

from regdraft.web.pace import BURST, Pace
from regdraft.web.server import Server
from regdraft.web.words import Words
from regdraft.workspace.access import invite
from regdraft.workspace.review_limits import PerMember, per_member
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import BODIES, SLUG, client, comment_form, entered, head, review_setting, token


def test_a_bucket_gives_a_burst_then_the_rate() -> None:
    now = [0.0]
    pace = Pace(clock=lambda: now[0])
    assert [pace.wait("an", 30) for _ in range(BURST)] == [0.0] * BURST  # ten at once
    assert pace.wait("an", 30) == pytest.approx(2.0)  # then one every 2 s
    assert pace.wait("binh", 30) == 0.0  # another link has its own
    now[0] = 1.0
    assert pace.wait("an", 30) == pytest.approx(1.0)  # a refused form is not counted
    now[0] = 2.0
    assert pace.wait("an", 30) == 0.0
    assert pace.wait("an", 30) == pytest.approx(2.0)
    now[0] = 1000.0
    assert [pace.wait("an", 30) for _ in range(BURST)] == [0.0] * BURST  # full again, never more than the burst
    assert pace.wait("an", 30) > 0
    assert [pace.wait("slow", 2) for _ in range(3)][2] == pytest.approx(30.0)  # a rate under the burst: the rate


def test_a_member_sending_too_fast_is_refused_before_the_lock(review_ws: Workspace,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    review_setting(review_ws, "submissions_per_minute: 2")
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, office = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    c = entered(review_ws, an)
    for n in (1, 2):
        assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=f"Góp ý {n}.")).status_code == 303
    locked: list[object] = []
    write = Server.write

    def held(self: Server, action: Callable[[Workspace], object]) -> object:
        locked.append(action)
        return write(self, action)

    monkeypatch.setattr(Server, "write", held)
    before = head(review_ws)
    form = comment_form(token(c), text="Góp ý thứ ba, gửi quá nhanh.", proposal="2. Nội dung đề xuất.")
    refused = c.post(f"/a/{SLUG}/comments", data=form)
    assert refused.status_code == 429, refused.text
    assert 1 <= int(refused.headers["retry-after"]) <= 30
    assert locked == [] and head(review_ws) == before and len(load_comments(review_ws, SLUG)) == 2
    page = html.unescape(refused.text)
    assert ("Góp ý chưa được lưu: Nguyễn Văn An (Ban Tổ chức Tỉnh ủy) vừa gửi nhiều góp ý liên tiếp, nhanh hơn mức "
            "một người được gửi qua trang này (2 góp ý liền nhau, sau đó 2 góp ý mỗi phút). Xin chờ khoảng") in page
    assert "giây rồi bấm “Gửi góp ý” lại; mọi nội dung đã nhập vẫn được giữ nguyên dưới đây." in page
    text = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', refused.text, re.S)
    assert text and html.unescape(text.group(1)) == "Góp ý thứ ba, gửi quá nhanh."
    assert "2. Nội dung đề xuất." in page
    # The office's link is not paced, nor is the local drafter (no links).
    drafter = entered(review_ws, office)
    for n in range(4):
        form = comment_form(token(drafter), name="Nguyễn Văn An", text=f"Ý kiến {n} do văn phòng nhập.")
        assert drafter.post(f"/a/{SLUG}/comments", data=form).status_code == 303
    local = client(review_ws)
    for n in range(4):
        assert local.post(f"/a/{SLUG}/comments", data=comment_form(token(local), text=f"Nhập {n}.")).status_code == 303
    assert len(load_comments(review_ws, SLUG)) == 10


def test_a_reviewer_answering_is_refused_before_the_lock(review_ws: Workspace,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = entered(review_ws, an)
    assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c))).status_code == 303
    cid = load_comments(review_ws, SLUG)[0].id
    locked: list[object] = []
    monkeypatch.setattr(Server, "write", lambda self, action: locked.append(action))
    form = {"csrf": token(c), "disposition": "accepted", "reply": "Tiếp thu."}
    refused = c.post(f"/a/{SLUG}/comments/{cid}/respond", data=form)
    assert refused.status_code == 403 and locked == []
    assert "Chỉ cơ quan soạn thảo mới tiếp thu, giải trình ý kiến" in html.unescape(refused.text)


def test_check_and_the_review_command_name_a_wrong_rate(review_ws: Workspace, invoke: Invoke) -> None:
    assert per_member({})[0] == PerMember(500, 2_000_000, 30)
    assert per_member({"submissions_per_minute": 5})[0].submissions_per_minute == 5
    assert per_member({"submissions_per_minute": 0})[1] == {
        "submissions_per_minute": "review: submissions_per_minute is '0'; write a whole number from 1 to 6,000 (the "
                                  "comment forms one member may send a minute, after 10 at once; 30 when it is not "
                                  "set)."}
    config = review_ws.root / "regdraft.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "review:\n  submissions_per_minute: fast\n",
                      encoding="utf-8")
    checked = invoke(review_ws, "check")
    line = config.read_text(encoding="utf-8").splitlines().index("  submissions_per_minute: fast") + 1
    assert checked.exit_code == 1, checked.output
    assert f"regdraft.yaml:{line}: review: submissions_per_minute is 'fast'" in checked.output, checked.output


def test_a_submission_reads_no_unchanged_comment_file_under_the_lock(review_ws: Workspace,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from regdraft.workspace import comment_cache
    from regdraft.workspace.rounds import add_comment

    for n in range(30):
        add_comment(review_ws, SLUG, BODIES[n % 2], "d5.k2", f"Góp ý số {n}.")
    # The clock ten seconds on: the files are as a round's comments are, long unchanged.
    monkeypatch.setattr(comment_cache, "now", lambda: time.time_ns() + 10_000_000_000, raising=False)
    c = client(review_ws)
    form = comment_form(token(c))
    assert len(load_comments(review_ws, SLUG)) == 30  # read once, as the server's pages read them
    reads: list[str] = []
    read, write = Workspace.read, Server.write

    def spy(self: Workspace, relative: str, rev: str | None = None) -> bytes:
        if "/comments/" in relative and locked:
            reads.append(relative)
        return read(self, relative, rev)

    def held(self: Server, action: object) -> object:
        locked.append(True)
        try:
            return write(self, action)  # type: ignore[arg-type]
        finally:
            locked.clear()

    locked: list[bool] = []
    monkeypatch.setattr(Workspace, "read", spy)
    monkeypatch.setattr(Server, "write", held)
    assert c.post(f"/a/{SLUG}/comments", data=form).status_code == 303
    assert reads == []  # the duplicate check read every comment file while every other submission waited
    again = c.post(f"/a/{SLUG}/comments", data=form)  # the same form sent twice is still found
    assert again.status_code == 303 and "again=1" in again.headers["location"]
    assert len(load_comments(review_ws, SLUG)) == 31


def test_the_wait_is_counted_in_the_pages_language() -> None:
    # A rate of 60 a minute or more waits under a second, rounded up to one: "Please wait about 1 seconds".
    from regdraft.web.pace import pace_message

    en, vi = (pace_message(Words.of(language), "An", "Ban A", 10, 120, 0.5) for language in ("en", "vi"))
    assert "Please wait about 1 second and press “Send comment” again" in en
    assert "Xin chờ khoảng 1 giây rồi bấm “Gửi góp ý” lại" in vi
    assert "Please wait about 3 seconds" in pace_message(Words.of("en"), "An", "Ban A", 10, 30, 2.1)
