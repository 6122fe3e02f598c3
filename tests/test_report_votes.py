"""The comment report ends with the conference's votes on its draft (r41 vote41, item 2): the report of the round
whose draft went to a vote said nothing of it. After the table, before the signature, it states the tally as the
minutes do ("Tán thành: 45/49 đồng chí (91,8 %)"), the vote on the whole and each part voted by itself; a round
followed by another before the vote does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from docx import Document

from regdraft.core.report_votes import ReportVote, vote_lines
from regdraft.render.profile import default_profile
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace

from .conftest import Invoke
from .test_vote_dates import ws

__all__ = ["ws"]
VI, EN = default_profile().words("vi"), default_profile().words("en")
SLUG = "mini-sua"


def test_a_vote_reads_as_the_minutes_state_it_in_either_language() -> None:
    whole = ReportVote("2025-09-20", 45, 2, 1, members=49, present=48, draft=2)
    part = ReportVote("2025-09-20", 20, 25, 0, members=49, draft=2, part="khoản 3 Điều 1", amends="khoản 4a Điều 6")
    assert vote_lines([part, whole], VI, "vi") == [
        "Kết quả biểu quyết tại Hội nghị",
        "Toàn văn Dự thảo lần 2, biểu quyết ngày 20 tháng 9 năm 2025. Có mặt: 48/49 đồng chí. Tán thành: 45/49 đồng "
        "chí (91,8\u00a0%); không tán thành: 2/49 đồng chí (4,1\u00a0%); không biểu quyết: 1/49 đồng chí "
        "(2,0\u00a0%). Đạt quá một nửa tổng số 49 đồng chí.",
        "Khoản 3 Điều 1 (về khoản 4a Điều 6), biểu quyết riêng ngày 20 tháng 9 năm 2025. Tán thành: 20/49 đồng chí "
        "(40,8\u00a0%); không tán thành: 25/49 đồng chí (51,0\u00a0%); không biểu quyết: 0/49 đồng chí "
        "(0,0\u00a0%). Không đạt quá một nửa tổng số 49 đồng chí."]
    cast = ReportVote("2025-09-20", 10, 2, 1, draft=2)  # no members recorded: shares of the votes cast
    assert vote_lines([cast], EN, "en")[1] == (
        "The whole of Draft 2, voted on 20 September 2025. For: 10 members (76.9%); against: 2 (15.4%); abstaining: "
        "1 (7.7%). Carried by more than half of the 13 votes cast.")
    assert vote_lines([], VI, "vi") == []


def _round(ws: Workspace) -> None:
    today = dt.date.today()
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", today + dt.timedelta(days=20), ["Ban A"])
    rounds.close_round(ws, SLUG)


def _report(invoke: Invoke, ws: Workspace, out: Path, *args: str) -> None:
    done = invoke(ws, "round", "report", SLUG, "-o", str(out), *args)
    assert done.exit_code == 0, done.output


def test_the_report_of_the_round_voted_on_ends_with_the_votes_in_each_format(ws: Workspace, invoke: Invoke,
                                                                            tmp_path: Path) -> None:
    _round(ws)
    _report(invoke, ws, tmp_path / "before.html")
    assert "Kết quả biểu quyết" not in (tmp_path / "before.html").read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    for args in (("--for", "45", "--against", "2", "--abstain", "1", "--members", "49", "--present", "48"),
                 ("--on", "khoản 1 Điều 1", "--for", "40", "--against", "6", "--members", "49")):
        done = invoke(ws, "amend", "vote", SLUG, *args, "--date", today)
        assert done.exit_code == 0, done.output
    tally = "Tán thành: 45/49 đồng chí (91,8\u00a0%); không tán thành: 2/49 đồng chí (4,1\u00a0%)"
    _report(invoke, ws, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Kết quả biểu quyết tại Hội nghị" in html and tally in html
    assert "Khoản 1 Điều 1 (về điểm c khoản 2 Điều 2), biểu quyết riêng" in html
    assert html.index(tally) > html.index("</table>") and html.index(tally) < html.index("signature-block", html.index(
        "</table>"))
    _report(invoke, ws, tmp_path / "r.docx")
    paragraphs = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    assert "Kết quả biểu quyết tại Hội nghị" in paragraphs and any(tally in p for p in paragraphs)
    _report(invoke, ws, tmp_path / "r.xlsx")
    cells = [str(v) for row in openpyxl.load_workbook(tmp_path / "r.xlsx").active.iter_rows(values_only=True)
             for v in row if v is not None]
    assert any(tally in c for c in cells)


def test_a_round_followed_by_another_before_the_vote_does_not_state_it(ws: Workspace, invoke: Invoke,
                                                                       tmp_path: Path) -> None:
    from regdraft.workspace.amendment_status import set_status

    _round(ws)
    set_status(ws, SLUG, None, 2)
    _round(ws)  # a second round, on draft 2: the vote on draft 2 follows it, not the first
    today = dt.date.today().isoformat()
    assert invoke(ws, "amend", "vote", SLUG, "--for", "45", "--against", "2", "--date", today).exit_code == 0
    _report(invoke, ws, tmp_path / "first.html", "--round", "1")
    _report(invoke, ws, tmp_path / "second.html", "--round", "2")
    assert "Kết quả biểu quyết" not in (tmp_path / "first.html").read_text(encoding="utf-8")
    assert "Tán thành: 45 đồng chí (95,7\u00a0%)" in (tmp_path / "second.html").read_text(encoding="utf-8")


def test_a_share_is_rounded_half_up_its_sign_kept_with_it() -> None:
    """1 of 16 is 6.25 %: a tally reads 6,3 %, where the float's rounding gave 6,2 %; the space before the sign does
    not break, so the sign never starts a line of the PDF alone (r41 sweep CK F8)."""
    from regdraft.core.report_votes import _share

    assert _share(1, 16, "vi") == "6,3\u00a0%" and _share(1, 16, "en") == "6.3%"
    assert _share(45, 49, "vi") == "91,8\u00a0%" and _share(0, 0, "vi") == "0,0\u00a0%"
