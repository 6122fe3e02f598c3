"""A comment on an appendix's form in the comment report (r39 sweep CB F3): a member's tracked change in one cell of
Phụ lục IV printed the whole form as `| STT | … |` lines with their `| --- |` separator, in HTML, PDF and Word, the
appendix's label `Phụ lục IV. ` marked as the member's insertion, and the comment's sentence (`thay “………………” bằng
“…”`) named no row of a form whose blank stands six times. The changed rows now print as a table, the label is the
provision's, and the sentence names the row by its first cell."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx

from regdraft.core.amend.proposal import editor_text
from regdraft.core.comment_report import Report, ReportGroup, ReportRow, marked
from regdraft.core.comments import Comment, CommentType
from regdraft.core.markdown import parse
from regdraft.core.reply_wording import describe_change
from regdraft.workspace.store import Workspace
from tests.test_report import TODAY, report  # noqa: F401  (the fixture)

FORM = """---
id: 63/2010/NĐ-CP
type: Nghị định
title: Về kiểm soát thủ tục hành chính
language: vi
issuer: CHÍNH PHỦ
signed: 2010-06-08
---

## Điều 1. Phạm vi điều chỉnh

Nghị định này quy định về kiểm soát thủ tục hành chính.

# Phụ lục I. MẪU BÁO CÁO KẾT QUẢ RÀ SOÁT

TÊN CƠ QUAN: ……………………………

| STT | Tên thủ tục hành chính | Kết quả rà soát | Ghi chú |
| --- | --- | --- | --- |
| 1 | ……………… | ……………… | ……… |
| 2 | ……………… | ……………… | ……… |
| 3 | ……………… | ……………… | ……… |

Người lập biểu: …………………… (ký, ghi rõ họ tên)
"""
FILLED = "| 3 | Cấp giấy phép kinh doanh | ……………… | ……… |"


def _comment() -> tuple[Comment, object]:
    draft = parse(FORM, "nd.md")
    unit = draft.find("pli").unit
    proposal = editor_text(unit, "vi").replace("| 3 | ……………… | ……………… | ……… |", FILLED)
    return Comment("c1", 1, "Bộ Tư pháp", "pli", CommentType.EDITORIAL, "Sửa.", proposal, unit.all_text()), draft


def test_an_appendix_wording_marks_the_cell_changed_not_the_appendix_label() -> None:
    comment, draft = _comment()
    changed = [(s.op.value, s.text) for s in marked(comment, "vi", draft) if s.op.value != "equal"]  # type: ignore[arg-type]
    assert changed == [("delete", "………………"), ("insert", "Cấp giấy phép kinh doanh")]


def test_the_sentence_of_a_change_in_a_form_names_its_row() -> None:
    comment, _ = _comment()
    old = comment.anchor
    assert describe_change(old, old.replace("| 3 | ……………… | ……………… | ……… |", FILLED)) == \
        "Đề nghị sửa như sau: thay “………………” bằng “Cấp giấy phép kinh doanh” tại dòng 3."
    # A row named by a longer first cell quotes its first words; words outside a table name no row.
    row = "| 1. Thủ tục hành chính được đặt ra nhằm đạt được mục tiêu gì? | a) Có £ b) Không £ |"
    assert describe_change(row, row.replace("b) Không £", "b) Không £ c) Khác £")).endswith(
        "tại dòng “1. Thủ tục hành chính được…”.")
    assert "dòng" not in describe_change("TÊN CƠ QUAN: ……", "TÊN ĐƠN VỊ: ……")


def _written(report: Report, mini_workspace: Workspace, tmp_path: Path, suffix: str) -> Path:  # noqa: F811
    from regdraft.render.report import write_report

    comment, draft = _comment()
    row = ReportRow(1, comment.by, "Đề nghị sửa như sau.", comment.proposal, "", "",
                    marked(comment, "vi", draft))  # type: ignore[arg-type]
    out = tmp_path / f"r.{suffix}"
    write_report(replace(report, groups=(ReportGroup("pli", "Phụ lục I", (row,)),)), out,
                 workspace_root=mini_workspace.root, config=mini_workspace.config, today=TODAY)
    return out


def test_the_report_prints_the_changed_row_of_a_form_as_a_table(report: Report,  # noqa: F811
                                                               mini_workspace: Workspace, tmp_path: Path) -> None:
    page = _written(report, mini_workspace, tmp_path, "html").read_text(encoding="utf-8")
    assert "| --- |" not in page and "| STT |" not in page and "<ins>Phụ lục" not in page
    table = page.split('<table class="proposal-table">', 1)[1].split("</table>", 1)[0]
    assert "<td>STT</td>" in table  # the row naming the columns
    assert '<td><del class="del">………………</del> <ins class="ins">Cấp giấy phép kinh doanh</ins></td>' in table
    assert "<td>1</td>" not in table and "<td>2</td>" not in table  # rows as they were: `[…]`
    word = docx.Document(str(_written(report, mini_workspace, tmp_path, "docx")))
    cell = next(c for t in word.tables for r in t.rows for c in r.cells if "Đề nghị sửa như sau." in c.text)
    assert "|" not in cell.text
    [nested] = cell.tables
    assert [c.text for c in nested.rows[0].cells] == ["STT", "Tên thủ tục hành chính", "Kết quả rà soát", "Ghi chú"]
    assert [c.text for c in nested.rows[-1].cells] == ["3", "………………Cấp giấy phép kinh doanh", "………………", "………"]
