"""A member reads the versions compared by the round that circulated each, never by a commit: the last line dated a
round's draft, and the text in force beside it, by the day their commit was saved (`05-QC/TU (Dự thảo lần 2):
06/12/2026`), and a comparison of two rounds' drafts named each by its commit (`Dự thảo tại phiên bản 8787e23`)."""

from __future__ import annotations

import datetime as dt
import html
import re

from starlette.testclient import TestClient

from regdraft.render.profile import cited_date
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import close_round, load_rounds, open_round
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, edit_draft, entered

ROUND_FILE = f"amendments/{SLUG}/rounds/1.yaml"


def _metadata(page: str) -> str:
    found = re.search(r'<p class="metadata-line">(.*?)</p>', page, re.S)
    assert found, "no metadata line"
    return html.unescape(found.group(1))


def _visible(page: str) -> str:
    """The words a reader sees: no tag, no attribute (the links' addresses hold the rounds' commits)."""
    return html.unescape(re.sub(r"<[^>]*>", " ", page.split("<body", 1)[-1]))


def _sent_on_first_of_march(ws: Workspace) -> None:
    """Round 1 opened on 1 March 2025 (its draft was committed today)."""
    text = ws.read(ROUND_FILE).decode("utf-8")
    ws.commit({ROUND_FILE: re.sub(r"opened: .*", "opened: '2025-03-01T09:00:00+07:00'", text).encode()},
              "Round 1 opened on 1 March")


def _people(ws: Workspace) -> tuple[TestClient, TestClient]:
    _, member = invite(ws, "Nguyễn Văn An", BODIES[0])
    _, office = invite(ws, "Chánh Văn phòng", "", "drafter")
    return entered(ws, member), entered(ws, office)


def test_a_member_reads_a_round_s_draft_dated_by_the_round(review_ws: Workspace) -> None:
    _sent_on_first_of_march(review_ws)
    member, office = _people(review_ws)
    saved = cited_date(dt.date.today())  # the day the draft's commit was saved
    line = _metadata(member.get(f"/a/{SLUG}/redline?round=1").text)
    assert line == ("Các phiên bản được so sánh: 01-QC/TU (Văn bản hiện hành): khi gửi lấy ý kiến vòng 1 ngày "
                    "01/03/2025; 05-QC/TU (Dự thảo lần 2): gửi lấy ý kiến vòng 1 ngày 01/03/2025."), line
    assert saved not in line
    drafted = _metadata(office.get(f"/a/{SLUG}/redline?round=1").text)
    assert "mã phiên bản" in drafted and "vòng 1" not in drafted  # the office reads the commits, as before


def test_a_member_compares_two_rounds_drafts_by_their_rounds(review_ws: Workspace) -> None:
    first = review_ws.resolve(load_rounds(review_ws, SLUG)[0].revision).sha
    edit_draft(review_ws, "“c) Thảo luận, cho ý kiến về", "“c) SỬA-Ở-VÒNG-2 Thảo luận, cho ý kiến về")
    edit_draft(review_ws, "\ndraft: 2\n", "\ndraft: 3\n")
    close_round(review_ws, SLUG, 1)
    second = review_ws.resolve(open_round(review_ws, SLUG, "Vòng 2", "2025-04-15", BODIES).revision).sha
    member, office = _people(review_ws)
    address = f"/a/{SLUG}/redline?from={first}&to={second}"
    page = member.get(address)
    assert page.status_code == 200 and "SỬA-Ở-VÒNG-2" in page.text
    seen = " ".join(_visible(page.text).split())
    assert first[:7] not in seen and second[:7] not in seen and "phiên bản" not in seen.replace("Các phiên bản", "")
    assert "Dự thảo lần 2 so với Dự thảo lần 3" in seen  # the heading above the redline
    line = _metadata(page.text)
    assert "05-QC/TU (Dự thảo lần 2): gửi lấy ý kiến vòng 1 ngày " in line
    assert "05-QC/TU (Dự thảo lần 3): gửi lấy ý kiến vòng 2 ngày " in line
    drafted = " ".join(_visible(office.get(address).text).split())
    assert f"Dự thảo tại phiên bản {first[:7]}" in drafted  # the office's names of versions are the commits
