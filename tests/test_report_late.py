"""The comment report and `round show` with a comment recorded after its round closed (a late comment): it is
listed and marked, and its body, which did not reply by the close, is counted as agreeing (r25 sweep E, defect 3).
Made with two real clones, as the late comment arrives: Lan closes the round, Minh records a reply afterwards."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from regdraft.core.comments import Comment
from regdraft.render.report import write_report
from regdraft.workspace import rounds
from regdraft.workspace.late_comments import late_ids
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke, two_clones
from tests.test_report_closing import _written as written

SLUG = "mini-sua"
BODIES = ["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"]
EARLY = "2025-07-20T09:00:00+07:00"
CLOSED = "2025-07-20T10:00:00+07:00"
LATER = "2025-07-20T11:00:00+07:00"
TODAY = dt.date(2025, 7, 21)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _recorded_at(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    monkeypatch.setattr(rounds, "_now", lambda: when)
    monkeypatch.setenv("GIT_AUTHOR_DATE", when)
    monkeypatch.setenv("GIT_COMMITTER_DATE", when)


@pytest.fixture
def late(mini_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Workspace, Comment]:
    """Minh's clone after the pull: Ban Tuyên giáo replied in time; Lan closed the round; Minh, not having pulled,
    recorded Ban Tổ chức's reply after the close (dated by Word before it)."""
    mini_workspace.commit({f"amendments/{SLUG}/amendment.md": (FIXTURES / "comments" / "amendment-1.md")
                           .read_bytes()}, "Draft 1")
    rounds.open_round(mini_workspace, SLUG, "Lấy ý kiến các ban", "2025-07-15", BODIES)
    lan, minh = two_clones(mini_workspace, tmp_path)
    _recorded_at(monkeypatch, EARLY)
    rounds.add_comment(lan, SLUG, "Ban Tuyên giáo Tỉnh ủy", "d1", "Góp ý trong hạn.")
    _recorded_at(monkeypatch, CLOSED)
    rounds.close_round(lan, SLUG)
    git(lan.root, "push", "-q", "origin", "HEAD")
    monkeypatch.setattr(rounds, "_now", lambda: EARLY)  # the comment's own date, before the close
    monkeypatch.setenv("GIT_AUTHOR_DATE", LATER)
    monkeypatch.setenv("GIT_COMMITTER_DATE", LATER)
    comment = rounds.add_comment(minh, SLUG, "Ban Tổ chức Tỉnh ủy", "d3.k1", "Góp ý gửi muộn.")
    git(minh.root, "pull", "-q", "--rebase", "origin", "main")
    return Workspace(minh.root), comment


def _written(ws: Workspace, tmp_path: Path, suffix: str) -> str:
    page = written(ws, tmp_path, suffix, today=TODAY)
    if suffix == ".html":  # the text a reader sees: each cell's lines apart
        page = re.sub(r"<[^>]+>", " ", page[page.index("<body"):])
    return " ".join(page.split())


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_the_report_marks_a_late_comment_and_counts_its_body_as_agreeing(late: tuple[Workspace, Comment],
                                                                        tmp_path: Path, suffix: str) -> None:
    ws, _ = late
    text = _written(ws, tmp_path, suffix)
    # Listed, with its mark after its body; the body that replied in time is not marked.
    assert "Ban Tổ chức Tỉnh ủy (góp ý sau thời hạn)" in text, text
    assert "Ban Tuyên giáo Tỉnh ủy (góp ý sau thời hạn)" not in text
    assert "Góp ý gửi muộn." in text
    # 2 consulted = 1 replied + 1 counted as agreeing (Ban Tổ chức, which did not reply by the close).
    assert ("Đã nhận được ý kiến góp ý của 1 cơ quan, đơn vị; 1 cơ quan, đơn vị không có văn bản góp ý "
            "(được coi là nhất trí với dự thảo).") in text
    assert "Cơ quan, đơn vị không có văn bản góp ý: Ban Tổ chức Tỉnh ủy." in text
    assert "Tổng số ý kiến góp ý: 2." in text
    assert "Trong đó, 1 ý kiến gửi sau thời hạn, được tổng hợp để xem xét;" in text


def test_the_csv_and_xlsx_have_a_column_marking_a_late_comment(late: tuple[Workspace, Comment],
                                                               tmp_path: Path) -> None:
    import openpyxl

    ws, _ = late
    report = rounds.build_report(ws, SLUG)
    write_report(report, tmp_path / "r.csv", workspace_root=ws.root, config=ws.config, today=TODAY)
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    column = rows[0].index("Góp ý sau thời hạn")
    assert rows[0][-1] == "Điều, khoản hiện nay"  # still last
    marked = {row[3]: row[column] for row in rows[1:]}
    assert marked == {"Ban Tuyên giáo Tỉnh ủy": "", "Ban Tổ chức Tỉnh ủy": "x"}
    out = tmp_path / "r.xlsx"
    write_report(report, out, workspace_root=ws.root, config=ws.config, today=TODAY)
    sheet = openpyxl.load_workbook(out).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    head = next(row for row in values if row[0] == "STT")
    at = head.index("Góp ý sau thời hạn")
    body = values[values.index(head) + 1:]
    assert {row[2]: row[at] for row in body} == {"Ban Tuyên giáo Tỉnh ủy": None, "Ban Tổ chức Tỉnh ủy": "x"}
    assert any("Trong đó, 1 ý kiến gửi sau thời hạn" in str(row[0]) for row in values[:len(values) - len(body)])


def test_a_report_with_the_late_column_imports_back(late: tuple[Workspace, Comment], tmp_path: Path) -> None:
    from regdraft.importer.comment_sheet import read_sheet

    ws, _ = late
    out = tmp_path / "r.csv"
    write_report(rounds.build_report(ws, SLUG), out, workspace_root=ws.root, config=ws.config, today=TODAY)
    assert [values["by"] for _, values in read_sheet(out)] == ["Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"]


def test_a_late_comment_answered_stays_late_in_the_report_and_round_show(
        late: tuple[Workspace, Comment], invoke: Invoke, tmp_path: Path) -> None:
    ws, comment = late
    checked = invoke(ws.root, "check")
    assert f"comment {comment.id} by Ban Tổ chức Tỉnh ủy" in checked.output  # `check` judges it late alike
    answered = invoke(ws.root, "comment", "respond", comment.id, "--disposition", "noted", "--reply",
                      "Ý kiến gửi sau thời hạn, Văn phòng ghi nhận.")
    assert answered.exit_code == 0, answered.output
    assert invoke(ws.root, "check").exit_code == 0  # answered: no problem any more
    ws = Workspace(ws.root)
    r = rounds.find_round(ws, SLUG, None)
    assert late_ids(ws, SLUG, r, rounds.load_comments(ws, SLUG)) == {comment.id}
    assert "Ban Tổ chức Tỉnh ủy (góp ý sau thời hạn)" in _written(ws, tmp_path, ".html")
    shown = invoke(ws.root, "round", "show", SLUG)
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert "Consulted 2, replied 1, counted as agreeing 1 (Ban Tổ chức Tỉnh ủy)." in lines
    assert (f"Recorded late (after the close or the adoption), not counted as replies: 1 comment ({comment.id} by "
            "Ban Tổ chức Tỉnh ủy).") in lines
    data = json.loads(invoke(ws.root, "round", "show", SLUG, "--json").output)
    assert data["replied"] == ["Ban Tuyên giáo Tỉnh ủy"] and data["late"] == [comment.id]

