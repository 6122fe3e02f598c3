"""An XLSX comment report read back as a sheet recognises a comment whose cell it cut at Excel's limit (wording31).

The XLSX report ends a cell longer than Excel's 32,767 characters with a mark saying how many characters it left out
(`render.report.fitted`). Imported back (`comment import` of the exported .xlsx), such a row read as a NEW comment,
its text cut short and the mark in it. It is now the comment recorded whose cell it begins, left alone and said; a
cut row that begins no recorded comment is refused with nothing imported: what the cell lost cannot be known.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.comments import MAX_TEXT
from regdraft.importer.comment_sheet import PROPOSAL_WORDS
from regdraft.render.profile import default_profile
from regdraft.workspace.amendments import load_comments
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG = "mini-sua"
TEXT = ("Ý kiến " * 2800).strip()
PROPOSAL = ("Đề nghị *sửa* " * 1400).strip()  # each under the 20,000 a comment holds, together over Excel's cell


def _report(ws: Workspace, invoke: Invoke, out: Path) -> Path:
    written = invoke(ws, "round", "report", SLUG, "-o", str(out))
    assert written.exit_code == 0, written.output
    return out


def test_the_cut_mark_is_read_in_both_languages() -> None:
    from regdraft.importer.comment_sheet import _CUT_MARK

    for language in ("vi", "en"):
        mark = default_profile().words(language)["report_cell_cut"].format(count=1234)
        found = _CUT_MARK.search("Ý kiến " + mark)
        assert found is not None and "1234" in (found.group(1), found.group(2)), mark
    assert PROPOSAL_WORDS[0] == default_profile().words("vi")["report_proposal"]


def test_a_comment_cut_in_the_xlsx_report_is_the_comment_recorded(
        consulting_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = consulting_workspace
    assert len(TEXT) <= MAX_TEXT and len(PROPOSAL) <= MAX_TEXT and len(TEXT) + len(PROPOSAL) > 32_767
    made = add_comment(ws, SLUG, "Ban A", "general", TEXT, proposal=PROPOSAL)
    sheet = _report(ws, invoke, tmp_path / "bao-cao.xlsx")
    again = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert again.exit_code == 0, again.output
    comments = load_comments(ws, SLUG)
    assert [c.id for c in comments] == [made.id]  # no new comment, none cut short
    said = " ".join(again.output.split())
    assert "the comment cell is cut" in said and f"it is comment {made.id}" in said, said
    assert "characters did not fit in an Excel cell" in said


def test_a_cut_cell_that_begins_no_comment_recorded_imports_nothing(
        consulting_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import openpyxl

    ws = consulting_workspace
    made = add_comment(ws, SLUG, "Ban A", "general", TEXT, proposal=PROPOSAL)
    sheet = _report(ws, invoke, tmp_path / "bao-cao.xlsx")
    book = openpyxl.load_workbook(sheet)
    cells = [c for row in book.active.iter_rows() for c in row if str(c.value or "").startswith("Ý kiến")]
    assert len(cells) == 1
    cells[0].value = "Ý kiến khác " + str(cells[0].value)  # someone's edit: it no longer begins comment's cell
    book.save(sheet)
    head = ws.resolve("HEAD").sha
    refused = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert "row" in said and "is cut" in said and "nothing was imported" in said, said
    assert [c.id for c in load_comments(ws, SLUG)] == [made.id] and ws.resolve("HEAD").sha == head


def test_the_cut_mark_is_looked_for_in_the_cells_end_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # The marks opened with `\s*` and ended at `$`, searched over the whole cell: a cell with a run of spaces took
    # time growing with its square (20,000 spaces 2.9 s a cell, a 120 KB CSV 44 s; r32 sweep AW F4). Counted: the
    # characters the two patterns are given to scan, whatever the cell's length.
    from regdraft.importer import comment_sheet
    from tests.counting import Scanning

    mark = default_profile().words("vi")["report_cell_cut"].format(count=1234)
    patterns = [Scanning(comment_sheet._CUT_MARK), Scanning(comment_sheet._CUT_START)]
    monkeypatch.setattr(comment_sheet, "_CUT_MARK", patterns[0])
    monkeypatch.setattr(comment_sheet, "_CUT_START", patterns[1])
    for spaces in (1_000, 35_000):  # past Excel's cell: the start of the mark is looked for too
        for excel in (False, True):
            values = {"text": "Ý kiến" + " " * spaces + "hết.", "proposal": "Đề nghị" + " " * spaces + mark,
                      "selection": " " * spaces}
            comment_sheet._mark_cut(values, excel)
            assert values["proposal"] == "Đề nghị" and values["text"].endswith(" hết.")
            assert "proposal=1234" in values[comment_sheet.CUT].split(",")
    assert sum(p.scanned for p in patterns) <= 4 * 3 * 2 * 200
