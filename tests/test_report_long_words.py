"""The printed comment report keeps its columns when a comment holds a long link, or a form's answer line that has
no place to break (found round 40 measuring the report's layout): the automatic table layout widened the comment's
column to the whole run, pushed the answer column and the table's right edge off the landscape page, and squeezed
the body's name into a column of letters; the run's end and the office's answer were not printed. The columns are
now the header's widths, and a run longer than its cell wraps inside it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from regdraft.render.report import write_report
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.print_marks import POPPLER, page_words
from tests.test_report_closing import SLUG, TODAY
from tests.test_report_closing import opened as opened  # noqa: F401  (the fixture: a mini amendment in round 1)

LINK = ("https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Nghi-dinh-48-2013-ND-CP-sua-doi-cac-nghi-dinh-lien-quan"
        "-den-kiem-soat-thu-tuc-hanh-chinh-179568.aspx?tab=7&lang=vi")
# A form's answer line, as forms print it: a run of "…" with no place where a line may break.
BLANK = "…" * 90
A4_LANDSCAPE = 842.0  # points


@pytest.mark.skipif(not POPPLER, reason="pdftotext is not installed")
def test_a_long_link_in_a_comment_wraps_in_its_cell(opened: Workspace, tmp_path: Path) -> None:  # noqa: F811
    report = rounds.build_report(opened, SLUG)
    first = report.groups[0]
    text = f"Đề nghị ghi vào mẫu dòng “Họ và tên người đề nghị: {BLANK}” và đối chiếu với {LINK} trước khi trình."
    rows = (replace(first.rows[0], text=text), *first.rows[1:])
    out = tmp_path / "r.pdf"
    write_report(replace(report, groups=(replace(first, rows=rows), *report.groups[1:])), out,
                 workspace_root=opened.root, config=opened.config, today=TODAY)
    words = [word for page in (1, 2) for word in page_words(out, page)]
    assert words and max(word.x1 for word in words) < A4_LANDSCAPE - 20  # nothing past the right margin
    pieces = [word.text for word in words if len(word.text) > 3 and word.text in LINK]
    assert "".join(pieces) == LINK, pieces  # every character of the link printed, line after line in its cell
    assert sum(word.text.count("…") for word in words) == len(BLANK)  # the answer line printed whole in its cell
    name = first.rows[0].by.split()
    lines = {round(word.y0) for word in page_words(out, 1) if word.text == name[0]}
    assert lines and len(lines) <= 2, lines  # the body's name on its lines, not squeezed into a column of letters
    header = {word.text: word for word in page_words(out, 1) if word.text in ("STT", "Chủ", "Nội")}
    assert header["STT"].x0 < header["Chủ"].x0 < header["Nội"].x0  # the header's columns in their order
