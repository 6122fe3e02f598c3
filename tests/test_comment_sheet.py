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
    assert result.stdout.rstrip().endswith("; 2 imported before were left alone.")
    assert _texts(ws) == [("Ban B", "d2.k1", "Sửa câu chữ")] + [("Ban Tổ chức Tỉnh ủy", "d1", "Đúng")] * 3


def test_one_comment_imported_is_said_in_the_singular(consulting_workspace: Workspace, invoke: Invoke,
                                                       tmp_path: Path) -> None:
    """The commit of one comment imported reads "Import 1 comment" (it read "Import 1 comments"), from a sheet and
    from a Word reply, and one row imported before "was left alone"."""
    ws = consulting_workspace
    one = _csv(tmp_path, "one.csv", "by,on,text\nBan A,d1,Đúng\n")
    assert invoke(ws, "comment", "import", SLUG, str(one)).exit_code == 0
    subject = subprocess.run(["git", "log", "-1", "--format=%s"], cwd=ws.root, capture_output=True, text=True).stdout
    assert subject == f"Import 1 comment on {SLUG} from one.csv\n"
    two = _csv(tmp_path, "two.csv", "by,on,text\nBan A,d1,Đúng\nBan B,d2,Sửa câu chữ\n")
    again = invoke(ws, "comment", "import", SLUG, str(two))
    assert again.stdout.rstrip().endswith("; 1 imported before was left alone."), again.output

    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    kit.comment(document, kit.paragraph_with(document, "Công khai, minh bạch").runs[0], "Đề nghị làm rõ.", "A")
    reply = kit.save(document, tmp_path / "reply.docx")
    imported = invoke(ws, "comment", "import", SLUG, str(reply), "--by", "Ban C")
    assert imported.exit_code == 0, imported.output
    subject = subprocess.run(["git", "log", "-1", "--format=%s"], cwd=ws.root, capture_output=True, text=True).stdout
    assert subject == f"Import 1 comment on {SLUG} from Ban C's Word reply reply.docx\n"


def test_another_round_or_text_is_a_new_comment(consulting_workspace: Workspace, invoke: Invoke,
                                                tmp_path: Path) -> None:
    ws = consulting_workspace
    rounds.add_comment(ws, SLUG, "Ban A", "d1", "Đúng")
    sheet = _csv(tmp_path, "c.csv", "by,on,text\nBan A,d1,Đúng.\nBan B,d1,Đúng\nBan A,d2,Đúng\n")
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0 and result.output.startswith("Imported 3 comments"), result.output
    assert "imported before" not in result.output


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_sheets_comments_are_listed_in_the_order_of_its_rows(consulting_workspace: Workspace, invoke: Invoke,
                                                                tmp_path: Path, kind: str) -> None:
    # Every row is imported in the same second: `comment list` and the report listed them by their random ids.
    import csv
    import io

    ws = consulting_workspace
    said = [f"Ý kiến {n}." for n in range(1, 9)]
    rows = [("by", "on", "text"), *(("Ban A", "d2.k1", text) for text in said)]
    if kind == "csv":
        sheet = _csv(tmp_path, "gop-y.csv", "".join(",".join(row) + "\n" for row in rows))
    else:
        import openpyxl

        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        sheet = tmp_path / "gop-y.xlsx"
        book.save(sheet)
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    assert len({c.created for c in rounds.load_comments(ws, SLUG)}) == 1

    assert [item.comment.text for item in rounds.list_comments(ws, SLUG)] == said
    listed = invoke(ws, "comment", "list", SLUG).output
    assert sorted(said, key=listed.index) == said
    out = tmp_path / "report.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    report = out.read_text(encoding="utf-8-sig")
    assert [cell for row in csv.reader(io.StringIO(report)) for cell in row if cell in said] == said


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
    # A dash the CSV writes as `'-` (docs/security.md): it was read with the `'` and imported again.
    rounds.add_comment(ws, SLUG, "Ban B", "general", "- Nhất trí")
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
        ("Ban A", "d2.k1", "Sửa câu chữ", "thống nhất"), ("Ban B", "general", "- Nhất trí", "")]


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


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_report_holding_answers_is_refused_as_a_report(consulting_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path, suffix: str) -> None:
    ws = consulting_workspace
    c = rounds.add_comment(ws, SLUG, "Ban A", "d2.k1", "Sửa câu chữ")
    rounds.respond_comment(ws, c.id, "accepted", "Đã tiếp thu.")
    report = tmp_path / f"bao-cao{suffix}"
    assert invoke(ws, "round", "report", SLUG, "-o", str(report)).exit_code == 0
    head = _head(ws)
    result = invoke(ws, "comment", "import", SLUG, str(report))
    assert result.exit_code == 1
    assert f"bao-cao{suffix} is a comment report, not a sheet of comments" in result.output
    assert "by, on and text" in result.output and "unknown column" not in result.output
    assert _head(ws) == head and len(rounds.load_comments(ws, SLUG)) == 1


# -- the XLSX report sent to members and imported back ------------------------------------------


def _member_edits(report: Path, *rows: list[object], change: tuple[str, str] | None = None) -> Path:
    """The XLSX report as a member returns it: rows added below the table, a comment cell changed."""
    import openpyxl

    book = openpyxl.load_workbook(report)
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if change:
        cell = next(c for line in sheet.iter_rows() for c in line if c.value == change[0])
        cell.value = change[1]
    edited = report.with_name("tra-lai.xlsx")
    book.save(edited)
    return edited


def test_the_xlsx_report_a_member_edited_imports_what_the_member_added(tmp_workspace: Workspace, invoke: Invoke,
                                                                        tmp_path: Path) -> None:
    # The report's table starts below its title and preface: `comment import` read row 1 ("BÁO CÁO") as
    # the header and refused the file ("unknown column 'BÁO CÁO'").
    from tests.conftest import SHIPPED_AMENDMENT as slug

    ws = tmp_workspace
    rounds.open_round(ws, slug, "Lấy ý kiến các ban, sở, ngành", "2025-07-15",
                      ["Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy", "Sở Nội vụ"])
    rounds.add_comment(ws, slug, "Ban Tổ chức Tỉnh ủy", "khoản 2 Điều 5", "Đề nghị giữ định kỳ 6 tháng.",
                       proposal="Định kỳ 6 tháng, Ban Thường vụ báo cáo Ban Chấp hành.")
    # Its text has a line the report's cell would split at, and a dash the writer guards with a `'`.
    rounds.add_comment(ws, slug, "Sở Nội vụ", "Điều 20a", "Đề nghị quy định rõ văn bản mật.\nĐề xuất: bổ sung.",
                       proposal="Văn bản mật không gửi qua môi trường điện tử.")
    rounds.add_comment(ws, slug, "Văn phòng Tỉnh ủy", "general", "- Cơ bản nhất trí với dự thảo.")
    before = sorted(c.id for c in rounds.load_comments(ws, slug))
    report = tmp_path / "bao-cao.xlsx"
    assert invoke(ws, "round", "report", slug, "-o", str(report)).exit_code == 0

    added_row: list[object] = [None, "Khoản 2 Điều 5", "Văn phòng Tỉnh ủy",
                 "Đề nghị làm rõ thời hạn gửi báo cáo.\nĐề xuất: Chậm nhất ngày 20 của tháng cuối kỳ."]
    edited = _member_edits(report, added_row,
                           change=("Đề nghị giữ định kỳ 6 tháng.\nĐề xuất: Định kỳ 6 tháng, Ban Thường vụ báo cáo "
                                   "Ban Chấp hành.", "Đề nghị giữ định kỳ 6 tháng một lần."))
    result = invoke(ws, "comment", "import", slug, str(edited))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Imported 2 comments on {slug}: ")
    said, *warnings = result.output.rstrip().split("\n")
    assert said.endswith("; 2 imported before were left alone.")
    # The member's one line for khoản 2 Điều 5, a clause with points, is recorded and warned about at its row.
    assert len(warnings) == 1 and warnings[0].startswith("tra-lai.xlsx: row ") and "points a, b" in warnings[0]
    added = sorted((c.by, c.on, c.text, c.proposal) for c in rounds.load_comments(ws, slug) if c.id not in before)
    assert added == [("Ban Tổ chức Tỉnh ủy", "d5.k2", "Đề nghị giữ định kỳ 6 tháng một lần.", ""),
                     ("Văn phòng Tỉnh ủy", "d5.k2", "Đề nghị làm rõ thời hạn gửi báo cáo.",
                      "Chậm nhất ngày 20 của tháng cuối kỳ.")]

    again = invoke(ws, "comment", "import", slug, str(edited))
    assert again.exit_code == 0 and again.output.startswith("Nothing imported: the 4 comments in tra-lai.xlsx"), \
        again.output
    assert len(rounds.load_comments(ws, slug)) == 5


def test_the_english_xlsx_report_reads_back_too(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    from tests.conftest import FIXTURES

    ws = tmp_workspace
    ws.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()}, "English")
    rounds.open_round(ws, "en1", "Consultation", "2026-07-15", ["Organisation Board"])
    rounds.add_comment(ws, "en1", "Organisation Board", "d1.k1", "Say who convenes.", proposal="The Secretary.")
    report = tmp_path / "report.xlsx"
    assert invoke(ws, "round", "report", "en1", "-o", str(report)).exit_code == 0
    edited = _member_edits(report, [None, "General", "Inspection Commission", "Agree.\nProposed: Keep it."])
    result = invoke(ws, "comment", "import", "en1", str(edited))
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith("; 1 imported before was left alone.")
    assert sorted((c.by, c.on, c.text, c.proposal) for c in rounds.load_comments(ws, "en1")) == [
        ("Inspection Commission", "general", "Agree.", "Keep it."),
        ("Organisation Board", "d1.k1", "Say who convenes.", "The Secretary.")]


def test_the_english_xlsx_report_reads_bracketed_addresses_as_addresses(tmp_workspace: Workspace, invoke: Invoke,
                                                                       tmp_path: Path) -> None:
    """A member's `Article 1(1)` and `Article 4(1)(b)` name a clause and a point: the brackets were read as the
    regulation ("amends 01-QC/TU-EN, not 1"). A bracket that is not an address still names the regulation read."""
    from tests.conftest import FIXTURES

    ws = tmp_workspace
    ws.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()}, "English")
    rounds.open_round(ws, "en1", "Consultation", "2026-07-15", ["Organisation Board"])
    report = tmp_path / "report.xlsx"
    rounds.add_comment(ws, "en1", "Organisation Board", "d1.k1", "Say who convenes.")
    assert invoke(ws, "round", "report", "en1", "-o", str(report)).exit_code == 0
    edited = _member_edits(report, [None, "Article 1(1)", "Organisation Board", "Fourteen days is too long."],
                           [None, "Article 4(1)(b)", "Organisation Board", "Say good faith."])
    result = invoke(ws, "comment", "import", "en1", str(edited))
    assert result.exit_code == 0, result.output
    assert sorted((c.on, c.text, c.regulation) for c in rounds.load_comments(ws, "en1")) == [
        ("d1.k1", "Fourteen days is too long.", ""), ("d1.k1", "Say who convenes.", ""),
        ("d4.k1.b", "Say good faith.", "")]
    wrong = _member_edits(report, [None, "Article 1 (01-QC/TU)", "Organisation Board", "Which text?"])
    refused = invoke(ws, "comment", "import", "en1", str(wrong))
    assert refused.exit_code == 1
    assert "amends 01-QC/TU-EN, not 01-QC/TU;" in refused.output
    assert "The regulation '01-QC/TU' was read from the brackets after the provision 'Article 1 (01-QC/TU)'" \
        in refused.output


def test_a_sheet_whose_header_cannot_be_found_names_the_columns_expected(consulting_workspace: Workspace,
                                                                        invoke: Invoke, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for number in range(25):  # the header is looked for in the first 20 rows only
        book.active.append([f"Dòng {number}", "Ban A"])
    book.active.append(["Chủ thể góp ý", "Điều, khoản", "Nội dung góp ý"])
    book.active.append(["Ban A", "Khoản 1 Điều 2", "Sửa câu chữ"])
    path = tmp_path / "khong-tieu-de.xlsx"
    book.save(path)
    head = _head(consulting_workspace)
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(path))
    assert result.exit_code == 1
    assert ("khong-tieu-de.xlsx: no header row naming the columns was found in its first 20 rows; a sheet of "
            "comments needs the columns by, on and text (Vietnamese: Chủ thể góp ý, Điều, khoản, Nội dung góp ý; "
            "English: Body, Provision, Comment)") in " ".join(result.output.split())
    assert _head(consulting_workspace) == head and rounds.load_comments(consulting_workspace, SLUG) == []


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
            "comments (.csv, .xlsx, or Excel's 'Unicode Text' .txt).") in result.output
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


def test_the_xlsx_report_shows_bold_as_bold_and_reads_back_the_same(tmp_workspace: Workspace, invoke: Invoke,
                                                                    tmp_path: Path) -> None:
    """A reply written with `**…**` is bold in the sheet, as in the PDF and Word reports, not printed with its
    asterisks; a comment's words are as typed, asterisks and all (r28/AF 3: `(*)` was read as emphasis); the report
    imported back still repeats the comment it came from."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    from tests.conftest import SHIPPED_AMENDMENT as slug

    ws = tmp_workspace
    rounds.open_round(ws, slug, "Lấy ý kiến", "2025-07-15", ["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"])
    rounds.add_comment(ws, slug, "Ban Tổ chức Tỉnh ủy", "khoản 2 Điều 5",
                       "Theo Quy định **24-QĐ/TW**, giữ *hai phần ba*.")
    rounds.add_comment(ws, slug, "Sở Nội vụ", "Điều 20a", "- Nhất trí, **không** bổ sung.")
    report = tmp_path / "bao-cao.xlsx"
    assert invoke(ws, "round", "report", slug, "-o", str(report)).exit_code == 0
    again = invoke(ws, "comment", "import", slug, str(report))
    assert again.exit_code == 0 and again.output.startswith("Nothing imported"), again.output

    [first, second] = sorted(rounds.load_comments(ws, slug), key=lambda c: c.by)
    rounds.respond_comment(ws, first.id, "rejected", "Không tiếp thu, vì Quy định **24-QĐ/TW** quy định như vậy.")
    assert invoke(ws, "round", "report", slug, "-o", str(report)).exit_code == 0
    cells = [c.value for row in openpyxl.load_workbook(report, rich_text=True).active.iter_rows() for c in row]
    rich = [v for v in cells if isinstance(v, CellRichText)]
    assert "Theo Quy định **24-QĐ/TW**, giữ *hai phần ba*." in cells
    assert "- Nhất trí, **không** bổ sung." in cells  # no formula: a string cell with Excel's quote prefix
    assert {b.text for v in rich for b in v if isinstance(b, TextBlock) and b.font.b} == {"24-QĐ/TW"}
    assert any("Không tiếp thu, vì Quy định 24-QĐ/TW quy định" in str(v) for v in rich)


def test_a_rows_long_selection_is_shortened_and_said(consulting_workspace: Workspace, invoke: Invoke,
                                                     tmp_path: Path) -> None:
    """A sheet's `Đoạn được chọn` of a whole chapter is kept as its first and last words, with a warning naming the
    row; the comment's text is whole (r30 sweep AP 3)."""
    from regdraft.core.comments import MAX_SELECTION

    ws = consulting_workspace
    long = " ".join(f"từ{i}" for i in range(3000))
    sheet = _csv(tmp_path, "gop-y.csv", f"by,on,text,selection\nBan A,general,Nhất trí.,{long}\n")
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "gop-y.csv: row 2: warning: The words selected for the comment by Ban A run to" in said, said
    (comment,) = rounds.load_comments(ws, SLUG)
    assert comment.text == "Nhất trí." and len(comment.selection) <= MAX_SELECTION
    assert comment.selection.startswith("từ0 từ1 ") and comment.selection.endswith(" từ2999")
