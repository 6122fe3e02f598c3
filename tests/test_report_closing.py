"""The comment report's number line, recipients and signature block, and where each provision is now."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from regdraft.render.profile import load_profile
from regdraft.render.report import write_report
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import pdf_text as read_pdf
from tests.conftest import Invoke
from tests.test_render_pdf import pdf_text

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"
SLUG = "mini-sua"
AMENDMENT = f"amendments/{SLUG}/amendment.md"
BODIES = ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy")
TODAY = dt.date(2025, 7, 20)


@pytest.fixture
def opened(mini_workspace: Workspace) -> Workspace:
    """Draft 1 of the mini amendment circulated in round 1, with a comment on d2a and one on d3.k1."""
    ws = mini_workspace
    ws.commit({AMENDMENT: (FIX / "amendment-1.md").read_bytes()}, "Draft 1")
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-07-15", BODIES)
    rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d2a", "Về Điều 2a.")
    rounds.add_comment(ws, SLUG, "Ban Tuyên giáo Tỉnh ủy", "d3.k1", "Về khoản 1 Điều 3.")
    rounds.add_comment(ws, SLUG, "Ban Tuyên giáo Tỉnh ủy", "d1", "Về Điều 1.")
    return ws


def _written(ws: Workspace, tmp_path: Path, suffix: str, number: int | None = None, today: dt.date = TODAY) -> str:
    """The report of round `number` (the latest) written as `suffix` on `today`, read back as text."""
    report = rounds.build_report(ws, SLUG, number)
    out = tmp_path / f"r{suffix}"
    write_report(report, out, workspace_root=ws.root, config=ws.config, today=today)
    if suffix == ".pdf":
        return " ".join(pdf_text(out).split())
    if suffix == ".docx":
        import docx

        document = docx.Document(str(out))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_the_report_has_a_number_line_recipients_and_a_signature_block(opened: Workspace, tmp_path: Path,
                                                                      suffix: str) -> None:
    text = " ".join(_written(opened, tmp_path, suffix).replace("\u00a0", " ").split())
    # No number recorded: left blank to fill in, in the series of the amendment's (02-QC/TU) with BC for a report.
    assert "Số -BC/TU" in text
    assert "Nơi nhận:" in text and "Thường trực Tỉnh ủy (để báo cáo)," in text and "Lưu Văn phòng Tỉnh ủy." in text
    assert "T/L BAN THƯỜNG VỤ" in text and "CHÁNH VĂN PHÒNG" in text
    # The signature block comes after the table, not before it.
    assert text.index("Về khoản 1 Điều 3.") < text.index("Nơi nhận:")


def test_the_workspace_settings_give_the_signer_and_recipients(opened: Workspace, tmp_path: Path) -> None:
    settings = {"report": {"signer": {"on_behalf": "T/L BAN THƯỜNG VỤ", "title": "PHÓ CHÁNH VĂN PHÒNG",
                                      "name": "Lò Văn Mừng"},
                           "recipients": ["Ban Thường vụ Tỉnh ủy (để báo cáo),", "Lưu Văn phòng Tỉnh ủy."]}}
    config = opened.path("regdraft.yaml")
    config.write_text(config.read_text(encoding="utf-8") + yaml.safe_dump(settings, allow_unicode=True),
                      encoding="utf-8")
    ws = Workspace(opened.root)
    for suffix in (".pdf", ".docx"):
        text = _written(ws, tmp_path, suffix)
        assert "PHÓ CHÁNH VĂN PHÒNG" in text and "Lò Văn Mừng" in text
        assert "Ban Thường vụ Tỉnh ủy (để báo cáo)," in text and "Thường trực Tỉnh ủy" not in text


def test_a_number_given_is_printed(opened: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    out = tmp_path / "r.pdf"
    result = invoke(opened, "round", "report", SLUG, "--number", "15-BC/TU", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Số 15-BC/TU" in " ".join(pdf_text(out).split())


def test_an_english_report_prints_the_english_words(opened: Workspace, tmp_path: Path) -> None:
    from regdraft.render.report import html_text

    report = rounds.build_report(opened, SLUG)
    report = replace(report, language="en")
    page = html_text(report, None, load_profile({}), TODAY)
    assert "Recipients:" in page and "ON BEHALF OF THE STANDING BOARD" in page and "CHIEF OF THE OFFICE" in page
    assert "No. " in page and "-BC/TU" in page


@pytest.fixture
def redrafted(opened: Workspace) -> Workspace:
    """Round 1 closed, then draft 2: Điều 2a is now khoản 3 Điều 3, khoản 1 Điều 3 is gone."""
    rounds.close_round(opened, SLUG)
    opened.commit({AMENDMENT: (FIX / "amendment-2.md").read_bytes()}, "Draft 2")
    return opened


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_the_report_says_where_a_provision_is_now(redrafted: Workspace, tmp_path: Path, suffix: str) -> None:
    listed = {i.comment.on: i.placement.describe() for i in rounds.list_comments(redrafted, SLUG)}
    assert listed["d2a"] == "moved to d3.k3 (changed)" and listed["d3.k1"] == "removed"
    text = " ".join(_written(redrafted, tmp_path, suffix, 1).split())
    assert "Điều 2a (nay là khoản 3 Điều 3)" in text.replace("</td>", "").replace('<div class="now">', " ")
    assert "(đã bỏ trong Dự thảo lần 2)" in text
    assert "Điều 1 (nay là" not in text and text.count("(nay là") == 1


def test_the_csv_and_xlsx_have_a_column_of_where_it_is_now(redrafted: Workspace, tmp_path: Path) -> None:
    import openpyxl

    rows = list(csv.reader(io.StringIO(_written(redrafted, tmp_path, ".csv", 1).lstrip("\ufeff"))))
    now = {row[2]: row[-1] for row in rows[1:]}
    assert rows[0][-1] == "Điều, khoản hiện nay"
    assert now == {"d1": "Điều 1", "d2a": "Khoản 3 Điều 3", "d3.k1": "Đã bỏ trong Dự thảo lần 2"}
    report = rounds.build_report(redrafted, SLUG, 1)
    out = tmp_path / "r.xlsx"
    write_report(report, out, workspace_root=redrafted.root, config=redrafted.config, today=TODAY)
    sheet = openpyxl.load_workbook(out).active
    table = [row for row in sheet.iter_rows(values_only=True) if row[1]]
    head = next(k for k, row in enumerate(table) if row[0] == "STT")
    assert table[head][:2] == ("STT", "Điều, khoản") and table[head][-1] == "Điều, khoản hiện nay"
    assert {row[1]: row[-1] for row in table[head + 1:]} == {"Điều 1": "Điều 1", "Điều 2a": "Khoản 3 Điều 3",
                                                           "Khoản 1 Điều 3": "Đã bỏ trong Dự thảo lần 2"}


def test_a_report_with_the_now_column_imports_back(redrafted: Workspace, tmp_path: Path) -> None:
    """The column is the report's: a sheet made from the CSV reads, the column ignored."""
    from regdraft.importer.comment_sheet import read_sheet

    path = tmp_path / "r.csv"
    path.write_text(_written(redrafted, tmp_path, ".csv", 1), encoding="utf-8")
    rows = read_sheet(path)
    assert [values["on"] for _, values in rows] == ["d1", "d2a", "d3.k1"]


def test_check_names_a_report_setting_it_cannot_read(opened: Workspace, invoke: Invoke) -> None:
    config = opened.path("regdraft.yaml")
    wrong = "report:\n  signer: Lò Văn Mừng\n  recipents:\n    - Lưu Văn phòng Tỉnh ủy.\n"
    config.write_text(config.read_text(encoding="utf-8") + wrong, encoding="utf-8")
    said = " ".join(invoke(opened, "check").output.split())
    assert "report's signer is not read" in said
    assert "the setting 'recipents' under report is unknown and has no effect" in said
    assert "the setting 'report' is unknown" not in said


def test_the_signature_block_takes_the_tables_last_row_to_its_page(opened: Workspace, tmp_path: Path) -> None:
    # 11 comments end the table at the foot of page 2 (Tinos or Liberation Serif, metric-compatible): the recipients
    # and the signature stood alone on page 3. They now take row 11 with them, under the repeated header.
    report = rounds.build_report(opened, SLUG)
    group = report.groups[-1]
    rows = tuple(replace(group.rows[0], number=k, text=f"Nội dung góp ý số {k} về điều khoản này, đề nghị cân nhắc "
                         "sửa đổi cho phù hợp với quy định mới của Trung ương.") for k in range(1, 12))
    out = tmp_path / "r.pdf"
    write_report(replace(report, groups=(replace(group, rows=rows),)), out, workspace_root=opened.root,
                 config=opened.config, today=TODAY)
    pages = [" ".join(page.split()) for page in read_pdf.pages(out)]
    closing = next(k for k, page in enumerate(pages) if "Nơi nhận:" in page)
    assert closing > 0  # the table runs over a page: the case this is about
    assert "Nội dung góp ý số 11 về" in pages[closing], pages
    assert "STT" in pages[closing] and "Khoản 1 Điều 3 (tiếp)" in pages[closing]  # the table goes on, named
    assert "Nội dung góp ý số 10 về" in pages[closing - 1]


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_the_signature_block_leaves_space_to_sign_without_a_name(opened: Workspace, tmp_path: Path,
                                                                 suffix: str) -> None:
    # As a report is signed: blank lines under CHÁNH VĂN PHÒNG, where the signer signs and writes the name.
    report = rounds.build_report(opened, SLUG)
    out = tmp_path / f"r{suffix}"
    write_report(report, out, workspace_root=opened.root, config=opened.config, today=TODAY)
    if suffix == ".html":
        page = out.read_text(encoding="utf-8")
        assert '<p class="signer-title">CHÁNH VĂN PHÒNG</p><p class="signer-space">&nbsp;</p>' in page
        assert 'class="signer-name"' not in page
        return
    import docx

    signer = docx.Document(str(out)).tables[-1].rows[0].cells[1]
    lines = [p.text for p in signer.paragraphs]
    assert lines[lines.index("CHÁNH VĂN PHÒNG") + 1:] == ["", "", ""]


def test_the_signers_name_comes_after_the_space_to_sign(opened: Workspace, tmp_path: Path) -> None:
    from regdraft.render.report import html_text

    report = replace(rounds.build_report(opened, SLUG), signer=(("name", "Lò Văn Mừng"),))
    page = html_text(report, None, load_profile({}), TODAY)
    assert ('<p class="signer-title">CHÁNH VĂN PHÒNG</p><p class="signer-space">&nbsp;</p>'
            '<p class="signer-name">Lò Văn Mừng</p>') in page
