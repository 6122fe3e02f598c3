"""A comment's proposal holding a table on the review server's comments page (r40 web40): a row of an appendix's
form (Phụ lục I of Nghị định 63/2010) proposed filled showed the whole form as raw `| STT | … |` lines with their
`| --- |` line, where the comment report (`render.proposal_tables`, r39) already printed a table. The page now prints
it as the report does: only the row changed under the row naming the columns, marked cell by cell; each cell's text
escaped, so no HTML a comment holds ever reaches the page as HTML."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.core.amend.proposal import editor_text
from regdraft.workspace.circulated import draft_text
from regdraft.workspace.rounds import add_comment, open_round
from regdraft.workspace.store import Workspace, init_workspace
from tests.test_report_tables import FORM
from tests.web.conftest import BODIES, SLUG, client

DECREE = FORM  # Nghị định 63/2010's Phụ lục I, the comment report's table test's form
AMENDMENT = """---
type: Nghị định
title: Nghị định sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP về kiểm soát thủ tục hành chính
regulation: 63/2010/NĐ-CP
language: vi
status: circulating
draft: 1
issuer: CHÍNH PHỦ
---

## Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP

1\\. Sửa đổi, bổ sung Điều 1 như sau:

“Điều 1. Phạm vi điều chỉnh

Nghị định này quy định về kiểm soát thủ tục hành chính và công bố thủ tục hành chính.”.

## Điều 2. Hiệu lực thi hành

Nghị định này có hiệu lực kể từ ngày ký.
"""
SCRIPT, IMAGE = "<script>alert(1)</script>", "<img src=x onerror=alert(2)>"


def _shown(page: str, cid: str) -> str:
    """The comment `cid` as the comments page shows it, up to its forms."""
    start = page.index(f'<article class="comment" id="c-{cid}">')
    return page[start:page.index("<form", start)]


def _no_markup_from(shown: str) -> None:
    assert "<script" not in shown and "<img" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "&lt;img src=x onerror=alert(2)&gt;" in shown


def test_a_row_of_an_appendix_proposed_filled_is_a_table_of_the_row_changed(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    ws.commit({"regulations/63-2010-NĐ-CP.md": DECREE.encode(), "amendments/nd-sua/amendment.md": AMENDMENT.encode()},
              "Nghị định 63/2010 and a draft amending it")
    open_round(ws, "nd-sua", "Lấy ý kiến", "2025-03-15", ["Bộ Tư pháp"])
    form = editor_text(draft_text(ws, "nd-sua").find("pli").unit, "vi")
    filled = form.replace("| 3 | ……………… | ……………… | ……… |", f"| 3 | Cấp giấy phép kinh doanh {SCRIPT} | {IMAGE} | ……… |")
    comment = add_comment(ws, "nd-sua", "Bộ Tư pháp", "pli", "Đề nghị điền dòng 3 của biểu mẫu.", proposal=filled)
    shown = _shown(client(ws).get("/a/nd-sua/comments").text, comment.id)
    assert "| --- |" not in shown and "| STT |" not in shown  # no raw Markdown lines
    table = shown[shown.index('<table class="proposal-table">'):shown.index("</table>")]
    head = "<td>STT</td><td>Tên thủ tục hành chính</td><td>Kết quả rà soát</td><td>Ghi chú</td>"
    assert f"<thead><tr>{head}</tr>" in table  # the row naming the columns
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>")[1], re.S)
    assert rows[0] == '<td colspan="4">[…]</td>'  # rows 1 and 2, as they were
    assert rows[1].startswith('<td>3</td><td><del class="del">………………</del>')  # the row filled, marked cell by cell
    assert '<ins class="ins">Cấp giấy phép kinh doanh' in rows[1] and rows[1].endswith("<td>………</td>")
    _no_markup_from(shown)


def test_a_table_in_a_proposal_not_marked_is_a_whole_table_and_escaped(review_ws: Workspace) -> None:
    proposal = ("2. Thời hạn gửi báo cáo theo bảng sau:\n\n| STT | Loại báo cáo | Thời hạn |\n| --- | --- | --- |\n"
                f"| 1 | {SCRIPT} | 15 ngày |\n| 2 | {IMAGE} | 30 ngày |")
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị lập bảng thời hạn.", proposal=proposal)
    shown = _shown(client(review_ws).get(f"/a/{SLUG}/comments").text, comment.id)
    assert '<p class="para">2. Thời hạn gửi báo cáo theo bảng sau:</p><table class="proposal-table">' in shown
    assert "<tr><td>2</td><td>&lt;img src=x onerror=alert(2)&gt;</td><td>30 ngày</td></tr>" in shown
    assert "| --- |" not in shown
    _no_markup_from(shown)


def test_a_proposal_without_a_table_is_printed_as_its_lines(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị viết gọn.",
                          proposal=f"2. Báo cáo định kỳ | 6 tháng {SCRIPT}")
    shown = _shown(client(review_ws).get(f"/a/{SLUG}/comments").text, comment.id)
    assert "<table" not in shown and "<pre>2. Báo cáo định kỳ | 6 tháng &lt;script&gt;" in shown
