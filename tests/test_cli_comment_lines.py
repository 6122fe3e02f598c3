"""`comment add` on several provisions, `comment list` one line a comment, and a comment withdrawn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.core.errors import ParseError
from regdraft.render.profile import default_profile
from regdraft.workspace import rounds, sheet_import
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"
SLUG = "mini-sua"
BODIES = ["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"]


@pytest.fixture
def ws(mini_workspace: Workspace) -> Workspace:
    mini_workspace.commit({f"amendments/{SLUG}/amendment.md": (FIX / "amendment-1.md").read_bytes()}, "Draft 1")
    rounds.open_round(mini_workspace, SLUG, "Lấy ý kiến", "2025-07-15", BODIES)
    return mini_workspace


@pytest.mark.parametrize("on", ["khoản 2 Điều 2, khoản 1 Điều 3", "khoản 2 Điều 2 và Điều 3", "d2.k2, d3.k1",
                                "Article 2 and Article 3"])
def test_a_comment_on_several_provisions_is_refused_saying_how_to_record_it(ws: Workspace, invoke: Invoke,
                                                                           on: str) -> None:
    result = invoke(ws, "comment", "add", SLUG, "--by", BODIES[0], "--on", on, "--text", "Đề nghị làm rõ.")
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert f"'{on}' names 2 provisions" in said and "a comment is on one provision" in said
    assert "record it once on each of them, or once as a general comment (general)" in said
    assert "twice" not in said and "cannot read" not in said
    assert rounds.load_comments(ws, SLUG) == []


def test_a_sheet_row_on_several_provisions_is_refused_at_its_row(ws: Workspace, tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text\nBan Tổ chức Tỉnh ủy,\"khoản 2 Điều 2, khoản 1 Điều 3\",Đề nghị làm rõ.\n",
                     encoding="utf-8")
    with pytest.raises(ParseError) as refused:
        sheet_import.import_comments(ws, SLUG, sheet)
    [problem] = refused.value.problems
    assert problem.unit == "row 2" and "names 2 provisions" in problem.message
    assert "a comment is on one provision" in problem.message


def test_comment_list_prints_one_line_a_comment(ws: Workspace, invoke: Invoke) -> None:
    text = "Dòng một của góp ý.\nDòng hai,\r\n\tdòng ba."
    made = rounds.add_comment(ws, SLUG, BODIES[0], "d1", text)
    other = rounds.add_comment(ws, SLUG, BODIES[1], "d1", "Một dòng.")
    lines = invoke(ws, "comment", "list", SLUG).output.splitlines()
    assert len(lines) == 2
    [line] = [line for line in lines if line.startswith(made.id)]
    assert line.endswith("Ban Tổ chức Tỉnh ủy: Dòng một của góp ý. Dòng hai, dòng ba.")
    assert any(line.startswith(other.id) for line in lines)
    # --json keeps the text exact.
    data = json.loads(invoke(ws, "comment", "list", SLUG, "--json").output)
    assert {d["text"] for d in data} == {"Dòng một của góp ý.\nDòng hai,\n\tdòng ba.", "Một dòng."}


def test_a_withdrawn_comment_is_recorded_listed_and_reported(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    from regdraft.render.report import csv_text

    made = rounds.add_comment(ws, SLUG, BODIES[0], "d1", "Đề nghị bỏ Điều 1.")
    rounds.add_comment(ws, SLUG, BODIES[1], "d1", "Nhất trí.")
    result = invoke(ws, "comment", "respond", made.id, "--disposition", "withdrawn",
                    "--reply", "Cơ quan đã rút ý kiến tại văn bản ngày 10/7/2025.")
    assert result.exit_code == 0, result.output
    assert f"Comment {made.id}: withdrawn (Đã rút ý kiến)." in result.output
    listed = invoke(ws, "comment", "list", SLUG).output
    assert "withdrawn" in next(line for line in listed.splitlines() if line.startswith(made.id))
    shown = invoke(ws, "round", "show", SLUG).output
    assert "Comments 2, awaiting an answer 1; answered: withdrawn 1." in shown
    report = rounds.build_report(ws, SLUG)
    preface = report.preface(default_profile().words("vi"))
    assert "Tổng số ý kiến góp ý: 2." in preface
    assert "Trong đó, 1 ý kiến đã được cơ quan, đơn vị góp ý rút lại." in preface
    rows = csv_text(report).splitlines()
    assert any("Đã rút ý kiến" in row and "Đề nghị bỏ Điều 1." in row for row in rows)
    out = tmp_path / "r.html"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "Đã rút ý kiến" in page and "Trong đó, 1 ý kiến" in page
