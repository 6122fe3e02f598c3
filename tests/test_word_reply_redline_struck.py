"""A member's Word comment on words the Word redline itself strikes out (`regdraft redline … -o x.docx`): it lands on
the provision whose old text the words were, the smallest holding the paragraphs around them, with the struck words
as its selection (r24 sweep d-word defect 2)."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "qc-sua-doi-2025"
BODY = "Văn phòng Tỉnh ủy"
# The closing sentence of khoản 3 Điều 9 in force, which draft 2 strikes out.
STRUCK = ("Bí thư Tỉnh ủy làm Bí thư Đảng ủy Quân sự tỉnh; chỉ đạo các cơ quan tham mưu, giúp việc Tỉnh ủy theo "
          "phân công của Ban Thường vụ Tỉnh ủy.")


def test_a_comment_on_words_the_redline_strikes_out_lands_on_their_provision(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # It could not be placed ("Word comment 1 … (the words it was on were deleted): … on “” matches no provision");
    # forced with --place-unplaced general it was a general comment without its words.
    ws = tmp_workspace
    opened = invoke(ws, "round", "open", SLUG, "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", BODY)
    assert opened.exit_code == 0, opened.output
    red = tmp_path / "ban-so-sanh.docx"
    made = invoke(ws, "redline", "01-QC/TU", "--amendment", SLUG, "-o", str(red))
    assert made.exit_code == 0, made.output
    document = kit.open_docx(red)
    struck = next(r for r in document.element.body.iter(qn("w:r"))
                  if r.getparent().tag == qn("w:del") and "".join(r.itertext()) == STRUCK)
    run = Run(struck, Paragraph(struck.getparent().getparent(), document._body))
    kit.comment(document, run, "Đề nghị giữ lại câu này.", "Phạm Thu Hà")
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    assert (c["provision"], c["selection"], c["text"]) == ("d9.k3", STRUCK, "Đề nghị giữ lại câu này.")
    assert c["author"] == "Phạm Thu Hà"
