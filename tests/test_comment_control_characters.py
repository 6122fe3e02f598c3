"""A comment's text holding a character no XML document can hold (a NUL, an escape, Word's cell mark U+0007 and field
mark U+0013 in an Excel "Unicode Text" save, U+FFFE) came in through `comment add` and `comment import` as typed; the
round's DOCX report then failed with python-docx's "All strings must be XML compatible" (the XLSX report too, for
U+FFFE), and `check` said nothing (r33 sweep AZ F1). A comment coming in is read without them, its visible words kept
(`text.as_text`); a comment file received holding them is named by `check` at its line and read without them; and
the DOCX and XLSX writers leave them out whatever text they are given."""

from __future__ import annotations

import codecs
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pytest

from regdraft.core.comment_report import Report
from regdraft.core.text import as_text, not_text
from regdraft.render.report import write_report
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_report import TODAY, report  # noqa: F401  (the fixture)

SLUG = "mini-sua"


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join([p.text for p in document.paragraphs] + [cell.text for table in document.tables
                                                              for row in table.rows for cell in row.cells])


def _reports(ws: Workspace, invoke: Invoke, tmp_path: Path) -> tuple[str, list[str]]:
    """The round's DOCX report's text and XLSX report's cells, each written without an error."""
    for suffix in ("docx", "xlsx"):
        written = invoke(ws, "round", "report", SLUG, "-o", str(tmp_path / f"r.{suffix}"))
        assert written.exit_code == 0 and "Traceback" not in written.output, written.output
    cells = [str(v) for row in openpyxl.load_workbook(tmp_path / "r.xlsx").active.iter_rows(values_only=True)
             for v in row if v is not None]
    return _docx_text(tmp_path / "r.docx"), cells


@pytest.mark.parametrize(("typed", "read"), [
    ("Đề nghị sửa\x07 thời hạn\x13 báo cáo.", "Đề nghị sửa thời hạn báo cáo."),  # Word's cell and field marks
    ("sửa\x00thời hạn", "sửa thời hạn"),  # between two words: a space, no word joined to the next
    ("dòng một\x0bdòng hai", "dòng một\ndòng hai"),  # Word's line break
    ("NUL\x00 ESC\x1b \ufffe \uffff hết", "NUL ESC   hết"),
    ("\x07'=1+2", "'=1+2"),
    ("Không có gì lạ\tở đây.\n", "Không có gì lạ\tở đây.\n"),
])
def test_characters_no_document_holds_are_read_out_and_every_visible_one_kept(typed: str, read: str) -> None:
    assert as_text(typed) == read and not_text(read) is None
    assert (not_text(typed) is None) == (typed == read)


def test_comment_add_and_a_unicode_text_sheet_record_no_such_character(consulting_workspace: Workspace,
                                                                       invoke: Invoke, tmp_path: Path) -> None:
    added = invoke(consulting_workspace, "comment", "add", SLUG, "--by", "Ban A\x07", "--on", "d1",
                   "--text", "Đề nghị\x00 làm rõ\x1b phạm vi\x07.")
    assert added.exit_code == 0, added.output
    sheet = tmp_path / "gopy.txt"  # Excel's "Unicode Text": UTF-16, tabs, Word's marks kept in a cell
    sheet.write_bytes(codecs.BOM_UTF16_LE + "by\ton\ttext\tselection\r\nBan B\tkhoản 2 Điều 2\t"
                      "Đề nghị sửa\x07 thời hạn\x13 báo cáo.\tthời\x07 hạn\r\n".encode("utf-16-le"))
    imported = invoke(consulting_workspace, "comment", "import", SLUG, str(sheet))
    assert imported.exit_code == 0, imported.output
    comments = rounds.load_comments(consulting_workspace, SLUG)
    assert sorted((c.by, c.author, c.text, c.selection) for c in comments) == [
        ("Ban A", "", "Đề nghị làm rõ phạm vi.", ""),
        ("Ban B", "", "Đề nghị sửa thời hạn báo cáo.", "thời hạn")]
    files = (consulting_workspace.root / "amendments" / SLUG / "comments").glob("*.yaml")
    assert not any(not_text(path.read_text(encoding="utf-8")) for path in files)
    checked = invoke(consulting_workspace, "check")
    assert "comments/" not in checked.output, checked.output
    word, cells = _reports(consulting_workspace, invoke, tmp_path)
    assert "Đề nghị sửa thời hạn báo cáo." in word and "Đề nghị làm rõ phạm vi." in word
    assert any("Đề nghị sửa thời hạn báo cáo." in cell for cell in cells)


def test_a_comment_file_received_holding_them_is_named_by_check_and_reported(consulting_workspace: Workspace,
                                                                             invoke: Invoke, tmp_path: Path) -> None:
    made = rounds.add_comment(consulting_workspace, SLUG, "Ban A", "d1", "Đề nghị làm rõ.")
    path = f"amendments/{SLUG}/comments/{made.id}.yaml"
    text = (consulting_workspace.root / path).read_text(encoding="utf-8")
    # As the review server wrote the edit of r33 sweep AZ: YAML escapes in a quoted text.
    crafted = text.replace("text: Đề nghị làm rõ.",
                           'text: "NUL\\0 VT\\v ESC\\e FF\\f BEL\\a \\uFFFE \\uFFFF end, sửa\\athời hạn."')
    assert crafted != text
    consulting_workspace.commit({path: crafted.encode("utf-8")}, "Received from a colleague")
    line = 1 + [row.startswith("text:") for row in crafted.splitlines()].index(True)
    checked = invoke(consulting_workspace, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 1 and "Traceback" not in said, said
    assert (f"{path}:{line}: 'text:' holds the control character U+0000, which no document format can hold; it is "
            "read without it") in said
    (comment,) = rounds.load_comments(consulting_workspace, SLUG)
    assert comment.text == "NUL VT\n ESC FF\n BEL   end, sửa thời hạn."
    word, cells = _reports(consulting_workspace, invoke, tmp_path)
    assert "sửa thời hạn." in word and any("sửa thời hạn." in cell for cell in cells)


@pytest.mark.parametrize("suffix", ["docx", "xlsx", "html"])
def test_the_writers_leave_out_what_no_document_holds_whatever_text_they_are_given(
        report: Report, tmp_path: Path, suffix: str) -> None:  # noqa: F811
    # The last guard: a text that reached a writer some other way is written without them, never a failure.
    group = report.groups[0]
    row = replace(group.rows[0], by="Ban\x00 A", text="Đề nghị\x07 sửa\x00thời hạn \ufffe\uffff.",
                  reply="Tiếp\x0b thu\x1b.", author="Lê\x00Văn Ba", selection="thời\x13 hạn")
    out = tmp_path / f"r.{suffix}"
    write_report(replace(report, groups=(replace(group, rows=(row,)),)), out, today=TODAY)
    if suffix == "docx":
        assert "Đề nghị sửa thời hạn ." in _docx_text(out)
    elif suffix == "xlsx":
        cells = [str(v) for line in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for v in line]
        assert any("Đề nghị sửa thời hạn ." in cell for cell in cells)
    else:
        assert out.stat().st_size > 0
