"""The printed comment report's long rows run on where the page ends (r32 sweep AX 3): every row was kept whole, so a
first row too tall for the space under the header and the preface (a general comment quoting a long selection) began
on page 2, and page 1 held the preface alone, two-thirds blank. Short rows still move on whole."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from regdraft.core.comment_report import Report
from regdraft.render.report import write_report
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import pdf_text
from tests.test_report_closing import SLUG, TODAY
from tests.test_report_closing import opened as opened  # noqa: F401  (the fixture: a mini amendment in round 1)

# A selection of about 1,200 characters: taller than what page 1 leaves under the preface, shorter than a page.
SELECTION = " ".join(f"Câu trích thứ {k} của đoạn được chọn, về thẩm định quy định thủ tục hành chính." for k in
                     range(1, 16))


def _long_first(ws: Workspace) -> Report:
    report = rounds.build_report(ws, SLUG)
    first = report.groups[0]
    rows = (replace(first.rows[0], selection=SELECTION, text="Góp ý mở đầu: nhận xét chung cho các điều."),
            *first.rows[1:])
    return replace(report, groups=(replace(first, rows=rows), *report.groups[1:]))


def test_a_first_row_taller_than_what_page_1_leaves_begins_on_page_1(opened: Workspace,  # noqa: F811
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    write_report(_long_first(opened), out, workspace_root=opened.root, config=opened.config, today=TODAY)
    pages = [" ".join(page.split()) for page in pdf_text.pages(out)]
    assert len(pages) > 1 and "Câu trích thứ 15" not in pages[0]  # the row is taller than page 1 leaves
    assert "Câu trích thứ 1 của" in pages[0], pages[0]
    assert "Câu trích thứ 15" in pages[1]


def test_only_short_rows_are_kept_whole(opened: Workspace, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "r.html"
    write_report(_long_first(opened), out, workspace_root=opened.root, config=opened.config, today=TODAY)
    html = out.read_text(encoding="utf-8")
    rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr")[1:]
    assert len(rows) == 3
    assert not rows[0].startswith(' class="whole"') and "Câu trích thứ 15" in rows[0]
    assert all(row.startswith(' class="whole"') for row in rows[1:])
