"""Emphasis a drafter writes (`*nghiêng*`, `**đậm**`) is italic and bold in the Word redline, as in the HTML
(wording31).

The Word redline printed each change's Markdown source with its escapes resolved, so a drafter's `*nghiêng*` showed
its stars in Word while the HTML and PDF redline printed it in italics. Its runs now read the text's Markdown inline
as the HTML reads each change's words (`render.marked`), tracked changes and all. Like the HTML, each change is read
on its own: `**` added around words kept is not read across the change (known open).
"""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke

AMENDMENT = f"amendments/{SLUG}/amendment.md"
POINT = "a) Báo cáo Ban Chấp hành Đảng bộ tỉnh tại các kỳ hội nghị thường lệ"
EMPHASISED = "a) Báo cáo *nghiêng* Ban Chấp hành Đảng bộ tỉnh **đậm mới** tại các kỳ hội nghị \\*thường lệ\\*"


def _emphasised(ws: Workspace) -> None:
    text = (ws.root / AMENDMENT).read_text(encoding="utf-8")
    assert POINT in text
    ws.commit({AMENDMENT: text.replace(POINT, EMPHASISED).encode("utf-8")}, "Emphasis in khoản 2 Điều 5")


def test_the_word_redline_prints_emphasis_as_italic_and_bold_runs(tmp_workspace: Workspace, invoke: Invoke,
                                                                  tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    ws = tmp_workspace
    _emphasised(ws)
    word = tmp_path / "red.docx"
    done = invoke(ws, "redline", "01-QC/TU", "-o", str(word))
    assert done.exit_code == 0, done.output
    def new_text(p: object) -> str:  # the paragraph as Accept all reads it: kept and inserted words
        return "".join(t.text or "" for t in p._p.iter(qn("w:t")))  # type: ignore[attr-defined]

    (para,) = [p for p in docx.Document(str(word)).paragraphs
               if new_text(p).startswith("a) Báo cáo") and "nghiêng" in new_text(p)]
    runs = [(r.text or "", bool(r.find(f"{qn('w:rPr')}/{qn('w:i')}") is not None),
             bool(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None)) for r in para._p.iter(qn("w:r"))]
    text = "".join(t for t, _, _ in runs)
    assert "*nghiêng*" not in text and "**" not in text, text
    assert ("nghiêng", True, False) in runs, runs
    assert ("đậm mới", False, True) in runs, runs
    assert "*thường lệ*" in text  # escaped stars are the characters
    # Inserted words in a tracked insertion, whatever their style: Accept all gives the new text.
    inserted = [r for r in para._p.iter(qn("w:r")) if r.getparent().tag == qn("w:ins")]
    assert any((r.findtext(qn("w:t")) or "") == "nghiêng" for r in inserted)

    page = tmp_path / "red.html"
    assert invoke(ws, "redline", "01-QC/TU", "--format", "html", "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "<em>nghiêng</em>" in html and "<strong>đậm mới</strong>" in html
