"""While a round is open the start page says the amendment is out for comment, whatever status it is recorded at
(r30 sweep AN): an imported law is recorded `submitted`, as issued, and members read "đã trình" beside a round asking
for their comments. The drafting office also sees the status recorded. Once the round is closed, such a law reads
as its round does, comments closed, not "đã trình" (r33 word33 item 3)."""

from __future__ import annotations

import html
import re

from regdraft.workspace.access import invite
from regdraft.workspace.rounds import close_round
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, entered


def _status(page: str) -> str:
    found = re.search(r'<td class="status"[^>]*>(.*?)</td>', page, re.S)
    assert found, "no status cell"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


def _recorded(ws: Workspace, status: str) -> None:
    path = f"amendments/{SLUG}/amendment.md"
    text = ws.read(path).decode("utf-8")
    assert "\nstatus: circulating\n" in text
    ws.commit({path: text.replace("\nstatus: circulating\n", f"\nstatus: {status}\n").encode()}, f"Status {status}")


def test_a_submitted_amendment_out_for_comment_reads_as_out_for_comment(review_ws: Workspace) -> None:
    _recorded(review_ws, "submitted")
    _, member = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, office = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    assert _status(entered(review_ws, member).get("/").text) == "đang lấy ý kiến"
    assert _status(entered(review_ws, office).get("/").text) == (
        "đang lấy ý kiến (trạng thái ghi trong hồ sơ: đã trình)")


def test_the_status_recorded_is_read_when_no_round_is_open(review_ws: Workspace) -> None:
    _recorded(review_ws, "submitted")
    close_round(review_ws, SLUG)
    _, member = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    assert _status(entered(review_ws, member).get("/").text) == "đã trình"


def _issued(ws: Workspace, status: str) -> None:
    """The amendment recorded as `regdraft import` records an issued text: `submitted` (or `status`), signed."""
    _recorded(ws, status)
    path = f"amendments/{SLUG}/amendment.md"
    text = ws.read(path).decode("utf-8")
    ws.commit({path: text.replace("\nsigned: null\n", "\nsigned: 2025-01-09\n").encode()}, "Signed")


def test_an_imported_law_whose_round_closed_reads_as_comments_closed(review_ws: Workspace) -> None:
    _issued(review_ws, "submitted")
    close_round(review_ws, SLUG)
    _, member = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, office = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    assert _status(entered(review_ws, member).get("/").text) == "đã kết thúc lấy ý kiến"
    assert _status(entered(review_ws, office).get("/").text) == (
        "đã kết thúc lấy ý kiến (trạng thái ghi trong hồ sơ: đã trình)")


def test_an_amendment_recorded_circulating_whose_round_closed_reads_as_comments_closed(review_ws: Workspace) -> None:
    close_round(review_ws, SLUG)
    _, member = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    assert _status(entered(review_ws, member).get("/").text) == "đã kết thúc lấy ý kiến"
