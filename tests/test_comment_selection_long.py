"""A selection longer than a comment keeps (`comments.MAX_SELECTION`) is shortened to its first and last words on
import, and said; an XLSX report cell never cuts a text unsaid (r30 sweep AP 3: a Word comment across Điều 55 to
Điều 79 quoted 36,062 characters of the law, 25 pages of the PDF report, and the XLSX cut it at 32,767)."""

from __future__ import annotations

from pathlib import Path

import yaml

from regdraft.core.comments import GENERAL, MAX_SELECTION, shortened_selection
from regdraft.render.profile import default_profile
from regdraft.render.report import XLSX_CELL, fitted
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "qc-sua-doi-2025"
BODY = "Huyện ủy Mường Chà"
TEXT = "Góp ý chung cho cả dự thảo: thống nhất thuật ngữ."


def test_a_long_selection_keeps_its_first_and_last_words() -> None:
    words = " ".join(f"từ{i}" for i in range(8000))
    short = shortened_selection(words)
    assert len(short) <= MAX_SELECTION
    assert short.startswith("từ0 từ1 từ2 ") and short.endswith(" từ7998 từ7999")
    head, tail = short.split(" … ")
    assert words.startswith(head) and words.endswith(tail)  # cut between words, none of them changed
    assert shortened_selection("ngắn") == "ngắn"


def test_a_word_comment_across_the_draft_keeps_a_short_selection_and_says_so(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    copy = kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "ban-lay-y-kien.docx", BODY)
    document = kit.open_docx(copy)
    # From the amending document's Điều 1 into the text as amended: no provision holds it, a general comment.
    first = kit.paragraph_with(document, "6. Thực hiện tiếp công dân định kỳ", last=False)
    last = kit.paragraph_with(document, "4. Bí thư chủ trì hội nghị")
    kit.comment(document, first.runs[0], TEXT, "Lò Văn Pâng", last=last.runs[-1])
    body = [p._p for p in document.paragraphs]
    selected = "\n".join(p.text for p in document.paragraphs[body.index(first._p):body.index(last._p) + 1])
    assert len(selected) > 2 * MAX_SELECTION  # the test's premise: a long range
    result = invoke(tmp_workspace, "comment", "import", SLUG, str(kit.save(document, tmp_path / "r.docx")),
                    "--by", BODY)
    assert result.exit_code == 0, result.output
    assert "characters; the comment keeps their first and last words" in " ".join(result.output.split())
    folder = tmp_workspace.root / "amendments" / SLUG / "comments"
    (stored,) = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml")]
    assert stored["provision"] == GENERAL and stored["text"] == TEXT  # the text whole
    assert len(stored["selection"]) <= MAX_SELECTION and " … " in stored["selection"]
    assert stored["selection"].split()[0] == first.text.split()[0]


def test_an_xlsx_cell_longer_than_excel_holds_is_marked_not_cut_unsaid() -> None:
    words = default_profile().words("vi")
    text = "a" * 40_000
    cell = fitted(text, words)
    assert len(cell) <= XLSX_CELL
    assert cell.endswith("xem đủ trong báo cáo CSV, HTML hoặc PDF]")
    kept = cell.split(" … [")[0]
    assert f"còn {len(text) - len(kept)} ký tự" in cell
    assert fitted("ngắn", words) == "ngắn"


def test_the_xlsx_report_marks_a_comment_cell_longer_than_excel_holds(
        consulting_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import openpyxl

    from regdraft.workspace.rounds import add_comment

    ws = consulting_workspace
    text, proposal = "Ý kiến " * 2800, "Đề nghị " * 2400  # each under the 20,000 a comment holds, together over
    add_comment(ws, "mini-sua", "Ban A", "general", text.strip(), proposal=proposal.strip())
    out = tmp_path / "r.xlsx"
    written = invoke(ws, "round", "report", "mini-sua", "-o", str(out))
    assert written.exit_code == 0, written.output
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    (cell,) = [c.value for row in sheet.iter_rows() for c in row if str(c.value or "").startswith("Ý kiến")]
    assert len(cell) <= XLSX_CELL and cell.endswith("ký tự không vừa một ô Excel; xem đủ trong báo cáo CSV, HTML "
                                                    "hoặc PDF]")
