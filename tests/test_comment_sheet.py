"""`regdraft comment import` of sheets: rows imported before, the STT column, the comment report
read back, and the refusals' sentences."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "mini-sua"


def _head(ws: Workspace) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws.root, capture_output=True, text=True).stdout


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _texts(ws: Workspace) -> list[tuple[str, str, str]]:
    return sorted((c.by, c.on, c.text) for c in rounds.load_comments(ws, SLUG))


# -- rows imported before ---------------------------------------------------------------------


def test_importing_a_sheet_again_leaves_its_rows_alone(consulting_workspace: Workspace, invoke: Invoke,
                                                       tmp_path: Path) -> None:
    ws = consulting_workspace
    sheet = _csv(tmp_path, "gop-y.csv", "by,on,text\nBan A,d1,Đúng\nBan B,general,Nhất trí\n")
    first = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert first.exit_code == 0, first.output
    ids = sorted(c.id for c in rounds.load_comments(ws, SLUG))
    head = _head(ws)

    again = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert again.exit_code == 0, again.output
    assert again.output.startswith("Nothing imported: the 2 comments in gop-y.csv were imported before (")
    assert all(cid in again.output for cid in ids)
    assert _head(ws) == head and sorted(c.id for c in rounds.load_comments(ws, SLUG)) == ids

    data = json.loads(invoke(ws, "comment", "import", SLUG, str(sheet), "--json").output)
    assert data["imported"] == [] and sorted(data["already"]) == ids


def test_a_sheet_with_rows_added_imports_only_the_new_rows(consulting_workspace: Workspace, invoke: Invoke,
                                                           tmp_path: Path) -> None:
    ws = consulting_workspace
    rows = "by,on,text\nBan Tổ chức Tỉnh ủy,d1,Đúng\nBan Tổ chức Tỉnh ủy,d1,Đúng\n"
    assert invoke(ws, "comment", "import", SLUG, str(_csv(tmp_path, "a.csv", rows))).exit_code == 0
    # The same rows written another way (the body's tone placement, the address in words), one row
    # added that says the same thing a third time, and one on another provision.
    more = ('Chủ thể góp ý,"Điều, khoản",Nội dung góp ý\nBan Tổ chức Tỉnh uỷ,Điều 1,Đúng\n'
            "Ban Tổ chức Tỉnh ủy,d1,Đúng\nBan Tổ chức Tỉnh ủy,d1,Đúng\nBan B,khoản 1 Điều 2,Sửa câu chữ\n")
    result = invoke(ws, "comment", "import", SLUG, str(_csv(tmp_path, "b.csv", more)))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Imported 2 comments on mini-sua: ")
    assert result.output.rstrip().endswith("; 2 imported before were left alone.")
    assert _texts(ws) == [("Ban B", "d2.k1", "Sửa câu chữ")] + [("Ban Tổ chức Tỉnh ủy", "d1", "Đúng")] * 3


def test_another_round_or_text_is_a_new_comment(consulting_workspace: Workspace, invoke: Invoke,
                                                tmp_path: Path) -> None:
    ws = consulting_workspace
    rounds.add_comment(ws, SLUG, "Ban A", "d1", "Đúng")
    sheet = _csv(tmp_path, "c.csv", "by,on,text\nBan A,d1,Đúng.\nBan B,d1,Đúng\nBan A,d2,Đúng\n")
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0 and result.output.startswith("Imported 3 comments"), result.output
    assert "imported before" not in result.output


# -- the STT column and the comment report ----------------------------------------------------


@pytest.mark.parametrize("number", ["STT", "stt", "No.", "#"])
def test_a_row_number_column_is_ignored(consulting_workspace: Workspace, invoke: Invoke, tmp_path: Path,
                                        number: str) -> None:
    sheet = _csv(tmp_path, "stt.csv", f"{number},Chủ thể góp ý,Điều, khoản,Nội dung góp ý\n"
                                      "1,Ban A,khoản 1 Điều 2,Sửa câu chữ\n2,Ban B,chung,Nhất trí\n")
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("Điều, khoản", '"Điều, khoản"')
                     .replace("khoản 1 Điều 2", '"khoản 1 Điều 2"'), encoding="utf-8")
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    assert _texts(consulting_workspace) == [("Ban A", "d2.k1", "Sửa câu chữ"), ("Ban B", "general", "Nhất trí")]


def test_the_comment_report_reads_back_as_a_sheet(consulting_workspace: Workspace, invoke: Invoke,
                                                  tmp_path: Path) -> None:
    ws = consulting_workspace
    rounds.add_comment(ws, SLUG, "Ban A", "d2.k1", "Sửa câu chữ", proposal="thống nhất")
    rounds.add_comment(ws, SLUG, "Ban B", "general", "Nhất trí")
    report = tmp_path / "bao-cao.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(report)).exit_code == 0
    assert report.read_text(encoding="utf-8-sig").startswith('STT,"Điều, khoản",Địa chỉ,')
    again = invoke(ws, "comment", "import", SLUG, str(report))
    assert again.exit_code == 0, again.output
    assert again.output.startswith("Nothing imported: the 2 comments in bao-cao.csv were imported before")

    # In another workspace the report's comments are imported, with their proposals.
    ws.commit({f"amendments/{SLUG}/comments/{c.id}.yaml": None for c in rounds.load_comments(ws, SLUG)},
              "Remove the comments")
    result = invoke(ws, "comment", "import", SLUG, str(report))
    assert result.exit_code == 0, result.output
    assert sorted((c.by, c.on, c.text, c.proposal) for c in rounds.load_comments(ws, SLUG)) == [
        ("Ban A", "d2.k1", "Sửa câu chữ", "thống nhất"), ("Ban B", "general", "Nhất trí", "")]


def test_the_report_table_with_unanswered_comments_reads_as_a_sheet(consulting_workspace: Workspace,
                                                                    invoke: Invoke, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["STT", "Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý", "Nội dung tiếp thu, giải trình"])
    book.active.append([1, "Góp ý chung", "Ban A", "Nhất trí", "Chưa xử lý"])
    book.active.append([2, "Khoản 1 Điều 2", "Ban B", "Sửa câu chữ", None])
    path = tmp_path / "bang.xlsx"
    book.save(path)
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(path))
    assert result.exit_code == 0, result.output
    assert _texts(consulting_workspace) == [("Ban A", "general", "Nhất trí"), ("Ban B", "d2.k1", "Sửa câu chữ")]


def test_a_report_holding_answers_is_refused_as_a_report(consulting_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    ws = consulting_workspace
    c = rounds.add_comment(ws, SLUG, "Ban A", "d2.k1", "Sửa câu chữ")
    rounds.respond_comment(ws, c.id, "accepted", "Đã tiếp thu.")
    report = tmp_path / "bao-cao.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(report)).exit_code == 0
    head = _head(ws)
    result = invoke(ws, "comment", "import", SLUG, str(report))
    assert result.exit_code == 1
    assert "bao-cao.csv is a comment report, not a sheet of comments" in result.output
    assert "by, on and text" in result.output and "unknown column" not in result.output
    assert _head(ws) == head and len(rounds.load_comments(ws, SLUG)) == 1


def test_a_report_whose_columns_do_not_map_is_refused_as_a_report(consulting_workspace: Workspace,
                                                                  invoke: Invoke, tmp_path: Path) -> None:
    sheet = _csv(tmp_path, "r.csv", "STT,Nội dung,Tiếp thu,Giải trình\n1,Nhất trí,,\n")
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 1
    assert "r.csv is a comment report, not a sheet of comments" in result.output
    assert "names its columns in row 1: by, on and text" in result.output


# -- the refusals' sentences ------------------------------------------------------------------


@pytest.mark.parametrize("extra", [(), ("--by", "Ban A"), ("--round", "1")])
def test_another_kind_of_file_is_refused_by_its_kind(consulting_workspace: Workspace, invoke: Invoke,
                                                     tmp_path: Path, extra: tuple[str, ...]) -> None:
    pdf = tmp_path / "tra-loi.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(pdf), *extra)
    assert result.exit_code == 2
    assert ("tra-loi.pdf is not a file comments are imported from: give a Word reply (.docx) or a sheet of "
            "comments (.csv or .xlsx).") in result.output
    assert "for Word replies" not in result.output


def test_a_sheet_with_word_reply_options_names_the_sheet(consulting_workspace: Workspace, invoke: Invoke,
                                                        tmp_path: Path) -> None:
    sheet = _csv(tmp_path, "s.csv", "by,on,text\nBan A,d1,Đúng\n")
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(sheet), "--by", "Ban A")
    assert result.exit_code == 2
    assert "s.csv is a sheet" in result.output and "for a Word reply (.docx)" in result.output


def test_unplaced_passages_name_the_option_in_the_sentence(consulting_workspace: Workspace, invoke: Invoke,
                                                          tmp_path: Path) -> None:
    ws = consulting_workspace
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    stray = document.add_paragraph("Ý kiến khác của Ban về công tác phối hợp.")
    kit.comment(document, stray.runs[0], "Đề nghị bổ sung một điều về phối hợp.", "A")
    kit.strip_bookmarks(document)
    reply = kit.save(document, tmp_path / "reply.docx")
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", "Ban A")
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first == ("Error: reply.docx: 1 passage could not be placed on a provision, so nothing was imported; "
                     "ask the body to reply on the review copy (regdraft round copy mini-sua), or, to keep them "
                     "as general comments, add --place-unplaced general:")
    assert "(Option:" not in result.output and "Đề nghị bổ sung một điều về phối hợp." in result.output
    assert rounds.load_comments(ws, SLUG) == []
