"""A comment as every output shows it: the person and the words selected, its lines and every character typed; and
a body the round did not consult, warned of when the comment is recorded and by `check`."""

from __future__ import annotations

import csv
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.inline import plain, spans
from regdraft.core.layout import comments_folder
from regdraft.workspace.rounds import add_comment, load_comments, open_round
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG = "qc-sua-doi-2025"
BODIES = ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy")
LINES = "Ý thứ nhất: **giữ** nguyên.\nÝ thứ hai: bổ sung.\n\n- ý một\n- ý hai\n`mã` và “ngoặc”"


@pytest.fixture
def ws(tmp_workspace: Workspace) -> Workspace:
    open_round(tmp_workspace, SLUG, "Lấy ý kiến", "2025-03-15", BODIES)
    return tmp_workspace


def _from_word(ws: Workspace) -> str:
    """A comment as a Word reply's import records it: the person who wrote it and the words they selected."""
    c = add_comment(ws, SLUG, "Văn phòng Tỉnh ủy", "d3.k1", "Đề nghị giữ nguyên cụm từ này.")
    c = replace(c, author="Nguyễn Văn An", selection="tập trung dân chủ")
    ws.commit({f"{comments_folder(SLUG)}/{c.id}.yaml": comment_to_yaml(c).encode("utf-8")}, "From a Word reply")
    return c.id


def test_comment_list_shows_the_person_and_the_words_selected(ws: Workspace, invoke: Invoke) -> None:
    cid = _from_word(ws)
    listed = invoke(ws, "comment", "list", SLUG)
    assert "Văn phòng Tỉnh ủy (Nguyễn Văn An): “tập trung dân chủ”: Đề nghị giữ nguyên" in listed.output
    (data,) = json.loads(invoke(ws, "comment", "list", SLUG, "--json").output)
    assert (data["id"], data["author"], data["selection"]) == (cid, "Nguyễn Văn An", "tập trung dân chủ")


def test_every_report_shows_the_person_and_the_words_selected(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    _from_word(ws)
    made = {}
    for kind in ("html", "csv", "xlsx", "docx"):
        out = tmp_path / f"r.{kind}"
        assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
        made[kind] = out
    page = made["html"].read_text(encoding="utf-8")
    assert "Văn phòng Tỉnh ủy<div class=\"person\">(Nguyễn Văn An)</div>" in page
    assert "Về đoạn “tập trung dân chủ”:" in page
    (row,) = csv.DictReader(made["csv"].read_text(encoding="utf-8-sig").splitlines())
    assert (row["Người góp ý"], row["Đoạn được chọn"]) == ("Nguyễn Văn An", "tập trung dân chủ")
    with zipfile.ZipFile(made["docx"]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "(Nguyễn Văn An)" in xml and "Về đoạn “tập trung dân chủ”:" in xml
    import openpyxl

    values = [str(c.value) for row in openpyxl.load_workbook(made["xlsx"]).active.iter_rows() for c in row]
    assert "Người góp ý" in values and "Nguyễn Văn An" in values and "tập trung dân chủ" in values
    # The report's CSV, rows added, imports again: its two new columns are read, not refused.
    again = invoke(ws, "comment", "import", SLUG, str(made["csv"]))
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output


def test_a_members_lines_and_backticks_reach_every_output(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Lines were run into one (HTML, DOCX), and `mã` lost its backticks (DOCX, XLSX); the words are as typed,
    # `**` and all (r28/AF 3: a comment's `(*)` was read as emphasis).
    add_comment(ws, SLUG, BODIES[0], "d5.k2", LINES)
    assert [s.text for s in spans("a **b**\nc") if s.text] == ["a ", "b", "\n", "c"]
    assert plain("`mã` và") == "`mã` và"
    page, docx_out, xlsx_out = tmp_path / "r.html", tmp_path / "r.docx", tmp_path / "r.xlsx"
    for out in (page, docx_out, xlsx_out):
        assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    assert ("Ý thứ nhất: **giữ** nguyên.<br>\nÝ thứ hai: bổ sung.<br>\n<br>\n- ý một<br>\n- ý hai<br>\n"
            "`mã` và “ngoặc”") in page.read_text(encoding="utf-8")
    import docx

    tables = docx.Document(str(docx_out)).tables
    cell = [c for table in tables for row in table.rows for c in row.cells if "Ý thứ nhất" in c.text][0]
    assert cell.text == LINES
    import openpyxl

    sheet = openpyxl.load_workbook(xlsx_out, rich_text=True).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value and "Ý thứ nhất" in str(c.value)]
    assert cells == [LINES]


def test_a_body_the_round_did_not_consult_is_warned_of_with_the_one_it_likely_means(
        ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # A typo was recorded silently: the report counted the real body as agreeing and listed the typo as unconsulted.
    added = invoke(ws, "comment", "add", SLUG, "--by", "Ban Tuyên giáo Tỉnh ujy", "--on", "d3", "--text", "Ý kiến.")
    assert added.exit_code == 0
    assert ("'Ban Tuyên giáo Tỉnh ujy' is not a body consulted in round 1: did you mean Ban Tuyên giáo Tỉnh ủy?"
            in added.stderr)
    checked = invoke(ws, "check")
    assert "did you mean Ban Tuyên giáo Tỉnh ủy?" in checked.output
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text\nVăn phòng Tỉnh uy,d3,Một.\nVăn phòng Tỉnh uy,d4,Hai.\nBan Tổ chức Tỉnh ủy,d4,Ba.\n",
                     encoding="utf-8")
    imported = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert imported.exit_code == 0
    assert imported.stderr.count("did you mean Văn phòng Tỉnh ủy?") == 1 and "row 2" in imported.stderr
    consulted = invoke(ws, "comment", "add", SLUG, "--by", "ban  tổ chức tỉnh uỷ", "--on", "d3", "--text", "Rõ.")
    assert consulted.exit_code == 0 and "not a body consulted" not in consulted.stderr
    assert len(load_comments(ws, SLUG)) == 5


def test_a_members_name_without_the_office_after_its_comma_is_suggested(tmp_workspace: Workspace,
                                                                        invoke: Invoke) -> None:
    # The sweep's r25 E defect 6: "Comrade John Nguyen" got no "did you mean" (difflib's likeness is 0.57), was listed
    # as not consulted and his consulted name counted as agreeing.
    john, an = "Comrade John Nguyen, Provincial Committee member", "Đồng chí Nguyễn Văn An, Tỉnh ủy viên"
    opened = invoke(tmp_workspace, "round", "open", SLUG, "--due", "2099-12-31", "--consult", john, "--consult", an,
                    "--consult", "Comrade John Tran, Provincial Committee member")
    assert opened.exit_code == 0, opened.output
    for short, full in (("Comrade John Nguyen", john), ("đồng chí Nguyễn Văn An", an)):
        added = invoke(tmp_workspace, "comment", "add", SLUG, "--by", short, "--on", "d3", "--text", "Agreed.")
        assert added.exit_code == 0, added.output
        assert f"'{short}' is not a body consulted in round 1: did you mean {full}?" in added.stderr
    # A name that begins no consulted body's (only the name up to the comma counts) gets none.
    added = invoke(tmp_workspace, "comment", "add", SLUG, "--by", "Comrade John", "--on", "d3", "--text", "Agreed.")
    assert "did you mean" not in added.stderr
